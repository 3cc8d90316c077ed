"""axe-core in a real Chromium: zero violations on every page in every language, phone and
desktop, both palettes."""

from __future__ import annotations

import pytest

import visits
from browser import axe_violations, open_page
from sitetools import every_page
from visits import DESKTOP_DARK, DESKTOP_LIGHT, PHONE_DARK, PHONE_LIGHT

VIEWS = {
    ("360x740", "light"): PHONE_LIGHT,
    ("360x740", "dark"): PHONE_DARK,
    ("1280x800", "light"): DESKTOP_LIGHT,
    ("1280x800", "dark"): DESKTOP_DARK,
}
# axe runs in the visit the other per-page tests of that view share (tests/visits.py),
# after their measurements and before any key press.
AXE = visits.probe("axe", *VIEWS.values(), run=axe_violations, stage=visits.Stage.AUDIT)


# Each page is loaded at its size and in its palette: Material picks the palette at load,
# and a page resized after loading can be caught mid-transition.
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", ["360x740", "1280x800"])
@pytest.mark.parametrize("page", visits.by_page(every_page()), ids=str)
def test_axe_finds_no_violations(browser, base_url: str, page, size: str, scheme: str) -> None:
    found = visits.measured(browser, base_url + page.url, VIEWS[size, scheme], AXE)
    assert found == [], f"{page.src} at {size}, {scheme}:\n" + "\n".join(found)


def test_axe_finds_no_violations_on_the_404_page(browser, base_url: str) -> None:
    with open_page(browser, base_url + "missing/") as (tab, _):
        assert axe_violations(tab) == []
