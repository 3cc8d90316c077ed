"""Material's JavaScript loads on the reader's first touch, not with the page
(assets/lazy-bundle.js, finish/lazy_bundle.py), and then everything works as before:
the menu, search, the colour toggle, the glossary's tooltips, our own scripts."""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from browser import BUNDLE_STARTED, DESKTOP, PHONE, open_page
from iopguide.finish import lazy_bundle

BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
TABLES = "in-an-iop/"  # a page with tables, a glossary term and a long menu
SCRIPT_BOX = "cost-and-insurance/"  # a page with "what to say" boxes and their copy button
SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"
STORED = "() => Object.keys(localStorage)"
LOADING = """() => document.documentElement.hasAttribute('data-iop-bundle')
    || [...document.scripts].some(
        s => s.type !== 'text/plain' && /javascripts\\/bundle\\./.test(s.src))"""
OURS = """() => ({
    headerButtons: document.querySelectorAll('.iop-header-button').length,
    copyButtons: document.querySelectorAll('.iop-copy').length,
    tables: document.querySelectorAll('article table').length,
    boxes: document.querySelectorAll('.md-typeset__scrollwrap').length,
    twice: document.querySelectorAll('.md-typeset__scrollwrap .md-typeset__scrollwrap').length,
    focusable: document.querySelectorAll('.md-typeset__scrollwrap[tabindex="0"]').length,
})"""


def _bundle(url: str) -> bool:
    return bool(BUNDLE.search(url))


PAGE = (
    '<html><body><article class="md-typeset"><table data-iop-cards=""><tr><td>1</td></tr>'
    '</table><table class="x"><tr><td>2</td></tr></table></article>'
    '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    '<script src="../assets/lazy-bundle.min.js"></script></body></html>'
)


def test_the_build_holds_the_bundle_and_boxes_the_tables_material_would() -> None:
    held = lazy_bundle.hold(PAGE)
    assert 'type="text/plain"' in held
    assert 'data-iop-bundle="../assets/javascripts/bundle.a5f9d56c.min.js"' in held
    assert 'src="../assets/javascripts/bundle' not in held  # HTML allows no src there
    assert held.count('class="md-typeset__scrollwrap"') == 1  # not the table with a class
    assert '<div class="md-typeset__table"><table data-iop-cards="">' in held
    without_loader = PAGE.replace('<script src="../assets/lazy-bundle.min.js"></script>', "")
    assert lazy_bundle.hold(without_loader) == without_loader
    pages = {"a.html": LexborHTMLParser(PAGE)}
    lazy_bundle.apply(pages, "zensical")
    assert pages["a.html"].html == LexborHTMLParser(PAGE).html, "Zensical's pages as they are"


def test_an_untouched_page_does_not_load_the_bundle(browser, base_url: str) -> None:
    with open_page(browser, base_url + TABLES) as (tab, record):
        # No wait that has to run its course: once the network is idle the loader has
        # nothing left to do but wait for an event, so if it has not added the bundle's
        # <script> by now, only a touch will. A first view is what loads before a touch.
        tab.wait_for_load_state("networkidle")
        assert not tab.evaluate(LOADING), "the loader added Material's bundle untouched"
        assert not [url for url in record.requests if _bundle(url)]
        # It looks as Material would make it: JavaScript's styles, tables in their boxes
        # (once, and a keyboard can scroll them), the button for the other colour scheme.
        assert tab.evaluate("() => document.documentElement.className") == "js"
        state = tab.evaluate(OURS)
        assert state["tables"] > 0 and state["boxes"] == state["tables"] == state["focusable"]
        assert tab.get_by_role("button", name="Switch to dark mode").is_visible()


def test_a_dark_device_sees_dark_colours_before_any_touch(browser, base_url: str) -> None:
    with open_page(browser, base_url + TABLES, scheme="dark") as (tab, record):
        assert tab.evaluate(SCHEME) == "slate"
        # At once: no colour still fading in from the light scheme (axe read one mid-way).
        fading = "() => document.getAnimations().filter(a => a instanceof CSSTransition).length"
        assert tab.evaluate(fading) == 0
        assert tab.get_by_role("button", name="Switch to light mode").is_visible()
        assert not [url for url in record.requests if _bundle(url)]


def test_a_tap_on_the_menu_loads_it_and_everything_works(browser, base_url: str) -> None:
    with open_page(browser, base_url + TABLES, viewport=PHONE) as (tab, record):
        before = tab.evaluate(OURS)
        tab.get_by_role("button", name="Menu").click()
        tab.wait_for_function(BUNDLE_STARTED)
        assert tab.evaluate(LOADING), "the untouched-page check would not see it"
        assert [url for url in record.requests if _bundle(url)]
        assert tab.evaluate("() => document.getElementById('__drawer').checked"), (
            "the menu closed when Material started"
        )
        # Material started on a second DOMContentLoaded: none of our scripts ran twice, and
        # its tables are wrapped once, in the boxes the build made.
        assert tab.evaluate(OURS) == before
        tab.keyboard.press("Escape")
        tab.wait_for_function("() => !document.getElementById('__drawer').checked")
        tab.get_by_role("button", name="Search").click()
        tab.locator(".md-search__input").press_sequentially("insurance")
        tab.wait_for_selector(".md-search-result__item")
        tab.keyboard.press("Escape")
        tab.wait_for_function("() => !document.getElementById('__search').checked")
        assert tab.evaluate(STORED) == [], "the colour scheme was saved unasked"
        tab.get_by_role("button", name="Switch to dark mode").click()
        assert tab.evaluate(SCHEME) == "slate"
        assert tab.evaluate(STORED) == ["/.__palette"], "the reader's pick was not saved"
        tab.get_by_role("button", name="Switch to light mode").click()
        assert tab.evaluate(SCHEME) == "default"
        assert record.console_errors == []


def test_a_key_loads_it_and_search_and_tooltips_work(browser, base_url: str) -> None:
    with open_page(browser, base_url + SCRIPT_BOX, viewport=DESKTOP) as (tab, record):
        before = tab.evaluate(OURS)
        assert before["copyButtons"] > 0
        tab.keyboard.press("/")  # typed at once, before the bundle has arrived
        tab.keyboard.type("medicaid")
        tab.wait_for_function(BUNDLE_STARTED)
        tab.wait_for_selector(".md-search-result__item")
        tab.keyboard.press("Escape")
        tab.wait_for_function("() => !document.getElementById('__search').checked")
        assert tab.evaluate(OURS) == before
        tab.locator("article abbr").first.hover()
        tab.wait_for_selector(".md-tooltip2--active")
        assert record.console_errors == []


def test_a_colour_picked_before_the_bundle_arrives_is_kept(browser, base_url: str) -> None:
    held = []
    with open_page(browser, base_url + TABLES, viewport=DESKTOP) as (tab, _):
        tab.route(BUNDLE, lambda route: held.append(route))  # held until the colour is picked
        try:
            with tab.expect_request(lambda request: _bundle(request.url)):
                tab.get_by_role("button", name="Switch to dark mode").click()
            assert tab.evaluate(SCHEME) == "slate", "the colour waited for Material"
            assert held, "the bundle was not asked for"
            held[0].continue_()
            tab.wait_for_function(BUNDLE_STARTED)
            assert tab.evaluate(SCHEME) == "slate"
            assert tab.get_by_role("button", name="Switch to light mode").is_visible()
            tab.get_by_role("button", name="Switch to light mode").click()
            assert tab.evaluate(SCHEME) == "default"
        finally:
            tab.unroute(BUNDLE)


def test_search_opened_from_its_button_before_the_bundle_takes_what_is_typed(
    browser, base_url: str
) -> None:
    """A keyboard reader on a slow phone presses Enter on Search and types at once, before
    Material has arrived: the cursor must already be in the box (a11y.js puts it there),
    and Material searches for what was typed when it starts. (A wide window shows the box
    itself, with no Search button.)"""
    held = []
    with open_page(browser, base_url, viewport=PHONE) as (tab, _):
        tab.route(BUNDLE, lambda route: held.append(route))  # held until the typing is done
        try:
            button = tab.locator("button.iop-header-button[data-for='__search']")
            with tab.expect_request(lambda request: _bundle(request.url)):
                button.focus()
            tab.keyboard.press("Enter")
            tab.keyboard.type("teen")
            box = ".md-search__input"
            assert tab.evaluate(f"document.querySelector('{box}').value") == "teen", (
                "the words typed after opening search went elsewhere (a11y.js showButton)"
            )
            assert held, "the bundle was not asked for"
            held[0].continue_()
            tab.wait_for_function(BUNDLE_STARTED)
            tab.wait_for_selector(".md-search-result__item")
        finally:
            tab.unroute(BUNDLE)


@pytest.mark.parametrize("address", ["?q=insurance", "#attendance"])
def test_a_search_or_a_place_in_the_page_loads_it_at_once(
    browser, base_url: str, address: str
) -> None:
    with open_page(browser, base_url + TABLES + address) as (tab, record):
        tab.wait_for_function(BUNDLE_STARTED)
        if address.startswith("?q="):
            tab.wait_for_selector(".md-search-result__item")
        assert record.console_errors == []
