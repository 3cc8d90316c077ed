"""Sharing and search engines: description, canonical URL, Open Graph, schema.org
JSON-LD, the sitemap and robots.txt, on every page of the built site."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from iopguide import editions
from iopguide.finish import robots as seo
from sitetools import DOCS, ROOT, all_pages, tags

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")  # as in mkdocs.yml


def meta(html: str, key: str, value: str) -> str | None:
    found = [t.get("content") for t in tags(html, "meta") if t.get(key) == value]
    return found[0] if found else None


def json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="?application/ld\+json"?>(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.mark.parametrize("page", all_pages(), ids=str)
def test_every_page_describes_itself_for_search_and_sharing(site: Path, page) -> None:
    html = (site / page.url / "index.html").read_text(encoding="utf-8")
    url = SITE_URL + page.url
    assert meta(html, "name", "description") == page.meta["description"]
    canonical = [t["href"] for t in tags(html, "link") if t.get("rel") == "canonical"]
    assert canonical == [url], f"{page.src}: canonical {canonical}"
    expected = {
        "og:title": page.meta["title"],
        "og:description": page.meta["description"],
        "og:type": "article",
        "og:url": url,
        "og:site_name": "IOP Guide",
        "og:locale": "en_US",
    }
    for name, value in expected.items():
        assert meta(html, "property", name) == value, f"{page.src}: {name}"


@pytest.mark.parametrize("page", all_pages(), ids=str)
def test_every_page_has_medical_web_page_json_ld(site: Path, page) -> None:
    html = (site / page.url / "index.html").read_text(encoding="utf-8")
    blocks = json_ld(html)
    assert len(blocks) == 1, f"{page.src}: {len(blocks)} JSON-LD blocks"
    data = blocks[0]
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == page.meta["title"]
    assert data["description"] == page.meta["description"]
    assert data["url"] == SITE_URL + page.url
    assert data["inLanguage"] == "en"
    assert data["lastReviewed"] == page.meta["reviewed"].isoformat()
    assert data["audience"] == {"@type": "Patient"}


def test_json_ld_is_data_so_the_csp_needs_no_hash_for_it(site: Path) -> None:
    """Browsers do not run application/ld+json; tests/test_csp.py shows Chromium
    reports no violation for it on any page."""
    html = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script type="?application/ld\+json"?>', html)


def test_the_sitemap_lists_every_page(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = set(re.findall(r"<loc>(.*?)</loc>", sitemap))
    for page in all_pages():
        assert SITE_URL + page.url in locs, f"{page.src} is not in the sitemap"


def test_robots_txt_allows_crawling_and_names_the_sitemap(site: Path) -> None:
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert re.search(r"(?m)^User-agent: \*$", robots)
    assert not re.search(r"(?m)^Disallow: /$", robots)
    folders = [edition.folder for edition in editions.editions(ROOT)]
    assert re.findall(r"(?m)^Sitemap: (.*)$", robots) == [
        SITE_URL + folder + "sitemap.xml" for folder in folders
    ]


def test_the_build_never_writes_the_sitemap_line_into_docs() -> None:
    assert "Sitemap:" not in (DOCS / "robots.txt").read_text(encoding="utf-8")


def test_robots_txt_follows_site_url() -> None:
    template = "User-agent: *\nAllow: /\nSitemap: https://old.example/sitemap.xml\n"
    assert seo.robots_txt(template, "https://example.org/iop/") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/iop/sitemap.xml\n"
    )
