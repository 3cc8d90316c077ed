"""axe-core in a real Chromium: zero violations on every page in every language, phone and
desktop, both palettes.

What each view adds decides what axe runs in it, since axe is most of a visit's time:
- light, phone, every page: every rule (structure, names, sizes and colours);
- light, desktop: every rule, on the pages of visits.COLOUR_SAMPLE. What 1280 px adds is
  the theme's wide layout (the menu and contents beside the text), the same on every page,
  around the same content; the sample holds every kind of element any page has (checked
  below), so each kind is checked in the wide layout too;
- dark, phone and desktop: the colour rules, the only ones a palette changes, on the
  same sample: a page cannot style anything, so colour follows the kind of element."""

from __future__ import annotations

import functools
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

import visits
from browser import AXE_COLOUR_RULES, axe_violations, open_page
from sitetools import every_page
from visits import DESKTOP_DARK, DESKTOP_LIGHT, PHONE_DARK, PHONE_LIGHT

VIEWS = {
    "360x740-light": PHONE_LIGHT,
    "360x740-dark": PHONE_DARK,
    "1280x800-light": DESKTOP_LIGHT,
    "1280x800-dark": DESKTOP_DARK,
}


def _runs_in(page, view: visits.View) -> bool:
    return view == PHONE_LIGHT or visits.in_colour_sample(page)


@functools.cache
def _colour_sample() -> frozenset[str]:
    return frozenset(page.url for page in every_page() if visits.in_colour_sample(page))


def _axe_on_the_sample(tab) -> list[str] | None:
    """Every rule on a page of the sample; nothing elsewhere (every 1280 light visit runs
    the view's probes, and the other pages' visits serve other tests)."""
    if urlsplit(tab.url).path.lstrip("/") in _colour_sample():
        return axe_violations(tab)
    return None


# axe runs in the visit the other per-page tests of that view share (tests/visits.py),
# after their measurements and before any key press.
AXE = visits.probe("axe", PHONE_LIGHT, run=axe_violations, stage=visits.Stage.AUDIT)
AXE_DESKTOP = visits.probe(
    "axe desktop", DESKTOP_LIGHT, run=_axe_on_the_sample, stage=visits.Stage.AUDIT
)
AXE_COLOURS = visits.probe(
    "axe colours",
    PHONE_DARK,
    DESKTOP_DARK,
    run=partial(axe_violations, rules=AXE_COLOUR_RULES),
    stage=visits.Stage.AUDIT,
)


# Each page is loaded at its size and in its palette: Material picks the palette at load.
# (The narrower checks that resize a visit, visits.resized, run its transitions to their end.)
@pytest.mark.parametrize(
    ("page", "view"),
    [
        pytest.param(param.values[0], view, marks=param.marks, id=f"{param.values[0]}-{key}")
        for param in visits.by_page(every_page())
        for key, view in VIEWS.items()
        if _runs_in(param.values[0], view)
    ],
)
def test_axe_finds_no_violations(browser, base_url: str, page, view: visits.View) -> None:
    probe = {PHONE_LIGHT: AXE, DESKTOP_LIGHT: AXE_DESKTOP}.get(view, AXE_COLOURS)
    found = visits.measured(browser, base_url + page.url, view, probe)
    assert found == [], f"{page.src} at {view}:\n" + "\n".join(found)


def _kinds(html: str) -> set[str]:
    """Each kind of element in a page's article: its tag and its classes."""
    return {
        " ".join([node.tag, *sorted((node.attributes.get("class") or "").split())])
        for node in LexborHTMLParser(html).css("article *")
    }


def test_the_colour_sample_holds_every_kind_of_element(site: Path) -> None:
    kinds = {
        page.src: _kinds((site / page.url / "index.html").read_text(encoding="utf-8"))
        for page in every_page()
    }
    sample = [page.src for page in every_page() if visits.in_colour_sample(page)]
    for name in visits.COLOUR_SAMPLE:
        assert f"docs/{name}" in sample, f"visits.COLOUR_SAMPLE: no page docs/{name}"
    covered = set().union(*(kinds[src] for src in sample))
    missing = {src: sorted(found - covered) for src, found in kinds.items() if found - covered}
    assert missing == {}, (
        "dark mode is checked on the pages of visits.COLOUR_SAMPLE, and these pages have "
        f"elements none of them has: add the page to COLOUR_SAMPLE (tests/visits.py): {missing}"
    )


def test_axe_finds_no_violations_on_the_404_page(browser, base_url: str) -> None:
    with open_page(browser, base_url + "missing/") as (tab, _):
        assert axe_violations(tab) == []
