"""Without JavaScript (blocked, failed to load, or a reader's choice): every page shows its
text, its crisis links and its menu, and the menu works, in a real Chromium."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

import visits
from browser import DESKTOP, PHONE, open_page
from sitetools import every_page
from visits import DESKTOP_NO_JS

PAGES = every_page()  # every language
IDS = [page.src for page in PAGES]


def _menu_link_to(tab, target: str):
    """The primary menu's link to `target`, shown as a reader would show it: a link in a
    closed section needs its section opened (a checkbox, so no script)."""
    nav = tab.locator(f".md-sidebar--primary a[href$='{target}']").first
    if not nav.is_visible():
        link = tab.locator(f"a[href$='{target}']")
        section = tab.locator(".md-sidebar--primary li.md-nav__item--nested", has=link)
        section.first.locator(":scope > label.md-nav__link").click()
    return nav


def _menu_target(url: str) -> str:
    own = urlsplit(url).path.lstrip("/").removeprefix("es/")
    return "benefits/" if own != "benefits/" else "resources/"


def _without_javascript(tab) -> dict:
    found = tab.evaluate("""() => {
        const shown = e => !!e && e.checkVisibility({visibilityProperty: true})
            && e.getBoundingClientRect().height > 0;
        const crisis = href => [...document.querySelectorAll(`.iop-crisis a[href^='${href}']`)]
            .some(shown);
        return {h1: shown(document.querySelector('article h1')),
                paragraphs: document.querySelectorAll('article p').length,
                crisis: {'tel:988': crisis('tel:988'), 'sms:988': crisis('sms:988')}};
    }""")
    target = _menu_target(tab.url)
    found["menu"] = {"target": target, "shown": _menu_link_to(tab, target).is_visible()}
    return found


NO_JAVASCRIPT = visits.probe(
    "without JavaScript", DESKTOP_NO_JS, run=_without_javascript, stage=visits.Stage.INTERACT
)


@pytest.mark.parametrize("page", visits.by_page(PAGES), ids=IDS)
def test_without_javascript_content_nav_and_crisis_links_show(browser, base_url: str, page) -> None:
    found = visits.measured(browser, base_url + page.url, DESKTOP_NO_JS, NO_JAVASCRIPT)
    assert found["h1"] and found["paragraphs"] >= 1, f"{page.src}: no text without JavaScript"
    for href, shown in found["crisis"].items():  # Spanish: sms:988?body=AYUDA
        assert shown, f"{page.src}: the crisis box's {href} link is hidden without JavaScript"
    assert found["menu"]["shown"], (
        f"{page.src}: no visible menu link to {found['menu']['target']} without JavaScript"
    )


# The menu is one template: following a link from it is checked on a top-level page, a page
# in a section and a Spanish page; every page's menu link shows (above).
@pytest.mark.parametrize("src", ["docs/index.md", "docs/about/privacy.md", "docs-es/benefits.md"])
def test_without_javascript_a_menu_link_leads_to_its_page(browser, base_url: str, src) -> None:
    page = next(p for p in PAGES if p.src == src)
    with open_page(browser, base_url + page.url, viewport=DESKTOP, javascript=False) as (tab, _):
        target = _menu_target(tab.url)
        nav = _menu_link_to(tab, target)
        # Wait for the navigation the click starts: a bare load-state wait can answer for
        # the page being left before it begins (seen on a busy machine).
        with tab.expect_navigation():
            nav.click()
        assert tab.url.endswith("/" + target), f"{page.src}: the menu link led to {tab.url}"


def test_without_javascript_the_phone_menu_still_opens(browser, base_url: str) -> None:
    with open_page(browser, base_url, viewport=PHONE, javascript=False) as (tab, _):
        tab.locator(".md-header__button[for='__drawer']").click()
        assert tab.locator(".md-sidebar--primary a[href$='for-clinics/']").first.is_visible()
