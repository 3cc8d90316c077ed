"""The Spanish edition (docs-es/, built into /es/): complete, paired, readable, searchable
in Spanish, with crisis help in Spanish on the first screen.

Runs when the project has a Spanish edition (mkdocs.es.yml and docs-es/)."""

from __future__ import annotations

from pathlib import Path

import pytest

import visits
from browser import DESKTOP, PHONE, new_context, settle
from iopguide import editions, project
from iopguide.checks import reading_es
from sitetools import ROOT, all_pages, hrefs, spanish_pages, tags
from test_search import top_pages
from visits import PHONE_LIGHT

SPANISH = next((e for e in editions.editions(ROOT) if e.lang == "es"), None)
pytestmark = pytest.mark.skipif(SPANISH is None, reason="no Spanish edition in this checkout")
PAGES = project.source_pages(SPANISH.docs_dir) if SPANISH else []
ENGLISH_ONLY = {"for-clinics.md"}  # written for clinic staff (issue 16)

QUERIES = [
    ("cuántas horas a la semana", "what-is-an-iop/"),
    ("el seguro paga", "cost-and-insurance/"),
    ("adolescente", "who-benefits/"),
    ("programa en línea", "what-is-an-iop/"),
    ("puedo seguir trabajando", "benefits/"),
    ("cuánto dura", "what-is-an-iop/"),
    ("Medicare", "cost-and-insurance/"),
    ("preguntas para hacer", "choosing-a-program/"),
    ("primer día", "what-happens/"),
    ("ayuda para mi familia", "resources/"),
    ("recaída", "what-happens/"),
    ("cuidado de los niños", "challenges/"),
    ("señales de alerta", "who-benefits/"),
    ("plan de seguridad", "staying-safe/"),
    ("pensamientos de suicidio", "who-benefits/"),
    ("armas de fuego", "staying-safe/"),
    ("lista de espera", "staying-safe/"),
    ("ataques de pánico", "who-benefits/"),
    ("terapia de grupo", "what-happens/"),
    ("historias", "stories/"),
    ("apelar", "insurance-rights-and-appeals/"),
    ("sin seguro", "cost-and-insurance/"),
    ("transporte", "challenges/"),
    ("cómo elegir un programa", "choosing-a-program/"),
    ("copago", "cost-and-insurance/"),
    ("deducible", "glossary/"),
    ("línea de ayuda", "resources/"),
    ("privacidad", "about/privacy/"),
]


def test_every_english_page_but_the_clinics_page_has_a_spanish_counterpart() -> None:
    english = {page.uri for page in all_pages()} - ENGLISH_ONLY
    spanish = {page.uri for page in PAGES}
    assert english - spanish == set(), f"no Spanish page for {sorted(english - spanish)}"
    assert spanish - english == set(), f"Spanish pages with no English page: {spanish - english}"


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_each_pair_links_both_ways(site: Path, page) -> None:
    for built, other, lang in (
        (page.url, "es/" + page.url, "es"),
        ("es/" + page.url, page.url, "en"),
    ):
        html = (site / built / "index.html").read_text(encoding="utf-8")
        alternates = {
            link["hreflang"]: link["href"]
            for link in tags(html, "link")
            if link.get("rel") == "alternate" and "hreflang" in link
        }
        assert set(alternates) == {"en", "es", "x-default"}, f"{built}: {alternates}"
        switch = [a for a in tags(html, "a") if a.get("hreflang") == lang and a.get("lang")]
        assert switch, f"/{built}: no visible link to the {lang} page"
        assert "/" + other in hrefs(html, built), f"/{built}: the switch misses /{other}"


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_each_spanish_page_reads_easily(site: Path, page) -> None:
    html = (site / "es" / page.url / "index.html").read_text(encoding="utf-8")
    ease = reading_es.measure(html)
    assert ease.score >= reading_es.MIN_EASE, (
        f"{page.src} scores {ease.score} on INFLESZ (at least {reading_es.MIN_EASE:g}): "
        f"simplify {ease.hardest}"
    )


# Read in the 360 light visit the per-page tests share (tests/visits.py).
FIRST_988 = visits.probe(
    "first 988 link",
    PHONE_LIGHT,
    js="""() => {
        const link = document.querySelector('.iop-crisis a[href="tel:988"]');
        const box = link && link.getBoundingClientRect();
        return {bottom: box ? box.bottom + scrollY : null, text: link ? link.innerText : '',
                lang: document.documentElement.lang};
    }""",
)


@pytest.mark.parametrize("page", visits.by_page(spanish_pages()), ids=str)
def test_crisis_help_in_spanish_is_on_the_first_phone_screen(browser, base_url, page) -> None:
    found = visits.measured(browser, base_url + page.url, PHONE_LIGHT, FIRST_988)
    assert found["bottom"] is not None, f"{page.src}: no crisis box with a tel:988 link"
    assert found["bottom"] <= PHONE["height"], f"{page.src}: 988 is off the first screen"
    assert "Llame" in found["text"], f"{page.src}: the 988 link is not in Spanish"
    assert found["lang"] == "es"


@pytest.mark.xdist_group("search-es")
def test_spanish_search_finds_spanish_pages_in_readers_words(browser, base_url: str) -> None:
    context = new_context(browser, viewport=DESKTOP)
    try:
        tab = context.new_page()
        tab.goto(base_url + "es/", wait_until="load")
        settle(tab)
        tab.keyboard.press("/")
        misses, english = [], []
        for query, expected in QUERIES:
            found = top_pages(tab, base_url, query, count=50, results="encontrad")
            english += [page for page in found if not page.startswith("es/")]
            if "es/" + expected not in found[:3]:
                misses.append(f"{query!r}: {found[:3]}")
    finally:
        context.close()
    assert english == [], f"Spanish search returned English pages: {sorted(set(english))}"
    assert len(misses) <= len(QUERIES) // 10, "\n".join(misses)


def test_clinics_get_spanish_embeds_a_spanish_feed_and_spanish_handouts(site: Path) -> None:
    import json

    topics = [page for page in PAGES if page.is_content and page.url]
    data = json.loads((site / "es" / "api" / "pages.json").read_text(encoding="utf-8"))
    listed = {entry["url"]: entry for entry in data["pages"]}
    for page in topics:
        embed = site / "es" / "embed" / page.url / "index.html"
        assert embed.is_file(), f"{page.src}: no Spanish embed"
        assert "Lea la página completa" in embed.read_text(encoding="utf-8")
        entry = listed.get("http://127.0.0.1:8000/es/" + page.url)
        assert entry and entry["lang"] == "es", f"{page.src}: not in /es/api/pages.json"
        html = (site / "es" / page.url / "index.html").read_text(encoding="utf-8")
        assert "Código QR" in html and "oprima el 2" in html, f"{page.src}: print header"
