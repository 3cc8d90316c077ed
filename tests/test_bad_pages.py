"""Every bad input fails the strict build with the exact message that says what to fix.

Each `tests/bad-pages/NAME.md` is copied into a fresh copy of the project as
`docs/NAME.md` and added to the nav; its `NAME.expected` lists, in full, the lines
the build must print (see tests/bad-pages/README.md). The builds run two at a time.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sitetools import ROOT, build_site, copy_project

CORPUS = Path(__file__).resolve().parent / "bad-pages"
LOG_PREFIX = re.compile(r"^(?:WARNING|INFO|ERROR|DEBUG)\s+-\s+")
PLACEHOLDER = re.compile(r"\{today(?P<days>[+-]\d+)?\}")


@dataclass(frozen=True)
class Case:
    name: str
    page: str  # the page's text, placeholders filled in
    expected: tuple[str, ...]  # lines the build must print, without MkDocs' log prefix
    in_nav: bool = True
    passes: bool = False  # True: the build must succeed (a warning-only rule, or the good page)
    allow: str | None = None  # another check's lines starting with this may also appear

    def __str__(self) -> str:
        return self.name


def fill(text: str, today: dt.date | None = None) -> str:
    """Replace {today}, {today+N} and {today-N} with ISO dates, so the corpus never goes stale."""
    today = today or dt.date.today()
    return PLACEHOLDER.sub(lambda m: (today + dt.timedelta(days=int(m.group("days") or 0)))
                           .isoformat(), text)


def load_case(page: Path) -> Case:
    lines = fill(page.with_suffix(".expected").read_text(encoding="utf-8")).splitlines()
    directives = dict(re.findall(r"^@(\w+):\s*(\S+)\s*$", "\n".join(lines), re.M))
    expected = tuple(line.strip() for line in lines
                     if line.strip() and not line.startswith(("#", "@")))
    return Case(page.stem, fill(page.read_text(encoding="utf-8")), expected,
                directives.get("nav", "yes") != "no", directives.get("exit", "1") == "0",
                directives.get("allow"))


CASES = tuple(load_case(page) for page in sorted(CORPUS.glob("*.md")) if page.name != "README.md")


def add_to_nav(config: str, entry: str) -> str:
    changed = re.sub(r"(?m)^nav:\n", f"nav:\n{entry}\n", config, count=1)
    assert changed != config, "mkdocs.yml has no nav"
    return changed


def build_case(case: Case, tmp: Path) -> str:
    """Build a project copy holding the case's page; returns "exit N" and the output."""
    project = copy_project(tmp / case.name / "project")
    (project / "docs" / f"{case.name}.md").write_text(case.page, encoding="utf-8")
    if case.in_nav:
        config = project / "mkdocs.yml"
        config.write_text(add_to_nav(config.read_text(encoding="utf-8"),
                                     f"  - Test page: {case.name}.md"), encoding="utf-8")
    return _run(project, tmp / case.name / "out")


def _run(project: Path, out: Path) -> str:
    result = build_site(project, out)
    return f"exit {result.returncode}\n{result.stdout}{result.stderr}"


def messages(output: str) -> list[str]:
    return [LOG_PREFIX.sub("", line).strip() for line in output.splitlines()]


def break_config(tmp: Path, name: str, old: str, new: str) -> tuple[str, int]:
    """Build a copy whose mkdocs.yml has `old` replaced; returns the output and the line."""
    project = copy_project(tmp / name / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text, f"the test could not find {old!r} in mkdocs.yml"
    line = text[:text.index(old)].count("\n") + 1
    config.write_text(text.replace(old, new, 1), encoding="utf-8")
    return _run(project, tmp / name / "out"), line


CONFIG_CASES = {
    # One space too few before a nav entry: YAML can no longer read the file.
    "bad-indent": ("  - Home: index.md\n", " - Home: index.md\n"),
    # A nav entry naming a page that is not in docs/.
    "unknown-nav-file": ("  - Home: index.md\n", "  - Home: index.md\n  - Lost: no-such-page.md\n"),
}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every corpus page and broken mkdocs.yml, built two at a time (2 cores)."""
    tmp = tmp_path_factory.mktemp("bad-pages")
    with ThreadPoolExecutor(2) as pool:
        pages = {case.name: pool.submit(build_case, case, tmp) for case in CASES}
        configs = {name: pool.submit(break_config, tmp, name, old, new)
                   for name, (old, new) in CONFIG_CASES.items()}
        return {**{name: job.result() for name, job in pages.items()},
                **{f"config:{name}": job.result() for name, job in configs.items()}}


def test_the_corpus_has_a_good_page_and_an_expected_file_for_every_page() -> None:
    assert "good-page" in {case.name for case in CASES}
    for page in CORPUS.glob("*.md"):
        if page.name != "README.md":
            assert page.with_suffix(".expected").is_file(), f"{page.name} has no .expected file"
    for case in CASES:
        assert case.expected or case.name == "good-page", f"{case.name}.expected lists no line"


@pytest.mark.parametrize("case", CASES, ids=str)
def test_each_page_builds_or_fails_with_exactly_its_message(case: Case,
                                                            outputs: dict[str, Any]) -> None:
    output = outputs[case.name]
    found = messages(output)
    code = int(output.split("\n", 1)[0].split()[1])
    if case.passes:
        assert code == 0, f"{case.name}: the strict build failed:\n{output}"
    else:
        assert code != 0, f"{case.name}: the strict build passed:\n{output}"
    for line in case.expected:
        assert line in found, f"{case.name}: the build did not print\n  {line}\n{output}"
    unexpected = [message for line in output.splitlines() if line.startswith("WARNING")
                  for message in [LOG_PREFIX.sub("", line).strip()]
                  if message not in case.expected
                  and not (case.allow and message.startswith(case.allow))]
    assert not unexpected, f"{case.name}: other rules fired too:\n" + "\n".join(unexpected)


def test_bad_yaml_in_mkdocs_yml_names_the_file_and_line(outputs: dict[str, Any]) -> None:
    output, line = outputs["config:bad-indent"]
    assert output.startswith("exit 1"), output
    assert "error parsing the configuration file" in output, output
    assert re.search(rf"mkdocs\.yml\", line {line}, column \d+", output), output


def test_an_unknown_nav_file_names_mkdocs_yml_and_its_line(outputs: dict[str, Any]) -> None:
    output, line = outputs["config:unknown-nav-file"]
    assert output.startswith("exit 1"), output
    assert (f"mkdocs.yml:{line + 1}: nav-file: the nav lists `no-such-page.md`, which is not a "
            "page in docs/: fix the file name (paths start inside docs/, e.g. about/privacy.md) "
            "or create the page") in messages(output), output
    assert ("A reference to 'no-such-page.md' is included in the 'nav' configuration, which is "
            "not found in the documentation files.") in messages(output), output


def test_a_failed_build_leaves_the_published_site_as_it_was(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / ".venv").symlink_to(ROOT / ".venv")  # dev.py builds with the project's venv
    spec = importlib.util.spec_from_file_location("dev_copy", project / "scripts" / "dev.py")
    assert spec and spec.loader
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    site = project / "site"

    assert dev.build(site) == 0
    before = {path.relative_to(site): path.read_bytes() for path in site.rglob("*")
              if path.is_file()}
    assert Path("index.html") in before and Path("benefits/index.html") in before

    page = project / "docs" / "benefits.md"
    page.write_text(re.sub(r"(?m)^description:.*\n", "", page.read_text(encoding="utf-8"),
                           count=1), encoding="utf-8")
    assert dev.build(site) != 0
    after = {path.relative_to(site): path.read_bytes() for path in site.rglob("*")
             if path.is_file()}
    assert after == before, "a failed build changed site/"
    assert not list(project.glob(".site-*")), "a failed build left its scratch folder behind"


def test_the_corpus_covers_every_rule() -> None:
    import content_checks

    fired = {match for case in CASES for line in case.expected
             for match in re.findall(r"^[\w./-]+:\d+: ([a-z-]+): ", line)}
    missing = set(content_checks.RULES) - fired - {"nav-file"}  # nav-file: a mkdocs.yml test
    assert not missing, f"no bad page shows the rule(s) {sorted(missing)}"
