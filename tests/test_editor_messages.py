"""Editors' lines for phone links, hard sentences and MkDocs' own checks, unit by unit.

The bad-page corpus (test_bad_pages.py) proves each rule end to end in a real build;
these pin the edges of each rule in plain Python."""

from __future__ import annotations

import subprocess
import sys

import pytest

from iopguide import crisis
from iopguide.checks import crisis_lines, phone_links
from iopguide.checks import site as site_checks
from iopguide.checks.markdown_scan import Link
from iopguide.mkdocs_plugin import messages as mkdocs_messages
from sitetools import ROOT

GOOD = [
    ("tel:988", "988"),
    ("tel:911", "call 911"),
    ("tel:711", "711"),
    ("tel:+18006624357", "1-800-662-4357"),
    ("tel:18006624357", "(800) 662-4357"),
    ("tel:1-800-662-4357", "the SAMHSA helpline"),
    ("sms:988", "text 988"),
    ("sms:741741?body=HOME", "Text HOME to 741741"),
    ("tel:988", "call or text 988 24/7"),
]
BAD = [
    ("tel:988-", "call", "does not dial a valid number"),
    ("tel:98", "98", "does not dial a valid number"),
    ("tel:800662435", "help", "does not dial a valid number"),
    ("tel:+44 20 7946 0000", "UK", "does not dial a valid number"),
    ("tel:988?x=1", "988", "which a phone does not understand"),
    ("tel:+18006624358", "1-800-662-4357", "the link text shows 1-800-662-4357"),
    ("tel:911", "988", "the link text shows 988 but the link dials tel:911"),
]


@pytest.mark.parametrize(("target", "text"), GOOD, ids=[t for t, _ in GOOD])
def test_phone_links_that_dial_what_they_show_pass(target: str, text: str) -> None:
    assert phone_links.check([Link(5, text, target, False)], "docs/x.md") == []


@pytest.mark.parametrize(("target", "text", "said"), BAD, ids=[t for t, _, _ in BAD])
def test_phone_links_that_cannot_dial_or_dial_another_number_fail(
    target: str, text: str, said: str
) -> None:
    problems = phone_links.check([Link(5, text, target, False)], "docs/x.md")
    assert len(problems) == 1 and problems[0].rule == "phone-link" and problems[0].line == 5
    assert said in problems[0].message


def test_a_short_code_the_crisis_file_does_not_have_is_the_crisis_line_rules() -> None:
    link = Link(5, "12345", "sms:12345", False)
    assert phone_links.check([link], "docs/x.md") == []  # it dials: 3 to 6 digits
    data, _ = crisis.load()
    (problem,) = crisis_lines.check("", [link], "docs/x.md", data)
    assert problem.rule == "crisis-line" and problem.line == 5
    assert "docs/.data/crisis.yml does not have" in problem.message


SOURCE = """---
title: T
---

# A page

Some text with a [link](https://example.org/a-b) and **bold** words,
then a sentence that
*starts* on this line and goes on.
"""


def test_a_sentence_is_found_on_its_source_line_through_markup() -> None:
    assert site_checks.source_line(SOURCE, "Some text with a link and bold words, then.") == 7
    assert site_checks.source_line(SOURCE, "Starts on this line and goes on.") == 9
    assert site_checks.source_line(SOURCE, "Nowhere to be found at all.") == 1


def site(**overrides) -> mkdocs_messages.Site:
    sources = {
        "about/x.md": "# X\n\nSee [the page](../nope.md) and ![Chart](chart.png).\n",
        "benefits.md": "# Benefits\n\n[Cost](cost-and-insurance.md#cots)\n",
    }
    values = dict(
        docs_path="docs",
        config_path="mkdocs.yml",
        config_text="nav:\n  - Home: index.md\n  - About:\n      - about/index.md\n",
        pages=("index.md", "about/index.md", "about/x.md", "benefits.md", "cost-and-insurance.md"),
        files=("assets/chart.png",),
        source=lambda src: sources.get(src, ""),
        anchors=lambda src: {"costs", "medicare"},
        title=lambda src: "About: X",
    )
    values.update(overrides)
    return mkdocs_messages.Site(**values)


def lines(message: str) -> list[str] | None:
    found = mkdocs_messages.rewrite(message, site())
    return None if found is None else [str(problem) for problem in found]


def test_a_missing_page_is_named_with_its_line() -> None:
    assert lines(
        "Doc file 'about/x.md' contains a link '../nope.md', but the target "
        "'nope.md' is not found among documentation files."
    ) == [
        "docs/about/x.md:3: link-target: the link `../nope.md` goes to a page that is not in "
        "docs/: link to a page by its file name from this page, such as "
        "`../cost-and-insurance.md`, or create the page"
    ]


def test_a_missing_picture_is_called_a_picture_and_the_right_one_is_suggested() -> None:
    assert lines(
        "Doc file 'about/x.md' contains a link 'chart.png', but the target "
        "'about/chart.png' is not found among documentation files."
    ) == [
        "docs/about/x.md:3: link-target: the image `chart.png` is not in docs/: did you mean "
        "`../assets/chart.png`?"
    ]


def test_a_missing_section_lists_the_nearest_ones() -> None:
    found = lines(
        "Doc file 'benefits.md' contains a link 'cost-and-insurance.md#cots', but "
        "the doc 'cost-and-insurance.md' does not contain an anchor '#cots'."
    )
    assert found and found[0].startswith("docs/benefits.md:3: link-anchor: ")
    assert "`cost-and-insurance.md#costs`" in found[0]


def test_a_page_left_out_of_the_menu_gets_the_line_to_paste() -> None:
    assert lines(
        "The following pages exist in the docs directory, but are not included in "
        'the "nav" configuration:\n  - about/x.md'
    ) == [
        "docs/about/x.md:1: not-in-nav: the page is not in the menu: in mkdocs.yml, add the "
        "line `      - 'About: X': about/x.md` after line 4 (`- about/index.md`), with the "
        "same indentation, or in the section where it belongs"
    ]


def test_a_missing_nav_page_is_left_to_nav_file_and_unknown_messages_pass() -> None:
    assert (
        lines(
            "A reference to 'gone.md' is included in the 'nav' configuration, which is "
            "not found in the documentation files."
        )
        == []
    )
    assert lines("Some message MkDocs adds in a later version.") is None


@pytest.mark.slow
def test_the_page_report_names_a_wrong_folder_in_one_line() -> None:
    """`page_report.py docs/index.md` (a page, not a built site) is one line, no traceback."""
    script = str(ROOT / "scripts" / "page_report.py")
    result = subprocess.run(
        [sys.executable, script, "--hardest", "docs/index.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "page_report.py: docs/index.md is not a built site folder (no index.html): give site/ "
        "after `python3 scripts/dev.py build`, or nothing to build one"
    ]
