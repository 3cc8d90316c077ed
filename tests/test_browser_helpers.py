"""The browser helpers keep their promise: each `open_page` starts as clean as a fresh
browser context, though the tab is reused for speed (tests/browser.py)."""

from __future__ import annotations

from browser import DESKTOP, PHONE, open_page


def test_each_page_opens_clean_whatever_the_last_one_left(browser, base_url: str) -> None:
    with open_page(browser, base_url, viewport=PHONE) as (tab, _):
        tab.evaluate("""() => { localStorage.setItem('left', '1');
            sessionStorage.setItem('left', '1'); document.cookie = 'left=1; path=/'; }""")
        tab.get_by_role("button", name="Switch to dark mode").click()  # Material saves this
        assert tab.evaluate("localStorage.length") > 0
        tab.emulate_media(media="print")  # as a print test does
    with open_page(browser, base_url + "benefits/", viewport=DESKTOP) as (tab, record):
        assert tab.evaluate("""[localStorage.getItem('left'), sessionStorage.getItem('left'),
                                document.cookie]""") == [None, None, ""]
        assert tab.context.cookies() == []
        assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
        assert tab.viewport_size == DESKTOP
        assert tab.evaluate("matchMedia('screen').matches") is True
        assert any(url.endswith("/assets/site.min.css") for url in record.requests), record.requests
    with open_page(browser, base_url, scheme="dark") as (tab, _):
        assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        assert tab.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches") is False
