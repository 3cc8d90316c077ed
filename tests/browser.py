"""Small helpers for the Chromium tests: colours, contrast and page loading."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": [
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def parse_rgb(value: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", value)]
    red, green, blue = numbers[:3]
    return red, green, blue, numbers[3] if len(numbers) > 3 else 1.0


def luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    red, green, blue = rgb[:3]
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two CSS rgb()/rgba() colours (background taken as opaque)."""
    first, second = luminance(parse_rgb(foreground)), luminance(parse_rgb(background))
    lighter, darker = max(first, second), min(first, second)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass
class PageRecord:
    """What a page did while it loaded: requests, console errors, failures."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


@contextlib.contextmanager
def open_page(browser, url: str, *, viewport: dict | None = None, scheme: str = "light",
              javascript: bool = True) -> Iterator[tuple[Any, PageRecord]]:
    """Open `url` in a fresh context, yield (page, record), and close the context after.
    The page's context is `page.context` (for cookies)."""
    context = browser.new_context(viewport=viewport or PHONE, color_scheme=scheme,
                                  java_script_enabled=javascript)
    try:
        page = context.new_page()
        record = PageRecord()
        page.on("request", lambda request: record.requests.append(request.url))
        page.on("console", lambda message: message.type == "error"
                and record.console_errors.append(message.text))
        page.on("pageerror", lambda error: record.console_errors.append(str(error)))
        page.on("requestfailed", lambda request: record.failed.append(
            f"{request.url} ({request.failure})"))
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        yield page, record
    finally:
        context.close()


def axe_violations(tab) -> list[str]:
    """axe-core's WCAG 2.0-2.2 A/AA and best-practice violations on the open page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(tab, options=AXE_OPTIONS).response
    return [f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                        for n in v["nodes"][:4])
            for v in results["violations"]]
