"""Each page's front matter is parsed once per build by our code (issue 26 items 1 and 2).

Every YAML parse goes through PyYAML's `Composer.get_single_node` (yaml.compose, load,
safe_load alike); the counter wraps it and keeps the parses whose nearest caller outside
PyYAML is our package and whose text is a page's front matter. MkDocs parses each page
again for its own `Page.meta`: that is MkDocs' code, not counted. A build is one process:
the Spanish pages are read once by the Spanish child build (to check them) and once by
the English build that finishes both languages.
"""

from __future__ import annotations

import collections
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml.composer
from mkdocs.commands.build import build
from mkdocs.config import load_config

from iopguide import editions, project, steps
from iopguide.checks import content, frontmatter
from iopguide.mkdocs_plugin import other_languages
from sitetools import ROOT

PACKAGE = str(Path(project.__file__).parent) + os.sep


def _pages() -> dict[str, list[str]]:
    """Each page's front-matter text -> the pages that have it."""
    found: dict[str, list[str]] = {}
    for edition in editions.editions(ROOT):
        for page in project.source_pages(edition.docs_dir):
            if page.front.block is not None:
                found.setdefault(page.front.block.yaml_text, []).append(page.src)
    return found


class Parses:
    """Our parses of a page's front matter, counted per page."""

    def __init__(self) -> None:
        self.pages = _pages()
        self.per_page: collections.Counter[str] = collections.Counter()

    def seen(self, text: str | None, caller: str) -> None:
        if caller.startswith(PACKAGE) and text in self.pages:
            self.per_page.update(self.pages[text])

    def over_once(self) -> dict[str, int]:
        return {page: n for page, n in self.per_page.items() if n > 1}


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[Parses]:
    counted = Parses()
    single_node = yaml.composer.Composer.get_single_node

    def counting(composer: yaml.composer.Composer) -> yaml.Node | None:
        frame = sys._getframe(1)
        while frame.f_back and f"{os.sep}yaml{os.sep}" in frame.f_code.co_filename:
            frame = frame.f_back
        buffer = getattr(composer, "buffer", None)
        counted.seen(buffer[:-1] if isinstance(buffer, str) else None, frame.f_code.co_filename)
        return single_node(composer)

    monkeypatch.setattr(yaml.composer.Composer, "get_single_node", counting)
    yield counted


def test_quick_check_parses_each_page_once(parses: Parses) -> None:
    content.check_files([ROOT / "docs", ROOT / "docs-es"])
    assert len(parses.per_page) == sum(map(len, parses.pages.values())) > 50
    assert parses.over_once() == {}


def test_zensical_check_parses_each_page_once(parses: Parses) -> None:
    for edition in editions.editions(ROOT):
        settings = editions.settings(edition, ROOT, "/")
        steps.check(settings, project.source_pages(settings.docs_dir))
    assert len(parses.per_page) == sum(map(len, parses.pages.values())) > 50
    assert parses.over_once() == {}


def test_counter_sees_a_second_parse(parses: Parses) -> None:
    text = (ROOT / "docs" / "index.md").read_text(encoding="utf-8-sig")
    frontmatter.parse(text)
    frontmatter.meta(text)  # a second reading of the same text: what the test must catch
    assert parses.over_once() == {"docs/index.md": 2}


@pytest.mark.slow
def test_mkdocs_build_parses_each_page_once_per_process(
    parses: Parses, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The English build in this process (its checks, then `finish` of both languages),
    then the Spanish build as the English one starts it, also in this process."""
    monkeypatch.chdir(ROOT)
    build(load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert set(parses.per_page) == {p for ps in parses.pages.values() for p in ps}
    assert parses.over_once() == {}
    parses.per_page.clear()
    for edition in editions.editions(ROOT):
        if edition.is_default:
            continue
        merged = tmp_path / f"mkdocs.{edition.lang}.yml"
        editions.write_config(edition, ROOT, merged, "/")
        monkeypatch.setenv(other_languages.EDITION_ENV, edition.lang)
        monkeypatch.setenv(other_languages.EDITION_CONFIG_ENV, str(edition.differences))
        build(load_config(config_file=str(merged), site_dir=str(tmp_path / edition.lang)))
        assert parses.per_page and parses.over_once() == {}
