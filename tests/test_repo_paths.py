"""Every `scripts/...` or `tests/...` path the repository names exists (and every path
inside the package: `iopguide/...`, or a module named from its subpackage, `finish/<name>.py`).

Code, comments, docstrings, messages, Markdown, templates, CSS, JavaScript and CI files
all name our files by their path from the repository root; after a file moves, a stale
path sends the next reader (or an editor following an error message) nowhere. This scans
every tracked text file (`git ls-files`) and fails with `file:line: path does not exist`.

Paths under docs/ and overrides/ are not checked: tests, docstrings and expected
messages name made-up pages and templates there on purpose (`docs/x.md`, the bad-pages
corpus), so such a check would be mostly exceptions.
"""

from __future__ import annotations

import re
import subprocess

from sitetools import ROOT

PACKAGE = ROOT / "scripts" / "iopguide"
SUBPACKAGES = "|".join(sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py")))
# Each way a path is written -> the folder it is from. A path from the root may start
# with `/` (.github/CODEOWNERS); none is the tail of a longer path or address
# (`assets/javascripts/`, `https://host/scripts/`, `../tests/`) or a team (`@iopguide/`).
# A subpackage's module counts only with a file suffix: `tools/` alone may be anyone's.
FORMS = (
    (re.compile(r"(?<![\w.-])(?<![\w./:-]/)(?:scripts|tests)/[\w./*{}<>-]*"), ""),
    (re.compile(r"(?<![\w./@-])iopguide/[\w./*{}<>-]*"), "scripts/"),
    (
        re.compile(rf"(?<![\w./@-])(?:{SUBPACKAGES})/[\w.-]+\.(?:py|txt|toml|json)\b"),
        "scripts/iopguide/",
    ),
)
# A pattern or a placeholder, not a file: a glob (`*`), a format field (`{name}`), a
# `<name>` or `NAME` slot (tests/bad-pages/NAME.md stands for each case there), or `...`.
PATTERN = re.compile(r"[*{}<>]|\.\.\.|/NAME\b")


def tracked_text_files() -> list[str]:
    """Every file git tracks, by its path from the root (binary ones included)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return [name for name in listed.stdout.split("\0") if name]


def named_paths(text: str) -> list[tuple[int, str, str]]:
    """Each path named in `text`: its line, the path as written (punctuation left off)
    and the same path from the root."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        for pattern, folder in FORMS:
            for match in pattern.finditer(line):
                path = match.group().rstrip(".,:;")
                if not PATTERN.search(path):
                    found.append((number, path, folder + path))
    return sorted(found)


def stale_paths() -> list[str]:
    """`file:line: path does not exist` for each named path that is not there."""
    stale = []
    for name in tracked_text_files():
        try:
            text = (ROOT / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):  # removed in the work tree, or not text
            continue
        stale += [
            f"{name}:{line}: {written} does not exist"
            + (f" (as {path})" if path != written else "")
            for line, written, path in named_paths(text)
            if not (ROOT / path).exists()
        ]
    return stale


def test_named_paths_are_found() -> None:
    text = "see scripts/dev.py: and (tests/conftest.py).\n/scripts/bench.py @iopguide/team\n"
    text += "assets/javascripts/bundle.js, https://host/scripts/x.js, ../tests/y.py\n"
    text += "iopguide/paths.py, finish/csp.py; tools/ and shared/tools/a.py"
    assert [(line, path) for line, _, path in named_paths(text)] == [
        (1, "scripts/dev.py"),
        (1, "tests/conftest.py"),
        (2, "scripts/bench.py"),
        (4, "scripts/iopguide/finish/csp.py"),
        (4, "scripts/iopguide/paths.py"),
    ]
    assert named_paths("`scripts/*.py`, tests/bad-pages/NAME.md, tests/{name}.py") == []


def test_every_named_scripts_or_tests_path_exists() -> None:
    stale = stale_paths()
    assert not stale, "point each at the file's real path, or reword:\n" + "\n".join(stale)
