"""The platform in a real Chromium: private, error-free, crisis help visible on phones."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

import visits
from browser import PHONE, contrast, open_page, settle, start_bundle
from sitetools import all_pages, every_page
from visits import PHONE_LIGHT

PAGES = [*all_pages()]
PAGE_IDS = [page.src for page in PAGES]


def _private_and_error_free(record, tab, base_url: str, where: str) -> None:
    own = urlsplit(base_url).netloc
    others = [
        url
        for url in record.requests
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own
    ]
    assert others == [], f"{where} requested other hosts: {others}"
    assert record.console_errors == [], f"{where}: console errors {record.console_errors}"
    assert record.failed == [], f"{where}: failed requests {record.failed}"
    assert tab.context.cookies() == [], f"{where} set cookies: {tab.context.cookies()}"


def _reached_for(tab) -> bool:
    start_bundle(tab)
    settle(tab)
    return True


# The 360 light visit ends as a reader's first move would: Material's bundle loads and
# runs on the page's own content (docs/assets/lazy-bundle.js), so the visit's log holds
# everything the page loads and does, to the last script.
REACHED_FOR = visits.probe(
    "bundle started", PHONE_LIGHT, run=_reached_for, stage=visits.Stage.AFTER
)


@pytest.mark.parametrize("page", visits.by_page(every_page()), ids=str)
def test_no_third_party_requests_console_errors_or_cookies(browser, base_url: str, page) -> None:
    """Every page in both languages, from its 360 light visit, bundle and all."""
    url = base_url + page.url
    assert visits.measured(browser, url, PHONE_LIGHT, REACHED_FOR)
    log = visits.logged(browser, url, PHONE_LIGHT)
    own = urlsplit(base_url).netloc
    others = [
        u
        for u in log.requests
        if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != own
    ]
    assert others == [], f"{page.src} requested other hosts: {others}"
    assert any("/assets/javascripts/bundle." in u for u in log.requests), (
        f"{page.src}: Material's bundle did not load in the visit"
    )
    assert log.errors == (), f"{page.src}: console errors {log.errors}"
    assert log.failed == (), f"{page.src}: failed requests {log.failed}"
    assert log.cookies == (), f"{page.src} set cookies: {log.cookies}"


# Search is the same on every page of a language: its worker and index load from the site
# too (the search tests search from many pages).
@pytest.mark.parametrize("home", ["", "es/"])
def test_search_loads_nothing_from_elsewhere(browser, base_url: str, home: str) -> None:
    with open_page(browser, base_url + home) as (tab, record):
        tab.keyboard.press("/")
        tab.wait_for_function("""() => /^(Type to start searching|Escriba para buscar)$/.test(
            document.querySelector('.md-search-result__meta').textContent.trim())""")
        assert any(url.endswith("search_index.json") for url in record.requests)
        _private_and_error_free(record, tab, base_url, home or "/")


def test_the_404_page_is_private_and_error_free(browser, base_url: str) -> None:
    with open_page(browser, base_url + "no-such-page/") as (tab, record):
        assert tab.locator("h1").inner_text() == "We can't find that page"
        own = urlsplit(base_url).netloc
        assert all(urlsplit(u).netloc == own for u in record.requests if u.startswith("http"))
        # The page itself answers 404 by design; nothing else may fail.
        assert [e for e in record.console_errors if "404" not in e] == []
        assert tab.context.cookies() == []


# Read at once, never waited for: this runs in every 360 light visit, Spanish pages too,
# whose text link is sms:988?body=AYUDA, and a locator would wait its full limit for the
# English one there (120 s a page, which looked like a hung suite).
CRISIS_LINKS_JS = """() => Object.fromEntries(['tel:988', 'sms:988'].map(href => {
  const link = document.querySelector(`.iop-crisis a[href='${href}']`);
  const r = link && link.getBoundingClientRect();
  const shown = Boolean(link && link.checkVisibility({visibilityProperty: true}) && r.width);
  return [href, {shown, box: r && {x: r.x, y: r.y, width: r.width, height: r.height}}];
}))"""


# Read in the 360 light visit the other per-page tests share (tests/visits.py).
CRISIS_ON_LOAD = visits.probe("crisis links on load", PHONE_LIGHT, js=CRISIS_LINKS_JS)


@pytest.mark.parametrize("page", visits.by_page(PAGES), ids=PAGE_IDS)
def test_crisis_links_are_visible_on_load_on_a_phone(browser, base_url: str, page) -> None:
    found = visits.measured(browser, base_url + page.url, PHONE_LIGHT, CRISIS_ON_LOAD)
    for href, link in found.items():
        assert link["shown"], f"{page.src}: the {href} link is hidden"
        box = link["box"]
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], (
            f"{page.src}: the {href} link is below the fold on a 360x740 phone"
        )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_crisis_bar_contrast_is_at_least_4_5_to_1(browser, base_url: str, scheme: str) -> None:
    with open_page(browser, base_url, scheme=scheme) as (tab, _):
        background = tab.eval_on_selector(".md-banner", "e => getComputedStyle(e).backgroundColor")
        for selector in (
            ".iop-crisis",
            ".iop-crisis a[href='tel:988']",
            ".iop-crisis a[href='sms:988']",
            ".iop-crisis a[href='tel:911']",
        ):
            color = tab.eval_on_selector(selector, "e => getComputedStyle(e).color")
            ratio = contrast(color, background)
            assert ratio >= 4.5, f"{scheme}: {selector} is {ratio:.2f}:1 on {background}"
