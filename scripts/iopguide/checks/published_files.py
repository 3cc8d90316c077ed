"""The `published-file` rule: a docs folder publishes pages, pictures and the site's own
files, and nothing that a host or the theme would run.

MkDocs and Zensical copy every file under a docs folder into the site as it is (only
Markdown pages are rendered, and dot-files and dot-folders are left out). Some files
would do far more than sit there, and no page check ever reads them:

- a host's own file: Cloudflare Pages runs `_worker.js` (a file, or a folder of that
  name) as server code for every request, and obeys `_redirects`, `_routes.json` and
  `_headers` (the build writes `_headers` itself);
- a file at a path the theme has (`assets/javascripts/bundle....min.js`,
  `assets/stylesheets/...`, `404.html`), or for another language one docs/assets/ has
  (`docs-es/assets/site.css`): the copy takes the theme's or the shared file's place, so
  every page would load that script or style;
- a kind of file the site does not publish: a web page (`.html`, `.xml`, ...) is
  published as it is, past every check a page goes through.

An SVG picture is a document of its own too (open its address and the browser shows
it, links and scripts included), so it must pass the page allow-list (allowed_html.py).

    problems(root)   # one `path:line: published-file: ...` per file; root: the project
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path

from iopguide import editions
from iopguide.checks import rendered_html
from iopguide.checks.problem import Problem

RULE = "published-file"
ASK = 'to publish another kind, ask a developer (CONTRIBUTING.md, "Allowed HTML")'
HOST_FILES = frozenset({"_worker.js", "_routes.json", "_redirects", "_headers"})
# What a docs folder may publish: pages, pictures, documents and the site's own code.
KINDS = frozenset(".md .css .js .json .txt .svg .png .jpg .jpeg .gif .webp .avif .ico .pdf".split())
# Folders of the theme's own assets, whose file names change with each theme release.
THEME_FOLDERS = ("assets/javascripts/", "assets/stylesheets/", "assets/images/", "search/")
_THEMES = ("material", "zensical")  # their templates/ folders hold the theme's files


def theme_files(root: Path) -> set[str]:
    """Every path (from the site's root) that a theme or overrides/ publishes."""
    found: set[str] = set()
    folders = [root / "overrides"]
    for name in _THEMES:
        spec = importlib.util.find_spec(name)
        if spec and spec.origin:
            folders.append(Path(spec.origin).parent / "templates")
    for folder in folders:  # .icons/ (thousands) is a dot-folder: never published
        for path in _published(folder) if folder.is_dir() else ():
            if path.is_file():
                found.add(path.relative_to(folder).as_posix())
    return found


def _published(docs_dir: Path) -> Iterator[Path]:
    """Every file and folder under `docs_dir` that the generator copies out (no dot-names)."""
    for folder, subfolders, files in os.walk(docs_dir):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in [*subfolders, *sorted(files)]:
            if not name.startswith("."):
                yield Path(folder) / name


def _why(path: Path, uri: str, theme: set[str]) -> tuple[int, str] | None:
    """Why the file at `uri` (from the docs folder) cannot be published, and its line.
    `theme`: the theme's paths, and for another language the shared docs/assets/ too."""
    name = path.name.lower()  # `_Redirects` on a host that ignores case
    if name in HOST_FILES or (name.endswith(".md") and name[:-3] in HOST_FILES):
        return 1, (
            f"`{path.name}` is a file the web host runs or obeys (server code, redirects, "
            "headers) for every reader: remove it; hosting settings are a developer's"
        )
    if path.is_dir():
        return None
    if uri in theme or uri.startswith(THEME_FOLDERS):
        return 1, (
            "the theme (or docs/assets/, for every language) has a file at this path, and "
            "this one would replace it on every page: remove it, or give it another name"
        )
    if path.suffix.lower() not in KINDS:
        return 1, (
            f"a `{path.suffix or path.name}` file is published as it is, past every page "
            f"check: write a Markdown page, or use a picture; {ASK}"
        )
    if path.suffix.lower() == ".svg":
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        for finding in rendered_html.findings(text):
            line = rendered_html.locate(finding.token, [(uri, text)])
            message = finding.message.replace(rendered_html.FENCE_HINT, "")
            return (line[1] if line else 1), f"{message} (in this picture); {ASK}"
    return None


def problems(root: Path) -> list[Problem]:
    """One problem for each file a docs folder of the project `root` must not publish."""
    theme = theme_files(root)
    # Another language's build takes docs/assets/ (site CSS and scripts) from English,
    # unless its own docs folder has a file of the same path, which would replace it.
    shared = root / "docs" / editions.SHARED
    english = {f"{editions.SHARED}/{p.relative_to(shared).as_posix()}" for p in _published(shared)}
    found: list[Problem] = []
    for edition in editions.editions(root):
        docs_dir = edition.docs_dir
        taken = theme if edition.is_default else theme | english
        for path in _published(docs_dir) if docs_dir.is_dir() else ():
            uri = path.relative_to(docs_dir).as_posix()
            why = _why(path, uri, taken)
            if why:
                shown = os.path.relpath(path, root).replace(os.sep, "/")
                found.append(Problem(shown, why[0], RULE, why[1]))
    return found


def unreadable(root: Path) -> list[Problem]:
    """A page (`.md`) of a docs folder that is not UTF-8 text, on the line of its first
    wrong byte: the generator would stop on it with a traceback, so the build stops
    before it reads one."""
    found: list[Problem] = []
    folders = dict.fromkeys(edition.docs_dir for edition in editions.editions(root))
    for docs_dir in folders:
        for path in _published(docs_dir) if docs_dir.is_dir() else ():
            if path.suffix != ".md" or not path.is_file():
                continue
            data = path.read_bytes()
            try:
                data.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                shown = os.path.relpath(path, root).replace(os.sep, "/")
                line = data[: error.start].count(b"\n") + 1
                fix = "the page is not UTF-8 text: save it as UTF-8 (fix this line's accents)"
                found.append(Problem(shown, line, RULE, fix))
    return found
