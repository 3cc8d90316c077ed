"""One copy of the shared assets for both languages (finish/shared_assets.py): the Spanish
pages and embeds load the root /assets/, es/assets/ keeps only files that differ, and a
reader who switches language downloads no stylesheet or script twice."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from browser import DESKTOP, new_context, settle
from iopguide.finish import shared_assets
from sitetools import tags
from test_search import top_pages

ORIGIN = "http://site.invalid/"


def _loaded(html: str, page: str) -> list[str]:
    """Site paths of the stylesheets, scripts, icons and search worker `page` names."""
    urls = [a["href"] for a in tags(html, "link") if "stylesheet" in a.get("rel", "")]
    urls += [a["src"] for a in tags(html, "script") if a.get("src")]
    config = LexborHTMLParser(html).css_first("script#__config")
    if config is not None:
        urls.append(json.loads(config.text(deep=True))["search"])
    return [urlsplit(urljoin(ORIGIN + page, url)).path for url in urls if url]


def test_every_spanish_page_and_embed_loads_the_root_assets(site: Path) -> None:
    pages = sorted((site / "es").rglob("*.html"))
    assert len(pages) > 20
    wrong = []
    for path in pages:
        page = path.relative_to(site).as_posix()
        for url in _loaded(path.read_text(encoding="utf-8"), page):
            name = url.partition("/assets/")[2]
            if "/es/assets/" in url or not name or not (site / "assets" / name).is_file():
                wrong.append(f"{page}: {url}")
    assert wrong == [], "\n".join(wrong[:20])


def test_es_assets_holds_only_files_that_differ_from_the_root_copy(site: Path) -> None:
    own = site / "es" / "assets"
    files = [p for p in own.rglob("*") if p.is_file()] if own.is_dir() else []
    same = [
        p.relative_to(site).as_posix()
        for p in files
        if (site / "assets" / p.relative_to(own)).is_file()
        and filecmp.cmp(p, site / "assets" / p.relative_to(own), shallow=False)
    ]
    assert same == [], f"duplicates of the root's assets: {same}"


@pytest.mark.parametrize(
    ("value", "page", "expected"),
    [
        ("assets/a.css", "es/index.html", "../assets/a.css"),
        ("../assets/a.css?v=1#x", "es/b/index.html", "../../assets/a.css?v=1#x"),
        ("/guide/es/assets/a.css", "es/404.html", "/guide/assets/a.css"),
        (
            "https://x.org/guide/es/assets/a.css",
            "es/index.html",
            "https://x.org/guide/assets/a.css",
        ),
        ("assets/other.js", "es/index.html", "assets/other.js"),  # differs: stays
        ("../../assets/a.css", "es/b/index.html", "../../assets/a.css"),  # already the root's
        ("https://elsewhere.org/guide/es/assets/a.css", "es/index.html", None),
        ("assets/a.css x", "es/index.html", None),  # not one URL
    ],
)
def test_urls_name_the_root_copy_in_the_form_they_had(value, page, expected) -> None:
    rewriter = shared_assets.Rewriter("https://x.org/guide/", "es/", {"a.css"})
    assert rewriter.url(value, page) == (value if expected is None else expected)


def test_share_deletes_identical_files_keeps_those_that_differ_and_finds_the_rest(
    tmp_path: Path,
) -> None:
    for folder, other in (("", "root"), ("es/", "es")):
        (tmp_path / folder / "assets" / "js").mkdir(parents=True)
        (tmp_path / folder / "assets" / "js" / "same.js").write_text("same", encoding="utf-8")
        (tmp_path / folder / "assets" / "own.js").write_text(other, encoding="utf-8")
    (tmp_path / "assets" / "only.js").write_text("root only", encoding="utf-8")
    config = '{"base": "..", "search": "../assets/js/same.js"}'
    html = {
        "es/t/index.html": (
            '<html><head><script id="__config" type="application/json">'
            f'{config}</script><script src="../assets/js/same.js"></script>'
            '<script src="../assets/own.js"></script><script src="../assets/only.js"></script>'
            "</head><body></body></html>"
        )
    }
    trees = {path: LexborHTMLParser(page) for path, page in html.items()}
    removed = shared_assets.share(tmp_path, trees, ("es/",), "/")
    assert removed == 4
    assert not (tmp_path / "es" / "assets" / "js").exists()
    assert (tmp_path / "es" / "assets" / "own.js").is_file()
    page = trees["es/t/index.html"].html or ""
    assert 'src="../../assets/js/same.js"' in page
    assert 'src="../assets/own.js"' in page
    assert 'src="../../assets/only.js"' in page  # es has no copy
    assert '"search": "../../assets/js/same.js"' in page


@pytest.mark.xdist_group("search-es")
def test_switching_language_reuses_every_asset_and_nothing_fails(browser, base_url) -> None:
    """A Spanish page (with its search: Material's worker from /assets/, the index from
    /es/search/), then the English page: no failed request, no error status, no console
    error, and the English page asks for no stylesheet or script the Spanish one did not."""
    context = new_context(browser, viewport=DESKTOP)
    statuses: list[str] = []
    errors: list[str] = []
    requested: list[str] = []
    context.on("response", lambda r: r.status >= 400 and statuses.append(f"{r.status} {r.url}"))
    context.on("requestfailed", lambda r: statuses.append(f"{r.failure} {r.url}"))
    context.on("request", lambda r: requested.append(urlsplit(r.url).path))
    try:
        tab = context.new_page()
        tab.on("console", lambda m: m.type == "error" and errors.append(m.text))
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.goto(base_url + "es/cost-and-insurance/", wait_until="load")
        settle(tab)
        tab.keyboard.press("/")
        assert "es/cost-and-insurance/" in top_pages(tab, base_url, "copago", 5, "encontrad")
        spanish_requests = list(requested)
        requested.clear()
        tab.goto(base_url + "cost-and-insurance/", wait_until="load")
        settle(tab)
        english = {path for path in requested if path.endswith((".css", ".js"))}
    finally:
        context.close()
    root = urlsplit(base_url).path
    spanish = {path for path in spanish_requests if path.endswith((".css", ".js"))}
    assert any(path.startswith(root + "assets/") for path in spanish)
    assert [path for path in spanish_requests if path.startswith(root + "es/assets/")] == []
    assert root + "es/search/search_index.json" in spanish_requests  # its own index
    assert english - spanish == set(), f"downloaded again in English: {english - spanish}"
    assert statuses == [] and errors == [], statuses + errors
