"""axe-core in a real Chromium: zero violations on every page, phone and desktop, both palettes."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import DESKTOP, PHONE, open_page
from sitetools import all_pages

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": [
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
VIEWPORTS = {"360x740": PHONE, "1280x800": DESKTOP}
_axe = Axe()


def axe_violations(tab) -> list[str]:
    results = _axe.run(tab, options=AXE_OPTIONS).response
    return [f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                        for n in v["nodes"][:4])
            for v in results["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize("page", all_pages(), ids=str)
def test_axe_finds_no_violations(browser, base_url: str, page, size: str, scheme: str) -> None:
    context, tab, _ = open_page(browser, base_url + page.url, viewport=VIEWPORTS[size],
                                scheme=scheme)
    try:
        found = axe_violations(tab)
        assert found == [], f"{page.src} at {size}, {scheme}:\n" + "\n".join(found)
    finally:
        context.close()


def test_axe_finds_no_violations_on_the_404_page(browser, base_url: str) -> None:
    context, tab, _ = open_page(browser, base_url + "missing/")
    try:
        assert axe_violations(tab) == []
    finally:
        context.close()
