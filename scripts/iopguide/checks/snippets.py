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
import re
from collections.abc import Callable
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
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:  # a traceback, for every page that includes it
            line = data[: error.start].count(b"\n") + 1
            fix = "the file is not UTF-8 text: save it as UTF-8 (fix this line's accents)"
            problems.append(Problem(name, line, INCLUDE_RULE, fix))
            continue
        problems += check_snippet(text, name)
    return problems


INCLUDE_RULE = "snippet"


def include_problem(
    text: str,
    options: dict,
    page: str,
    locate: Callable[[str], tuple[str, int] | None],
) -> Problem | None:
    """The first `--8<--` include of the page `text` (or of a snippet it includes, or of
    auto_append's) that pymdownx.snippets cannot read (a missing file or section, a path
    outside the snippet folder, a web address), as a problem on the line that names it;
    None when every include reads. `options`: the extension's settings, base_path
    absolute; `locate` finds a name's (path, line) in the page or its snippet files.
    The generator would stop on it with a traceback: run this before it renders."""
    # Imported here: the quick check (pre-commit) reads pages with PyYAML and markdown-it-py
    # alone, and needs Python-Markdown only for a page that includes a snippet.
    import markdown
    from pymdownx.snippets import SnippetMissingError

    settings = {**options, "check_paths": True, "url_download": False}
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": settings}
    )
    try:
        md.preprocessors["snippet"].run(text.split("\n"))
    except UnicodeDecodeError:
        fix = "a snippet it includes is not UTF-8 text: save that file as UTF-8 (named above)"
        return Problem(page, 1, INCLUDE_RULE, fix)
    except OSError as error:  # a folder (`--8<-- "figures"`), a file it may not read
        name = os.path.basename(str(error.filename or "")) or "?"
        path, line = locate(name) or (page, 1)
        fix = f"`--8<--` names `{name}`, which is a folder or cannot be read: name a file in it"
        return Problem(path, line, INCLUDE_RULE, fix)
    except SnippetMissingError as error:
        name = next(iter(re.findall(r"'([^']*)'", str(error))), "")
        path, line = (locate(name) if name else None) or (page, 1)
        what = "section" if "section" in str(error) else "file"
        folder = f"{Path(page).parts[0]}/{FOLDER}/" if len(Path(page).parts) > 1 else FOLDER
        return Problem(
            path,
            line,
            INCLUDE_RULE,
            f"`--8<--` names `{name}`, but there is no such {what} in the snippet folder: "
            f"snippets live in {folder}; fix the name, or add the file there (never a path "
            "outside it, or a web address)",
        )
    return None


def options_of(config: dict, root: Path) -> dict | None:
    """pymdownx.snippets' settings in a language's full settings `config` (mkdocs.yml),
    its base paths made absolute from the project `root`; None without the extension."""
    for entry in config.get("markdown_extensions") or ():
        if isinstance(entry, dict) and "pymdownx.snippets" in entry:
            options = dict(entry["pymdownx.snippets"] or {})
            bases = options.get("base_path") or ["."]
            bases = [bases] if isinstance(bases, str) else bases
            return {**options, "base_path": [str(root / base) for base in bases]}
        if entry == "pymdownx.snippets":
            return {"base_path": [str(root)]}
    return None
