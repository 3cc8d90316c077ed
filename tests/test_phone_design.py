"""Crisis help a stressed reader can hit on any phone, and jumps that land in view (issue 24).

- The crisis strip's actions are whole on screen, on top (a tap there reaches the link), at
  least 44x44 px and 16 px text: at 320 and 360 px wide, with text at 100%, 130% and 200%,
  in both languages.
- Every crisis box opens with big buttons (Call 988, Text 988, Call 911), at least 44 px tall.
- Every jump target on every page (headings, sources, citation markers, anything a link on the
  page points to) lands below the sticky strip and header, not under them.

Larger text is the reader's text-size setting: the root font size scaled, as Android's and
iOS's settings scale text (set through the CSSOM, which the page's CSP allows).
"""

from __future__ import annotations

import pytest

import visits
from browser import open_page, start_bundle
from sitetools import every_page, spanish_pages
from visits import PHONE_LIGHT

SCALES = (1.0, 1.3, 2.0)
WIDTHS = (320, 360)
# One ordinary page and one long one in each language.
STRIP_PAGES = ("", "cost-and-insurance/", "es/", "es/cost-and-insurance/")

SET_TEXT_SIZE = """scale => {
  document.documentElement.style.setProperty('font-size', (125 * scale) + '%', 'important');
  return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""

# Each action in the strip: its box, its text size, and whether a tap at its centre lands on it.
STRIP_ACTIONS = """() => [...document.querySelectorAll('.iop-crisis a')]
  .filter(a => getComputedStyle(a).display !== 'none')
  .map(a => {
    const r = a.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const hit = x >= 0 && x < innerWidth && y >= 0 && y < innerHeight
      ? document.elementFromPoint(x, y) : null;
    return {text: a.textContent.trim(), href: a.getAttribute('href') || '',
            left: r.left, right: r.right, top: r.top, bottom: r.bottom,
            width: r.width, height: r.height, size: parseFloat(getComputedStyle(a).fontSize),
            onTop: hit !== null && a.contains(hit)};
  })"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("url", STRIP_PAGES, ids=lambda url: url or "home")
def test_crisis_strip_actions_are_whole_big_and_on_top(
    browser, base_url: str, url: str, width: int
) -> None:
    viewport = {"width": width, "height": 740}
    with open_page(browser, base_url + url, viewport=viewport) as (tab, _):
        for scale in SCALES:
            tab.evaluate(SET_TEXT_SIZE, scale)
            actions = tab.evaluate(STRIP_ACTIONS)
            where = f"/{url} at {width} px, text at {scale:.0%}"
            hrefs = {a["href"].split("?")[0] for a in actions}
            assert {"tel:988", "sms:988", "tel:911"} <= hrefs, (
                f"{where}: the crisis strip shows {sorted(hrefs)}, not call 988, text 988 and "
                "call 911 (overrides/partials/crisis-bar.html, site.css 'Crisis strip')"
            )
            for action in actions:
                name = f'{where}: "{action["text"]}"'
                assert action["left"] >= -0.5 and action["right"] <= width + 0.5, (
                    f"{name} runs off the screen ({action['left']:.0f} to "
                    f"{action['right']:.0f} px): the strip must wrap, never clip (site.css)"
                )
                assert action["onTop"], f"{name}: a tap on it does not reach the link"
                assert action["width"] >= 44 and action["height"] >= 44, (
                    f"{name} is {action['width']:.0f}x{action['height']:.0f} px, under "
                    "44x44: crisis actions are thumb-sized (site.css .iop-crisis__link)"
                )
                assert action["size"] >= 16 * scale - 0.5, (
                    f"{name} has {action['size']:.1f} px text, under {16 * scale:.1f} px"
                )


BOX_ACTIONS = """() => [...document.querySelectorAll('article .admonition.crisis')].map(box => ({
  title: (box.querySelector('.admonition-title') || box).textContent.trim().slice(0, 40),
  emergency: box.classList.contains('emergency'),
  actions: [...box.querySelectorAll('.iop-actions a')].map(a => {
    const r = a.getBoundingClientRect();
    return {text: a.textContent.trim(), href: a.getAttribute('href') || '',
            width: r.width, height: r.height};
  }),
  cites: box.querySelectorAll('sup.iop-cite').length,
}))"""

BOX_PAGES = tuple(
    page for page in every_page() if "!!! crisis" in page.text or "??? crisis" in page.text
)


# Read in the 360 light visit the other per-page tests share (tests/visits.py).
CRISIS_BOXES = visits.probe("crisis boxes", PHONE_LIGHT, js=BOX_ACTIONS)


@pytest.mark.parametrize("page", visits.by_page(BOX_PAGES), ids=lambda page: page.url or "home")
def test_crisis_boxes_open_with_big_buttons(browser, base_url: str, page) -> None:
    boxes = visits.measured(browser, base_url + page.url, PHONE_LIGHT, CRISIS_BOXES)
    assert boxes, f"{page.src}: the page has a crisis box, but none was built"
    for box in boxes:
        where = f'{page.src}: the crisis box "{box["title"]}"'
        hrefs = [a["href"].split("?")[0] for a in box["actions"]]
        wanted = ["tel:988", "sms:988", "tel:911"]
        if box["emergency"]:  # `!!! crisis emergency`: Call 911 first
            wanted = wanted[2:] + wanted[:2]
        assert hrefs == wanted, (
            f"{where} has actions {hrefs}, not {wanted} "
            "(finish/crisis_slots.py ACTIONS adds them to every crisis box)"
        )
        for action in box["actions"]:
            assert action["height"] >= 44 and action["width"] >= 44, (
                f'{where}: "{action["text"]}" is {action["width"]:.0f}x'
                f"{action['height']:.0f} px: crisis buttons are at least 44 px tall "
                "(site.css .iop-action)"
            )
        assert box["cites"] == 0, (
            f"{where} has {box['cites']} citation markers: none in a crisis box"
        )


# Every id a reader can jump to: headings, sources, citation markers, and whatever a link on
# the page points to. Each is jumped to as a link does (the address's #fragment), then its top
# must sit below the bottom of whatever stays stuck at the top of the screen. `frames` is how
# many frames to let pass after each jump: none in the per-page visit, since a jump scrolls
# at once and reading a position lays the page out (the same tops as with two frames, and the
# same 30 of 33 targets caught on a page without scroll-padding-top, at an eighth of the
# time); two with Material's script running (below), where a scroll can start its work.
# `sample`: in the per-page visit, one target of each kind (its tag and classes, and whether
# it sits in the text or a folded section), since where a jump lands follows the target's
# kind (scroll-padding-top on the page, scroll-margin by kind) and each jump is a navigation
# that costs as much as the rest of the visit's checks; the larger-text test jumps to all.
JUMPS = """async ([frames, sample] = [0, false]) => {
  let ids = new Set();
  for (const e of document.querySelectorAll(
      'article :is(h2, h3, h4)[id], [id^="source-"], [id^="cite-"]')) ids.add(e.id);
  for (const a of document.querySelectorAll('a[href^="#"]')) {
    const id = decodeURIComponent(a.getAttribute('href').slice(1));
    const target = id && document.getElementById(id);
    if (target && target.closest('article, .iop-sources')) ids.add(id);
  }
  const count = ids.size;
  if (sample) {
    const kinds = new Map();
    for (const id of ids) {
      const e = document.getElementById(id);
      const kind = [e.tagName, e.className, !!e.closest('.md-typeset'),
                    !!e.closest('details')].join(' ');
      if (!kinds.has(kind)) kinds.set(kind, id);
    }
    ids = new Set(kinds.values());
  }
  const frame = () => new Promise(done => requestAnimationFrame(done));
  // The strip is stuck at the top, and the header just under it (unless it scrolled away).
  const stuck = () => {
    let bottom = 0;
    for (const e of document.querySelectorAll('[data-md-component="announce"], .md-header')) {
      const r = e.getBoundingClientRect();
      const pinned = ['sticky', 'fixed'].includes(getComputedStyle(e).position);
      if (pinned && r.height > 0 && r.top <= bottom + 0.5) bottom = Math.max(bottom, r.bottom);
    }
    return bottom;
  };
  const covered = [];
  for (const id of ids) {
    location.hash = '#' + encodeURIComponent(id);
    for (let n = 0; n < frames; n++) await frame();
    const target = document.getElementById(id);
    if (!target.getClientRects().length) continue;  // hidden (a closed details, print only)
    const top = target.getBoundingClientRect().top, below = stuck();
    if (top < below - 1) covered.push(`#${id} (top ${Math.round(top)} px, sticky block ends ` +
                                        `at ${Math.round(below)} px)`);
  }
  return {count, jumped: ids.size, covered};
}"""


# Whether a 988 link is on screen and not covered (tests/test_design.py reads it at the top,
# the middle and the end of each page).
CRISIS_ON_TOP = """() => [...document.querySelectorAll('a[href="tel:988"], a[href="sms:988"]')]
  .some(link => {
    const box = link.getBoundingClientRect();
    if (!box.width || box.top < 0 || box.bottom > innerHeight) return false;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && link.contains(hit);
  })"""


def scroll_to(tab, fraction: float) -> None:
    tab.evaluate(
        """f => { scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * f);
        return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))); }""",
        fraction,
    )


def _scroll_then_jump(tab) -> dict:
    on_screen = {}
    for where, fraction in (("top", 0.0), ("middle", 0.5), ("end", 1.0)):
        scroll_to(tab, fraction)
        on_screen[where] = tab.evaluate(CRISIS_ON_TOP)
    scroll_to(tab, 0.0)
    return {"crisis on screen": on_screen, **tab.evaluate(JUMPS, [0, True])}


# Scrolling and the jumps move the page: they run last in the shared 360 light visit, after
# every measurement and axe (tests/visits.py), as its one interaction.
SCROLLED = visits.probe(
    "scrolling and jumps", PHONE_LIGHT, run=_scroll_then_jump, stage=visits.Stage.INTERACT
)


@pytest.mark.parametrize("page", visits.by_page(every_page()), ids=lambda page: page.url or "home")
def test_every_jump_lands_below_the_sticky_block(browser, base_url: str, page) -> None:
    found = visits.measured(browser, base_url + page.url, PHONE_LIGHT, SCROLLED)
    assert found["covered"] == [], (
        f"{page.src}: {len(found['covered'])} of {found['jumped']} jump targets (one of each "
        f"kind among its {found['count']}) land under the crisis strip and header: "
        + "; ".join(found["covered"][:5])
        + ". site.css sets html { scroll-padding-top } from --iop-sticky-h; a11y.js keeps "
        "--iop-strip-h true"
    )


def test_the_spanish_edition_is_covered() -> None:
    assert spanish_pages(), "no Spanish pages: the strip and jump tests would skip Spanish"


@pytest.mark.parametrize("scale", (1.3, 2.0))
@pytest.mark.parametrize("url", ("staying-safe/", "es/staying-safe/"))
def test_jumps_land_below_the_sticky_block_with_larger_text(
    browser, base_url: str, url: str, scale: float
) -> None:
    """With larger text the strip grows (and with very large text the header scrolls away):
    a jump still lands below whatever stays at the top, with Material's script running and
    two frames after each jump for whatever a scroll sets off."""
    with open_page(browser, base_url + url) as (tab, _):
        tab.evaluate(SET_TEXT_SIZE, scale)
        start_bundle(tab)
        found = tab.evaluate(JUMPS, [2, False])
    assert found["covered"] == [], (
        f"/{url} with text at {scale:.0%}: jump targets under the sticky block: "
        + "; ".join(found["covered"][:5])
        + " (a11y.js sets --iop-strip-h and .iop-tall-top; site.css uses them)"
    )


FOLD = """async () => {
  const list = document.querySelector('details.iop-sources__list');
  const folded = !list.open;
  const marker = [...document.querySelectorAll('article sup.iop-cite a')]
    .find(a => !a.closest('.iop-print-only'));
  marker.scrollIntoView({block: 'center'});
  const r = marker.getBoundingClientRect();
  return {folded, x: r.left + r.width / 2, y: r.top + r.height / 2,
          target: marker.getAttribute('href').slice(1)};
}"""


@pytest.mark.parametrize("url", ("benefits/", "es/benefits/"))
def test_sources_are_folded_and_a_marker_opens_them(browser, base_url: str, url: str) -> None:
    """Sources fold under "Show the sources", so a page ends with what to do next; a tap on a
    marker opens them at its source, below the sticky block."""
    with open_page(browser, base_url + url) as (tab, _):
        found = tab.evaluate(FOLD)
        assert found["folded"], f"/{url}: Sources are open on arrival (page-facts.html)"
        tab.mouse.click(found["x"], found["y"])
        tab.wait_for_function("id => location.hash === '#' + id", arg=found["target"])
        landed = tab.evaluate(
            """async id => {
              await new Promise(d => requestAnimationFrame(() => requestAnimationFrame(d)));
              const item = document.getElementById(id), r = item.getBoundingClientRect();
              const top = document.querySelector('.md-header').getBoundingClientRect().bottom;
              return {open: item.closest('details').open, top: r.top, sticky: top};
            }""",
            found["target"],
        )
    assert landed["open"], f"/{url}: a tap on a marker left the Sources folded"
    assert landed["top"] >= landed["sticky"] - 1, (
        f"/{url}: the source lands at {landed['top']:.0f} px, under the sticky block "
        f"({landed['sticky']:.0f} px)"
    )
