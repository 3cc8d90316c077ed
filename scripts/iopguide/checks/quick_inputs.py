"""What the quick check is given, made safe to check: names, folders, bytes, includes.

`dev.py check` takes what an editor types: a page, several, a folder (`check docs/`), or a
misspelt name. Each becomes pages to check or one line saying what is wrong, never a
traceback:

- `expand`: a folder gives its pages (not the dot-folders: .snippets is checked as
  snippets only when named); a name that is not a file gives one line, with the closest
  page's name when there is one;
- `read`: a page that is not UTF-8 gives one line on its first wrong byte (what the build
  says, published_files.unreadable);
- `include_problem`: a `--8<--` include pymdownx.snippets cannot read, on its line (what
  the build says, snippets.include_problem), from the page's own language's settings.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from iopguide import editions
from iopguide.checks import snippets
from iopguide.checks.problem import Problem

RULE = "check-file"
NOT_UTF8 = "the page is not UTF-8 text: save it as UTF-8 (fix this line's accents)"


def expand(args: list[str]) -> tuple[list[Path], list[Problem]]:
    """The files named by `args` (a folder: its pages), and a line for each name that is
    neither a file nor a folder."""
    paths: list[Path] = []
    problems: list[Problem] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            paths += sorted(
                page
                for page in path.rglob("*.md")
                if page.is_file()
                and not any(part.startswith(".") for part in page.relative_to(path).parts)
            )
        elif path.is_file():
            paths.append(path)
        else:
            problems.append(Problem(arg, 1, RULE, _missing(path)))
    return paths, problems


def _missing(path: Path) -> str:
    folder = path.parent if path.parent.is_dir() else Path(".")
    names = [entry.name for entry in folder.iterdir()] if folder.is_dir() else []
    close = difflib.get_close_matches(path.name, names, n=1)
    if close:
        return f"there is no such file: did you mean `{(folder / close[0]).as_posix()}`?"
    return "there is no such file or folder: check the name (pages are in docs/ and docs-es/)"


def read(path: Path) -> tuple[str | None, Problem | None]:
    """The page's text (a byte-order mark dropped), or None and the line that says why not."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, Problem(str(path), line, "published-file", NOT_UTF8)


def include_problem(text: str, path: Path, root: Path) -> Problem | None:
    """The first include of the page `text` (at `path`) that cannot be read, named on the
    line of the page that names it; None when they all read or the page is in no edition."""
    for edition in editions.editions(root):
        if edition.docs_dir.resolve() in path.resolve().parents:
            options = snippets.options_of(editions.config_data(edition, root), root)
            break
    else:
        return None
    if options is None:
        return None
    shown = str(path)

    def locate(name: str) -> tuple[str, int] | None:
        for number, line in enumerate(text.splitlines(), 1):
            if "--8<--" in line and name in line:
                return shown, number
        return None

    return snippets.include_problem(text, options, shown, locate)
