"""Content rules, one test per page and rule; a failure names the page, the rule and the fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitetools import ROOT, all_pages, article, built, content_pages

PAGES = all_pages()
CONTENT = content_pages()

# Words readers search with, next to the clinical words a page uses in its text:
# (clinical word, plain word, how often the clinical word must appear to count).
# "insurance" counts only as a topic (3+ times): a passing mention needs no "cost".
PLAIN_WORDS = [
    (r"\badolescen", r"\bteens?\b", "teens", 1),
    (r"\bpartial hospitalization\b", r"\bPHP\b", "PHP", 1),
    (r"\btelehealth\b", r"\b(virtual|online)\b", "virtual or online", 1),
    (r"\binsurance\b", r"\bcosts?\b", "cost", 3),
]


def section(html: str, anchor: str) -> str:
    """The HTML from the heading with id `anchor` to the next heading of level 2."""
    match = re.search(rf"<h2[^>]*\bid=\"?{re.escape(anchor)}\"?[ >].*?(?=<h2\b|$)", html, re.S)
    assert match, f"no section with the anchor #{anchor}"
    return match.group(0)


# The reading grade (reading-grade), one title and heading levels (one-title,
# heading-level) are rules the strict build runs on every page, so the `site` fixture
# already fails on them; tests/bad-pages/ tests each rule once (issue 25).


@pytest.mark.parametrize("page", CONTENT, ids=str)
def test_page_ends_with_what_you_can_do_next(site: Path, page) -> None:
    body = article(built(site, page))
    headings = re.findall(r"<h2[^>]*id=\"?([\w-]+)\"?[^>]*>(.*?)</h2>", body, re.S)
    own = [(anchor, text) for anchor, text in headings if anchor != "iop-sources-title"]
    assert own, f"{page.src}: no sections"
    anchor, text = own[-1]
    assert anchor == "next-steps" and "What you can do next" in text, (
        f"{page.src}: the last section must be `## What you can do next {{#next-steps}}`, "
        f"not {re.sub('<[^>]+>', '', text).strip()!r}"
    )
    assert re.search(r"<li\b", section(body, "next-steps")), (
        f"{page.src}: 'What you can do next' needs a short list"
    )


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_plain_words_stand_next_to_clinical_ones(page) -> None:
    text = (ROOT / page.src).read_text(encoding="utf-8").split("\n---", 1)[1]  # body only
    for clinical, plain, word, times in PLAIN_WORDS:
        if len(re.findall(clinical, text, re.I)) >= times:
            assert re.search(plain, text, re.I), (
                f"{page.src}: it says {clinical.strip(chr(92) + 'b')!r}; also use the word readers "
                f"search with: {word!r}"
            )


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_no_discontinued_988_press_3_option(page) -> None:
    text = (ROOT / page.src).read_text(encoding="utf-8")
    assert not re.search(r"press(ing)?\s*3\b|\bpress three\b", text, re.I), (
        f"{page.src}: 988's 'press 3' option ended in July 2025; remove it"
    )


def test_stories_are_labelled_as_illustrative_composites(site: Path) -> None:
    html = article(built(site, next(p for p in PAGES if p.src == "docs/stories.md")))
    before_stories = re.split(r"<h2[^>]*>", html)[0]
    assert re.search(r"illustrative", before_stories, re.I) and re.search(
        r"not real people", before_stories, re.I
    ), (
        "docs/stories.md: say once, before the first story, that the stories are "
        "illustrative composites, not real people"
    )
    assert 'id="what-they-show"' in html or "id=what-they-show" in html, (
        "docs/stories.md: add a 'What these stories show {#what-they-show}' section"
    )


def test_levels_of_care_table_covers_five_levels(site: Path) -> None:
    html = article(built(site, next(p for p in PAGES if p.src == "docs/what-is-an-iop.md")))
    table = section(html, "levels-of-care").split("</table>")[0]
    rows = re.findall(r"<tr>", table)
    assert len(rows) >= 6, "the levels-of-care table needs a header and five levels"
    for level in ("outpatient", "IOP", "partial hospitalization", "residential", "inpatient"):
        assert re.search(level, table, re.I), f"the levels-of-care table lacks {level}"


def test_questions_to_ask_is_a_checklist(site: Path) -> None:
    html = article(built(site, next(p for p in PAGES if p.src == "docs/choosing-a-program.md")))
    boxes = re.findall(r'type="?checkbox"?', section(html, "questions-to-ask"))
    assert len(boxes) >= 10, "the questions-to-ask checklist needs at least 10 task-list boxes"


def test_warning_signs_name_988_and_911(site: Path) -> None:
    html = article(built(site, next(p for p in PAGES if p.src == "docs/who-benefits.md")))
    warning_signs = section(html, "warning-signs")
    assert "988" in warning_signs and "911" in warning_signs
