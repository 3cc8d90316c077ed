"""Crisis facts in one place: docs/.data/crisis.yml drives the crisis bar, the footer, the
print header, the 404 page, every crisis box and the embeds, in both languages; a mistake
in the file is one `path:line` line, never a traceback; a crisis number or keyword typed
on a page must agree with the file for the page's language (rule crisis-line)."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from selectolax.lexbor import LexborHTMLParser

from fixtures_builds import MARK, Broken
from iopguide import crisis
from iopguide.checks import content, crisis_lines, frontmatter
from iopguide.crisis.data import dial
from iopguide.crisis.wording import LINK_SLOTS
from iopguide.finish import crisis_slots
from iopguide.render.crisis import CrisisExtension
from sitetools import ROOT

FILE = ROOT / crisis.FILE


def file_with(tmp_path: Path, old: str, new: str) -> tuple[list[str], int]:
    """The problems of a copy of the crisis file with `old` replaced, and its line."""
    text = FILE.read_text(encoding="utf-8")
    assert old in text, old
    (tmp_path / crisis.FILE).parent.mkdir(parents=True)
    (tmp_path / crisis.FILE).write_text(text.replace(old, new, 1), encoding="utf-8")
    return [str(p) for p in crisis_lines.file_problems(tmp_path)], text[: text.index(old)].count(
        "\n"
    ) + 1


def test_the_crisis_file_has_no_mistakes() -> None:
    assert crisis_lines.file_problems(ROOT) == []


BAR_911 = '    en: "[Call {emergency.call}]({emergency.tel})"'
BROKEN = {
    "bad YAML": ('    kind: crisis\n    call: "988"', '    kind: crisis\n   call: "988"', 1),
    "unknown field": ("    also: [1-800-662-HELP]", "    aslo: [1-800-662-HELP]", 0),
    "a number no phone dials": ('    call: "911"', '    call: "91-1"', 0),
    "a value that does not exist": ("Text {lifeline.text}", "Text {lifeline.txt}", 0),
    "a wording without Spanish": (
        '    es: "[Llame al {emergency.call}]',
        '    fr: "[Llame al {emergency.call}]',
        0,
    ),
    "a checked date in the future": (
        "    checked: 2026-12-07\n    note: >-\n      The source",
        "    checked: 2999-01-01\n    note: >-\n      The source",
        0,
    ),
    "HTML in a wording (could hide the crisis bar)": (
        '    en: "[Call {emergency.call}]({emergency.tel})"',
        '    en: "[Call {emergency.call}]({emergency.tel})<style>p{display:none}</style>"',
        0,
    ),
    "a wording that links to a script": (
        '    en: "[Call {emergency.call}]({emergency.tel})"',
        '    en: "[Call {emergency.call}](javascript:alert(1))"',
        0,
    ),
    "a wording whose link disagrees": (
        "{lifeline.text-link}. En una emergencia",
        "[988](sms:988). En una emergencia",
        0,
    ),
    # The wording as filled in is checked like a page: phone-link, unsafe-html, link-https.
    "a bar link that dials no number": (BAR_911, '    en: "[Call 911](tel:98)"', 0),
    "a bar link with a query a phone ignores": (BAR_911, '    en: "[Call 911](tel:911?x=1)"', 0),
    "a bar link to a website (every page's bar would leave the site)": (
        BAR_911,
        '    en: "[Call 911](https://evil.example/)"',
        0,
    ),
    "a bar link whose words are invisible (an empty link in every page's bar)": (
        BAR_911,
        '    en: "[\u200b]({emergency.tel})"',
        0,
    ),
    "a bar link whose words do not show the number it calls": (
        BAR_911,
        '    en: "[Call for help]({emergency.tel})"',
        0,
    ),
    "words beside a bar link (the bar would drop them)": (
        BAR_911,
        '    en: "[Call {emergency.call}]({emergency.tel}) or text a friend"',
        0,
    ),
    "a wording that links to a line's name": (
        "[Text {lifeline.text}]({lifeline.sms})",
        "[Text {lifeline.text}]({lifeline.name})",
        0,
    ),
    "a name that is a script address": (
        "      en: 988 Suicide & Crisis Lifeline",
        '      en: "javascript:alert(1)"',
        0,
    ),
    "an image in a wording (a tracker on every page)": (
        '    en: "In a crisis, call',
        '    en: "![](https://tracker.example/p.gif) In a crisis, call',
        0,
    ),
    "a WhatsApp number that is a link": (
        "      es: 442-AYUDAME",
        '      es: "[442](https://evil.example/)"',
        0,
    ),
    # Values of the wrong type or form: one line each, never a traceback.
    "`also` not a list": ("    also: [1-800-662-HELP]", "    also: 18006624357", 0),
    "`text_in` not a list": ("    text_in: [en]", "    text_in: 5", 0),
    "a checked date with a time": (
        "    checked: 2026-12-07\n    note: >-\n      The source",
        "    checked: 2026-12-07 10:00:00\n    note: >-\n      The source",
        0,
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_mistake_in_the_crisis_file_names_its_line_and_the_fix(tmp_path: Path, case: str) -> None:
    old, new, offset = BROKEN[case]
    problems, line = file_with(tmp_path, old, new)
    assert problems, f"{case}: no problem reported"
    assert all(p.startswith("docs/.data/crisis.yml:") and ": crisis-line: " in p for p in problems)
    assert any(p.startswith(f"docs/.data/crisis.yml:{line + offset}: ") for p in problems), problems


def test_a_crisis_file_not_saved_as_utf8_names_its_line(tmp_path: Path) -> None:
    text = FILE.read_text(encoding="utf-8")
    (tmp_path / crisis.FILE).parent.mkdir(parents=True)
    (tmp_path / crisis.FILE).write_bytes(text.encode("cp1252", errors="replace"))
    (problem,) = [str(p) for p in crisis_lines.file_problems(tmp_path)]
    line = text[: min(text.index(c) for c in text if ord(c) > 127)].count("\n") + 1
    assert problem.startswith(f"docs/.data/crisis.yml:{line}: crisis-line: "), problem


@pytest.mark.slow
@pytest.mark.parametrize("value", ["5", "[1]", "{a: 1}", '"x"', "2026-12-07 10:00:00", "~"])
def test_any_value_of_the_wrong_type_is_a_line_not_a_traceback(tmp_path: Path, value: str) -> None:
    text = FILE.read_text(encoding="utf-8")
    fields = [m.start(1) for m in re.finditer(r"^ {4,6}[a-z_]+:( .*)$", text, flags=re.M)]
    (tmp_path / crisis.FILE).parent.mkdir(parents=True)
    for start in fields:
        end = text.index("\n", start)
        (tmp_path / crisis.FILE).write_text(text[:start] + " " + value + text[end:], "utf-8")
        found = [str(p) for p in crisis_lines.file_problems(tmp_path)]
        assert all(re.match(r"docs/\.data/crisis\.yml:\d+: crisis-line: \S", p) for p in found)


def test_a_bad_crisis_file_fails_the_page_once_with_placeholders_as_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file_with(tmp_path, "\nlines:\n", "\nlines: [\n")
    monkeypatch.chdir(tmp_path)  # the extension reads the crisis file where the build runs
    body = markdown.markdown("Call {crisis:danger}.", extensions=[CrisisExtension()])
    assert body == "<p>Call {crisis:danger}.</p>"
    page = (
        f'<html lang="en"><body><a data-iop-crisis="bar-call"></a>{body}'
        '<span data-iop-crisis="footer"></span></body></html>'
    )
    built = {"index.html": LexborHTMLParser(page)}
    warnings, added = crisis_slots.apply(built, [], tmp_path)
    assert len(warnings) == 1 and "docs/.data/crisis.yml has mistakes" in warnings[0], warnings
    assert added == {} and 'data-iop-crisis="bar-call"' in (built["index.html"].html or "")


def problems(text: str, path: str, root: Path = ROOT) -> list[str]:
    page = "---\ntitle: T\ndescription: D\nreviewed: 2026-12-07\nnext_review: 2027-12-07\n"
    page += f"sources:\n  - title: S\n    url: https://example.org/\n---\n\n# T\n\n{text}\n"
    return [f"{p.rule}: {p.message}" for p in content.check_markdown(page, path, root)]


def test_only_values_the_file_has_are_offered_or_filled() -> None:
    data, _ = crisis.load(ROOT)
    keys = data.keys()
    assert "lifeline.sms" in keys and "samhsa.tel" in keys
    assert "emergency.sms" not in keys and "veterans.tel" not in keys  # no number for them
    assert data.value("samhsa.also", "en") is None and "samhsa.also" not in keys
    (found,) = problems("Call {crisis:samhsa.also}.", "docs/x.md")
    assert found.startswith("crisis-line: `{crisis:samhsa.also}`"), found


def test_a_menu_key_after_a_toll_free_number_is_checked(tmp_path: Path) -> None:
    file_with(
        tmp_path, "    text_in: [en]\n", "    text_in: [en]\n    options:\n      spanish: 2\n"
    )
    found = problems("Call 1-800-662-4357 and press 3.[^1]", "docs/x.md", tmp_path)
    assert len(found) == 1 and "1-800-662-4357 has no key 3" in found[0], found
    assert problems("Call 1-800-662-4357 and press 2.[^1]", "docs/x.md", tmp_path) == []


@pytest.mark.parametrize(
    ("text", "english", "spanish"),
    [
        ("Write to [741741](sms:741741).", "?body=HOME", "?body=AYUDA"),
        ("Write to [741741](sms:741741?body=AYUDA).", "reaches the Spanish service", None),
        ("Write to [741741](sms:741741?body=HOME).", None, "reaches the English service"),
        ("Send a text to [988](sms:988).", None, "sms:988?body=AYUDA"),
        ("Text HOME to [741741](sms:741741?body=HOME).", None, "reaches the English service"),
        ("Envíe HOME al 741741.", None, "a Spanish page says AYUDA"),
        ("Text [62640](sms:62640?body=helpline).", None, None),
        ("Call [988](tel:988) and press 3.", "has no key 3", "has no key 3"),
        ("[Text 988](tel:988) now.", "says to text", "says to text"),
        ("Call [1-800-555-0123](tel:+18005550123).", "does not have", "does not have"),
        ("Call {crisis:lifeline.cal}.", "did you mean {crisis:lifeline.call}", "did you mean"),
    ],
)
def test_a_crisis_link_must_agree_with_the_file_for_the_pages_language(
    text: str, english: str | None, spanish: str | None
) -> None:
    for path, said in (("docs/x.md", english), ("docs-es/x.md", spanish)):
        found = [p for p in problems(text, path) if p.startswith("crisis-line")]
        if said is None:
            assert found == [], f"{path}: {found}"
        else:
            assert len(found) == 1 and said in found[0], f"{path}: {found}"


def test_a_sentence_with_a_crisis_number_needs_no_marker_but_other_numbers_do() -> None:
    assert problems("You can call or text 988, or text 741741.", "docs/x.md") == []
    assert problems("Llame al 988 y oprima el 2.", "docs-es/x.md") == []
    found = problems("It helps 9 in 10 people.", "docs/x.md")
    assert len(found) == 1 and found[0].startswith("cite-claim")


def test_a_page_that_names_a_crisis_line_without_a_marker_lists_its_source() -> None:
    data, _ = crisis.load(ROOT)
    lifeline = data.lines["lifeline"].raw["source"]
    found = crisis_lines.sources("---\ntitle: T\n---\n\nCall or text 988 now.\n", "docs/x.md", data)
    assert found == [{"title": lifeline["title"]["en"], "url": lifeline["url"]}]
    cited = "---\ntitle: T\n---\n\nCall or text 988 now.[^1]\n"
    assert crisis_lines.sources(cited, "docs/x.md", data) == []
    spanish = crisis_lines.sources("---\ntitle: T\n---\n\nLlame al 988.\n", "docs-es/x.md", data)
    assert spanish[0]["title"] == lifeline["title"]["es"]


def test_a_page_about_the_site_gets_no_crisis_sources(site: Path) -> None:
    url = crisis.load(ROOT)[0].lines["lifeline"].raw["source"]["url"]
    for name in ("about/accessibility/index.html", "es/about/accessibility/index.html"):
        listing = LexborHTMLParser((site / name).read_text(encoding="utf-8"))
        assert url not in (listing.css_first("section.iop-sources") or listing.body).html, name
    added = []  # a page about IOPs that names 988 without a marker still gets the source
    for page in sorted((ROOT / "docs").glob("*.md")):
        meta = frontmatter.meta(page.read_text(encoding="utf-8"))
        if url not in str(meta.get("sources")):
            built = site / ("" if page.stem == "index" else page.stem) / "index.html"
            listing = LexborHTMLParser(built.read_text(encoding="utf-8"))
            section = listing.css_first("section.iop-sources")
            added += [page.name] if section and url in section.html else []
    assert added, "no page got the crisis file's source"


def crisis_links(site: Path, lang: str) -> list[tuple[str, str]]:
    """Every tel: and sms: link in the built pages of one language (embeds and 404 too)."""
    root = site / "es" if lang == "es" else site
    found = []
    for path in sorted(root.rglob("*.html")):
        if lang == "en" and path.relative_to(site).parts[0] == "es":
            continue
        for link in LexborHTMLParser(path.read_text(encoding="utf-8")).css("a[href]"):
            href = link.attrs.get("href") or ""
            if href.startswith(("tel:", "sms:")):
                found.append((str(path.relative_to(site)), href))
    return found


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_tel_and_sms_link_matches_the_crisis_file_for_its_language(
    site: Path, lang: str
) -> None:
    data, _ = crisis.load(ROOT)
    allowed = set()
    for line in data.lines.values():
        allowed |= {"tel:" + number for number in line.dials("tel")}
        sms = data.value(f"{line.id}.sms", lang)
        if sms:
            allowed.add(sms)
    links = crisis_links(site, lang)
    assert links, f"no tel: or sms: link in the {lang} pages"
    wrong = sorted({f"{path}: {href}" for path, href in links if href not in allowed})
    if lang == "en":  # English pages may send Spanish speakers to the Spanish service, by name
        wrong = [w for w in wrong if not w.endswith("?body=AYUDA")]
    assert not wrong, "links that disagree with docs/.data/crisis.yml:\n" + "\n".join(wrong)
    if lang == "es":
        assert all(href != "sms:741741" and href != "sms:988" for _, href in links)


@pytest.fixture(scope="module")
def marked_site(marked_build: Broken) -> Path:
    """Both languages built from a copy whose crisis file changed (and nothing else but
    its address, a sub-path that tests/test_build.py reads): tests/fixtures_builds.py."""
    return marked_build.out


def test_the_crisis_file_drives_every_place_in_both_languages(marked_site: Path) -> None:
    pages = sorted(marked_site.rglob("*.html"))
    assert any(p.relative_to(marked_site).parts[0] == "es" for p in pages), "no Spanish pages"
    boxes = 0
    for path in pages:
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        name = str(path.relative_to(marked_site))
        if tree.css_first(".iop-crisis") is None:  # a redirect or a fragment
            continue
        bar = tree.css(".iop-crisis a[href^='tel:'], .iop-crisis a[href^='sms:']")
        assert len(bar) == 3 and all(MARK in a.text() for a in bar), f"{name}: crisis bar"
        is_embed = "embed" in path.relative_to(marked_site).parts
        footer = tree.css_first(".iop-footer__disclaimer")
        assert is_embed or (footer is not None and MARK in footer.text()), f"{name}: footer"
        printed = tree.css_first(".iop-print-only")
        assert printed is None or MARK in printed.text(), f"{name}: print header"
        for box in tree.css(".admonition.crisis"):
            boxes += 1
            assert MARK in box.text(), f"{name}: a crisis box without the file's wording"
    assert boxes >= 2 * 11, f"only {boxes} crisis boxes"
    for name in ("404.html", "es/404.html"):
        box = LexborHTMLParser((marked_site / name).read_text(encoding="utf-8")).css_first(
            ".admonition.crisis"
        )
        assert box is not None and MARK in box.text(), name
    for name in ("resources/index.html", "es/resources/index.html", "embed/resources/index.html"):
        html = (marked_site / name).read_text(encoding="utf-8")
        assert "tel:+18009506265" in html and "tel:+18009506264" not in html, name


def test_every_crisis_number_in_the_file_dials() -> None:
    data, _ = crisis.load(ROOT)
    for line in data.lines.values():
        for scheme in ("tel", "sms"):
            for number in line.dials(scheme):
                assert re.fullmatch(r"\+1\d{10}|\d{3,6}", number), (line.id, number)
    assert dial("1-800-662-4357") == "+18006624357" and dial("988") == "988"


def test_a_template_slot_the_file_cannot_fill_names_the_template_line(tmp_path: Path) -> None:
    data, _ = crisis.load(ROOT)
    page = '<html lang="es"><body><a data-iop-crisis="bar-tex"></a><p data-iop-crisis="print"></p>'
    html, unknown = crisis_slots.fill(page, data)
    assert unknown == {"bar-tex"} and "AYUDA" in html and 'data-iop-crisis="print"' not in html
    (tmp_path / "overrides" / "partials").mkdir(parents=True)
    (tmp_path / "overrides" / "partials" / "bar.html").write_text(
        '<p>\n  <a data-iop-crisis="bar-tex"></a>\n</p>\n', encoding="utf-8"
    )
    said = crisis_slots.unknown_message("bar-tex", data, tmp_path / "overrides")
    assert said.startswith("overrides/partials/bar.html:2: crisis-line: ")
    assert "did you mean `bar-text`?" in said


def test_a_link_slot_takes_only_a_wording_that_calls_or_texts() -> None:
    templates = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "overrides").rglob("*.html"))
    links = set(re.findall(r'<a\b[^>]*data-iop-crisis="([^"]+)"', templates))
    assert links and links <= set(LINK_SLOTS), f"an <a> slot the file does not check: {links}"
    data, _ = crisis.load(ROOT)
    html, unknown = crisis_slots.fill(
        '<html lang="en"><body><a data-iop-crisis="footer"></a>', data
    )
    assert unknown == {"footer"} and "href" not in html
    said = crisis_slots.unknown_message("footer", data, ROOT / "overrides")
    assert ": crisis-line: a link in a template takes one of bar-call" in said, said
