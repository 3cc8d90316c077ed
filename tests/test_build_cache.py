"""The suite's build cache (tests/build_cache.py): the same inputs give the build's own
folder and messages again; any change to an input builds again."""

from __future__ import annotations

from pathlib import Path

import pytest

import build_cache
from iopguide.tools.build import Built


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(build_cache, "CACHE", tmp_path / "cache")
    monkeypatch.delenv("IOPGUIDE_TEST_CACHE", raising=False)
    return tmp_path / "cache"


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    return project


class Builder:
    """Writes a one-page site and says where it built, as a real build's messages do."""

    def __init__(self, project: Path, out: Path, ok: bool = True) -> None:
        self.project, self.out, self.ok, self.runs = project, out, ok, 0

    def __call__(self) -> Built:
        self.runs += 1
        if self.ok:
            self.out.mkdir(parents=True)
            (self.out / "index.html").write_text(f"run {self.runs}", encoding="utf-8")
        return Built(self.ok, f"built {self.project}/docs into {self.out.parent}/x", 1.0)


def test_the_same_inputs_give_the_same_site_and_messages(cache: Path, tmp_path: Path) -> None:
    project = _project(tmp_path)
    first = Builder(project, tmp_path / "a" / "site")
    made = build_cache.cached_build(project, first.out, "mkdocs", {}, first)
    again = Builder(project, tmp_path / "b" / "site")
    kept = build_cache.cached_build(project, again.out, "mkdocs", {}, again)
    assert (first.runs, again.runs) == (1, 0)
    assert (again.out / "index.html").read_text(encoding="utf-8") == "run 1"
    assert kept.ok and made.output.replace(str(tmp_path / "a"), "") == kept.output.replace(
        str(tmp_path / "b"), ""
    ), "the messages name the new folders"


@pytest.mark.parametrize("change", ["page", "env", "engine", "existing out", "off"])
def test_any_change_builds_again(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    project = _project(tmp_path)
    first = Builder(project, tmp_path / "a" / "site")
    build_cache.cached_build(project, first.out, "mkdocs", {}, first)
    again = Builder(project, tmp_path / "b" / "site")
    engine, env = "mkdocs", {}
    if change == "page":
        (project / "docs" / "index.md").write_text("# Home!\n", encoding="utf-8")
    elif change == "env":
        env = {"SITE_URL": "https://example.org/"}
    elif change == "engine":
        engine = "zensical"
    elif change == "existing out":
        again.out.mkdir(parents=True)
        again.ok = False  # a failed rebuild must leave the old site, so it really runs
    else:
        monkeypatch.setenv("IOPGUIDE_TEST_CACHE", "0")
    build_cache.cached_build(project, again.out, engine, env, again)
    assert again.runs == 1, f"a changed {change} must build again"


def test_a_failed_build_is_kept_without_a_site(cache: Path, tmp_path: Path) -> None:
    project = _project(tmp_path)
    first = Builder(project, tmp_path / "a" / "site", ok=False)
    build_cache.cached_build(project, first.out, "mkdocs", {}, first)
    again = Builder(project, tmp_path / "b" / "site", ok=False)
    kept = build_cache.cached_build(project, again.out, "mkdocs", {}, again)
    assert again.runs == 0 and not kept.ok and not again.out.exists()
