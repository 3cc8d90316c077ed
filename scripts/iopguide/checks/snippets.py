"""Snippet files, checked like pages: what `pymdownx.snippets` pastes into pages.

docs/.snippets/ and docs-es/.snippets/ hold the glossary (auto-appended to every page)
and the figures (SVG included with `--8<--`). Their text reaches every page that
includes them, so the rules that apply to a fragment run on each file, reported on the
snippet's own path and line: image-alt, unsafe-html, link-https, link-tracking,
link-text and phone-link. Rules that need front matter, a title or a whole page do not
apply. `steps.check` (Zensical) and the MkDocs hook both call `check_snippets`.
"""

from __future__ import annotations

import os
from pathlib import Path

from iopguide.checks import images, links, markdown_scan, phone_links, unsafe_html
from iopguide.checks.problem import Problem

FOLDER = ".snippets"  # each language's snippet base path: <docs_dir>/.snippets
SUFFIXES = (".md", ".svg", ".html", ".txt")  # what a page can include as text


def is_snippet(path: Path | str) -> bool:
    """A file under a `.snippets` folder."""
    return FOLDER in Path(path).parts


def snippet_files(docs_dir: Path) -> list[Path]:
    """Every includable file under `docs_dir`/.snippets, sorted."""
    base = docs_dir / FOLDER
    return sorted(p for p in base.rglob("*") if p.is_file() and p.suffix in SUFFIXES)


def check_snippet(text: str, path: str) -> list[Problem]:
    """The fragment rules on one snippet's `text`, named by `path`, sorted by line."""
    found = markdown_scan.links(text)
    problems = (
        images.check(found, path)
        + unsafe_html.check(text, found, path)
        + links.check_external_links(found, path)
        + links.check_link_text(text, found, path)
        + phone_links.check(found, path)
    )
    return sorted(problems, key=lambda problem: problem.line)


def check_snippets(docs_dir: Path, root: Path) -> list[Problem]:
    """Every snippet file of one language (`docs_dir`), named from the project `root`."""
    problems: list[Problem] = []
    for path in snippet_files(docs_dir):
        name = os.path.relpath(path, root).replace(os.sep, "/")
        problems += check_snippet(path.read_text(encoding="utf-8-sig"), name)
    return problems
