"""Whose inline script or style is it? The page's content, or the theme's templates.

The CSP step (csp.py) allows an inline <script> or <style> only by a pinned hash. When a
built page has one that is not pinned, the message must say where it came from:

- **The page's content** (its Markdown, or a snippet file it includes): the element's
  text is found in the page's source or in one of its language's snippet files, or the
  element sits inside the page's <article> (where Markdown lands). It is reported on
  that file and line, `docs/x.md:LINE: csp: an inline script in docs/x.md:LINE is not
  allowed`. Found nowhere, it is reported on line 1 of the page, "or a snippet it
  includes".
- **The theme's templates** (Material's, or ours in overrides/): anything else, so
  outside the <article> and written by no source file. Only then does the message give
  the "Material's inline script changed" wording, which asks a maintainer to review the
  new hash. The criterion is sound against a page that tries to pass for the theme: text
  that leaves the <article> (`</article><script>...`) is still found in its Markdown.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from iopguide.checks.problem import Problem
from iopguide.checks.snippets import snippet_files
from iopguide.finish.edition import EditionBuild
from iopguide.finish.embed import embed_url

CHANGED = (
    "Material's inline script changed: review it and update "
    "scripts/iopguide/finish/csp-inline-hashes.txt"
)


@dataclass(frozen=True)
class InlineScript:
    """An inline <script> (or, with tag="style", <style>) as the browser hashes it."""

    hash: str  # 'sha256-...'
    text: str
    tag: str = "script"
    in_article: bool = False  # inside the page's <article>, where Markdown lands


@dataclass(frozen=True)
class Origin:
    """Where a built page's content comes from: its Markdown file, then every snippet
    file its language can include, each as (path from the project root, text)."""

    page: str
    texts: tuple[tuple[str, str], ...]


def origins(editions: Iterable[EditionBuild]) -> dict[str, Origin]:
    """Built file (a page and its embed) -> the Origin of its content."""
    found: dict[str, Origin] = {}
    for edition in editions:
        root = edition.settings.config_path.parent
        snippets = tuple(
            (os.path.relpath(path, root).replace(os.sep, "/"), path.read_text("utf-8-sig"))
            for path in snippet_files(edition.settings.docs_dir)
        )
        for page in edition.pages:
            origin = Origin(page.src, ((page.src, page.text), *snippets))
            found[edition.built(page)] = origin
            if page.url:
                found[edition.folder + embed_url(page.url) + "index.html"] = origin
    return found


def locate(text: str, tag: str, origin: Origin) -> tuple[str, int] | None:
    """The file and line where the element's `text` (else its `<tag`) starts."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    needle = lines[0] if lines else f"<{tag}"
    for path, source in origin.texts:
        for number, line in enumerate(source.splitlines(), start=1):
            if needle.lower() in line.lower():
                return path, number
    return None


def blame(text: str, tag: str, in_article: bool, origin: Origin | None) -> Problem | None:
    """The problem to report on the content's source, or None when the theme's templates
    wrote the element (see the module's docstring)."""
    kind = "script" if tag == "script" else "style"
    where = locate(text, tag, origin) if origin else None
    if where is None and not (origin and in_article):
        return None
    path, line = where or (origin.page, 1)
    also = "" if where else " (or a snippet it includes)"
    fix = (
        "remove it; a script belongs in a file under docs/assets/, added by a developer"
        if kind == "script"
        else "remove it; give the element a class and style it in docs/assets/site.css"
    )
    return Problem(
        path, line, "csp", f"an inline {kind} in {path}:{line}{also} is not allowed: {fix}"
    )


def report_unpinned(
    unpinned: dict[str, list[tuple[str, InlineScript]]],
    excused: Iterable[str],
    origins: dict[str, Origin],
) -> tuple[list[Problem], list[str]]:
    """Each unpinned hash (-> [(built page, element)]) not on an `excused` page: problems
    on the content's source, and one warning a hash for what the theme wrote."""
    problems: list[Problem] = []
    warnings: list[str] = []
    excused = set(excused)
    for digest, found in sorted(unpinned.items()):
        theme = []
        for page, element in found:
            if page in excused:
                continue
            problem = blame(element.text, element.tag, element.in_article, origins.get(page))
            if problem is None:
                theme.append((page, element))
            elif problem not in problems:
                problems.append(problem)
        if theme:
            page, element = theme[0]
            start = " ".join(element.text.split())[:70]
            warnings.append(
                f"csp: {page}: {CHANGED.replace('script', element.tag, 1)}. New inline "
                f"{element.tag} hash {digest}, it starts {start!r}. If the change is "
                "expected, put the new hash in the file; the browser blocks it until then."
            )
    return problems, warnings
