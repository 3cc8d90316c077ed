"""The finish step parses each built HTML file once (finish/pages.py, issue 26).

`finish_site` runs again on a copy of the built site with every LexborHTMLParser the
finish modules (and the checks they call) construct counted. A whole page is told from
a fragment by how its text starts: a page as MkDocs, Zensical or a finish step writes it
starts with `<!doctype html>` or `<html`; the fragments a step parses (a wording's link,
a copy of a heading, the box around a table, an element to insert) start with any other
tag. A copy of a page's tree (`tree.clone()`, for an embed or the feed) is no parse.
"""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from iopguide import editions, project
from iopguide.finish.run import EditionBuild, finish_site
from sitetools import ROOT

WHOLE = ("<!doctype", "<html")


class _Parsers(type(LexborHTMLParser)):  # type: ignore[misc]
    def __instancecheck__(cls, instance: object) -> bool:
        return isinstance(instance, LexborHTMLParser)  # a clone is a parsed page too


def _counting(whole: list[str], fragments: list[str]) -> type:
    class Counting(LexborHTMLParser, metaclass=_Parsers):
        def __init__(self, html: str, *args: object, **kwargs: object) -> None:
            starts = html.lstrip()[:9].lower()
            (whole if starts.startswith(WHOLE) else fragments).append(html)
            super().__init__(html, *args, **kwargs)

    return Counting


def _builds(root: Path) -> list[EditionBuild]:
    """The editions as iopguide/steps.py hands them to finish_site."""
    site_url = project.settings(root / "mkdocs.yml").site_url
    found = []
    for edition in editions.editions(root):
        settings = editions.settings(edition, root, site_url)
        pages = project.source_pages(settings.docs_dir)
        found.append(EditionBuild(edition.lang, edition.folder, settings, pages))
    return found


def test_finish_parses_each_built_page_once(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    files = Counter(path.read_text("utf-8") for path in copy.rglob("*.html"))
    whole: list[str] = []
    fragments: list[str] = []
    counting = _counting(whole, fragments)
    for name, module in list(sys.modules.items()):
        if name.startswith(("iopguide.finish", "iopguide.checks")) and (
            getattr(module, "LexborHTMLParser", None) is LexborHTMLParser
        ):
            monkeypatch.setattr(module, "LexborHTMLParser", counting)
    finish_site(copy, _builds(ROOT))
    assert len(files) > 50 and whole, "the site's pages were read"
    assert Counter(whole) == files, (
        f"{len(whole)} whole-page parses for {files.total()} HTML files: a step parses a "
        "page that is already a tree (take it from `html`, or `tree.clone()` for a copy)"
    )
    print(f"{len(whole)} pages parsed once each; {len(fragments)} fragments")
