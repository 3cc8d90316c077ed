"""The site's address on any host (iopguide/site_address.py): SITE_URL, else the address
Netlify, Cloudflare Pages or Read the Docs sets; with none, one line and nothing wrong.

The build on "Netlify" (URL set as Netlify sets it, without the final slash) is the shared
`marked_build`, a real build for publishing (`site_url=None`, as `dev.py build` runs). The
build with no address at all is the plain host's (tests/test_plain_host.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from fixtures_builds import SUB_PATH, Broken
from iopguide import site_address, strings
from iopguide.finish import qr
from iopguide.paths import ROOT

# Builds, servers or tools that run for seconds: not in the quick lane.
pytestmark = pytest.mark.slow

HOST = SUB_PATH  # the shared build's address, https://example.org/iop-guide/
PAGES = ("benefits/", "es/benefits/")  # a content page in each edition


@pytest.fixture(scope="module")
def on_netlify(marked_build: Broken) -> Iterator[Path]:
    """The shared publishing build on "Netlify" (tests/fixtures_builds.py): URL set as
    Netlify sets it, under a sub-path and without the final slash, and no SITE_URL."""
    assert site_address.NOTE not in marked_build.output
    yield marked_build.out


def page_tree(site: Path, url: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / url / "index.html").read_text(encoding="utf-8"))


def canonical(tree: LexborHTMLParser) -> list[str]:
    return [node.attrs.get("href") or "" for node in tree.css("link[rel=canonical]")]


def leaks(site: Path) -> list[str]:
    """Files that name this machine, whatever they are (Material's source maps, which said
    it, are not published: finish/source_maps.py)."""
    return [
        str(path.relative_to(site))
        for path in sorted(site.rglob("*"))
        if path.is_file() and b"127.0.0.1" in path.read_bytes()
    ]


def test_mkdocs_yml_reads_the_variables_in_order() -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    found = re.search(r"(?m)^site_url: !ENV \[(.*)\]$", text)
    assert found, "mkdocs.yml: site_url must be read with !ENV [...]"
    assert [n.strip() for n in found.group(1).split(",")] == [*site_address.VARIABLES, "null"]


def test_an_address_ends_in_a_slash_and_a_path_is_no_address() -> None:
    assert site_address.full("https://x.netlify.app") == "https://x.netlify.app/"
    assert site_address.full("https://x.org/guide/") == "https://x.org/guide/"
    for unknown in (None, "", "/", "/guide/", "example.org"):
        assert site_address.full(unknown) is None
        assert site_address.notes(unknown or "/") == [site_address.NOTE]


@pytest.mark.parametrize("url", PAGES)
def test_a_host_address_names_everypage_tree(on_netlify: Path, url: str) -> None:
    tree = page_tree(on_netlify, url)
    assert canonical(tree) == [HOST + url]
    printed = tree.css_first(".iop-print-only")
    assert printed is not None and HOST + url in printed.text()
    svg = tree.css_first(".iop-qr-box svg")
    assert svg is not None, f"{url}: no QR code"
    lang = url.split("/")[0] if url.startswith("es/") else "en"
    made = LexborHTMLParser(qr.qr_svg(HOST + url, strings.words(lang)["qr"])).css_first("svg path")
    drawn = svg.css_first("path")
    assert made is not None and drawn is not None
    assert drawn.attrs.get("d") == made.attrs.get("d"), f"{url}: the QR code is not {HOST + url}"


@pytest.mark.parametrize("folder", ["", "es/"])
def test_a_host_address_in_the_sitemap_robots_and_feed(on_netlify: Path, folder: str) -> None:
    sitemap = (on_netlify / folder / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{HOST}{folder}benefits/</loc>" in sitemap
    robots = (on_netlify / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {HOST}{folder}sitemap.xml" in robots.splitlines()
    feed = json.loads((on_netlify / folder / "api" / "pages.json").read_text(encoding="utf-8"))
    assert feed["site"] == HOST + folder
    assert feed["pages"] and all(p["url"].startswith(HOST + folder) for p in feed["pages"])
    assert leaks(on_netlify) == []
