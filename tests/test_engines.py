"""One pipeline, two generators: MkDocs (through its hook) and Zensical (through
`dev.py build --engine zensical`) run the same `check` and `finish`, so they publish the
same pages, embeds, feed, CSP and `_headers`, and refuse the same bad page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from browser import open_page
from fixtures_builds import SCRIPT, SCRIPT_PAGE, Broken
from iopguide.finish import csp, site_headers
from sitetools import ROOT, build_site, copy_project, serve_directory
from test_spanish_ui import SPANISH, english_on_spanish_pages, skip_links

pytestmark = [pytest.mark.xdist_group("zensical"), pytest.mark.slow]


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("zensical") / "site"
    built = build_site(ROOT, out, engine="zensical")
    if not built.ok:
        pytest.fail(f"the Zensical build failed:\n{built.output}", pytrace=False)
    return out


def html_files(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def test_both_generators_publish_the_same_pages_and_embeds(site: Path, zensical_site: Path):
    mkdocs, zensical = html_files(site), html_files(zensical_site)
    assert [p for p in mkdocs if p.startswith("embed/")], "no embeds in the MkDocs build"
    assert mkdocs == zensical


def test_both_generators_publish_the_same_feed(site: Path, zensical_site: Path) -> None:
    def entries(folder: Path) -> list[dict]:
        data = json.loads((folder / "api" / "pages.json").read_text(encoding="utf-8"))
        return [{k: v for k, v in page.items() if k != "body_html"} for page in data["pages"]]

    assert entries(site) == entries(zensical_site)
    assert entries(site), "the feed is empty"


def test_both_generators_give_every_page_the_same_headers(site: Path, zensical_site: Path):
    """Same `_headers` for every page, embed and the feed. The CSP differs only in the
    hash of the one inline script the generators write differently; the theme files
    have each generator's own names."""

    def headers(folder: Path, path: str) -> dict[str, str]:
        rules = site_headers.parse((folder / "_headers").read_text(encoding="utf-8"))
        found = site_headers.headers_for(rules, path)
        policy = found.pop("Content-Security-Policy", "")
        found["CSP directives"] = " ".join(part.split()[0] for part in policy.split(";"))
        return found

    paths = ["/" + page.removesuffix("index.html") for page in html_files(site)]
    for path in [*paths, "/api/pages.json"]:
        assert headers(site, path) == headers(zensical_site, path), path


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_every_page_of_both_builds_carries_the_policy(
    site: Path, zensical_site: Path, engine: str
) -> None:
    folder = site if engine == "mkdocs" else zensical_site
    policy = csp.meta_policy((folder / "index.html").read_text(encoding="utf-8"))
    assert policy and "default-src 'none'" in policy and "'unsafe-inline'" not in policy
    for page in html_files(folder):
        assert csp.meta_policy((folder / page).read_text(encoding="utf-8")) == policy, page


def test_zensical_pages_keep_crisis_help_citations_sources_and_qr(zensical_site: Path) -> None:
    html = (zensical_site / "benefits" / "index.html").read_text(encoding="utf-8")
    for needed in ('href="tel:988"', 'class="iop-cite"', 'id="source-1"', "iop-qr"):
        assert needed in html, needed
    assert "[^1]" not in html, "a citation marker was left as typed"


def test_zensical_speaks_each_language_with_one_skip_link(zensical_site: Path) -> None:
    """Zensical's templates have words of their own (its clipboard.error, a skip link on
    every page): tests/test_spanish_ui.py's checks hold on its build too."""
    assert skip_links(zensical_site) == []
    if SPANISH is not None:
        assert english_on_spanish_pages(zensical_site) == []


def test_a_page_with_a_script_fails_the_zensical_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / SCRIPT_PAGE
    page.write_text(page.read_text(encoding="utf-8") + SCRIPT, encoding="utf-8")
    out = tmp_path / "out"
    built = build_site(project, out, engine="zensical")
    assert not built.ok, "zensical published a page with a <script>"
    assert re.search(rf"{SCRIPT_PAGE}:\d+: unsafe-html: <script>", built.output), built.output
    assert not (out / "stories" / "index.html").exists(), "a half-built site was written"


def test_a_page_with_a_script_fails_the_mkdocs_build(broken_build: Broken) -> None:
    """The shared broken copy (tests/fixtures_builds.py) has the same <script>."""
    assert not broken_build.ok, "mkdocs published a page with a <script>"
    found = re.search(rf"{SCRIPT_PAGE}:\d+: unsafe-html: <script>", broken_build.output)
    assert found, broken_build.output
    assert not broken_build.out.exists(), "a half-built site was written"


def test_on_zensical_lazy_search_steps_aside_and_search_works(browser, zensical_site: Path):
    """assets/lazy-search.js defers Material's search until a reader opens it. Zensical's
    search has no search form for it to watch, so it steps aside: the index loads with
    the page, and search works, under the same CSP, with no error."""
    with serve_directory(zensical_site, headers=True) as base:
        with open_page(browser, base + "benefits/") as (tab, record):
            assert any(url.endswith("/search.json") for url in record.requests)
            tab.locator("button[aria-label=Search]").first.click()
            tab.keyboard.type("insurance")
            tab.get_by_text("No insurance or low income").first.wait_for(timeout=60_000)
            assert record.console_errors == [] and record.failed == []


# Where the crisis file (docs/.data/crisis.yml) puts its words: the crisis bar's tel: and
# sms: links, the footer, the print header, the crisis boxes and the Sources it adds to.
CRISIS_PARTS = (
    ".iop-crisis a[href^='tel:'], .iop-crisis a[href^='sms:'], .iop-footer__disclaimer, "
    ".iop-print-only p, .admonition.crisis, section.iop-sources li"
)


def test_both_generators_take_the_same_crisis_wording(site: Path, zensical_site: Path) -> None:
    """finish fills the templates' crisis slots, and {crisis:...} fills the pages, the same
    way whichever generator built them, in every language (404 pages and embeds too)."""

    def parts(folder: Path, page: str) -> list[tuple[str | None, str]]:
        tree = LexborHTMLParser((folder / page).read_text(encoding="utf-8"))
        return [(n.attrs.get("href"), " ".join(n.text().split())) for n in tree.css(CRISIS_PARTS)]

    pages = html_files(site)
    assert "es/404.html" in pages or not (ROOT / "docs-es").is_dir()
    for page in pages:
        assert parts(site, page) == parts(zensical_site, page), page
    assert any(href == "sms:988?body=AYUDA" for href, _ in parts(zensical_site, "es/index.html"))
