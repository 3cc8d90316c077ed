"""A symbolic link where the build reads files fails it before anything is read (F2).

Each case is a copy of the project with one link added: a snippet a page includes that
leads to /proc/self/environ or to a file outside the project, a file under docs/assets/
that nothing includes, a linked folder, a Spanish snippet, a template. Both generators
must stop with one `path:1: symlink: ...` line, publish nothing, and never print what
the link leads to.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from iopguide.checks import symlinks
from sitetools import ROOT, build_site, copy_project

SECRET = "TOP-SECRET-4f9c2e"  # the text of the file outside the project
TOKEN = "ghs_FAKE_d41d8cd98f00"  # an environment variable of the build


def _outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.md").write_text(f"{SECRET}\n", encoding="utf-8")
    return folder


def _include(project: Path, page: str, snippet: str) -> None:
    path = project / page
    text = path.read_text(encoding="utf-8")
    path.write_text(f'{text}\n--8<-- "{snippet}"\n', encoding="utf-8")


def _snippet_environ(project: Path, outside: Path) -> str:
    (project / "docs/.snippets/env.md").symlink_to("/proc/self/environ")
    _include(project, "docs/index.md", "env.md")
    return "docs/.snippets/env.md"


def _snippet_file(project: Path, outside: Path) -> str:
    (project / "docs/.snippets/notes.md").symlink_to(outside / "secret.md")
    _include(project, "docs/index.md", "notes.md")
    return "docs/.snippets/notes.md"


def _asset_file(project: Path, outside: Path) -> str:
    (project / "docs/assets/notes.txt").symlink_to(outside / "secret.md")
    return "docs/assets/notes.txt"


def _asset_folder(project: Path, outside: Path) -> str:
    (project / "docs/assets/more").symlink_to(outside, target_is_directory=True)
    return "docs/assets/more"


def _spanish_snippet(project: Path, outside: Path) -> str:
    glossary = project / "docs-es/.snippets/glossary.md"
    glossary.unlink()
    glossary.symlink_to(outside / "secret.md")
    return "docs-es/.snippets/glossary.md"


def _template(project: Path, outside: Path) -> str:
    (project / "overrides/notes.html").symlink_to(outside / "secret.md")
    return "overrides/notes.html"


CASES = {
    "snippet-environ": _snippet_environ,
    "snippet-file": _snippet_file,
    "asset-file": _asset_file,
    "asset-folder": _asset_folder,
    "spanish-snippet": _spanish_snippet,
    "template": _template,
}


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_a_symbolic_link_fails_the_build_and_publishes_nothing(
    tmp_path: Path, case: str, engine: str
) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "docs-es", project / "docs-es")  # the Spanish edition too
    shutil.copy2(ROOT / "mkdocs.es.yml", project / "mkdocs.es.yml")
    link = CASES[case](project, _outside(tmp_path))
    out = tmp_path / "site"
    built = build_site(project, out, engine, FAKE_DEPLOY_TOKEN=TOKEN)
    assert not built.ok, built.output
    expected = f"{link}:1: symlink: it is a symbolic link (to "
    lines = [line for line in built.output.splitlines() if "symlink:" in line]
    assert len(lines) == 1 and expected in lines[0], built.output
    assert "Traceback" not in built.output, built.output
    assert SECRET not in built.output and TOKEN not in built.output
    assert not out.exists(), "a failed build published a site"
    assert not list(tmp_path.glob(".site-*")), "the build left its scratch folder"


def test_the_project_has_no_symbolic_links() -> None:
    assert symlinks.problems(ROOT) == []


def test_a_snippet_folder_outside_docs_is_checked_too(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "env.md").symlink_to("/proc/self/environ")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nmarkdown_extensions:\n  - pymdownx.snippets:\n      base_path: [parts]\n",
        encoding="utf-8",
    )
    assert [str(p) for p in symlinks.problems(tmp_path)] == [
        "parts/env.md:1: symlink: it is a symbolic link (to /proc/self/environ): "
        "replace it with the file itself, or remove it"
    ]


def test_a_linked_docs_folder_is_named_once(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "docs").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert [p.path for p in symlinks.problems(tmp_path)] == ["docs"]
