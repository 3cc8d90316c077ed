"""The front-matter schema: every rule names the file, the line, the field and the fix."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from fixtures_builds import SOURCES_FIVE, Broken
from iopguide.checks import frontmatter
from iopguide.tools.build import tool_env
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
    for name in (
        "frontmatter.py",
        "frontmatter_fields.py",
        "frontmatter_text.py",
        "review_dates.py",
        "problem.py",
    ):
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


# Front matter is plain text: markup and control characters in any field that reaches a
# template fail with the field's line (checks/frontmatter_text.py).
HOSTILE = {
    "quote-and-bracket": ("""'A page"><meta http-equiv="refresh" content="0">'""", "`>`"),
    "meta-tag": ("<meta http-equiv=refresh content=0>", "`<`"),
    "control": ('"A\\u0001page"', "a control character (U+0001)"),
    "tab": ('"A\\tpage"', "a tab (U+0009)"),
    "line-break": ("|\n  A\n  page", "a line break (U+000A)"),
    "bidi": ('"A\\u202epage"', "a control character (U+202E)"),
}
# (text in GOOD, its indent, the start of the line the check prints)
FIELDS = {
    "title": ("title: A page", "", "docs/x.md:2: front-matter: `title` has "),
    "description": (
        "description: A short description.",
        "",
        "docs/x.md:3: front-matter: `description` has ",
    ),
    "source-title": (
        'title: "SAMHSA: National Helpline"',
        "    ",
        "docs/x.md:7: front-matter: the `title` of source 1 has ",
    ),
}


@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("field", FIELDS.values(), ids=FIELDS.keys())
def test_markup_and_control_characters_are_refused(
    field: tuple[str, str, str], value: tuple[str, str]
) -> None:
    old, indent, start = field
    yaml_value, what = value
    assert old in GOOD
    new = old.split(":", 1)[0] + ": " + yaml_value.replace("\n", "\n" + indent)
    found = problems(GOOD.replace(old, new, 1))
    assert len(found) == 1 and found[0].startswith(start + what), found
    assert "plain" in found[0]


def test_quotes_and_ampersands_are_plain_text() -> None:
    text = GOOD.replace("A short description.", "A \"quote\" & 'apostrophes' are fine.")
    assert problems(text.replace("title: A page", 'title: Tom & Jerry\'s "page"')) == []


@pytest.mark.parametrize(
    ("title", "said"),
    [('"A &lt;b&gt; page"', "`title` has `<`"), ('"A &#x202e; page"', "a control character")],
)
def test_a_title_is_read_with_its_entities_decoded(title: str, said: str) -> None:
    """Material prints the title in its header unescaped: `&lt;` is a `<` to readers."""
    found = problems(GOOD.replace("title: A page", f"title: {title}", 1))
    assert len(found) == 1 and said in found[0], found


@pytest.mark.parametrize(
    "url",
    [
        "https://169.254.169.254/latest/meta-data/iam",
        "https://10.0.0.5/report",
        "https://user@127.0.0.1/x",
        "https://0x7f.1/x",
        "https://printer.local/x",
    ],
)
def test_a_source_url_leads_to_a_public_website(url: str) -> None:
    text = GOOD.replace("https://www.samhsa.gov/find-help/national-helpline", url, 1)
    found = problems(text)
    assert len(found) == 1 and "not a public website" in found[0], found
    assert found[0].startswith("docs/x.md:8: front-matter: source url `"), found


@pytest.mark.parametrize(
    ("url", "char"),
    [
        ('"https://www.samhsa.gov/a\\"b"', '`"`'),
        ('"https://www.samhsa.gov/a\'b"', "`'`"),
        ('"https://www.samhsa.gov/a b"', "` `"),
        ("https://www.samhsa.gov/<b>", "`<`"),
        ('"https://www.samhsa.gov/a\\tb"', "`\\u0009`"),
    ],
)
def test_a_source_url_has_no_quotes_spaces_or_angle_brackets(url: str, char: str) -> None:
    text = GOOD.replace("https://www.samhsa.gov/find-help/national-helpline", url, 1)
    found = problems(text)
    assert len(found) == 1, found
    assert found[0].startswith("docs/x.md:8: front-matter: source url `"), found
    assert f"has {char}" in found[0] and "write it as" in found[0], found


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('status: "new\\" onclick=\\"x"', '`status` is `new" onclick="x`: it must be one word'),
        ("icon: ../../etc/passwd", "`icon` is `../../etc/passwd`: it must be one of the theme"),
        ("template: ../mkdocs.yml", "`template` is `../mkdocs.yml`: it must be `main.html`"),
        # Material's base.html has no crisis strip; a partial stopped the embed step with
        # a traceback; redirect.html sends readers away.
        ("template: base.html", "`template` is `base.html`: it must be `main.html`"),
        ("template: partials/copyright.html", "`template` is `partials/copyright.html`"),
        ("template: redirect.html", "`template` is `redirect.html`: it must be `main.html`"),
        ("hide: [toc, <b>]", "`hide` has `<`"),
        # shapes the theme cannot read stopped the build with a traceback
        ("hide: toc", "`hide` must be a list of navigation, toc"),
        ("hide: [toc, crisis]", "`hide` must be a list of navigation, toc"),
        ("search: [a]", "`search` must hold `boost:` or `exclude:`"),
        ("search: 5", "`search` must hold `boost:` or `exclude:`"),
        ("search:\n  boost: x", "`search.boost` must be a number from 0 to 10"),
        ("search:\n  exclude: 1", "`search.exclude` must be `true` or `false`"),
        ("icon: material/no-such-icon", "`icon` is `material/no-such-icon`, which is not one"),
        # an alias inside its own anchor was a RecursionError; a list of lists of lists
        # repeated by aliases a walk that never ends
        ("hide: &a [toc, *a]", "a YAML alias (`*name`) repeats the value set here"),
        ("hide: &a [toc, &b [*a, *a, *a], [*b, *b, *b]]", "a YAML alias (`*name`) repeats"),
        ("search:\n  boost: <2>", "`search.boost` has `<`"),
    ],
)
def test_every_other_field_is_plain_text_too(line: str, expected: str) -> None:
    found = problems(GOOD.replace("title: A page", "title: A page\n" + line, 1))
    assert [p.split(": front-matter: ", 1)[1] for p in found][0].startswith(expected), found


def _build(tmp_path: Path, engine: str, title: str, description: str) -> LexborHTMLParser:
    """A page built through Material and overrides/ with no checks at all (no hooks)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: A & B\nsite_url: http://127.0.0.1:8000/\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n",
        encoding="utf-8",
    )
    page = f"---\ntitle: {title}\ndescription: {description}\n---\n\n# Page\n\nText.\n"
    for name in ("index.md", "page.md"):
        (tmp_path / "docs" / name).write_text(page, encoding="utf-8")
    command = [sys.executable, "-m", engine, "build"]
    result = subprocess.run(
        command, cwd=tmp_path, env=tool_env(), capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site" / "page" / "index.html").read_text(encoding="utf-8")
    return LexborHTMLParser(html)


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_the_templates_escape_title_and_description_without_the_check(
    tmp_path: Path, engine: str
) -> None:
    """Defence in depth: even past the check, a hostile title or description stays text."""
    refresh = '"><meta http-equiv="refresh" content="0;url=https://evil.example/">'
    title = "Benefits" + refresh + "</title><script>alert(1)</script> & more"
    description = "Benefits" + refresh + " & more"
    tree = _build(tmp_path, engine, json.dumps(title), json.dumps(description))
    # Only <head>: Material's header and nav print the title as it is (in text, not in
    # an attribute), and copying those partials is not allowed; the check guards them.
    assert tree.head is not None
    assert tree.head.css("meta[http-equiv]") == []
    assert not any("alert" in script.text() for script in tree.head.css("script"))
    titles = tree.css("title")
    assert [t.text() for t in titles] == [title + " - A & B"]
    for selector in ('meta[name="description"]', 'meta[property="og:description"]'):
        assert [m.attributes["content"] for m in tree.css(selector)] == [description]
    assert tree.css_first('meta[property="og:title"]').attributes["content"] == title


def test_front_matter_the_templates_cannot_print_stops_before_them(broken_build: Broken) -> None:
    """`sources: 5` stopped Material's templates with a TypeError traceback (and a wrong
    icon with TemplateNotFound): the build now stops after the checks name the line (the
    shared broken copy, tests/fixtures_builds.py, gives docs/benefits.md `sources: 5`)."""
    assert not broken_build.ok and "Traceback" not in broken_build.output
    assert (
        f"{SOURCES_FIVE}:6: front-matter: `sources` must be a non-empty list" in broken_build.output
    )
