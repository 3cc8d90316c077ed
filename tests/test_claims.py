"""Citation markers and spelled-out abbreviations: the rules behind cite-claim,
cite-source, abbr-first-use and abbr-unknown, on small pages written here."""

from __future__ import annotations

from iopguide.checks import abbreviations, claims

GLOSSARY = {
    "NAMI": abbreviations.Abbreviation("NAMI", "National Alliance on Mental Illness"),
    "IOP": abbreviations.Abbreviation("IOP", "Intensive outpatient program"),
    "IOPs": abbreviations.Abbreviation("IOPs", "Intensive outpatient programs"),
}


def rules(text: str, sources: int = 2) -> list[tuple[int, str]]:
    return [(p.line, p.rule) for p in claims.check(text, "docs/x.md", sources)]


def test_a_number_needs_a_marker_once_per_page() -> None:
    assert rules("An IOP meets 9 hours a week.\n") == [(1, "cite-claim")]
    assert rules("An IOP meets 9 hours a week.[^1] Most meet 9 hours or more.\n") == []


def test_the_sentence_after_a_marker_is_checked_on_its_own() -> None:
    assert rules("It is free.[^1] It costs $20 a day.\n") == [(1, "cite-claim")]


def test_a_marker_past_the_sources_list_is_reported() -> None:
    assert rules("Call 988.[^3]\n") == [(1, "cite-source")]


def test_stories_menus_snippets_and_911_need_no_marker() -> None:
    text = (
        "<!-- illustrative -->\n\nMaya went 3 nights a week.\n\n<!-- /illustrative -->\n\n"
        '--8<-- "figures/week-3.svg"\n\n<nav markdown>\n\n- [Step 2](#two)\n\n</nav>\n\n'
        "In an emergency, call 911.\n"
    )
    assert rules(text) == []


def test_number_words_with_a_unit_are_claims() -> None:
    assert rules("Most programs meet three days a week.\n") == [(1, "cite-claim")]


def test_markers_render_as_links_to_the_source() -> None:
    html = claims.render("Free.[^2] Not [^9] nor `[^1]`.", 2)
    assert '<a href="#source-2" aria-label="Source 2">2</a>' in html
    assert "[^9]" in html and "`[^1]`" in html


def test_an_abbreviation_is_spelled_out_at_its_first_use() -> None:
    def found(text: str) -> list[str]:
        return [p.rule for p in abbreviations.check(text, "docs/x.md", GLOSSARY)]

    assert found("Call the National Alliance on Mental Illness (NAMI). NAMI helps.\n") == []
    assert found("Call NAMI. The National Alliance on Mental Illness helps.\n") == [
        "abbr-first-use"
    ]
    assert found("Many intensive outpatient programs (IOPs) meet at night. An IOP helps.\n") == []
    assert found("Ask the FBI.\n") == ["abbr-unknown"]
    assert found("Text HOME to the line.\n") == []  # an everyday word (EVERYDAY)


def test_a_table_cites_its_source_once_in_the_line_after_it() -> None:
    table = "| Zone | Hours |\n| --- | --- |\n| Eastern | 10 to 10 |\n| Central | 9 to 9 |\n\n"
    assert rules(table + "These are the line's own hours.[^1]\n") == []
    assert rules(table + "Find your row.\n") == [(3, "cite-claim"), (4, "cite-claim")]
    assert rules(table) == [(3, "cite-claim"), (4, "cite-claim")]


def test_the_us_in_a_name_does_not_end_the_sentence() -> None:
    assert rules("Call 1-866-444-3272 to reach the U.S. Department of Labor.[^1]\n") == []


def test_an_admonition_is_text_and_indented_code_is_not() -> None:
    assert rules('!!! note "Hours"\n\n    An IOP meets 9 hours a week.\n') == [(3, "cite-claim")]
    assert rules("Run this:\n\n    meet 9 hours a week\n") == []
