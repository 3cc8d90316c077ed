"""The Markdown checks: real line numbers, code skipped, every rule documented."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from iopguide.checks import content as content_checks
from iopguide.checks import site as site_checks
from sitetools import PAGE_HEAD as HEAD
from sitetools import ROOT, all_pages

CONTRIBUTING = ROOT / "CONTRIBUTING.md"


def found(body: str) -> list[str]:
    return [str(p) for p in content_checks.check_markdown(HEAD + body, "docs/x.md")]


def test_a_clean_page_has_no_problems() -> None:
    assert (
        found(
            "Read [what an intensive outpatient program (IOP) is](what-is-an-iop.md). "
            "Call [988](tel:988).\n\n"
            "## Part\n\n### Sub\n\n## Next\n\n![A heart](a.png)\n"
        )
        == []
    )


# Every page passing the Markdown checks, and no two sharing a title or description,
# are what the strict build checks (the `site` fixture fails on them); the tests here
# and tests/bad-pages/ test each rule once (issue 25).


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("![](a.png)\n", "docs/x.md:11: image-alt: the image `a.png` has no alt text"),
        ("text\n\n![ ](a.png){ .wide }\n", "docs/x.md:13: image-alt: the image `a.png`"),
        ('<img src="a.png">\n', "docs/x.md:11: image-alt: the <img> `a.png` has no alt text"),
        ('<img src="a.png" alt="">\n', "docs/x.md:11: image-alt: the <img> `a.png`"),
        ("<script>alert(1)</script>\n", "docs/x.md:11: unsafe-html: <script> is not allowed"),
        ("<STYLE>p {}</STYLE>\n", "docs/x.md:11: unsafe-html: <style> is not allowed"),
        ('<object data="x"></object>\n', "docs/x.md:11: unsafe-html: <object> is not allowed"),
        ('<embed src="x">\n', "docs/x.md:11: unsafe-html: <embed> is not allowed"),
        ('<form action="x"></form>\n', "docs/x.md:11: unsafe-html: <form> is not allowed"),
        (
            '<meta http-equiv="refresh" content="0; url=https://evil.example/">\n',
            "docs/x.md:11: unsafe-html: <meta> is not allowed",
        ),
        (
            '<base href="https://evil.example/">\n',
            "docs/x.md:11: unsafe-html: <base> is not allowed",
        ),
        (
            '<link rel="stylesheet" href="x.css">\n',
            "docs/x.md:11: unsafe-html: <link> is not allowed",
        ),
        (
            '<span onmouseover="x()">hi</span>\n',
            "docs/x.md:11: unsafe-html: the <span> tag has "
            "the attribute `onmouseover`, which runs code: remove it",
        ),
        (
            "[Call us](javascript:call())\n",
            "docs/x.md:11: unsafe-html: the link `javascript:call()` is a javascript: address",
        ),
        (
            "[A form](data:text/html,hi)\n",
            "docs/x.md:11: unsafe-html: the link `data:text/html,hi` is a data: address",
        ),
        (
            "[SAMHSA](http://www.samhsa.gov/)\n",
            "docs/x.md:11: link-https: the link "
            "`http://www.samhsa.gov/` is not secure: change http:// to https://",
        ),
        (
            "[SAMHSA][s]\n\n[s]: http://www.samhsa.gov/\n",
            "docs/x.md:13: link-https: the link `http://www.samhsa.gov/` is not secure",
        ),
        (
            "[A file](ftp://example.org/f)\n",
            "docs/x.md:11: link-https: the link `ftp://example.org/f` must start with https://",
        ),
        (
            "[SAMHSA](https://www.samhsa.gov/?a=1&fbclid=x)\n",
            "docs/x.md:11: link-tracking: the "
            "link `https://www.samhsa.gov/?a=1&fbclid=x` carries tracking (fbclid)",
        ),
        (
            "[SAMHSA](https://www.samhsa.gov/?gclid=1&utm_campaign=x)\n",
            "docs/x.md:11: "
            "link-tracking: the link `https://www.samhsa.gov/?gclid=1&utm_campaign=x` "
            "carries tracking "
            "(gclid, utm_campaign)",
        ),
        (
            "For costs, [click\nhere](cost-and-insurance.md).\n",
            "docs/x.md:11: link-text: the link "
            'text is "click here", which does not say where it goes',
        ),
        ("See [*Read more…*](a.md)\n", None),
        (
            "[Here](a.md) [this page](a.md) [link](a.md) [More](a.md)\n",
            'docs/x.md:11: link-text: the link text is "this page"',
        ),
        (
            "[https://www.samhsa.gov/](https://www.samhsa.gov/)\n",
            "docs/x.md:11: link-text: the link text is a bare address (`https://www.samhsa.gov/`)",
        ),
        (
            "Go to <https://www.samhsa.gov/>.\n",
            "docs/x.md:11: link-text: the link text is a bare address",
        ),
        (
            '<a href="https://www.samhsa.gov/">here</a>\n',
            'docs/x.md:11: link-text: the link text is "here"',
        ),
        ("[](a.md)\n", "docs/x.md:11: link-text: the link text is empty"),
        (
            "### Deep\n",
            "docs/x.md:11: heading-level: the heading `### Deep` jumps from level 1 to "
            "3: make it `## Deep`",
        ),
        (
            "## A\n\n#### B\n",
            "docs/x.md:13: heading-level: the heading `#### B` jumps from level 2",
        ),
        (
            "Part\n----\n\n#### B\n",
            "docs/x.md:14: heading-level: the heading `#### B` jumps from level 2",
        ),
        (
            "# Again\n",
            "docs/x.md:11: one-title: a second top-level heading (`# Again`; the first is "
            "on line 9)",
        ),
        # Read as the site's Python-Markdown reads them: an admonition's body, the text
        # after a comment, md_in_html, table cells, raw HTML over two lines, a linked image.
        (
            '!!! note "A note"\n\n    See [here](a.md).\n',
            'docs/x.md:13: link-text: the link text is "here"',
        ),
        (
            "<!-- a note --> [A](http://x.org/)\n",
            "docs/x.md:11: link-https: the link `http://x.org/`",
        ),
        ("<div markdown>\n[A](http://x.org/)\n</div>\n", "docs/x.md:12: link-https: the link"),
        (
            "| A | B |\n| --- | --- |\n| `x` | [A](http://x.org/) |\n",
            "docs/x.md:13: link-https: the link `http://x.org/`",
        ),
        (
            'Read <a href="a.md">\nthis page</a>.\n',
            'docs/x.md:11: link-text: the link text is "this page"',
        ),
        ("[![](a.png)](https://online.example/)\n", "docs/x.md:11: image-alt: the image `a.png`"),
        # A line that starts with a block tag is raw HTML, even inside an open `code span.
        ("Type `a\n<script>` here.\n", "docs/x.md:12: unsafe-html: <script> is not allowed"),
        ("!!! note\n\n    ### Deep\n", "docs/x.md:13: heading-level: the heading `### Deep`"),
    ],
)
def test_each_rule_names_the_line_and_the_fix(body: str, expected: str | None) -> None:
    problems = found(body)
    if expected is None:
        assert any("link-text" in p for p in problems), problems
        return
    assert any(p.startswith(expected) for p in problems), problems


@pytest.mark.parametrize(
    "body",
    [
        "```html\n<script>x</script> ![](a.png) [here](http://x.org)\n```\n",
        "~~~~\n# Not a heading\n### nor this\n~~~~\n",
        "- item\n\n    ```\n    <iframe></iframe>\n    ```\n",
        "Type `<script>` or `[here](http://x.org)` to see it.\n",
        "<!-- <iframe src=x></iframe> [here](http://x.org) -->\n",
        "![A heart](a.png) and ![](b.png){ .decorative } and ![](c.png){ #id .decorative }\n",
        '<img src="a.png" alt="" class="decorative"> <img src="b.png" alt="A heart">\n',
        "Call [988](tel:988), [text 988](sms:988) or [email us](mailto:help@example.org).\n",
        "[The national helpline](https://www.samhsa.gov/find-help/national-helpline?lang=es)\n",
        "[988lifeline.org](https://988lifeline.org/)\n",
        "Write to <mailto:help@online.example> about care.\n",
        "Text\n\n---\n\nA rule, not a heading.\n",
        "Text\n\n    <iframe></iframe> [here](http://x.org) is indented code.\n",
        "<div>\n[here](http://x.org) is raw markup, shown as it is.\n</div>\n",
        "Type `a\nthen <script>` over two lines.\n",
        '!!! note "Code"\n\n    ```\n    <script>x</script> [here](http://x.org)\n    ```\n',
    ],
)
def test_code_comments_and_allowed_forms_pass(body: str) -> None:
    assert found(body) == []


def test_masked_blanks_code_and_comments_in_place() -> None:
    from iopguide.checks import markdown_scan

    body = "Text `a\nb` c <!-- 5 --> d\n\n| A | B |\n| --- | --- |\n| `1` | `2` 3 |\n"
    masked = markdown_scan.masked(HEAD + body)
    assert masked.split("\n")[:10] == [" " * len(line) for line in HEAD.split("\n")[:7]] + [
        "",
        "# A page",
        "",
    ]
    assert masked.split("\n")[10:] == [
        "Text   ",
        "   c            d",
        "",
        "| A | B |",
        "| --- | --- |",
        "|     |     3 |",
        "",
    ]


def test_an_autolink_is_only_a_bare_address_not_html() -> None:
    assert [p.split(": ")[1] for p in found("See <https://online.example/care>.\n")] == [
        "link-text"
    ]


def test_each_link_says_how_it_is_written_and_its_classes() -> None:
    from iopguide.checks import markdown_scan

    body = (
        "[a](https://a.org) [b][ref] <https://c.org> ![](d.png){ .decorative .wide }\n\n"
        '<a href="https://e.org">e</a> <img src="f.png" alt="" class="decorative">\n\n'
        "[ref]: https://b.org\n"
    )
    # In source order; on one line: inline, reference-style, autolinks, then HTML.
    assert [(link.kind, link.classes) for link in markdown_scan.links(body)] == [
        ("inline", frozenset()),
        ("inline", frozenset({"decorative", "wide"})),
        ("reference", frozenset()),
        ("autolink", frozenset()),
        ("html", frozenset()),
        ("html", frozenset({"decorative"})),
        ("definition", frozenset()),
    ]


def test_a_page_without_a_title_heading() -> None:
    text = HEAD.replace("# A page\n", "") + "## Only a section\n"
    assert [str(p) for p in content_checks.check_markdown(text, "docs/x.md")][0].startswith(
        "docs/x.md:8: one-title: the page has no `# Title` heading"
    )


def test_front_matter_is_skipped_but_counted() -> None:
    text = HEAD.replace("kind: info", 'kind: info\nnote: "[here](http://x.org)"') + "![](a.png)\n"
    assert [str(p).split(": ", 2)[:2] for p in content_checks.check_markdown(text, "d.md")] == [
        ["d.md:12", "image-alt"]
    ]


def test_duplicates_name_both_pages() -> None:
    pages = [
        site_checks.page_keys(HEAD, "docs/a.md"),
        site_checks.page_keys(HEAD, "docs/b.md"),
        site_checks.page_keys(HEAD.replace("A page", "Other"), "docs/c.md"),
    ]
    lines = [str(p) for p in site_checks.duplicates(pages)]
    assert lines[0].startswith(
        'docs/a.md:2: duplicate-title: the title "A page" is also used by docs/b.md:2'
    )
    assert any(
        p.startswith("docs/b.md:3: duplicate-description: the description")
        and "docs/a.md:3, docs/c.md:3" in p
        for p in lines
    ), lines


CHECK = [sys.executable, str(ROOT / "scripts" / "dev.py"), "check"]  # what pre-commit runs


def test_the_cli_prints_problems_and_exits_1(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(HEAD + "[click here](http://example.org/)\n", encoding="utf-8")
    result = subprocess.run(
        [*CHECK, str(page)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        f"{page}:11: link-https: the link `http://example.org/` is not secure: change http:// to "
        "https:// (and check the page still opens)",
        f'{page}:11: link-text: the link text is "click here", which does not say where it '
        "goes: use words that name the page, e.g. [how to pay for an IOP](cost-and-insurance.md)",
    ]


@pytest.mark.slow
def test_the_cli_passes_every_page() -> None:
    pages = [str(ROOT / p.src) for p in all_pages()]
    result = subprocess.run(
        [*CHECK, *pages],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _code_rule_names() -> set[str]:
    """Kebab-case string literals in the check and MkDocs plugin modules: the rule names
    they report (class names of the built HTML, `iop-...` and `md-...`, are not rules, nor
    is the allow-list of HTML names in allowed_html.py)."""
    names = set()
    checks = ROOT / "scripts" / "iopguide" / "checks"
    modules = sorted(set(checks.glob("*.py")) - {checks / "allowed_html.py"})
    plugin = sorted((ROOT / "scripts" / "iopguide" / "mkdocs_plugin").glob("*.py"))
    for module in [*modules, *plugin]:
        source = module.read_text(encoding="utf-8")
        names |= {
            name
            for name in re.findall(r"\"([a-z]+(?:-[a-z]+)+)\"", source)
            if not name.startswith(("iop-", "md-"))
        }
        names |= {
            f"duplicate-{field}"
            for field in re.findall(r"for field in \(([^)]*)\)", source)
            for field in re.findall(r"\"(\w+)\"", field)
        }
    return names


def test_every_rule_is_listed_in_rules() -> None:
    assert _code_rule_names() <= set(content_checks.RULES)


def test_contributing_explains_every_rule_and_mkdocs_check() -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    table = {m for m in re.findall(r"(?m)^\| `([a-z-]+)` \|", text)}
    missing = set(content_checks.RULES) - table
    assert not missing, f"CONTRIBUTING.md's table of checks lacks {sorted(missing)}"
    # The one message of MkDocs' that the build does not say again in our form.
    assert "error parsing the configuration file" in text, (
        "CONTRIBUTING.md does not quote MkDocs' message for a mkdocs.yml it cannot read"
    )


def test_contributing_shows_a_menu_entry_that_matches_mkdocs_yml() -> None:
    """The copy-paste example is indented exactly like the real nav."""
    text = CONTRIBUTING.read_text(encoding="utf-8")
    example = re.search(r"```yaml\n([ ]*nav:\n.*?)\n[ ]*```", text, re.S)
    assert example, "CONTRIBUTING.md has no nav: example"
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for line in textwrap.dedent(example.group(1)).splitlines()[1:]:
        entry = line.split("#")[0].rstrip()
        if entry and "staying-safe.md" not in entry:
            assert re.search(rf"(?m)^{re.escape(entry)}$", config), (
                f"the example line {entry!r} is not in mkdocs.yml as written"
            )


def test_reading_grade_names_the_three_hardest_sentences() -> None:
    from iopguide.checks import readability

    hard = readability.Reading(9.25, 120, [(14.0, "One."), (12.5, "Two."), (11.0, "Three.")])
    assert [str(p) for p in site_checks.reading_grade(hard, "docs/x.md", 8.0)] == [
        "docs/x.md:1: reading-grade: the page reads at grade 9.2, above 8: shorten or simplify "
        'its hardest sentences first: "One." (grade 14.0); "Two." (grade 12.5); "Three." '
        "(grade 11.0)"
    ]
    assert site_checks.reading_grade(readability.Reading(8.0, 120, []), "docs/x.md", 8.0) == []
