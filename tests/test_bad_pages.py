"""Every bad input fails the strict build with exactly the line that says what to fix.

Each `tests/bad-pages/NAME.md` is copied into one copy of the project as `docs/NAME.md`
and added to the nav; its `NAME.expected` lists, in full, the lines the build must print
about it (see tests/bad-pages/README.md). All the pages are built in one pass, and every
line of that build's output must be either MkDocs' own progress line or a line a page
expects: a traceback, a second message about the same mistake, or a line no page expects
fails the test. A mkdocs.yml YAML cannot read is built on its own; what the build reports
and goes on from is asserted in the shared broken copy (tests/fixtures_builds.py).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from fixtures_builds import LOST_ENTRY, Broken
from sitetools import ROOT, build_site, copy_project

pytestmark = pytest.mark.xdist_group("bad-pages")  # one worker builds the corpus, once

CORPUS = Path(__file__).resolve().parent / "bad-pages"
LOG_PREFIX = re.compile(r"^(?P<level>WARNING|INFO|ERROR|DEBUG)\s+-\s+")
PLACEHOLDER = re.compile(r"\{today(?P<days>[+-]\d+)?\}")
NAV_LINE = re.compile(r"\{nav-line:(?P<file>[^}]+)\}")
# MkDocs' own progress lines: shown on every build, good or bad, and never about a page.
PROGRESS = re.compile(
    r"^(?:Cleaning site directory|Building documentation to directory: .*"
    r"|Documentation built in [\d.]+ seconds"
    r"|Aborted with \d+ warnings? in strict mode!)$"
)


@dataclass(frozen=True)
class Case:
    name: str
    page: str  # the page's text, placeholders filled in
    expected: tuple[str, ...]  # lines the build must print, without MkDocs' log prefix
    in_nav: bool = True
    passes: bool = False  # True: no line may be a warning (a warning-only rule, the good page)

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Line:
    level: str  # WARNING, INFO... ("" for a line without MkDocs' prefix)
    text: str  # without the prefix


def fill(text: str, today: dt.date | None = None) -> str:
    """Replace {today}, {today+N} and {today-N} with ISO dates, so the corpus never goes stale."""
    today = today or dt.date.today()
    return PLACEHOLDER.sub(
        lambda m: (today + dt.timedelta(days=int(m.group("days") or 0))).isoformat(), text
    )


def load_case(page: Path) -> Case:
    lines = fill(page.with_suffix(".expected").read_text(encoding="utf-8")).splitlines()
    directives = dict(re.findall(r"^@(\w+):\s*(\S+)\s*$", "\n".join(lines), re.M))
    expected = tuple(
        line.strip() for line in lines if line.strip() and not line.startswith(("#", "@"))
    )
    return Case(
        page.stem,
        fill(page.read_text(encoding="utf-8")),
        expected,
        directives.get("nav", "yes") != "no",
        directives.get("exit", "1") == "0",
    )


CASES = tuple(load_case(page) for page in sorted(CORPUS.glob("*.md")) if page.name != "README.md")


def add_to_nav(config: str, entries: list[str]) -> str:
    changed = re.sub(r"(?m)^nav:\n", "nav:\n" + "".join(f"{e}\n" for e in entries), config, count=1)
    assert changed != config, "mkdocs.yml has no nav"
    return changed


def parse(output: str) -> list[Line]:
    """The build's output as an editor reads it: one Line per line, the prefix split off."""
    lines = []
    for raw in output.splitlines():
        if not raw.strip():
            continue
        prefix = LOG_PREFIX.match(raw)
        lines.append(
            Line(prefix["level"], raw[prefix.end() :].strip()) if prefix else Line("", raw.strip())
        )
    return lines


def mentions(line: Line, case: Case) -> bool:
    """Is this line about the case's page? Its file name appears in it."""
    return re.search(rf"(?<![\w-]){re.escape(case.name)}\.md\b", line.text) is not None


def _run(project: Path, out: Path) -> str:
    result = build_site(project, out)
    return f"exit {result.returncode}\n{result.output}"


def nav_lines(line: str, config: str) -> str:
    """Fill {nav-line:FILE} with the line of FILE's nav entry in the corpus's mkdocs.yml."""

    def number(match: re.Match[str]) -> str:
        found = re.search(rf"(?m)^\s*-\s(?:.*:\s)?{re.escape(match['file'])}\s*$", config)
        assert found, f"no nav entry for {match['file']} in mkdocs.yml"
        return str(config[: found.start()].count("\n") + 1)

    return NAV_LINE.sub(number, line)


def build_corpus(tmp: Path) -> tuple[str, str]:
    """One project copy holding every case's page; returns "exit N" and the output, and
    the copy's mkdocs.yml."""
    project = copy_project(tmp / "corpus" / "project")
    for case in CASES:
        (project / "docs" / f"{case.name}.md").write_text(case.page, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        add_to_nav(
            config.read_text(encoding="utf-8"),
            [f"  - Test page {case.name}: {case.name}.md" for case in CASES if case.in_nav],
        ),
        encoding="utf-8",
    )
    return _run(project, tmp / "corpus" / "out"), config.read_text(encoding="utf-8")


def break_config(tmp: Path, name: str, old: str, new: str) -> tuple[str, int]:
    """Build a copy whose mkdocs.yml has `old` replaced; returns the output and the line."""
    project = copy_project(tmp / name / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text, f"the test could not find {old!r} in mkdocs.yml"
    line = text[: text.index(old)].count("\n") + 1
    config.write_text(text.replace(old, new, 1), encoding="utf-8")
    return _run(project, tmp / name / "out"), line


CONFIG_CASES = {
    # One space too few before a nav entry: YAML can no longer read the file (the build
    # stops there, so it builds on its own; a nav entry naming a page that is not in
    # docs/ is in the shared broken copy, tests/fixtures_builds.py).
    "bad-indent": ("  - Home: index.md\n", " - Home: index.md\n"),
}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The corpus and each broken mkdocs.yml, built side by side (2 cores)."""
    tmp = tmp_path_factory.mktemp("bad-pages")
    with ThreadPoolExecutor(2) as pool:
        corpus = pool.submit(build_corpus, tmp)
        configs = {
            name: pool.submit(break_config, tmp, name, old, new)
            for name, (old, new) in CONFIG_CASES.items()
        }
        output, config = corpus.result()
        return {
            "corpus": output,
            "corpus-config": config,
            **{f"config:{name}": job.result() for name, job in configs.items()},
        }


def test_the_corpus_has_a_good_page_and_an_expected_file_for_every_page() -> None:
    assert "good-page" in {case.name for case in CASES}
    for page in CORPUS.glob("*.md"):
        if page.name != "README.md":
            assert page.with_suffix(".expected").is_file(), f"{page.name} has no .expected file"
    for case in CASES:
        assert case.expected or case.name == "good-page", f"{case.name}.expected lists no line"


def test_the_corpus_build_fails(outputs: dict[str, Any]) -> None:
    assert not outputs["corpus"].startswith("exit 0"), outputs["corpus"]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_each_page_prints_exactly_its_lines(case: Case, outputs: dict[str, Any]) -> None:
    output = outputs["corpus"]
    expected = [nav_lines(line, outputs["corpus-config"]) for line in case.expected]
    said = [line for line in parse(output.split("\n", 1)[1]) if mentions(line, case)]
    missing = [line for line in expected if line not in {s.text for s in said}]
    assert not missing, (
        f"{case.name}: the build did not print\n  "
        + "\n  ".join(missing)
        + f"\n--- it printed about {case.name}.md:\n"
        + "\n".join(s.text for s in said)
    )
    extra = [s.text for s in said if s.text not in expected]
    assert not extra, f"{case.name}: the build also printed\n  " + "\n  ".join(extra)
    if case.passes:
        warned = [s.text for s in said if s.level in ("WARNING", "ERROR")]
        assert not warned, f"{case.name} must not fail the build, but:\n" + "\n".join(warned)
    else:
        assert any(s.level == "WARNING" for s in said), f"{case.name} did not fail the build"


def test_every_line_is_about_one_page_or_is_mkdocs_progress(outputs: dict[str, Any]) -> None:
    """No traceback, no second message about a cause already reported, nothing stray."""
    stray = [
        line
        for line in parse(outputs["corpus"].split("\n", 1)[1])
        if not PROGRESS.match(line.text) and not any(mentions(line, c) for c in CASES)
    ]
    assert not stray, "lines that no bad page expects:\n" + "\n".join(
        f"{line.level or '(no prefix)'}: {line.text}" for line in stray
    )


def test_bad_yaml_in_mkdocs_yml_names_the_file_and_line(outputs: dict[str, Any]) -> None:
    output, line = outputs["config:bad-indent"]
    assert output.startswith("exit 1"), output
    assert "error parsing the configuration file" in output, output
    assert re.search(rf"mkdocs\.yml\", line {line}, column \d+", output), output


def test_an_unknown_nav_file_names_mkdocs_yml_and_its_line(broken_build: Broken) -> None:
    """One line, and no second one (MkDocs' own warning) about the same mistake."""
    assert not broken_build.ok
    line = broken_build.line_of("mkdocs.yml", LOST_ENTRY)
    said = [found for found in parse(broken_build.output) if "no-such-page" in found.text]
    assert [found.text for found in said] == [
        f"mkdocs.yml:{line}: nav-file: the nav lists `no-such-page.md`, which is not a "
        "page in docs/: fix the file name (paths start inside docs/, e.g. about/privacy.md) "
        "or create the page"
    ], broken_build.output


def test_a_failed_build_leaves_the_published_site_as_it_was(tmp_path: Path, site: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / ".venv").symlink_to(ROOT / ".venv")  # dev.py builds with the project's venv
    spec = importlib.util.spec_from_file_location("dev_copy", project / "scripts" / "dev.py")
    assert spec and spec.loader
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    published = project / "site"  # a good build in the copy's site/: the shared one
    shutil.copytree(site, published)
    before = {
        path.relative_to(published): path.read_bytes()
        for path in published.rglob("*")
        if path.is_file()
    }
    assert Path("index.html") in before and Path("benefits/index.html") in before

    page = project / "docs" / "benefits.md"
    page.write_text(
        re.sub(r"(?m)^description:.*\n", "", page.read_text(encoding="utf-8"), count=1),
        encoding="utf-8",
    )
    assert dev.build([]) != 0
    after = {
        path.relative_to(published): path.read_bytes()
        for path in published.rglob("*")
        if path.is_file()
    }
    assert after == before, "a failed build changed site/"
    assert not list(project.glob(".site-*")), "a failed build left its scratch folder behind"


def test_the_corpus_covers_every_rule() -> None:
    from iopguide.checks import content as content_checks

    fired = {
        match
        for case in CASES
        for line in case.expected
        for match in re.findall(r"^[\w./-]+:\d+: ([a-z-]+): ", line)
    }
    # nav-file: a mkdocs.yml test; reading-ease and translation-stale: translated pages
    # only (tests/test_editions.py); symlink: a link in the tree (tests/test_symlinks.py);
    # csp: a <style> or <script> no page check sees (tests/test_csp_sources.py)
    # check-file: a name the quick check cannot find (tests/test_damage.py);
    # published-file: a file, not a page, the host would run or that replaces the theme's
    # (tests/test_published_files.py); snippet: an include that stops the build for every
    # page, so it cannot share this one build (tests/test_snippet_includes.py)
    others = {"nav-file", "reading-ease", "translation-stale", "symlink", "csp", "check-file"}
    others |= {"published-file", "snippet"}
    missing = set(content_checks.RULES) - fired - others
    assert not missing, f"no bad page shows the rule(s) {sorted(missing)}"
