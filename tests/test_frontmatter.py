"""The front-matter schema: every rule names the file, the line, the field and the fix."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from iopguide.checks import frontmatter
from sitetools import ROOT, all_pages

TODAY = dt.date(2026, 11, 27)
GOOD = """---
title: A page
description: A short description.
reviewed: 2026-11-01
next_review: 2027-11-01
sources:
  - title: "SAMHSA: National Helpline"
    url: https://www.samhsa.gov/find-help/national-helpline
---

# A page
"""


def problems(text: str, today: dt.date = TODAY) -> list[str]:
    return [
        str(p) for p in frontmatter.check_page(text, "docs/x.md", today) if p.severity == "error"
    ]


def test_a_good_page_passes() -> None:
    assert frontmatter.check_page(GOOD, "docs/x.md", TODAY) == []


@pytest.mark.parametrize("page", all_pages(), ids=str)
def test_every_page_meets_the_schema(page) -> None:
    text = (ROOT / page.src).read_text(encoding="utf-8")
    found = [str(p) for p in frontmatter.check_page(text, page.src) if p.severity == "error"]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("page", all_pages(), ids=str)
def test_removing_reviewed_from_any_page_is_caught(page) -> None:
    text = (ROOT / page.src).read_text(encoding="utf-8")
    broken = re.sub(r"(?m)^reviewed:.*\n", "", text, count=1)
    found = [str(p) for p in frontmatter.check_page(broken, page.src)]
    assert any(p.startswith(f"{page.src}:") and "`reviewed` is missing" in p for p in found), found


@pytest.mark.parametrize("page", all_pages(), ids=str)
def test_a_bad_next_review_date_on_any_page_is_caught(page) -> None:
    text = (ROOT / page.src).read_text(encoding="utf-8")
    broken = re.sub(r"(?m)^next_review:.*$", "next_review: 2027-02-30", text, count=1)
    found = [str(p) for p in frontmatter.check_page(broken, page.src)]
    assert any(
        p.startswith(f"{page.src}:") and "`next_review` is `2027-02-30`, not a real date" in p
        for p in found
    ), found


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("title: A page\n", ""), "docs/x.md:8: front-matter: `title` is missing"),
        (
            ("description: A short description.", "description: " + "x" * 161),
            "docs/x.md:3: front-matter: `description` is 161 characters",
        ),
        (
            ("reviewed: 2026-11-01", "reviewed: 1 Nov 2026"),
            "docs/x.md:4: front-matter: `reviewed` is `1 Nov 2026`, not a real date",
        ),
        (
            ("next_review: 2027-11-01", "next_review: 2026-10-01"),
            "docs/x.md:5: front-matter: `next_review` must come after `reviewed`",
        ),
        (
            ("next_review: 2027-11-01", "next_review: 2026-11-20"),
            "docs/x.md:5: review-overdue: the next review was due on 2026-11-20",
        ),
        (
            ("url: https://www.samhsa", "url: http://www.samhsa"),
            "docs/x.md:8: front-matter: source url `http://www.samhsa.gov/find-help/national-helpline`"
            " must be a full https:// address",
        ),
        (
            (
                'sources:\n  - title: "SAMHSA: National Helpline"\n    url: https://www.samhsa.gov/find-help'
                "/national-helpline\n",
                "sources: []\n",
            ),
            "docs/x.md:6: front-matter: `sources` must be a non-empty list",
        ),
        (
            ("title: A page", "title: A page\ntitel: typo"),
            "docs/x.md:3: front-matter: unknown field `titel`",
        ),
        (
            ("title: A page", "title: [unclosed"),
            "docs/x.md:3: front-matter: the YAML cannot be read",
        ),
    ],
)
def test_each_rule_names_line_field_and_fix(change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in GOOD
    found = problems(GOOD.replace(old, new, 1))
    assert any(p.startswith(expected) for p in found), found


def test_missing_front_matter_is_one_clear_line() -> None:
    assert problems("# Just a heading\n") == [
        "docs/x.md:1: front-matter: the page has no front matter: start it with a `---` line, "
        "the fields title, description, reviewed, next_review and sources, then another `---` "
        "line (see CONTRIBUTING.md)"
    ]


def test_a_review_due_within_30_days_is_only_a_warning() -> None:
    found = frontmatter.check_page(GOOD.replace("2027-11-01", "2026-12-20"), "docs/x.md", TODAY)
    assert [(p.rule, p.severity) for p in found] == [("review-due-soon", "warning")]


def test_info_pages_may_leave_out_sources() -> None:
    text = GOOD.replace("title: A page", "title: A page\nkind: info")
    text = re.sub(r"sources:\n(  .*\n)+", "", text)
    assert problems(text) == []
    assert problems(text.replace("kind: info", "")) != []


def test_the_checks_do_not_depend_on_mkdocs() -> None:
    folder = Path(frontmatter.__file__).parent
    for name in ("frontmatter.py", "frontmatter_fields.py", "review_dates.py", "problem.py"):
        source = (folder / name).read_text(encoding="utf-8")
        assert "mkdocs" not in source.split('"""', 2)[2], name


TRANSLATED = GOOD.replace("---\ntitle", '---\ntranslated_from: "0123456789ab"\ntitle', 1)


def test_a_language_review_date_on_a_translated_page_passes() -> None:
    page = TRANSLATED.replace(
        "reviewed: 2026-11-01", "reviewed: 2026-11-01\nlanguage_reviewed: 2026-11-20"
    )
    assert problems(page) == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-13-45", "`language_reviewed` is `2026-13-45`, not a real date"),
        ("2026-12-01", "`language_reviewed` is in the future"),
    ],
)
def test_a_bad_language_review_date_is_caught(value: str, message: str) -> None:
    page = TRANSLATED.replace(
        "reviewed: 2026-11-01", f"reviewed: 2026-11-01\nlanguage_reviewed: {value}"
    )
    found = problems(page)
    assert (
        len(found) == 1
        and found[0].startswith("docs/x.md:6: front-matter: ")
        and message in found[0]
    ), found


def test_a_language_review_date_needs_a_translated_page() -> None:
    page = GOOD.replace(
        "reviewed: 2026-11-01", "reviewed: 2026-11-01\nlanguage_reviewed: 2026-11-20"
    )
    assert problems(page) == [
        "docs/x.md:5: front-matter: "
        "`language_reviewed` is only for translated pages: remove it here"
    ]
