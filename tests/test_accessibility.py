"""axe-core in a real Chromium: zero violations on every page in every language, phone and
desktop, both palettes."""

from __future__ import annotations

import pytest

from browser import DESKTOP, PHONE, axe_violations, open_page
from sitetools import every_page

VIEWPORTS = {"360x740": PHONE, "1280x800": DESKTOP}


# Each page is loaded at its size and in its palette: Material picks the palette at load,
# and a page resized after loading can be caught mid-transition.
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize("page", every_page(), ids=str)
def test_axe_finds_no_violations(browser, base_url: str, page, size: str, scheme: str) -> None:
    with open_page(browser, base_url + page.url, viewport=VIEWPORTS[size], scheme=scheme) as (
        tab,
        _,
    ):
        found = axe_violations(tab)
        assert found == [], f"{page.src} at {size}, {scheme}:\n" + "\n".join(found)


def test_axe_finds_no_violations_on_the_404_page(browser, base_url: str) -> None:
    with open_page(browser, base_url + "missing/") as (tab, _):
        assert axe_violations(tab) == []
