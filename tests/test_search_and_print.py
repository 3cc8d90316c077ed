"""Issue 24: search results a reader can scan on a phone, dark-mode contrast, and print.

Search: at 360x740 no result (a page and its best sections) is taller than half the
screen, no excerpt runs past three lines, and the words are dark (site.css, SEARCH+PRINT;
docs/assets/search-worker.js makes each excerpt short). Dark mode: links, the crisis
box's edge and the menu's section titles keep their contrast. Print: Home fits on three
US Letter sheets with its figure at most half a sheet, and an external link prints its
address, but only once where its words are already the address (finish/print_links.py).
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from browser import DESKTOP, PHONE, contrast, new_context, open_page, print_pdf, settle
from iopguide.finish.print_links import words_are_address
from test_print import plain

pytestmark = pytest.mark.xdist_group("search")  # one worker, one search tab per language

CSS = "docs/assets/site.css (SEARCH+PRINT section)"
HALF_SCREEN = PHONE["height"] / 2
HALF_SHEET = 11 * 96 / 2  # US Letter, in CSS px
ENGLISH = ("", "Type to start searching")
SPANISH = ("es/", "Escriba para buscar")
# The queries of tests/test_search.py and the reader questions whose results were tallest
# before (a whole list as the excerpt, or four sections of one page shown in full).
QUERIES = [
    (ENGLISH, "cost"),
    (ENGLISH, "kicked out"),
    (ENGLISH, "insurance denied"),
    (ENGLISH, "how long does it last"),
    (ENGLISH, "does insurance pay"),
    (ENGLISH, "free interpreter"),
    (SPANISH, "costo"),
    (SPANISH, "depresión y alcohol"),
    (SPANISH, "terapia de exposición"),
    (SPANISH, "sesiones perdidas"),
    (SPANISH, "necesito una referencia"),
]

# Colours as the reader sees them: each colour laid over the backgrounds behind it.
SEEN = """
const rgba = c => { const n = (c.match(/[\\d.]+/g) || []).map(Number);
  return n.length < 3 ? [0, 0, 0, 0] : [n[0], n[1], n[2], n.length > 3 ? n[3] : 1]; };
const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3]));
const behind = e => { const chain = []; for (let n = e; n; n = n.parentElement) chain.unshift(n);
  return chain.reduce((under, n) => over(rgba(getComputedStyle(n).backgroundColor), under),
    [255, 255, 255]); };
const css = c => `rgb(${c.map(Math.round).join(', ')})`;
const seen = (e, colour) => { const bg = behind(e);
  return [css(over(rgba(colour || getComputedStyle(e).color), bg)), css(bg)]; };
"""

RESULTS = (
    "() => {"
    + SEEN
    + """
  const items = [...document.querySelectorAll('.md-search-result__item')];
  const excerpts = [...document.querySelectorAll('.md-search-result .iop-excerpt')]
    .filter(e => e.offsetParent);
  // The titles, and each article: its own colour is its excerpt's.
  const words = [...document.querySelectorAll('.md-search-result__article, '
    + '.md-search-result__article h1, .md-search-result__article h2')].filter(e => e.offsetParent);
  return {
    heights: items.map(i => [i.querySelector('h1, h2').textContent.trim().slice(0, 40),
                             i.getBoundingClientRect().height]),
    lines: excerpts.map(e => [e.textContent.trim().slice(0, 40),
      e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)]),
    colours: words.map(e => [e.textContent.trim().slice(0, 30), ...seen(e)]),
    long: document.querySelectorAll('.md-search-result__article > ul, '
      + '.md-search-result__article > p:not(.md-search-result__terms)').length};
}"""
)


class PhoneSearch:
    """One phone-sized tab per language and colour scheme, with search open."""

    def __init__(self, browser, base_url: str) -> None:
        self.browser, self.base_url = browser, base_url
        self.tabs: dict[tuple[str, str], object] = {}

    def tab(self, folder: str, scheme: str):
        if (folder, scheme) not in self.tabs:
            context = new_context(
                self.browser, viewport=PHONE, color_scheme=scheme, is_mobile=True, has_touch=True
            )
            tab = context.new_page()
            tab.goto(self.base_url + folder, wait_until="load")
            settle(tab)
            # The header's search button, as a reader taps it (a11y.js may have replaced
            # Material's label with a real button).
            tab.locator('[for="__search"]:visible, [data-for="__search"]:visible').first.click()
            tab.wait_for_function("() => document.getElementById('__search').checked")
            self.tabs[folder, scheme] = tab
        return self.tabs[folder, scheme]

    def results(self, language: tuple[str, str], query: str, scheme: str = "light") -> dict:
        folder, placeholder = language
        tab = self.tab(folder, scheme)
        box = tab.locator(".md-search__input")
        box.fill("")
        box.press("Backspace")  # a keyup on the empty box clears the last results
        tab.wait_for_function(
            "text => document.querySelector('.md-search-result__meta').textContent === text",
            arg=placeholder,
        )
        box.fill(query)
        box.press("End")
        tab.wait_for_function(
            """q => document.querySelector('.md-search__input').value === q
            && document.querySelector('.md-search-result__item h1')""",
            arg=query,
        )
        return tab.evaluate(RESULTS)

    def close(self) -> None:
        for tab in self.tabs.values():
            tab.context.close()


@pytest.fixture(scope="module")
def search(browser, base_url: str):
    tabs = PhoneSearch(browser, base_url)
    try:
        yield tabs
    finally:
        tabs.close()


@pytest.mark.parametrize(("language", "query"), QUERIES, ids=[q for _, q in QUERIES])
def test_each_search_result_fits_in_half_a_phone_screen(search, language, query) -> None:
    found = search.results(language, query)
    assert found["heights"], f"searching {query!r} shows no results"
    for title, height in found["heights"]:
        assert height <= HALF_SCREEN, (
            f'searching {query!r}: the result "{title}" is {height:.0f} px tall on a '
            f"360x740 phone (at most {HALF_SCREEN:.0f}): shorten excerpts in {CSS} or "
            "docs/assets/search-worker.js"
        )
    for text, lines in found["lines"]:
        assert lines <= 3.1, f'searching {query!r}: the excerpt "{text}" runs to {lines:.1f} lines'
    assert found["long"] == 0, (
        f"searching {query!r}: an excerpt shows the page's lists or paragraphs as they are "
        "(docs/assets/search-worker.js makes each one short plain text)"
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", [ENGLISH, SPANISH], ids=["en", "es"])
def test_search_results_are_dark_text(search, language, scheme: str) -> None:
    found = search.results(language, "cost" if language is ENGLISH else "costo", scheme)
    assert found["colours"], "no search results shown"
    for text, colour, background in found["colours"]:
        ratio = contrast(colour, background)
        assert ratio >= 7, (
            f'{scheme}: the search result text "{text}" is {ratio:.2f}:1 (at least 7:1): {CSS}'
        )


DARK_LOOK = (
    "() => {"
    + SEEN
    + """
  const links = [...document.querySelectorAll('.md-content a[href]')]
    .filter(a => a.offsetParent && a.textContent.trim());
  return {
    links: links.map(a => [a.textContent.trim().slice(0, 30), ...seen(a)]),
    edges: [...document.querySelectorAll('.admonition.crisis')].map(box =>
      seen(box.parentElement, getComputedStyle(box).borderTopColor)),
    titles: [...document.querySelectorAll('.md-nav__title:not([for="__drawer"])')]
      .filter(t => t.textContent.trim()).map(t => [t.textContent.trim(), ...seen(t)])};
}"""
)


@pytest.mark.parametrize("scheme", ["dark", "light"])
@pytest.mark.parametrize("url", ["", "staying-safe/", "cost-and-insurance/", "es/"])
def test_links_crisis_edges_and_menu_titles_keep_contrast(
    browser, base_url: str, url: str, scheme: str
) -> None:
    with open_page(browser, base_url + url, viewport=PHONE, scheme=scheme) as (tab, _):
        found = tab.evaluate(DARK_LOOK)
    where = f"{url or 'home'} ({scheme})"
    assert found["links"], f"{where}: no links found"
    for text, colour, background in found["links"]:
        ratio = contrast(colour, background)
        assert ratio >= 5, f'{where}: the link "{text}" is {ratio:.2f}:1 (at least 5:1): {CSS}'
    for colour, background in found["edges"]:
        ratio = contrast(colour, background)
        assert ratio >= 3, f"{where}: the crisis box's edge is {ratio:.2f}:1 on the page (3:1)"
    assert found["titles"], f"{where}: no menu section titles found"
    for text, colour, background in found["titles"]:
        ratio = contrast(colour, background)
        assert ratio >= 4.5, f'{where}: the menu title "{text}" is {ratio:.2f}:1 (4.5:1): {CSS}'


PRINTED = """() => ({
  figures: [...document.querySelectorAll('figure')].map(f => f.getBoundingClientRect().height),
  bare: [...document.querySelectorAll('.md-content a[data-iop-address]')]
    .map(a => [a.textContent.trim(), a.getAttribute('href')]),
  addressed: [...document.querySelectorAll('.md-content a[href^="http"]')]
    .filter(a => !a.hasAttribute('data-iop-address') && a.offsetParent)
    .map(a => a.getAttribute('href'))})"""


def printed(browser, url: str) -> tuple[str, int, dict]:
    """The printed text without spaces (a long address wraps), its sheets and the page
    as laid out for print."""
    with open_page(browser, url, viewport=DESKTOP) as (tab, _):
        pdf = print_pdf(tab)
        found = tab.evaluate(PRINTED)  # laid out for print, as the PDF was
    reader = PdfReader(io.BytesIO(pdf))
    text = plain(" ".join(page.extract_text() or "" for page in reader.pages))
    return text.replace(" ", ""), len(reader.pages), found


@pytest.mark.parametrize("url", ["", "es/"], ids=["home", "es-home"])
def test_home_prints_on_three_sheets_with_small_figures(browser, base_url: str, url: str) -> None:
    _, sheets, found = printed(browser, base_url + url)
    assert sheets <= 3, f"{url or 'home'} prints on {sheets} US Letter sheets (at most 3): {CSS}"
    assert found["figures"], f"{url or 'home'}: no figure printed"
    for height in found["figures"]:
        assert height <= HALF_SHEET, (
            f"{url or 'home'}: a figure prints {height:.0f} px tall, more than half a sheet: {CSS}"
        )


@pytest.mark.parametrize("url", ["resources/", "es/resources/"])
def test_printed_external_links_show_their_address_once(browser, base_url: str, url: str) -> None:
    text, _, found = printed(browser, base_url + url)
    assert found["addressed"], f"{url}: no external link found"
    for href in found["addressed"]:
        assert f"({href})" in text, f"{url}: the printed link to {href} lacks its address: {CSS}"
    assert found["bare"], f"{url}: no link whose words are its address (finish/print_links.py)"
    for words, href in found["bare"]:
        printed_times, links = text.count(f"({href})"), found["addressed"].count(href)
        assert printed_times == links, (
            f'{url}: "{words}" is its own address, yet {href} prints {printed_times} times '
            f"for {links} other links to it: finish/print_links.py marks such links"
        )


@pytest.mark.parametrize(
    ("words", "href", "same"),
    [
        ("988lifeline.org", "https://988lifeline.org/", True),
        ("FindTreatment.gov", "https://findtreatment.gov/", True),
        ("nar-anon.org (en inglés)", "https://www.nar-anon.org/", True),
        ("al-anon.org/es", "https://al-anon.org/es/", True),
        ("Al-Anon Family Groups", "https://al-anon.org/", False),
        ("988lifeline.org", "https://988lifeline.org/get-help/", False),
        ("", "https://988lifeline.org/", False),
    ],
)
def test_a_link_whose_words_are_its_address_is_told_apart(
    words: str, href: str, same: bool
) -> None:
    assert words_are_address(words, href) is same
