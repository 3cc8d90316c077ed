"""Material's accessibility gaps, fixed in overrides/ and assets/, proven in Chromium."""

from __future__ import annotations

import re

import pytest

import visits
from browser import DESKTOP, PHONE, new_context, open_page, settle
from sitetools import ROOT, every_page
from visits import DESKTOP_LIGHT, PHONE_LIGHT

PAGES = every_page()  # every language
IDS = [page.src for page in PAGES]
CHECKLIST = next(p for p in PAGES if p.src == "docs/choosing-a-program.md")
TABLE_PAGE = next(p for p in PAGES if p.src == "docs/what-is-an-iop.md")
DETAILS_PAGE = next(
    (p for p in PAGES if re.search(r"(?m)^\?\?\?\+? ", (ROOT / p.src).read_text())), None
)


def focused(tab) -> dict:
    return tab.evaluate("""() => {
        const e = document.activeElement, s = getComputedStyle(e);
        return {tag: e.tagName, name: e.getAttribute('aria-label') || e.textContent.trim(),
                href: e.getAttribute('href'), role: e.getAttribute('role'),
                outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
                shadow: s.boxShadow};
    }""")


# --- 2. Material's gaps -----------------------------------------------------------


# Every per-page test below reads what one visit of its page in its view measured
# (tests/visits.py): the page opens once per view, not once per test.


def _tab_to_the_skip_link(tab) -> dict:
    tab.keyboard.press("Tab")
    first = focused(tab)
    shown = tab.locator("a.iop-skip").is_visible()
    tab.keyboard.press("Enter")
    return {"first": first, "shown": shown, "then": tab.evaluate("document.activeElement.id")}


SKIP_LINK = visits.probe(
    "skip link", DESKTOP_LIGHT, run=_tab_to_the_skip_link, stage=visits.Stage.INTERACT
)


@pytest.mark.parametrize("page", visits.by_page(PAGES), ids=IDS)
def test_skip_link_to_main_content_is_the_first_tab_stop(browser, base_url: str, page) -> None:
    found = visits.measured(browser, base_url + page.url, DESKTOP_LIGHT, SKIP_LINK)
    first = found["first"]
    assert first["href"] == "#main-content", f"{page.src}: first tab stop is {first}"
    assert found["shown"], f"{page.src}: the focused skip link must show"
    assert found["then"] == "main-content", f"{page.src}: Enter moved focus to {found['then']!r}"


def test_menu_toggle_is_a_named_keyboard_operable_button(browser, base_url: str) -> None:
    with open_page(browser, base_url, viewport=PHONE) as (tab, _):
        menu = tab.get_by_role("button", name="Menu")
        assert menu.is_visible()
        assert menu.get_attribute("aria-expanded") == "false"
        menu.focus()
        tab.keyboard.press("Enter")
        assert tab.evaluate("document.getElementById('__drawer').checked")
        assert menu.get_attribute("aria-expanded") == "true"
        # A top-level item: a closed section's links stay hidden (test_page_navigation.py).
        assert tab.locator("#iop-nav a[href$='for-clinics/']").first.is_visible()
        tab.keyboard.press("Escape")
        assert not tab.evaluate("document.getElementById('__drawer').checked")
        assert focused(tab)["name"] == "Menu", "focus returns to the menu button"
        tab.keyboard.press("Space")
        assert tab.evaluate("document.getElementById('__drawer').checked")


def test_search_result_count_is_announced_politely(browser, base_url: str) -> None:
    with open_page(browser, base_url, viewport=DESKTOP) as (tab, _):
        meta = tab.locator(".md-search-result__meta")
        assert meta.get_attribute("aria-live") == "polite"
        assert meta.get_attribute("role") == "status"
        tab.keyboard.press("/")
        tab.keyboard.type("insurance")
        tab.wait_for_function("""() => /\\d+ matching/.test(
            document.querySelector('.md-search-result__meta').textContent)""")
        assert "matching" in meta.inner_text()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["360", "1280"])
def test_focus_is_visible_on_every_tab_stop(browser, base_url: str, size: dict) -> None:
    with open_page(browser, base_url + CHECKLIST.url, viewport=size) as (tab, _):
        seen = 0
        for _ in range(60):
            tab.keyboard.press("Tab")
            state = focused(tab)
            if state["tag"] == "BODY":
                break
            seen += 1
            visible = (state["outline"] != "none" and state["width"] >= 2) or (
                state["shadow"] not in ("none", "")
            )
            assert visible, f"no visible focus on {state}"
        assert seen >= 20


PLAIN_LINKS = visits.probe(
    "links without underline",
    DESKTOP_LIGHT,
    js="""() => [...document.querySelectorAll(
            'article p a, article li a, article td a, article dd a')]
        .filter(a => !a.classList.contains('headerlink'))
        .filter(a => !getComputedStyle(a).textDecorationLine.includes('underline'))
        .map(a => a.textContent.trim())""",
)


@pytest.mark.parametrize("page", visits.by_page(PAGES), ids=IDS)
def test_links_in_body_text_are_underlined(browser, base_url: str, page) -> None:
    plain = visits.measured(browser, base_url + page.url, DESKTOP_LIGHT, PLAIN_LINKS)
    assert plain == [], f"{page.src}: links told apart by colour alone: {plain}"


def test_no_animation_or_transition_under_reduced_motion(browser, base_url: str) -> None:
    context = new_context(browser, viewport=PHONE, reduced_motion="reduce")
    tab = context.new_page()
    try:
        tab.goto(base_url + CHECKLIST.url)
        settle(tab)
        tab.get_by_role("button", name="Menu").click()
        tab.keyboard.press("Escape")
        tab.get_by_role("button", name="Search").click()
        tab.keyboard.type("cost")
        tab.wait_for_function("""() => /matching/.test(
            document.querySelector('.md-search-result__meta').textContent)""")
        settle(tab)
        moving = tab.evaluate("""() => [...document.querySelectorAll('*')].flatMap(e => {
            const s = getComputedStyle(e), out = [];
            if (s.animationName !== 'none') out.push(e.className + ': animation');
            if (s.transitionDuration.split(',').some(d => parseFloat(d) > 0))
                out.push(e.className + ': transition ' + s.transitionProperty);
            return out; })""")
        assert moving == []
        assert tab.evaluate("document.getAnimations().length") == 0
    finally:
        context.close()


# --- 3. Phones ----------------------------------------------------------------------


SIDEWAYS_JS = """() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    hidden: [...document.querySelectorAll('article table')]
        .filter(t => t.scrollWidth > (t.closest('.md-typeset__scrollwrap')
                                      || t.parentElement).clientWidth + 1)
        .map(t => t.textContent.trim().slice(0, 40)),
})"""
# 360 px as the page loads; 320 px (the smallest phones, and WCAG 1.4.10's reflow width)
# in the same visit, narrowed once everything else has been measured.
SIDEWAYS = {
    360: visits.probe("sideways", PHONE_LIGHT, js=SIDEWAYS_JS),
    320: visits.probe(
        "sideways at 320",
        PHONE_LIGHT,
        run=visits.resized(320, 740, SIDEWAYS_JS),
        stage=visits.Stage.AFTER,
    ),
}
SMALL_TEXT = visits.probe(
    "text under 16px",
    PHONE_LIGHT,
    js="""() => [...document.querySelectorAll(
            'article p, article li, article td, article th, article dd, article summary')]
        .filter(e => e.offsetParent && parseFloat(getComputedStyle(e).fontSize) < 16)
        .map(e => e.tagName + ' ' + getComputedStyle(e).fontSize + ': '
             + e.textContent.trim().slice(0, 40))""",
)


@pytest.mark.parametrize("width", [320, 360])
@pytest.mark.parametrize("page", visits.by_page(PAGES), ids=IDS)
def test_no_sideways_scrolling_on_small_phones(browser, base_url: str, page, width: int) -> None:
    found = visits.measured(browser, base_url + page.url, PHONE_LIGHT, SIDEWAYS[width])
    overflow, hidden = found["overflow"], found["hidden"]
    assert overflow <= 0, f"{page.src} scrolls sideways by {overflow}px at {width}px wide"
    # Tables stack into cards on phones (test_design.py checks each fits), so none
    # hides a column off-screen behind a scroll.
    assert hidden == [], f"{page.src}: tables wider than the screen at {width}px: {hidden}"


@pytest.mark.parametrize("page", visits.by_page(PAGES), ids=IDS)
def test_body_text_is_at_least_16px(browser, base_url: str, page) -> None:
    small = visits.measured(browser, base_url + page.url, PHONE_LIGHT, SMALL_TEXT)
    assert small == [], f"{page.src}: text under 16px: {small[:5]}"


TARGET_SIZE_JS = """() => {
    const targets = [...document.querySelectorAll(
        'a[href], button, input:not([type=hidden]), summary, select, [role=button], label[for]')]
      .filter(e => e.offsetParent !== null || getComputedStyle(e).position === 'fixed')
      .map(e => ({e, r: e.getBoundingClientRect()}))
      .filter(t => t.r.width > 0 && t.r.height > 0)
      // Off the screen to the side is no target: the closed menu drawer, whose panels
      // lie over one another until the reader opens it.
      .filter(t => t.r.right > 0 && t.r.left < window.innerWidth)
      .filter(t => getComputedStyle(t.e).visibility !== 'hidden' && !t.e.closest('[hidden]'))
      // Invisible and untouchable (Material's empty-search "Clear" button) is no target.
      .filter(t => getComputedStyle(t.e).opacity !== '0'
                   && getComputedStyle(t.e).pointerEvents !== 'none');
    const inline = e => {
        // WCAG 2.5.8 exception: a link in a sentence or list item of text.
        const block = e.closest('p, li, td, dd, .iop-crisis, .iop-footer__disclaimer');
        return e.tagName === 'A' && block && block.textContent.trim() !== e.textContent.trim();
    };
    const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
    const bad = [];
    for (const t of targets) {
        if (t.r.width >= 24 && t.r.height >= 24) continue;
        if (inline(t.e)) continue;
        // Spacing exception: a 24px circle on its centre overlaps no other target
        // and no other undersized target's circle.
        const [x, y] = centre(t.r);
        const clash = targets.some(o => {
            if (o === t || o.e.contains(t.e) || t.e.contains(o.e)) return false;
            const nx = Math.max(o.r.left, Math.min(x, o.r.right));
            const ny = Math.max(o.r.top, Math.min(y, o.r.bottom));
            if (Math.hypot(nx - x, ny - y) < 12) return true;
            const small = o.r.width < 24 || o.r.height < 24;
            const [ox, oy] = centre(o.r);
            return small && !inline(o.e) && Math.hypot(ox - x, oy - y) < 24;
        });
        if (clash) bad.push(`${t.e.tagName} "${(t.e.getAttribute('aria-label')
            || t.e.textContent).trim().slice(0, 30)}" ${Math.round(t.r.width)}x${
            Math.round(t.r.height)}`);
    }
    return bad;
}"""


TAP_TARGETS = visits.probe("tap targets", PHONE_LIGHT, js=TARGET_SIZE_JS)


@pytest.mark.parametrize("page", visits.by_page(PAGES), ids=IDS)
def test_tap_targets_meet_wcag_2_5_8(browser, base_url: str, page) -> None:
    bad = visits.measured(browser, base_url + page.url, PHONE_LIGHT, TAP_TARGETS)
    assert bad == [], f"{page.src}: targets under 24x24px without spacing: {bad[:6]}"


def _zoomed(tab) -> dict:
    return {
        "overflow": tab.evaluate("document.documentElement.scrollWidth - window.innerWidth"),
        "clipped": tab.evaluate("""() => [...document.querySelectorAll(
                'h1, h2, h3, p, li, .iop-crisis, .md-header__topic')]
            .filter(e => e.offsetParent && e.scrollWidth > e.clientWidth + 1
                    && getComputedStyle(e).overflowX === 'hidden'
                    && !e.classList.contains('md-ellipsis'))
            .map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 40))"""),
        "call shown": tab.locator(".iop-crisis a[href='tel:988']").is_visible(),
    }


# 200% zoom of a 1280x800 window lays the page out in 640x400 CSS pixels: the 1280 visit,
# narrowed to that once its other probes are done. The device scale (2 at 200%) changes
# how sharp things are drawn, not where they go: no rule of the site's or Material's CSS
# that affects layout depends on it (Material's one resolution query keeps search's
# scrolling smooth).
ZOOMED = visits.probe(
    "200% zoom", DESKTOP_LIGHT, run=visits.resized(640, 400, _zoomed), stage=visits.Stage.AFTER
)


@pytest.mark.parametrize("page", visits.by_page(PAGES), ids=IDS)
def test_nothing_is_cut_off_at_200_percent_zoom(browser, base_url: str, page) -> None:
    found = visits.measured(browser, base_url + page.url, DESKTOP_LIGHT, ZOOMED)
    assert found["overflow"] <= 0, f"{page.src} scrolls sideways at 200% zoom"
    clipped = found["clipped"]
    assert clipped == [], f"{page.src}: text cut off at 200% zoom: {clipped}"
    assert found["call shown"], f"{page.src}: the 988 call link is hidden at 200% zoom"


# --- 4. Keyboard --------------------------------------------------------------------


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["360", "1280"])
def test_search_opens_from_the_keyboard_and_escape_closes_it(
    browser, base_url: str, size: dict
) -> None:
    with open_page(browser, base_url, viewport=size) as (tab, _):
        for _ in range(40):  # reach the search control by tabbing, as a keyboard user would
            tab.keyboard.press("Tab")
            state = focused(tab)
            if state["name"] == "Search" or state["tag"] == "INPUT":
                break
        else:
            pytest.fail("no search control among the first 40 tab stops")
        if state["tag"] != "INPUT":
            tab.keyboard.press("Enter")
        tab.wait_for_function("() => document.getElementById('__search').checked")
        tab.keyboard.type("teen")
        tab.wait_for_selector(".md-search-result__item")
        tab.keyboard.press("Escape")
        tab.wait_for_function("() => !document.getElementById('__search').checked")


def test_palette_toggle_works_from_the_keyboard(browser, base_url: str) -> None:
    with open_page(browser, base_url, viewport=DESKTOP, scheme="light") as (tab, _):
        scheme = "document.body.getAttribute('data-md-color-scheme')"
        assert tab.evaluate(scheme) == "default"
        toggle = tab.get_by_role("button", name="Switch to dark mode")
        toggle.focus()
        tab.keyboard.press("Enter")
        assert tab.evaluate(scheme) == "slate"
        back = tab.get_by_role("button", name="Switch to light mode")
        assert back.is_visible()
        back.focus()
        tab.keyboard.press("Space")
        assert tab.evaluate(scheme) == "default"


def test_checklist_boxes_are_labelled_and_tick_from_the_keyboard(browser, base_url: str) -> None:
    with open_page(browser, base_url + CHECKLIST.url, viewport=PHONE) as (tab, _):
        box = tab.locator("#questions-to-ask ~ ul .task-list-control input").first
        if not box.count():
            box = tab.locator(".task-list-control input").first
        assert box.evaluate("e => e.labels[0].textContent.trim().length") > 10
        box.focus()
        tab.keyboard.press("Space")
        assert box.is_checked()
        tab.keyboard.press("Space")
        assert not box.is_checked()


def test_details_blocks_open_and_close_from_the_keyboard(browser, base_url: str) -> None:
    if DETAILS_PAGE is None:
        pytest.skip("no page has a collapsible details block yet")
    with open_page(browser, base_url + DETAILS_PAGE.url, viewport=PHONE) as (tab, _):
        summary = tab.locator("details summary").first
        was_open = summary.evaluate("s => s.parentElement.open")
        summary.focus()
        tab.keyboard.press("Enter")
        assert summary.evaluate("s => s.parentElement.open") is not was_open
        tab.keyboard.press("Space")
        assert summary.evaluate("s => s.parentElement.open") is was_open
