"""Finding your way (issue 24): "On this page" and "Back to top" on long pages, the phone
menu opening at its top level with help first, and closed panels out of the tab order.
Built pages read as HTML, then a real Chromium, both languages.

What makes them: scripts/iopguide/finish/page_navigation.py (the lists, the link, the
menu's help item), docs/assets/site.css's NAV section (their look; closed panels hidden)
and docs/assets/a11y.js (the phone menu's level)."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from browser import DESKTOP, PHONE, axe_violations, open_page
from iopguide import strings
from iopguide.finish import page_navigation as nav
from sitetools import built, every_page

STEP = "scripts/iopguide/finish/page_navigation.py"
CSS = "docs/assets/site.css (its NAV section)"
JS = "docs/assets/a11y.js"
PAGES = [page for page in every_page() if page.meta]
LANGS = {"en": "", "es": "es/"}
LONG = "what-is-an-iop/"  # Key points, then a danger box, then the text: in both languages
MAX_TABS = 12


def _lang(page) -> str:
    return "es" if page.url.startswith("es/") else "en"


def _article(html: str):
    node = LexborHTMLParser(html).css_first(nav.ARTICLE)
    assert node is not None, "no <article> in the built page"
    return node


def _classes(node) -> set[str]:
    return set((node.attrs.get("class") or "").split())


def _previous_element(node):
    before = node.prev
    while before is not None and not before.is_element_node:
        before = before.prev
    return before


# --- The built pages -----------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_long_pages_have_contents_and_back_to_top(site: Path, page) -> None:
    html = built(site, page)
    article = _article(html)
    contents, top = article.css_first("nav.iop-toc"), article.css_first("p.iop-top")
    home = page.url in LANGS.values()
    long = not home and nav.is_long(_article(html))
    sections = [
        node.attrs.get("id") for node in article.iter() if node.tag == "h2" and node.attrs.get("id")
    ]
    wanted = long and nav.MIN_SECTIONS <= len(sections) <= nav.MAX_SECTIONS
    assert (contents is not None) == wanted, (
        f"{page.src}: 'On this page' expected {wanted} ({len(sections)} sections, "
        f"long: {long}): {STEP}"
    )
    assert (top is not None) == long, f"{page.src}: 'Back to top' expected {long}: {STEP}"
    words = strings.words(_lang(page))
    if contents is not None:
        assert contents.parent is not None and contents.parent.tag == "article", (
            f"{page.src}: the contents list must sit in the page's text, not in a box: {STEP}"
        )
        title = contents.css_first("#" + (contents.attrs.get("aria-labelledby") or "-"))
        assert title is not None and title.text().strip() == words["contents"], page.src
        links = [a.attrs.get("href") for a in contents.css("a")]
        assert links == ["#" + anchor for anchor in sections], (
            f"{page.src}: the list must link each h2, in order: {links}: {STEP}"
        )
        before = _previous_element(contents)
        if any({"admonition", "key-points"} <= _classes(n) for n in article.iter()):
            assert before is not None and _classes(before) & {"key-points", "crisis"}, (
                f"{page.src}: 'On this page' goes right after Key points: {STEP}"
            )
    if top is not None:
        link = top.css_first("a")
        assert link is not None and link.attrs.get("href") == nav.TOP, page.src
        assert link.text().strip() == words["top"], page.src
        after = top.next
        while after is not None and not after.is_element_node:
            after = after.next
        assert after is None or _classes(after) & {"iop-sources", "iop-review"}, (
            f"{page.src}: 'Back to top' ends the text, before the Sources: {STEP}"
        )


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_the_menu_starts_with_help_in_the_pages_language(site: Path, page) -> None:
    tree = LexborHTMLParser(built(site, page))
    first = tree.css_first(".md-nav--primary > ul.md-nav__list > li")
    assert first is not None and "iop-nav-help" in _classes(first), (
        f"{page.src}: the menu's first item must be help: {STEP}"
    )
    link = first.css_first("a")
    assert link is not None
    assert link.text().strip() == strings.words(_lang(page))["help"], page.src
    target = (site / page.url / (link.attrs.get("href") or "")).resolve()
    assert target == (site / LANGS[_lang(page)] / nav.HELP_PAGE).resolve(), (
        f"{page.src}: help must lead to {LANGS[_lang(page)]}{nav.HELP_PAGE}: {STEP}"
    )
    assert (target / "index.html").is_file()


def test_the_404_page_menu_starts_with_help(site: Path) -> None:
    for folder in LANGS.values():
        link = LexborHTMLParser((site / folder / "404.html").read_text()).css_first(
            ".iop-nav-help a"
        )
        assert link is not None, f"{folder}404.html: no help item in its menu: {STEP}"
        assert link.attrs.get("href", "").endswith("/" + folder + nav.HELP_PAGE), link.attrs


def test_embeds_have_no_page_jumps(site: Path) -> None:
    embeds = sorted(site.glob("embed/*/index.html")) + sorted(site.glob("es/embed/*/index.html"))
    assert embeds, "no embeds were built"
    for path in embeds:
        text = path.read_text()
        assert "iop-toc" not in text and "iop-top" not in text, (
            f"{path.relative_to(site)}: an embed's jumps would move the clinic's page: {STEP}"
        )


# --- The step on small pages, without a build -----------------------------------------

PAGE = (
    '<html lang="{lang}"><body><header><a class="md-logo" href="{home}"></a></header>'
    '<nav class="md-nav md-nav--primary"><ul class="md-nav__list"><li class="md-nav__item">'
    '<a href="{home}">Home</a></li></ul></nav><article class="md-content__inner">'
    '<h1 id="t">Title</h1>{body}<section class="iop-sources"><h2 id="iop-sources-title">'
    "Sources</h2></section></article></body></html>"
)
TEXT = "<p>" + "word " * nav.LONG_WORDS + "</p>"


def _page(body: str, lang: str = "en", home: str = "..") -> str:
    return PAGE.format(lang=lang, home=home, body=body)


def _sections(count: int) -> str:
    return "".join(
        f'<h2 id="s{n}">Part <abbr>{n}</abbr><a class="headerlink">¶</a></h2>' for n in range(count)
    )


def test_step_puts_contents_after_the_first_paragraph_without_key_points() -> None:
    tree = LexborHTMLParser(nav.add_navigation(_page("<p>Lead.</p>" + TEXT + _sections(4))))
    contents = tree.css_first("nav.iop-toc")
    assert contents is not None
    before = _previous_element(contents)
    assert before is not None and before.text() == "Lead."
    assert [a.text() for a in contents.css("a")] == ["Part 0", "Part 1", "Part 2", "Part 3"]


def test_step_skips_short_pages_homes_and_long_lists() -> None:
    short = nav.add_navigation(_page("<p>Lead.</p>" + _sections(6)))
    assert "iop-toc" not in short and "iop-top" not in short
    home = nav.add_navigation(_page(TEXT + _sections(6)), is_home=True)
    assert "iop-toc" not in home and "iop-top" not in home
    glossary = nav.add_navigation(_page(TEXT + _sections(nav.MAX_SECTIONS + 1)))
    assert "iop-toc" not in glossary and "iop-top" in glossary


def test_step_keeps_a_danger_box_after_key_points_where_it_was() -> None:
    boxes = '<div class="admonition key-points"></div><div class="admonition crisis"></div>'
    tree = LexborHTMLParser(nav.add_navigation(_page(boxes + TEXT + _sections(5), "es")))
    contents = tree.css_first("nav.iop-toc")
    assert contents is not None and "crisis" in _classes(_previous_element(contents))
    assert contents.css_first("p").text() == strings.words("es")["contents"]


@pytest.mark.parametrize(
    "home, wanted",
    [
        (".", "staying-safe/"),
        ("./..", "../staying-safe/"),
        ("../..", "../../staying-safe/"),
        ("/.", "/staying-safe/"),
        ("/es/.", "/es/staying-safe/"),
        ("https://example.org/es/", "https://example.org/es/staying-safe/"),
    ],
)
def test_step_finds_the_help_page_from_the_logo_link(home: str, wanted: str) -> None:
    tree = LexborHTMLParser(nav.add_navigation(_page("", home=home)))
    link = tree.css_first(".md-nav--primary li.iop-nav-help a")
    assert link is not None and link.attrs.get("href") == wanted


# --- In Chromium ------------------------------------------------------------------------

# Everything a test needs from one visit: the page's tab stops are read by pressing Tab.
FOCUSABLE = """sel => [...document.querySelectorAll(sel)].filter(e => {
    e.focus(); const ok = document.activeElement === e; e.blur(); return ok;
}).map(e => e.textContent.trim() || e.getAttribute('aria-label') || e.tagName)"""
DRAWER_LINKS = ".md-sidebar--primary :is(a[href], label[tabindex], input, button)"
SEARCH_FIELDS = ".md-search__inner :is(a[href], input, button, [tabindex])"
HIT = """sel => [...document.querySelectorAll(sel)].filter(e => {
    const r = e.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.right <= 0 || r.left >= innerWidth) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === e || e.contains(hit));
}).map(e => e.textContent.trim())"""


def _menu_button(tab):
    return tab.locator("button.iop-header-button[data-for='__drawer']")


def _drawer_settled(tab, open_: bool) -> None:
    """The drawer has finished sliding in or out (Material's 0.25 s; site.css hides it once
    it is out)."""
    tab.wait_for_function(
        """open => { const s = document.querySelector('.md-sidebar--primary');
            const r = s.getBoundingClientRect(), v = getComputedStyle(s).visibility;
            return open ? r.left >= -0.5 && v === 'visible'
                        : r.right <= 0.5 && v === 'hidden'; }""",
        arg=open_,
    )


@pytest.mark.parametrize("lang", LANGS)
def test_contents_links_reach_their_sections(browser, base_url: str, lang: str) -> None:
    with open_page(browser, base_url + LANGS[lang] + LONG, viewport=PHONE) as (tab, _):
        rows = tab.evaluate("""() => [...document.querySelectorAll('.iop-toc a')].map(a => {
            const r = a.getBoundingClientRect();
            return {href: a.getAttribute('href'), height: r.height,
                    size: parseFloat(getComputedStyle(a).fontSize)}; })""")
        assert len(rows) >= nav.MIN_SECTIONS, f"{lang}: no contents list on {LONG}: {STEP}"
        short = [row for row in rows if row["height"] < 44 or row["size"] < 16]
        assert short == [], f"{lang}: contents links under 44 px tall or 16 px text: {CSS}"
        for row in rows:
            tab.locator(f".iop-toc a[href='{row['href']}']").click()
            tab.wait_for_function(
                """href => { const h = document.getElementById(href.slice(1));
                    if (location.hash !== href || !h) return false;
                    const r = h.getBoundingClientRect();
                    return r.top >= 0 && r.bottom <= innerHeight; }""",
                arg=row["href"],
            )
            tab.evaluate("() => window.scrollTo(0, 0)")


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
@pytest.mark.parametrize("lang", LANGS)
def test_back_to_top_goes_to_the_top(browser, base_url: str, lang: str, javascript: bool) -> None:
    url = base_url + LANGS[lang] + LONG
    with open_page(browser, url, viewport=PHONE, javascript=javascript) as (tab, _):
        link = tab.locator(".iop-top a")
        assert link.inner_text().strip().endswith(strings.words(lang)["top"]), STEP
        link.scroll_into_view_if_needed()
        assert tab.evaluate("scrollY") > 740 * 3, f"{LONG} is shorter than expected"
        link.click()
        tab.wait_for_function(
            """() => document.activeElement.id === 'main-content'
                && document.querySelector('h1').getBoundingClientRect().bottom <= innerHeight
                && scrollY < innerHeight"""
        )
        tab.keyboard.press("Tab")
        after = tab.evaluate("document.activeElement.closest('article') !== null")
        assert after, "after 'Back to top', Tab goes on from the top of the content"


@pytest.mark.parametrize("lang", LANGS)
def test_phone_menu_opens_at_the_top_level_with_help_first(
    browser, base_url: str, lang: str
) -> None:
    with open_page(browser, base_url + LANGS[lang] + LONG, viewport=PHONE) as (tab, _):
        _menu_button(tab).click()
        _drawer_settled(tab, True)
        shown = tab.evaluate(HIT, ".md-nav--primary > ul > li")
        assert shown and shown[0] == strings.words(lang)["help"], (
            f"{lang}: the open menu shows {shown}; help must come first: {STEP}"
        )
        items = tab.evaluate("() => document.querySelectorAll('.md-nav--primary > ul > li').length")
        inside = tab.evaluate(HIT, ".md-nav--primary [data-md-level='1'] .md-nav__link")
        assert len(shown) == items and inside == [], (
            f"{lang}: the menu opened inside a section ({inside}), not at the top: {JS}"
        )
        tab.locator(".iop-nav-help a").click()
        tab.wait_for_url(base_url + LANGS[lang] + nav.HELP_PAGE)


@pytest.mark.parametrize("page", ["", LONG, "staying-safe/"], ids=["home", "long", "safe"])
@pytest.mark.parametrize("lang", LANGS)
def test_tab_reaches_the_content_within_12_presses(
    browser, base_url: str, lang: str, page: str
) -> None:
    with open_page(browser, base_url + LANGS[lang] + page, viewport=PHONE) as (tab, _):
        stops = []
        for _ in range(MAX_TABS):
            tab.keyboard.press("Tab")
            stops.append(
                tab.evaluate("""() => { const e = document.activeElement;
                    return {name: (e.getAttribute('aria-label') || e.textContent).trim(),
                            content: !!e.closest('article'),
                            panel: !!e.closest('.md-sidebar--primary, .md-search__inner')}; }""")
            )
            if stops[-1]["content"]:
                break
        assert stops[-1]["content"], (
            f"{lang}/{page}: {MAX_TABS} presses of Tab never reach the content: "
            f"{[s['name'] for s in stops]}: {CSS}"
        )
        hidden = [s["name"] for s in stops if s["panel"]]
        assert hidden == [], f"{lang}/{page}: Tab stops on closed panels: {hidden}: {CSS}"


@pytest.mark.parametrize("lang", LANGS)
def test_closed_panels_leave_the_tab_order_and_come_back_open(
    browser, base_url: str, lang: str
) -> None:
    with open_page(browser, base_url + LANGS[lang] + LONG, viewport=PHONE) as (tab, _):
        assert tab.evaluate(FOCUSABLE, DRAWER_LINKS) == [], f"closed menu is focusable: {CSS}"
        assert tab.evaluate(FOCUSABLE, SEARCH_FIELDS) == [], f"closed search is focusable: {CSS}"
        _menu_button(tab).click()
        _drawer_settled(tab, True)
        focusable = tab.evaluate(FOCUSABLE, DRAWER_LINKS)
        assert strings.words(lang)["help"] in focusable[:2], f"open menu: {focusable}"  # logo, help
        label = tab.evaluate(
            "() => document.querySelector('.md-nav--primary > ul > li > label[tabindex]').id"
        )
        section, inner = tab.locator(f"[id='{label}']"), f"[aria-labelledby='{label}'] a"
        assert tab.locator(inner).count() > 0, f"no links in the menu section {label}"
        assert tab.evaluate(FOCUSABLE, inner) == [], f"closed sections must not be focusable: {CSS}"
        section.click()
        tab.wait_for_function(
            """sel => [...document.querySelectorAll(sel)].some(
                e => getComputedStyle(e).visibility === 'visible')""",
            arg=inner,
        )
        assert tab.evaluate(FOCUSABLE, inner), f"an opened section's links must be focusable: {CSS}"
        tab.keyboard.press("Escape")
        _drawer_settled(tab, False)
        assert tab.evaluate(FOCUSABLE, DRAWER_LINKS) == [], "the closed menu is focusable again"
        tab.locator("button.iop-header-button[data-for='__search']").click()
        assert tab.evaluate(FOCUSABLE, ".md-search__input"), f"open search is not focusable: {CSS}"
        tab.keyboard.type("cost")  # Material moves typing into its search box
        tab.wait_for_function("() => document.querySelector('.md-search__input').value === 'cost'")
        tab.keyboard.press("Escape")
        tab.wait_for_function(
            """() => getComputedStyle(document.querySelector('.md-search__inner'))
                .visibility === 'hidden'"""
        )
        assert tab.evaluate(FOCUSABLE, SEARCH_FIELDS) == []


def test_closed_phone_menu_is_out_of_the_tab_order_without_javascript(
    browser, base_url: str
) -> None:
    with open_page(browser, base_url + LONG, viewport=PHONE, javascript=False) as (tab, _):
        assert tab.evaluate(FOCUSABLE, DRAWER_LINKS) == [], f"closed menu is focusable: {CSS}"


@pytest.mark.parametrize("lang", LANGS)
def test_desktop_menu_stays_shown_and_in_the_tab_order(browser, base_url: str, lang: str) -> None:
    with open_page(browser, base_url + LANGS[lang] + LONG, viewport=DESKTOP) as (tab, _):
        shown = tab.evaluate(HIT, ".md-sidebar--primary .md-nav__link")
        own = tab.evaluate(
            "() => document.querySelector('.md-sidebar--primary a.md-nav__link--active')"
            ".textContent"
        ).strip()
        assert strings.words(lang)["help"] in shown and own in shown, (
            f"{lang}: the desktop menu must show help and the page's own section: {shown}: {JS}"
        )
        focusable = tab.evaluate(FOCUSABLE, ".md-sidebar--primary a[href]")
        assert own in focusable and strings.words(lang)["help"] in focusable, (
            f"{lang}: the desktop menu's links left the tab order: {CSS}"
        )
        assert tab.evaluate(FOCUSABLE, ".md-search__input"), "desktop search is not focusable"
        assert not tab.locator(".iop-toc").is_visible(), (
            "on a desktop Material's contents sidebar lists the headings; the in-page list hides"
        )


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_nothing_with_the_phone_menu_open(browser, base_url: str, lang: str) -> None:
    with open_page(browser, base_url + LANGS[lang] + LONG, viewport=PHONE) as (tab, _):
        assert axe_violations(tab) == [], f"{lang}: axe, menu closed"
        _menu_button(tab).click()
        _drawer_settled(tab, True)
        found = axe_violations(tab)
        assert found == [], f"{lang}: axe, menu open:\n" + "\n".join(found)
