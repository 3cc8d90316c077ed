"""Printing a page gives a clean handout: Chromium's print-to-PDF, read back as text."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader

from browser import DESKTOP, open_page, print_pdf
from sitetools import content_pages

PAGES = content_pages()
CHROME_WORDS = [
    "Skip to main content",
    "Switch to dark mode",
    "Switch to light mode",
    "Type to start searching",
    "Understand IOPs",
    "Table of contents",
    "Previous",
]
MAX_PAGES = 12  # the longest page (the glossary) prints on about 8 US Letter pages


def plain(text: str) -> str:
    """Text as a reader sees it, whatever the font: NFKC undoes ligatures such as "ﬁ"
    (U+FB01, which DejaVu Sans makes of "fi"), and every run of white space is one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def printed(browser, url: str) -> tuple[str, int]:
    """The printed PDF's text, normalised with `plain`, and its number of pages."""
    with open_page(browser, url, viewport=DESKTOP) as (tab, _):
        pdf = print_pdf(tab)
    reader = PdfReader(io.BytesIO(pdf))
    return plain("\n".join(page.extract_text() or "" for page in reader.pages)), len(reader.pages)


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_printed_page_is_a_clean_handout(browser, base_url: str, page) -> None:
    flat, pages = printed(browser, base_url + page.url)
    for word in CHROME_WORDS:
        assert word not in flat, f"{page.src}: the printout shows site chrome {word!r}"
    assert plain(page.meta["title"]) in flat, f"{page.src}: no title in the printout"
    assert "Call or text 988" in flat and "911" in flat, f"{page.src}: no crisis line printed"
    canonical = "http://127.0.0.1:8000/" + page.url  # SITE_URL's default in the test build
    assert canonical in flat.replace(" ", "") or canonical in flat, (
        f"{page.src}: the printout lacks the page's address {canonical}"
    )
    assert page.meta["reviewed"].strftime("%B %-d, %Y") in flat, f"{page.src}: no review date"
    assert 1 <= pages <= MAX_PAGES, f"{page.src}: prints on {pages} pages"


def test_the_checklist_prints_as_empty_boxes(browser, base_url: str) -> None:
    page = next(p for p in PAGES if p.src == "docs/choosing-a-program.md")
    text, _ = printed(browser, base_url + page.url)
    assert text.count("\u2610") >= 10, "the questions checklist must print as boxes to tick"
    assert "\u2611" not in text and "\u2612" not in text, "boxes must print empty"


def test_printed_text_is_compared_without_ligatures_or_line_breaks() -> None:
    # What pypdf returns for a page set in DejaVu Sans: an "ﬁ" ligature and a wrapped line.
    assert plain("Bene\ufb01ts of an\n  IOP") == "Benefits of an IOP"


def test_the_safety_plan_prints_with_what_was_typed_and_stores_nothing(
    browser, base_url: str
) -> None:
    """Filled in on a phone, then printed: the answers print, and nothing is kept or sent."""
    with open_page(browser, base_url + "staying-safe/", viewport=DESKTOP) as (tab, record):
        loaded = len(record.requests)
        fields = tab.locator(".iop-write-in textarea")
        assert fields.count() >= 6
        fields.first.fill("Cannot sleep, skipping meals")
        fields.nth(3).fill("My sister Ana")
        # Only Material's own colour-scheme setting is ever stored; the answers never are.
        assert tab.evaluate("[sessionStorage.length, document.cookie]") == [0, ""]
        assert tab.evaluate("Object.keys(localStorage).every(k => k.endsWith('__palette'))")
        # Material's bundle loads on the first touch: a file of the site, nothing typed in it.
        sent = [url for url in record.requests[loaded:] if "/javascripts/bundle." not in url]
        assert sent == [], "typing in the plan sent a request"
        pdf = print_pdf(tab)
    text = plain("\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages))
    assert "Step 1. My warning signs" in text and "Cannot sleep, skipping meals" in text
    assert "My sister Ana" in text
