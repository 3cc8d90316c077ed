"""Looks and works like a health service on a phone (360x740): crisis help that stays on
screen, tables that fit, phone numbers on one line, strong headings, one crisis-box look,
a home page of cards, and checklist groups that print whole."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

import visits
from browser import DESKTOP, PHONE, contrast, open_page, print_pdf
from sitetools import all_pages, every_page
from test_phone_design import SCROLLED
from test_print import plain
from visits import PHONE_DARK, PHONE_LIGHT

PAGES = all_pages()
ROOT = Path(__file__).resolve().parent.parent

MEASURE = """() => {
  const solid = element => {
    for (let node = element; node; node = node.parentElement) {
      const colour = getComputedStyle(node).backgroundColor;
      if (!/rgba\\(.*, 0\\)$/.test(colour) && colour !== 'transparent') return colour;
    }
    return getComputedStyle(document.body).backgroundColor;
  };
  const heading = h => ({tag: h.tagName, text: h.textContent.trim().slice(0, 40),
    weight: Number(getComputedStyle(h).fontWeight), colour: getComputedStyle(h).color,
    background: solid(h)});
  const tel = a => {
    const lines = new Set([...a.getClientRects()].map(r => Math.round(r.top)));
    return {text: a.textContent.trim(), lines: lines.size};
  };
  const tables = [...document.querySelectorAll('article table')].map(t => ({
    text: t.textContent.trim().slice(0, 40),
    right: Math.round(t.getBoundingClientRect().right), width: t.scrollWidth,
    shown: (t.closest('.md-typeset__scrollwrap') || t.parentElement).clientWidth}));
  return {
    headings: [...document.querySelectorAll('article h1, article h2')].map(heading),
    tels: [...document.querySelectorAll('a[href^="tel:"]')].filter(a => a.offsetParent)
      .map(tel),
    tables, pageWidth: document.documentElement.scrollWidth,
    permalinks: [...document.querySelectorAll('article .headerlink')]
      .filter(a => getComputedStyle(a).display !== 'none').length,
  };
}"""


@pytest.mark.parametrize("page", visits.by_page(every_page()), ids=str)
def test_crisis_help_stays_on_screen_while_scrolling(browser, base_url: str, page) -> None:
    """Read from the 360 light visit's scrolling (tests/test_phone_design.py)."""
    found = visits.measured(browser, base_url + page.url, PHONE_LIGHT, SCROLLED)
    for where, shown in found["crisis on screen"].items():
        assert shown, (
            f"{page.src}: scrolled to the {where}, no 988 link is on screen and uncovered "
            "at 360x740: the crisis strip (overrides/partials/crisis-bar.html) must stay "
            "sticky at the top (docs/assets/site.css, [data-md-component=announce])"
        )


# Read in the 360 visits of each palette the other per-page tests share (tests/visits.py).
PHONE_VIEWS = {"light": PHONE_LIGHT, "dark": PHONE_DARK}
LAYOUT = visits.probe("phone layout", *PHONE_VIEWS.values(), js=MEASURE)


# Light on every page; dark (heading colours) on the pages that hold every kind of element
# (visits.COLOUR_SAMPLE), as tests/test_accessibility.py does.
@pytest.mark.parametrize(
    ("page", "scheme"),
    [
        pytest.param(param.values[0], scheme, marks=param.marks, id=f"{param.values[0]}-{scheme}")
        for param in visits.by_page(PAGES)
        for scheme in ("light", "dark")
        if scheme == "light" or visits.in_colour_sample(param.values[0])
    ],
)
def test_phone_layout_fits_and_headings_are_strong(
    browser, base_url: str, page, scheme: str
) -> None:
    found = visits.measured(browser, base_url + page.url, PHONE_VIEWS[scheme], LAYOUT)
    assert found["pageWidth"] <= PHONE["width"], (
        f"{page.src}: the page is {found['pageWidth']} px wide on a 360 px phone"
    )
    for table in found["tables"]:
        assert table["width"] <= table["shown"] + 1 and table["right"] <= PHONE["width"], (
            f'{page.src}: the table "{table["text"]}" needs sideways scrolling '
            f"({table['width']} px in {table['shown']} px): tables stack as cards on phones "
            "(html_fixes.stack_tables adds the labels; site.css lays them out)"
        )
    assert found["permalinks"] == 0, (
        f"{page.src}: {found['permalinks']} heading permalinks (the hidden pilcrow) take space "
        "on a phone, which leaves a gap under headings: hide .headerlink below 45em"
    )
    for link in found["tels"]:
        assert link["lines"] == 1, (
            f'{page.src}: the phone link "{link["text"]}" breaks over {link["lines"]} lines: '
            "tel: links keep white-space: nowrap (site.css)"
        )
    for heading in found["headings"]:
        ratio = contrast(heading["colour"], heading["background"])
        assert heading["weight"] >= 600, (
            f'{page.src} ({scheme}): {heading["tag"]} "{heading["text"]}" has weight '
            f"{heading['weight']}: headings are bold (--iop-heading-weight in site.css)"
        )
        assert ratio >= 7, (
            f'{page.src} ({scheme}): {heading["tag"]} "{heading["text"]}" has contrast '
            f"{ratio:.1f}:1, under 7:1 (--iop-heading in site.css)"
        )


BOX_LOOK = """() => [...document.querySelectorAll('article .admonition, article details')]
  .filter(box => box.querySelector('a[href="tel:988"], a[href="sms:988"]'))
  .map(box => { const s = getComputedStyle(box);
    return {text: box.textContent.trim().slice(0, 50), classes: box.className,
            look: [s.borderLeftColor, s.borderLeftWidth, s.backgroundColor].join(' ')}; })"""


BOXES = visits.probe("boxes with a 988 link", PHONE_LIGHT, js=BOX_LOOK)


@pytest.mark.parametrize("page", visits.by_page(PAGES), ids=str)
def test_every_box_with_a_988_link_looks_the_same(browser, base_url: str, page) -> None:
    """Each page's boxes against the home page's crisis box, read from the phone visit."""
    home = visits.measured(browser, base_url, PHONE_LIGHT, BOXES)
    assert home, "the home page has no crisis box with a 988 link"
    for box in visits.measured(browser, base_url + page.url, PHONE_LIGHT, BOXES):
        assert "crisis" in box["classes"].split(), (
            f'{page.src}: the box "{box["text"]}" carries a 988 link but is not a '
            'crisis box: write it as !!! crisis "If you are in danger right now"'
        )
        assert box["look"] == home[0]["look"], (
            f'{page.src}: the crisis box "{box["text"]}" looks unlike the home page\'s: '
            f"{box['look']} against {home[0]['look']}"
        )


def test_home_shows_at_least_four_cards_in_its_first_two_screens(browser, base_url: str) -> None:
    with open_page(browser, base_url, viewport=PHONE) as (tab, _):
        # A card is the list item around a link; the link's tap area covers the card.
        cards = tab.evaluate("""() => [...document.querySelectorAll('.iop-hub > ul > li')]
          .map(card => {
            const link = card.querySelector('a'), top = card.getBoundingClientRect().top + scrollY;
            card.scrollIntoView({block: 'center'});
            const box = card.getBoundingClientRect();
            const corner = document.elementFromPoint(box.left + 4, box.bottom - 4);
            return {text: card.textContent.trim().slice(0, 40), top, height: box.height,
                    width: box.width, tappable: link !== null && corner === link}; })""")
    early = [card for card in cards if card["top"] < 2 * PHONE["height"]]
    assert len(early) >= 4, f"home shows {len(early)} card links in its first two screens"
    for card in early:
        assert card["height"] >= 44, f'the card "{card["text"]}" is under 44 px tall'
        assert card["width"] >= PHONE["width"] * 0.8, f'"{card["text"]}" is not full width'
        assert card["tappable"], f'the card "{card["text"]}" is not tappable all over'


def checklist_groups() -> list[tuple[str, list[str]]]:
    """Choosing a program's checklist: each ### heading and its "- [ ]" items, as text."""
    text = (ROOT / "docs" / "choosing-a-program.md").read_text(encoding="utf-8")
    section = text.split("{#questions-to-ask}", 1)[1].split("\n## ", 1)[0]
    groups: list[tuple[str, list[str]]] = []
    for line in section.splitlines():
        if line.startswith("### "):
            groups.append((re.sub(r"\s*\{#[^}]*\}", "", line[4:]).strip(), []))
        elif re.match(r"\s*- \[ \] ", line) and groups:
            item = re.sub(r"\[([^\]]*)\]\([^)]*\)|[*_`]", r"\1", line.split("] ", 1)[1])
            groups[-1][1].append(item)
    return groups


def test_each_checklist_group_prints_on_one_page(browser, base_url: str) -> None:
    groups = checklist_groups()
    assert len(groups) >= 3, "choosing-a-program.md should have its questions in ### groups"
    with open_page(browser, base_url + "choosing-a-program/", viewport=DESKTOP) as (tab, _):
        pdf = print_pdf(tab)
    sheets = [plain(sheet.extract_text() or "") for sheet in PdfReader(io.BytesIO(pdf)).pages]
    for heading, items in groups:
        where = {number for number, sheet in enumerate(sheets, 1) if plain(heading) in sheet}
        assert where, f'the checklist group "{heading}" is not in the printout'
        sheet = sheets[min(where) - 1]
        for item in items:
            start = " ".join(plain(item).split()[:5])
            assert start in sheet, (
                f'"{start} ..." of the group "{heading}" prints on another page than its '
                "heading: keep each group together (site.css @media print, break-inside)"
            )


def test_footer_is_readable_with_large_crisis_links(browser, base_url: str) -> None:
    with open_page(browser, base_url + "what-is-an-iop/", viewport=PHONE) as (tab, _):
        found = tab.evaluate("""() => ({
          sizes: [...document.querySelectorAll('.md-footer-meta p, .md-footer-meta a')]
            .filter(e => e.offsetParent && e.textContent.trim())
            .map(e => [e.textContent.trim().slice(0, 30),
                       parseFloat(getComputedStyle(e).fontSize)]),
          links: [...document.querySelectorAll('.md-footer-meta a[href^="tel:"]')].map(a => {
            const box = a.getBoundingClientRect();
            return [a.textContent.trim(), box.width, box.height]; }),
          next: [...document.querySelectorAll('.md-footer__title')].map(t =>
            [t.textContent.trim(), t.scrollWidth <= t.clientWidth + 1])})""")
    for text, size in found["sizes"]:
        assert size >= 14, f'footer text "{text}" is {size} px: at least 14 px'
    assert {text for text, _, _ in found["links"]} >= {"988", "911"}
    for text, width, height in found["links"]:
        assert width >= 44 and height >= 44, f"the footer link {text} is {width}x{height} px"
    for text, whole in found["next"]:
        assert whole, f'the next/previous page name "{text}" is cut off'


PRINTED_LOOK = """() => {
  const box = document.querySelector('.iop-print-only').getBoundingClientRect();
  const qr = document.querySelector('.iop-qr-box');
  const size = selector => { const e = document.querySelector(selector);
    return e ? parseFloat(getComputedStyle(e).fontSize) : null; };
  const code = qr && qr.getBoundingClientRect();
  return {qrInside: !code || (code.top >= box.top && code.bottom <= box.bottom
                               && code.right <= box.right),
          body: size('article > p'), sources: size('.iop-sources li')};
}"""


@pytest.mark.parametrize("url", ["", "choosing-a-program/"], ids=["home", "choosing"])
def test_handout_keeps_its_qr_code_in_the_box_and_sources_small(
    browser, base_url: str, url: str
) -> None:
    with open_page(browser, base_url + url, viewport=DESKTOP) as (tab, _):
        pdf = print_pdf(tab)
        found = tab.evaluate(PRINTED_LOOK)  # laid out for print, as the PDF was
    assert found["qrInside"], f"{url or 'home'}: the QR code spills out of the handout box"
    assert found["sources"] and found["body"] and found["sources"] < found["body"], (
        f"{url or 'home'}: Sources print at {found['sources']} px, body at {found['body']} px"
    )
    sheets = [plain(sheet.extract_text() or "") for sheet in PdfReader(io.BytesIO(pdf)).pages]
    if len(sheets) > 1:
        average = sum(len(sheet) for sheet in sheets[:-1]) / (len(sheets) - 1)
        assert len(sheets[-1]) >= 0.15 * average, (
            f"{url or 'home'}: the last printed page is nearly empty: {sheets[-1][:80]!r}"
        )


def test_stacked_tables_are_still_tables_to_a_screen_reader(browser, base_url: str) -> None:
    with open_page(browser, base_url + "what-is-an-iop/", viewport=PHONE) as (tab, _):
        stacked = tab.evaluate("""() => getComputedStyle(
            document.querySelector('article table tbody tr')).display""")
        session = tab.context.new_cdp_session(tab)
        try:
            nodes = session.send("Accessibility.getFullAXTree")["nodes"]
        finally:
            session.detach()
    assert stacked != "table-row", "at 360 px the table rows should be laid out as cards"
    roles = [node.get("role", {}).get("value") for node in nodes if not node.get("ignored")]
    assert roles.count("table") >= 1, "the levels-of-care table is not a table to Chromium"
    assert roles.count("columnheader") >= 3 and roles.count("cell") >= 10, (
        "the stacked table lost its header cells or cells in the accessibility tree"
    )
