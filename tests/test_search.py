"""Site search finds the right page for questions typed in readers' own words.

Each row is a query as a worried reader might type it and the page that must be among
the first three results. Improve a miss through the page's words first (a heading is
strongest), then docs/.data/search-words.yml; docs/assets/search-worker.js holds the
few changes to how Material's search reads a query (word forms, stop words, "IOP"),
each measured with tests/test_reader_questions.py.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser import DESKTOP, contrast, new_context, settle

pytestmark = pytest.mark.xdist_group("search")  # one worker, one search tab for every query

QUERIES = [
    ("how many hours a week", "what-is-an-iop/"),
    ("does insurance pay", "cost-and-insurance/"),
    ("teen", "who-benefits/"),
    ("online program", "what-is-an-iop/"),
    ("what is PHP", "what-is-an-iop/"),
    ("988", "resources/"),
    ("can I keep working", "benefits/"),
    ("how long does it last", "what-is-an-iop/"),
    ("Medicare", "cost-and-insurance/"),
    ("questions to ask", "choosing-a-program/"),
    ("first day", "what-happens/"),
    ("help for my family", "resources/"),
    ("relapse", "what-happens/"),
    ("medication for opioids", "what-happens/"),
    ("childcare", "challenges/"),
    ("denied by insurance", "insurance-rights-and-appeals/"),
    ("warning signs", "who-benefits/"),
    ("inpatient vs outpatient", "who-benefits/"),
    ("is an IOP right for me", "who-benefits/"),
    ("sample schedule", "what-happens/"),
    ("no insurance", "cost-and-insurance/"),
    ("helpline", "resources/"),
    ("CBT", "what-happens/"),
    ("rides to treatment", "challenges/"),
    ("how to choose a program", "choosing-a-program/"),
    ("cost", "cost-and-insurance/"),
    # Readers' own words (issue 13): crisis words, everyday names of conditions, family
    # words, comparisons with other treatment, and insurance words.
    ("suicidal thoughts", "staying-safe/"),
    ("safety plan", "staying-safe/"),
    ("what happens when you call 988", "staying-safe/"),
    ("lock up guns", "staying-safe/"),
    ("waiting list", "staying-safe/"),
    ("panic attacks", "who-benefits/"),
    ("drinking too much", "who-benefits/"),
    ("my son", "who-benefits/"),
    ("rehab or outpatient", "what-is-an-iop/"),
    ("day program", "what-is-an-iop/"),
    ("virtual IOP", "what-is-an-iop/"),
    ("copay", "cost-and-insurance/"),
    ("deductible", "glossary/"),
    ("Medigap", "glossary/"),
    ("does IOP work", "benefits/"),
    ("red flags", "choosing-a-program/"),
    ("keep my job", "challenges/"),
    ("group therapy", "what-happens/"),
    ("DBT", "what-happens/"),
    ("real stories", "stories/"),
    ("NAMI", "resources/"),
    ("crisis text line", "resources/"),
    ("appeal a denial", "insurance-rights-and-appeals/"),
]


def top_pages(
    tab, base_url: str, query: str, count: int = 3, results: str = "matching"
) -> list[str]:
    """The first `count` pages search shows for `query`. `results` is a word of Material's
    result line in the page's language ("1 matching document"; Spanish: "encontrado")."""
    box = tab.locator(".md-search__input")
    box.fill("")
    box.press("Backspace")  # a keyup on the empty box clears the last results
    tab.wait_for_function(
        """word => !document.querySelector('.md-search-result__meta').textContent.includes(word)""",
        arg=results,
    )
    # Material searches on keyup. One keyup with the whole query gives exactly the results
    # a reader sees once they stop typing, and no stale results from a partial query.
    box.fill(query)
    box.press("End")
    tab.wait_for_function(
        """([q, word]) => document.querySelector('.md-search__input').value === q
        && document.querySelector('.md-search-result__meta').textContent.includes(word)
        && document.querySelector('.md-search-result__item > .md-search-result__link')""",
        arg=[query, results],
    )
    hrefs = tab.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link", "links => links.map(a => a.href)"
    )
    base = urlsplit(base_url).path
    pages: list[str] = []
    for href in hrefs:
        path = urlsplit(href).path[len(base) :]
        if path not in pages:
            pages.append(path)
    return pages[:count]


@pytest.fixture(scope="module")
def search_tab(browser, base_url: str):
    """One tab of its own, with search open, for every query."""
    context = new_context(browser, viewport=DESKTOP)
    try:
        tab = context.new_page()
        tab.goto(base_url, wait_until="load")
        settle(tab)
        tab.keyboard.press("/")
        yield tab
    finally:
        context.close()


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_readers_words_find_the_right_page(
    search_tab, base_url: str, query: str, expected: str
) -> None:
    found = top_pages(search_tab, base_url, query)
    assert expected in found, (
        f"searching {query!r} should show {expected} in the first 3 results, got {found}. "
        "Use the reader's words on that page (ideally in a heading) or raise its "
        "front-matter search boost."
    )


def test_results_are_dark_on_light_with_matches_in_bold(search_tab, base_url: str) -> None:
    top_pages(search_tab, base_url, "insurance much")  # "much" is missing from some pages
    found = search_tab.evaluate("""() => {
      const style = e => getComputedStyle(e);
      const solid = e => { for (; e; e = e.parentElement) { const c = style(e).backgroundColor;
          if (!/rgba\\(.*, 0\\)$/.test(c)) return c; } return 'rgb(255, 255, 255)'; };
      const texts = [...document.querySelectorAll(
          '.md-search-result__article h1, .md-search-result__article h2, '
          + '.md-search-result__teaser, .md-search-result__meta')].filter(e => e.offsetParent);
      return {
        texts: texts.map(e => [e.textContent.trim().slice(0, 30), style(e).color, solid(e)]),
        marks: [...document.querySelectorAll('.md-search-result mark')]
          .map(m => style(m).textDecorationLine),
        missing: [...document.querySelectorAll('.md-search-result__terms')]
          .filter(e => e.offsetParent).length};
    }""")
    assert found["texts"], "no search results shown"
    for text, colour, background in found["texts"]:
        assert contrast(colour, background) >= 4.5, f'search result text "{text}" is faint'
    assert found["marks"] and set(found["marks"]) == {"none"}, "matches must not be underlined"
    assert found["missing"] == 0, 'Material\'s "Missing:" line must be hidden'
