"""axe-core in a real Chromium: zero violations on every page in every language, phone and
desktop, both palettes.

What each view adds decides what axe runs in it, since axe is most of a visit's time:
- light, phone and desktop, every page: every rule (structure, names, sizes and colours);
- dark, phone, every page: the colour rules, the only ones a palette changes;
- dark, desktop: the colour rules on DESKTOP_DARK_PAGES. All the desktop view shows over
  the phone's is the sidebars and the header, the same on every page, and the phone view
  has already checked each page's own content in dark."""

from __future__ import annotations

from functools import partial

import pytest

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
# axe runs in the visit the other per-page tests of that view share (tests/visits.py),
# after their measurements and before any key press.
AXE = visits.probe("axe", PHONE_LIGHT, DESKTOP_LIGHT, run=axe_violations, stage=visits.Stage.AUDIT)
AXE_COLOURS = visits.probe(
    "axe colours",
    PHONE_DARK,
    DESKTOP_DARK,
    run=partial(axe_violations, rules=AXE_COLOUR_RULES),
    stage=visits.Stage.AUDIT,
)
# The dark desktop sample: both home pages, and in each language (the clinics page is in
# English only) the pages with a kind of element no other page has (the glossary's terms,
# the clinics' code and previews, the cost tables, the emergency crisis box), so each
# component is seen in dark at 1280 too.
DESKTOP_DARK_PAGES = (
    "index.md",
    "glossary.md",
    "for-clinics.md",
    "cost-and-insurance.md",
    "overdose-and-withdrawal.md",
)


def _runs_in(page, view: visits.View) -> bool:
    return view is not DESKTOP_DARK or page.src.split("/", 1)[1] in DESKTOP_DARK_PAGES


# Each page is loaded at its size and in its palette: Material picks the palette at load,
# and a page resized after loading can be caught mid-transition.
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
    probe = AXE if view.scheme == "light" else AXE_COLOURS
    found = visits.measured(browser, base_url + page.url, view, probe)
    assert found == [], f"{page.src} at {view}:\n" + "\n".join(found)


def test_the_dark_desktop_sample_names_pages_of_both_languages() -> None:
    sampled = [page.src for page in every_page() if _runs_in(page, DESKTOP_DARK)]
    for name in DESKTOP_DARK_PAGES:
        assert f"docs/{name}" in sampled, f"DESKTOP_DARK_PAGES: no page docs/{name}"
    assert any(src.startswith("docs-es/") for src in sampled), "no Spanish page in the sample"


def test_axe_finds_no_violations_on_the_404_page(browser, base_url: str) -> None:
    with open_page(browser, base_url + "missing/") as (tab, _):
        assert axe_violations(tab) == []
