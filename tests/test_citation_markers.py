"""Citation markers a reader can read and tap, and a way back from each source (issue 24).

- On a phone, each marker's number is at least 12.5 px and a tap anywhere in a 24x24 px box
  around it reaches it, with text at 100%, 130% and 200%; the markers leave every line of
  the text at its height (each paragraph is a whole number of lines tall).
- No marker inside a crisis box, on any page in either language; the `crisis-box-cite`
  rule names the file, the line and the fix for one typed there.
- Each source a page cites links back to its markers ("Back to text", "Volver al texto"),
  with 24 px targets, and a jump back lands on the marker, below the sticky strip.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from browser import open_page
from iopguide.checks import content
from sitetools import PAGE_HEAD, every_page

# Pages with many markers, in runs ("[^8][^10]"), lists, tables and Key points.
PHONE_PAGES = ("what-is-an-iop/", "cost-and-insurance/", "es/staying-safe/", "es/who-benefits/")
SCALES = (1.0, 1.3, 2.0)
FIX = "site.css, section 'Issue 24: CITE'"

SET_TEXT_SIZE = """scale => {
  document.documentElement.style.setProperty('font-size', (125 * scale) + '%', 'important');
  return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""

# Each marker, scrolled into view: its text size, and whether taps at the centre and at the
# corners of a 24x24 box centred on it reach it; each paragraph or item with a marker:
# its height against its line height.
MARKERS = """() => {
  const taps = [];
  for (const a of document.querySelectorAll('article sup.iop-cite > a')) {
    a.scrollIntoView({block: 'center'});
    const r = a.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const points = [[x, y], [x - 11.5, y - 11.5], [x + 11.5, y - 11.5],
                    [x - 11.5, y + 11.5], [x + 11.5, y + 11.5]];
    const missed = points.filter(([px, py]) => {
      const hit = document.elementFromPoint(px, py);
      return !hit || !a.contains(hit);
    });
    taps.push({text: a.textContent, size: parseFloat(getComputedStyle(a).fontSize),
               missed: missed.length, where: a.closest('p, li, td, figcaption, div')
                 .textContent.trim().slice(0, 40)});
  }
  const blocks = [...document.querySelectorAll('article p, article li')]
    .filter(b => b.querySelector(':scope > sup.iop-cite'))
    .map(b => ({height: b.getBoundingClientRect().height,
                line: parseFloat(getComputedStyle(b).lineHeight),
                text: b.textContent.trim().slice(0, 40)}));
  return {taps, blocks};
}"""


@pytest.mark.parametrize("url", PHONE_PAGES)
def test_markers_are_readable_tappable_and_keep_the_lines(browser, base_url: str, url) -> None:
    with open_page(browser, base_url + url) as (tab, _):
        for scale in SCALES:
            tab.evaluate(SET_TEXT_SIZE, scale)
            found = tab.evaluate(MARKERS)
            where = f"/{url} at 360 px, text at {scale:.0%}"
            assert found["taps"], f"{where}: no citation markers to check"
            small = [t for t in found["taps"] if t["size"] < 12.5 * scale]
            assert not small, (
                f"{where}: marker {small[0]['text']} ({small[0]['where']}...) is "
                f"{small[0]['size']} px, under {12.5 * scale} px: raise its font-size ({FIX})"
            )
            missed = [t for t in found["taps"] if t["missed"]]
            assert not missed, (
                f"{where}: a tap within 12 px of marker {missed[0]['text']} "
                f"({missed[0]['where']}...) misses it at {missed[0]['missed']} of 5 points: "
                f"its 24x24 hit area (sup.iop-cite a::after, {FIX}) is too small or covered"
            )
            for block in found["blocks"]:
                lines = block["height"] / block["line"]
                assert abs(lines - round(lines)) < 0.05, (
                    f'{where}: "{block["text"]}..." is {block["height"]:.1f} px tall, '
                    f"{lines:.2f} lines of {block['line']} px: a marker pushes its line "
                    f"apart; keep sup.iop-cite at line-height 0 and the hit area in ::after "
                    f"({FIX})"
                )


def _built_pages(site: Path) -> list[tuple[str, LexborHTMLParser]]:
    pages = []
    for page in every_page():
        path = site / page.url / "index.html" if page.url else site / "index.html"
        if path.is_file():
            pages.append((page.url or "/", LexborHTMLParser(path.read_text(encoding="utf-8"))))
    return pages


def test_no_marker_inside_a_crisis_box(site: Path) -> None:
    pages = _built_pages(site)
    assert len(pages) > 20
    inside = [url for url, tree in pages if tree.css(".admonition.crisis sup.iop-cite")]
    assert not inside, (
        f"citation markers inside a crisis box on {inside}: remove them from the `!!! crisis` "
        "box in docs/ or docs-es/ (the build's rule crisis-box-cite should have said so)"
    )


def test_each_cited_source_links_back_to_its_markers(site: Path) -> None:
    checked = 0
    for url, tree in _built_pages(site):
        words = "Volver al texto" if url.startswith("es/") else "Back to text"
        markers = tree.css('article sup.iop-cite > a[href^="#source-"]')
        cited: dict[str, list[str]] = {}
        for marker in markers:
            cited.setdefault(marker.attrs["href"][1:], []).append(marker.attrs.get("id") or "")
        for source, ids in cited.items():
            number = source.removeprefix("source-")
            expected = [f"cite-{number}"] + [f"cite-{number}-{n}" for n in range(2, len(ids) + 1)]
            assert ids == expected, (
                f"/{url}: the markers of {source} have ids {ids}, not {expected} "
                "(scripts/iopguide/finish/back_links.py)"
            )
            item = tree.css_first(f"section.iop-sources li#{source}")
            assert item is not None, f"/{url}: a marker points to #{source}, which is not listed"
            back = [a.attrs.get("href") for a in item.css(".iop-back a")]
            assert back == [f"#{i}" for i in expected], (
                f"/{url}: {source} links back to {back}, not to its markers {expected} "
                "(scripts/iopguide/finish/back_links.py)"
            )
            shown = re.sub(r"\s+", " ", item.css_first(".iop-back").text()).strip()
            assert shown.startswith(words), (
                f'/{url}: {source}\'s way back reads "{shown}", not "{words}" '
                "(overrides/partials/iop-strings.html, back_to_text)"
            )
            checked += 1
        for item in tree.css("section.iop-sources li"):
            if item.attrs.get("id") not in cited:
                assert item.css_first(".iop-back") is None, f"/{url}: an uncited source links back"
    assert checked > 100


BACK = """() => {
  const link = document.querySelector('.iop-sources li .iop-back a');
  link.closest('details').open = true;  // the reader opens "Show the sources" first
  link.scrollIntoView({block: 'center'});
  const r = link.getBoundingClientRect();
  return {href: link.getAttribute('href'), width: r.width, height: r.height,
          x: r.left + r.width / 2, y: r.top + r.height / 2};
}"""
LANDED = """id => {
  const marker = document.getElementById(id);
  const r = marker.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {hash: location.hash, top: r.top, bottom: r.bottom, height: innerHeight,
          onTop: !!hit && marker.contains(hit)};
}"""


@pytest.mark.parametrize("url", ("what-is-an-iop/", "es/staying-safe/"))
def test_back_to_text_is_a_big_target_that_lands_on_the_marker(
    browser, base_url: str, url: str
) -> None:
    with open_page(browser, base_url + url) as (tab, _):
        link = tab.evaluate(BACK)
        assert link["width"] >= 24 and link["height"] >= 24, (
            f"/{url}: the first 'back to text' link is {link['width']:.0f}x{link['height']:.0f}"
            f" px, under 24x24 ({FIX})"
        )
        tab.mouse.click(link["x"], link["y"])
        target = link["href"][1:]
        tab.wait_for_function("id => location.hash === '#' + id", arg=target)
        tab.evaluate(
            "() => new Promise(d => requestAnimationFrame(() => requestAnimationFrame(d)))"
        )
        landed = tab.evaluate(LANDED, target)
        assert 0 <= landed["top"] and landed["bottom"] <= landed["height"] and landed["onTop"], (
            f"/{url}: 'back to text' jumped to #{target}, which sits at {landed['top']:.0f} px, "
            "under the sticky strip and header or off screen (scroll-padding-top in site.css)"
        )


CRISIS_PAGE = (
    PAGE_HEAD
    + """
!!! crisis "If you are in danger right now"
    {crisis:danger}[^1] Stay with the person.[^1][^2]

    `[^1]` in code is not a marker.

???+ crisis "Also a crisis box"
    Call 911.[^2]

Outside a crisis box a marker is fine.[^1]
"""
)


def test_the_rule_names_each_marker_in_a_crisis_box() -> None:
    found = [p for p in content.check_markdown(CRISIS_PAGE, "docs/x.md") if p.rule.startswith("c")]
    lines = CRISIS_PAGE.split("\n")
    first = next(n for n, line in enumerate(lines, 1) if "{crisis:danger}[^1]" in line)
    second = next(n for n, line in enumerate(lines, 1) if "Call 911.[^2]" in line)
    assert [(p.path, p.line, p.rule) for p in found] == [
        ("docs/x.md", first, "crisis-box-cite"),
        ("docs/x.md", second, "crisis-box-cite"),
    ], [str(p) for p in found]
    assert "the markers [^1][^1][^2] are inside a crisis box" in found[0].message
    assert "docs/.data/crisis.yml" in found[0].message and "Remove them" in found[0].message
    assert "the marker [^2] is inside a crisis box" in found[1].message
