"""Citation markers and spelled-out abbreviations: the rules behind cite-claim,
cite-source, abbr-first-use and abbr-unknown, on small pages written here."""

from __future__ import annotations

import markdown
import pytest
from mkdocs.config import load_config
from selectolax.lexbor import LexborHTMLParser

from iopguide.checks import abbreviations, claims, unrendered
from sitetools import ROOT

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


def cite(text: str, **config: str) -> str:
    """`text` through Python-Markdown with the citations extension, as mkdocs.yml (or,
    with label="Fuente", mkdocs.es.yml) configures it."""
    extension = "iopguide.render.citations"
    md = markdown.Markdown(extensions=[extension], extension_configs={extension: config})
    return md.convert(text)


def test_markers_render_as_links_to_the_source() -> None:
    html = cite("Free.[^2] Not `[^1]`.")
    assert html == (
        '<p>Free.<sup class="iop-cite"><a href="#source-2" aria-label="Source 2">2</a></sup>'
        " Not <code>[^1]</code>.</p>"
    )
    assert 'aria-label="Fuente 2">2</a>' in cite("Gratis.[^2]", label="Fuente")


def test_a_marker_past_the_sources_list_renders_like_any_other() -> None:
    # The extension does not know the page's Sources list: `cite-source` (above) reports
    # the marker and fails the build, so the page never ships with it.
    assert '<a href="#source-9" aria-label="Source 9">9</a>' in cite("Free.[^9]")


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


def statements(text: str, sources: int = 2) -> list[tuple[int, str]]:
    """cite-claim with coverage and legal claims switched on."""
    return [(p.line, p.rule) for p in claims.check(text, "docs/x.md", sources)]


COVERAGE_CLAIMS = (
    "Medicare Part B covers IOPs.",
    "Most health plans must cover mental health care the same way as other care.",
    "Your plan may not pay for care outside its network.",
    "Insurance often helps pay for an IOP.",
    "A federal law, the Family and Medical Leave Act (FMLA), lets many workers take leave.",
    "Under HIPAA, a clinic must give you a notice of its privacy practices.",
    "Your employer must keep your job for you under the FMLA.",
    "Programs covered by 42 CFR Part 2 must get your written consent.",
    "You have the right to see your records.",
    "What Medicaid covers depends on your state.",
    "A program outside your network may not be covered at all.",
    "If your plan covers mental health care, it can't make that care harder to get.",
    "La Parte B de Medicare cubre los IOP.",
    "La mayoría de los planes de salud deben cubrir la salud mental.",
    "Una ley federal lo protege.",
    "Después, paga su plan.",
    "Lo que cubre Medicaid depende de su estado.",
    "Por la ley de paridad, estos límites no pueden ser más estrictos.",
    "Usted tiene derecho a pedir una copia.",
    "Algunos planes de seguro piden una autorización previa.",
)
NOT_CLAIMS = (  # questions, advice, link text, the reader as subject, other plans
    "Ask your plan what it covers.",
    "Is an IOP covered under my plan?",
    "If you have Medicaid, ask about rides.",
    "Either way, call that plan, since your costs may differ.",
    "What you pay also depends on your plan.",
    "Read [how Medicare covers IOPs](cost-and-insurance.md#medicare).",
    "What insurance, Medicare and Medicaid cover, and what to ask.",
    "This page covers what an IOP can offer.",
    "Keep your safety plan close.",
    "If your plan says no, ask for the letter.",
    "The program must be a good fit for you.",
    "Pregunte a su plan qué cubre.",
    "¿Mi plan cubre un IOP?",
    "Pregúntele a su plan si paga el transporte.",
    "Lo que usted paga también depende de su plan.",
    "Lo más seguro es guardarlas fuera de la casa.",
    "Un plan de seguridad debe ser corto.",
    "Si su plan le dice que no, pida la carta.",
    "Usted debe poder opinar sobre él.",
)


def test_a_coverage_or_legal_claim_needs_a_marker_in_english_and_spanish() -> None:
    for sentence in COVERAGE_CLAIMS:
        assert statements(sentence + "\n") == [(1, "cite-claim")], sentence
        assert statements(sentence + "[^1]\n") == [], sentence


def test_questions_advice_and_link_text_are_not_claims() -> None:
    for sentence in NOT_CLAIMS:
        assert statements(sentence + "\n") == [], sentence


def test_the_message_names_the_claim_and_the_fix() -> None:
    (problem,) = claims.check("Medicare Part B covers IOPs.\n", "docs/x.md", 1)
    assert str(problem) == (
        'docs/x.md:1: cite-claim: the sentence "Medicare Part B covers IOPs. ..." says what '
        'a plan, program or law does ("Medicare Part B covers") but cites no source: add the '
        "number of its source after it, like [^1] (see `sources` in the front matter); a "
        "table may cite its source once, in the line right after it"
    )


def test_a_claim_cited_once_needs_no_marker_again() -> None:
    text = "Medicare Part B covers IOPs.[^1] Since 2024, Part B also covers IOP care[^1].\n\n"
    assert statements(text + "In short, Medicare covers IOPs.\n") == []
    assert statements(text + "Medicare pays for doctor visits.\n") == [(3, "cite-claim")]
    assert statements("Your plan will pay.[^1] Your plan will pay.\n") == []
    assert statements("Your plan will pay.[^1] The plan may not pay.\n") == [(1, "cite-claim")]


def test_coverage_claims_keep_the_exemptions_of_numbers() -> None:
    table = "| Word | Meaning |\n| --- | --- |\n| Copay | After that, your plan pays. |\n\n"
    assert statements(table + "These are HealthCare.gov's words.[^1]\n") == []
    assert statements(table) == [(3, "cite-claim")]
    story = "<!-- illustrative -->\n\nHer plan covered it.\n\n<!-- /illustrative -->\n"
    assert statements("## What Medicare covers\n\n" + story) == []
    assert rules("Medicare Part B covers IOPs.\n") == [(1, "cite-claim")]  # on in the build


def test_a_figure_caption_is_text() -> None:
    figure = '<figure>\n--8<-- "figures/x.svg"\n<figcaption>Teens get 6 to 19 hours.'
    assert rules(figure + "</figcaption>\n</figure>\n") == [(3, "cite-claim")]
    assert rules(figure + "[^1]</figcaption>\n</figure>\n") == []


def test_markers_in_raw_html_render_as_links_and_code_keeps_them() -> None:
    page = (
        "<figure>\n<svg><text>a_b</text></svg>\n<figcaption>Six hours.[^2] <code>[^1]</code>"
        '</figcaption>\n</figure>\n\n<div><img alt="x"> <!-- [^1] --> Free.[^1]</div>\n'
    )
    html = markdown.markdown(page, extensions=["md_in_html", "iopguide.render.citations"])
    assert '<figcaption>Six hours.<sup class="iop-cite"><a href="#source-2"' in html
    assert "<code>[^1]</code>" in html and "<!-- [^1] -->" in html
    assert 'Free.<sup class="iop-cite"><a href="#source-1"' in html
    # A `>` inside a quoted attribute does not end the tag: the marker after it is in the
    # attribute, and linking it there would end the attribute early (see the test below).
    figure = f"<figure>\n<img {TRAP_ALT}>\n<figcaption>Six.[^1]</figcaption>\n</figure>\n"
    html = markdown.markdown(figure, extensions=["md_in_html", "iopguide.render.citations"])
    assert f"<img {TRAP_ALT}>" in html
    assert 'Six.<sup class="iop-cite"><a href="#source-1"' in html


TRAP_ALT = (
    "alt=\"chart > [^1]<meta http-equiv=refresh content='0;url=https://evil.example/'>"
    '<link rel=stylesheet href=x>"'
)


def test_a_marker_in_an_attribute_never_turns_the_rest_of_it_into_elements(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)  # the snippets' and the crisis file's folder, as in a build
    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )
    page = f'# Chart\n\n<figure>\n<img src="a.png" {TRAP_ALT}>\n</figure>\n'
    tree = LexborHTMLParser(md.convert(page))
    assert tree.css("meta, link") == []
    assert [node.attributes["alt"] for node in tree.css("img")] == [
        "chart > [^1]<meta http-equiv=refresh content='0;url=https://evil.example/'>"
        "<link rel=stylesheet href=x>"
    ]


def test_a_marker_shown_as_typed_is_named_on_the_line_it_is_typed() -> None:
    source = "# X\n\nIt helps.[^2]\n\n<figure><figcaption>Teens too.[^2]\n</figure>\n\nOk.[^l]\n"
    html = (
        '<p>It helps.<sup><a href="#source-2">2</a></sup></p><figure><figcaption>Teens too.[^2]'
        "</figcaption></figure><p>Ok.[^l]</p><p><code>[^3]</code></p>"
    )
    found = [(p.line, p.message[:17]) for p in unrendered.problems(html, source, "docs/x.md")]
    assert found == [(5, 'the marker "[^2]"'), (8, 'the marker "[^l]"')]
    # A `>` in a quoted attribute ends no tag: the words before the marker are the alt's.
    source = f"It helps.[^1]\n\n<figure>\n<img {TRAP_ALT}>\n</figure>\n"
    html = f'<p>It helps.<sup><a href="#source-1">1</a></sup></p><img {TRAP_ALT}>'
    assert [p.line for p in unrendered.problems(html, source, "docs/x.md")] == [4]


def test_a_crisis_placeholder_shown_as_typed_is_named_where_it_is_typed() -> None:
    # Front matter is not Markdown: its placeholders reach <title> and the description as
    # typed. One in the page's text that the file cannot fill is crisis-line's to name.
    # The site's menus show other pages' titles: each is reported on its own page.
    source = (
        '---\ntitle: "Call {crisis:bar-call}"\ndescription: Help. {crisis:danger}\n---\n\n'
        "# Help\n\n{crisis:dangr}\n"
    )
    html = (
        "<html><head><title>Call {crisis:bar-call} - IOP Guide</title>"
        '<meta name="description" content="Help. {crisis:danger}"></head><body>'
        '<nav class="md-nav"><a href="../y/">Text {crisis:bar-text}</a></nav><article>'
        "<h1>Help</h1><p>{crisis:dangr}</p><p><code>{crisis:x}</code></p></article>"
        '<footer><nav><a aria-label="Next: {crisis:y}" href="../y/">{crisis:y}</a></nav>'
        "</footer></body></html>"
    )
    found = [(p.line, p.message) for p in unrendered.problems(html, source, "docs/x.md")]
    assert [(line, message.split(" shows")[0]) for line, message in found] == [
        (2, 'the crisis placeholder "{crisis:bar-call}"'),
        (3, 'the crisis placeholder "{crisis:danger}"'),
    ]
    assert "in the title or the description, write the words out" in found[0][1]
    snippet = unrendered.problems("<p>Call {crisis:bar-cal}</p>", "# Help\n", "docs/x.md")
    assert [p.line for p in snippet] == [1]  # not typed on the page: from a snippet
    steps = '<nav class="md-nav"></nav><article><nav><a href="#a">Go.[^l]</a></nav></article>'
    assert [p.line for p in unrendered.problems(steps, "# X\n\nGo.[^l]\n", "x.md")] == [3]
