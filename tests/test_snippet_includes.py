"""An include that pymdownx.snippets cannot read fails on its line, with no traceback
(checks/snippets.py include_problem): a missing file or section, a path out of the
snippet folder, a web address. Each stopped MkDocs with SnippetMissingError's traceback
(issue 28, F8a), and Zensical's steps too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from iopguide import editions, project, steps
from iopguide.checks import snippets
from iopguide.finish.edition import EditionBuild
from sitetools import ROOT, build_site, copy_project

# Builds, servers or tools that run for seconds: not in the quick lane.
pytestmark = pytest.mark.slow

OPTIONS = {"base_path": [str(ROOT / "docs" / ".snippets")], "check_paths": True}


@pytest.mark.parametrize(
    "target",
    [
        "nope.md",
        "../../mkdocs.yml",
        "/etc/passwd",
        "../.snippetsX/s.md",
        "https://example.org/x.md",
        "glossary.md:no-such-section",
        "figures",  # a folder: IsADirectoryError's traceback
    ],
)
def test_an_include_that_cannot_be_read_is_named_on_its_line(target: str) -> None:
    text = f'# T\n\nText.\n\n--8<-- "{target}"\n'
    found = snippets.include_problem(
        text, OPTIONS, "docs/x.md", lambda name: ("docs/x.md", 5) if name in text else None
    )
    assert found is not None
    assert (found.path, found.line, found.rule) == ("docs/x.md", 5, "snippet")
    assert "\n" not in found.message


def test_the_site_s_own_includes_read() -> None:
    text = '# T\n\n--8<-- "glossary.md"\n'
    assert snippets.include_problem(text, OPTIONS, "docs/x.md", lambda name: None) is None


def _copy(tmp_path: Path) -> Path:
    project_dir = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "docs-es", project_dir / "docs-es")
    shutil.copy2(ROOT / "mkdocs.es.yml", project_dir / "mkdocs.es.yml")
    page = project_dir / "docs" / "stories.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n--8<-- "../../mkdocs.yml"\n')
    return project_dir


def test_mkdocs_stops_on_the_line_without_a_traceback(tmp_path: Path) -> None:
    result = build_site(_copy(tmp_path), tmp_path / "site")
    assert result.returncode != 0 and not (tmp_path / "site").exists()
    assert "Traceback" not in result.output and "SnippetMissingError" not in result.output
    lines = (tmp_path / "project" / "docs" / "stories.md").read_text().splitlines()
    assert f"docs/stories.md:{len(lines)}: snippet: " in result.output


def test_zensical_steps_name_it_without_rendering(tmp_path: Path) -> None:
    project_dir = _copy(tmp_path)
    edition = editions.editions(project_dir)[0]
    settings = editions.settings(edition, project_dir, "/")
    build = EditionBuild(edition.lang, "", settings, project.source_pages(settings.docs_dir))
    found = steps.check_rendered(edition, project_dir, build, set())
    assert [(p.path, p.rule) for p in found] == [("docs/stories.md", "snippet")]


def test_a_snippet_that_is_not_utf8_is_named_without_a_traceback(tmp_path: Path) -> None:
    project_dir = copy_project(tmp_path / "project")
    glossary = project_dir / "docs" / ".snippets" / "glossary.md"
    glossary.write_bytes(glossary.read_bytes() + b"\n*[XYZ]: bad \xff byte\n")
    line = glossary.read_bytes().count(b"\n")
    found = snippets.check_snippets(project_dir / "docs", project_dir)
    assert [(p.path, p.line, p.rule) for p in found] == [
        ("docs/.snippets/glossary.md", line, "snippet")
    ]
    result = build_site(project_dir, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.output
    assert f"docs/.snippets/glossary.md:{line}: snippet: " in result.output
