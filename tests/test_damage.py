"""Whatever an editor can save in docs/ gives one line and a failure, never a traceback.

Each damaged page (invalid YAML, a front matter block never closed, impossible or
differently written dates, a list where a date goes, sources as text, a source with no
address, a misspelt field, bytes that are not UTF-8, an empty file, a page with only front
matter, a missing or out-of-tree include) is written into one copy of the project, so the
quick check (`dev.py check`) and one strict build see them all at once: each page gets
exactly one `docs/NAME.md:LINE: rule: fix` line, the run fails, and nothing prints a
traceback. A byte-order mark and Windows line endings (what word processors save) build.
`mkdocs serve` keeps the last good build when a rebuild fails (iopguide/tools/serve_guard.py).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from iopguide.tools import serve_guard
from sitetools import build_site, copy_project

pytestmark = pytest.mark.xdist_group("damage")


@dataclass(frozen=True)
class Damage:
    name: str
    text: str | bytes
    line: int
    rule: str
    says: str  # part of the fix the line must give


def page(name: str, fields: str = "", reviewed: str = "", body: str = "") -> str:
    """A page that passes every check, named `name`, with `fields` added to its front
    matter (lines 2-6, `fields` from line 7), `reviewed` instead of today and `body` at line 12."""
    today = dt.date.today()
    return (
        f"---\ntitle: Damage test {name}\ndescription: A test page called {name}.\n"
        f"reviewed: {reviewed or today.isoformat()}\n"
        f"next_review: {(today + dt.timedelta(days=365)).isoformat()}\nkind: info\n{fields}---\n"
        f"\n# Damage test {name}\n\nSome plain words on a page.\n{body}"
    )


CASES = (
    Damage(
        "bad-yaml", page("bad-yaml", "note: [not closed\n"), 7, "front-matter", "cannot be read"
    ),
    Damage(
        "unclosed",
        "---\ntitle: Open\nreviewed: 2026-11-01\n\n# Open\n",
        1,
        "front-matter",
        "no closing `---`",
    ),
    Damage(
        "date-month",
        page("date-month", reviewed="2026-13-45"),
        4,
        "front-matter",
        "not a real date",
    ),
    Damage(
        "date-day", page("date-day", reviewed="2026-02-30"), 4, "front-matter", "not a real date"
    ),
    Damage("date-us", page("date-us", reviewed="12/07/2026"), 4, "front-matter", "YYYY-MM-DD"),
    Damage(
        "date-words",
        page("date-words", reviewed="December 7, 2026"),
        4,
        "front-matter",
        "YYYY-MM-DD",
    ),
    Damage(
        "date-time",
        page("date-time", reviewed="2026-12-07 10:00:00"),
        4,
        "front-matter",
        "YYYY-MM-DD",
    ),
    Damage("date-list", page("date-list", reviewed="[2026-12-07]"), 4, "front-matter", "is a list"),
    Damage(  # a cited page: its markers still find their sources (no knock-on lines)
        "date-cited",
        page(
            "date-cited",
            "sources:\n  - title: CDC\n    url: https://www.cdc.gov/\n",
            reviewed="2026-02-30",
            body="Ask the program about its schedule.[^1]\n",
        ).replace("kind: info\n", ""),
        4,
        "front-matter",
        "not a real date",
    ),
    Damage(
        "sources-text",
        page("sources-text", "sources: see the CDC website\n").replace("kind: info\n", ""),
        6,
        "front-matter",
        "must be a non-empty list",
    ),
    Damage(
        "source-no-url",
        page("source-no-url", "sources:\n  - title: CDC\n").replace("kind: info\n", ""),
        7,
        "front-matter",
        "has no `url`",
    ),
    Damage(
        "misspelt",
        page("misspelt", "reviewd: 2026-11-01\n"),
        7,
        "front-matter",
        "did you mean `reviewed`?",
    ),
    Damage(
        "not-utf8",
        page("not-utf8").encode().replace(b"Some", b"Caf\xe9"),
        11,
        "published-file",
        "UTF-8",
    ),
    Damage("empty", "", 1, "front-matter", "the page is empty"),
    Damage("only-fm", page("only-fm").split("\n# ")[0], 8, "one-title", "# Page title"),
    Damage(
        "missing-snippet",
        page("missing-snippet", body='--8<-- "missing.md"\n'),
        12,
        "snippet",
        "docs/.snippets/",
    ),
    Damage(
        "outside-snippet",
        page("outside-snippet", body='--8<-- "../../etc/passwd"\n'),
        12,
        "snippet",
        "docs/.snippets/",
    ),
)


def write(project: Path, cases: tuple[Damage, ...]) -> Path:
    for case in cases:
        target = project / "docs" / f"{case.name}.md"
        data = case.text if isinstance(case.text, bytes) else case.text.encode()
        target.write_bytes(data)
    config = project / "mkdocs.yml"
    entries = "".join(f"  - Damage {case.name}: {case.name}.md\n" for case in cases)
    config.write_text(
        re.sub(r"(?m)^nav:\n", "nav:\n" + entries, config.read_text(encoding="utf-8"), count=1),
        encoding="utf-8",
    )
    return project


def quick_check(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`dev.py check ARGS` in the copy, with the copy's own package."""
    env = dict(os.environ, PYTHONPATH=str(project / "scripts"), PYTHONUTF8="1")
    return subprocess.run(
        [sys.executable, "-m", "iopguide.checks.cli", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def about(output: str, case: Damage) -> list[str]:
    return [line for line in output.splitlines() if re.search(rf"docs/{case.name}\.md\b", line)]


def assert_one_line(output: str, case: Damage) -> None:
    lines = [re.sub(r"^(WARNING|ERROR|INFO)\s+-\s+", "", line) for line in about(output, case)]
    start = f"docs/{case.name}.md:{case.line}: {case.rule}: "
    assert len(lines) == 1 and lines[0].startswith(start) and case.says in lines[0], (
        f"{case.name}: wanted one line starting {start!r} saying {case.says!r}, got\n"
        + "\n".join(lines)
    )


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(copy_project(tmp_path_factory.mktemp("damage") / "project"), CASES)


@pytest.fixture(scope="module")
def quick(damaged: Path) -> subprocess.CompletedProcess[str]:
    return quick_check(damaged, *(f"docs/{case.name}.md" for case in CASES))


@pytest.fixture(scope="module")
def built(damaged: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    # A page that is not UTF-8 stops the build before MkDocs reads any page: build the
    # others together, that one on its own.
    bad_bytes = damaged / "docs" / "not-utf8.md"
    data = bad_bytes.read_bytes()
    bad_bytes.unlink()
    try:
        rest = build_site(damaged, tmp_path_factory.mktemp("damage-out"))
    finally:
        bad_bytes.write_bytes(data)
    alone = build_site(damaged, tmp_path_factory.mktemp("damage-utf8"))
    return f"exit {rest.returncode}\n{rest.output}\nexit {alone.returncode}\n{alone.output}"


def test_the_quick_check_gives_each_damaged_page_one_line(
    quick: subprocess.CompletedProcess[str],
) -> None:
    output = quick.stdout + quick.stderr
    assert quick.returncode == 1, output
    assert "Traceback" not in output, output
    for case in CASES:
        assert_one_line(output, case)


def test_the_quick_check_takes_a_folder_and_names_a_misspelt_file(damaged: Path) -> None:
    folder = quick_check(damaged, "docs/")
    assert folder.returncode == 1 and "Traceback" not in folder.stderr, folder.stderr
    assert "docs/date-month.md:4: front-matter: " in folder.stdout, folder.stdout
    wrong = quick_check(damaged, "docs/benfits.md")
    assert wrong.returncode == 1 and "Traceback" not in wrong.stderr, wrong.stderr
    assert wrong.stdout.strip() == (
        "docs/benfits.md:1: check-file: there is no such file: did you mean `docs/benefits.md`?"
    )


def test_the_build_gives_each_damaged_page_one_line(built: str) -> None:
    assert "Traceback" not in built, built
    assert built.startswith("exit 1") and "\nexit 1\n" in built, built
    for case in CASES:
        assert_one_line(built, case)


@pytest.mark.slow
def test_a_byte_order_mark_and_windows_line_endings_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    good = Damage("bom", b"\xef\xbb\xbf" + page("bom").encode(), 0, "", "")
    crlf = Damage("crlf", page("crlf").replace("\n", "\r\n").encode(), 0, "", "")
    write(project, (good, crlf))
    assert quick_check(project, "docs/bom.md", "docs/crlf.md").returncode == 0
    result = build_site(project, tmp_path / "out")
    assert result.returncode == 0, result.output
    for name in ("bom", "crlf"):
        html = (tmp_path / "out" / name / "index.html").read_text(encoding="utf-8")
        assert f">Damage test {name}<a" in html, html  # the title, and no front matter shown
        assert "next_review:" not in html and "<p>Some plain words on a page.</p>" in html


def test_serve_keeps_the_last_good_build_when_a_rebuild_fails(tmp_path: Path) -> None:
    """The rebuild `mkdocs serve` runs after a save (the hook's on_serve wraps it)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("good", encoding="utf-8")
    outcome = {"fails": True}

    def rebuild() -> None:  # MkDocs empties the folder, then a page stops the build
        shutil.rmtree(site)
        site.mkdir()
        (site / "index.html").write_text("half built", encoding="utf-8")
        if outcome["fails"]:
            raise RuntimeError("Aborted: front matter or an include that cannot be read")

    guarded = serve_guard.keep_last_good(rebuild, site)
    guarded()  # no exception: MkDocs' server answers again instead of hanging
    assert (site / "index.html").read_text(encoding="utf-8") == "good"
    outcome["fails"] = False
    guarded()
    assert (site / "index.html").read_text(encoding="utf-8") == "half built"  # the new good one
