"""The real strict build: it passes, and bad front matter fails it with a clear line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fixtures_builds import BAD_NEXT_REVIEW, NO_REVIEWED, SUB_PATH, Broken
from sitetools import ROOT, all_pages, hrefs, tags


def test_the_strict_build_makes_every_page(site: Path) -> None:
    for page in all_pages():
        assert (site / page.url / "index.html").is_file(), f"{page.src} was not built"
    assert (site / "404.html").is_file()
    assert (site / "sitemap.xml").is_file()


def test_mkdocs_yml_keeps_strict_validation() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"(?m)^strict: true$", config)
    for rule in ("omitted_files", "absolute_links", "unrecognized_links", "anchors"):
        assert re.search(rf"(?m)^  {rule}: warn$", config), f"validation.{rule} must be warn"
    assert not re.search(r"(?m)^repo_url:", config), "repo_url makes browsers call GitHub's API"
    assert re.search(r"(?m)^  font: false", config), "web fonts would come from Google"


def test_removing_reviewed_fails_the_build_naming_page_and_field(broken_build: Broken) -> None:
    """The shared broken copy (tests/fixtures_builds.py) lost a page's `reviewed`."""
    assert not broken_build.ok, "the strict build passed with broken front matter"
    assert re.search(
        rf"{re.escape(NO_REVIEWED)}:\d+: front-matter: `reviewed` is missing", broken_build.output
    ), broken_build.output


def test_a_bad_next_review_date_fails_the_build_naming_page_and_field(broken_build: Broken) -> None:
    assert not broken_build.ok, "the strict build passed with broken front matter"
    assert re.search(
        rf"{re.escape(BAD_NEXT_REVIEW)}:\d+: front-matter: `next_review` is `next year`, "
        "not a real date",
        broken_build.output,
    ), broken_build.output


@pytest.mark.parametrize("page", all_pages(), ids=str)
def test_every_page_shows_review_dates_and_sources(site: Path, page) -> None:
    html = (site / page.url / "index.html").read_text(encoding="utf-8")
    dates = [t.get("datetime") for t in tags(html, "time")]
    assert page.meta["reviewed"].isoformat() in dates, f"{page.src}: no 'Last reviewed' date"
    assert page.meta["next_review"].isoformat() in dates, f"{page.src}: no 'Next review' date"
    assert "Last reviewed" in html and "Next review" in html
    links = hrefs(html, page.url)
    for source in page.meta.get("sources") or []:
        assert source["url"] in links, f"{page.src}: source {source['url']} is not listed"


@pytest.mark.parametrize("page", all_pages(), ids=str)
def test_every_page_has_crisis_links_and_the_disclaimer(site: Path, page) -> None:
    html = (site / page.url / "index.html").read_text(encoding="utf-8")
    links = hrefs(html, page.url)
    for href in ("tel:988", "sms:988", "tel:911"):
        assert href in links, f"{page.src}: no {href} link"
    assert "education, not medical advice" in html
    for policy in ("/about/editorial-policy/", "/about/privacy/", "/about/accessibility/"):
        assert policy in links, f"{page.src}: the footer lacks a link to {policy}"


def test_the_404_page_offers_search_sections_and_the_crisis_line(site: Path) -> None:
    html = (site / "404.html").read_text(encoding="utf-8")
    assert "We can't find that page" in html
    assert any(i.get("name") == "q" for i in tags(html, "input")), "the 404 page has no search box"
    assert any(f.get("role") == "search" for f in tags(html, "form"))
    links = hrefs(html, "")
    assert {"tel:988", "sms:988"} <= links
    for page in all_pages():
        assert "/" + page.url in links, f"the 404 page does not link to {page.src}"


def test_site_url_under_a_sub_path_fixes_sitemap_canonical_and_404(marked_build: Broken) -> None:
    """The shared build with a host's address under a sub-path (tests/fixtures_builds.py;
    its crisis wording is marked, which no address touches)."""
    assert SUB_PATH == "https://example.org/iop-guide/"
    out = marked_build.out
    assert "https://example.org/iop-guide/benefits/" in (out / "sitemap.xml").read_text()
    html = (out / "benefits" / "index.html").read_text(encoding="utf-8")
    canonical = [t["href"] for t in tags(html, "link") if t.get("rel") == "canonical"]
    assert canonical == ["https://example.org/iop-guide/benefits/"]
    not_found = (out / "404.html").read_text(encoding="utf-8")
    styles = [t["href"] for t in tags(not_found, "link") if t.get("rel") == "stylesheet"]
    assert styles and all(s.startswith("/iop-guide/assets/") for s in styles), styles


HIDDEN_TOC = [p for p in all_pages() if "toc" in (p.meta.get("hide") or ())]


@pytest.mark.parametrize("page", HIDDEN_TOC, ids=str)
def test_hide_toc_leaves_the_table_of_contents_out_but_keeps_search_sections(
    site: Path, page
) -> None:
    html = (site / page.url / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="toc"' not in html and "data-md-component=toc" not in html, (
        f"{page.src}: `hide: [toc]` must drop the table of contents (Material only hides it, "
        "and still sets it up at load); see on_page_context in iopguide/mkdocs_plugin/plugin.py"
    )
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sections = [d["location"] for d in index["docs"] if d["location"].startswith(page.url + "#")]
    source = (ROOT / page.src).read_text(encoding="utf-8")
    headings = re.findall(r"(?m)^## .*\{#([a-z0-9-]+)\}", source)
    assert sections and all(page.url + "#" + h in sections for h in headings), (
        f"{page.src}: search no longer finds each section of the page on its own"
    )
