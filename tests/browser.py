"""Small helpers for the Chromium tests: colours, contrast and page loading."""

from __future__ import annotations

import contextlib
import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": [
            "wcag2a",
            "wcag2aa",
            "wcag21a",
            "wcag21aa",
            "wcag22a",
            "wcag22aa",
            "best-practice",
        ],
    },
    "resultTypes": ["violations"],
}
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
# Limits, never waits: every wait ends as soon as its condition holds. They are generous
# because a 2-core machine running the suite on every core can be slow to paint.
WAIT_MS = 120_000


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
def open_page(
    browser,
    url: str,
    *,
    viewport: dict | None = None,
    scheme: str = "light",
    javascript: bool = True,
) -> Iterator[tuple[Any, PageRecord]]:
    """Open `url` in a clean tab, yield (page, record), and clean the tab up after.

    The tab is reused from test to test (see `_WarmTabs`): a new browser context costs a
    new renderer process and a cold start of Material's scripts, four times the page
    load itself. Each use starts as a fresh context would: no cookies, no storage, the
    asked-for size and colour scheme, nothing left of the last page. Tests that need
    other context options use `new_context` for a context of their own."""
    page = _WarmTabs.of(browser, javascript)
    record = PageRecord()
    handlers = {
        "request": lambda request: record.requests.append(request.url),
        "console": lambda message: (
            message.type == "error" and record.console_errors.append(message.text)
        ),
        "pageerror": lambda error: record.console_errors.append(str(error)),
        "requestfailed": lambda request: record.failed.append(f"{request.url} ({request.failure})"),
    }
    origins: set[str] = set()
    handlers["framenavigated"] = lambda frame: origins.add(_origin(frame.url))
    try:
        page.set_viewport_size(viewport or PHONE)
        page.emulate_media(media="screen", color_scheme=scheme, reduced_motion="no-preference")
        for event, handler in handlers.items():
            page.on(event, handler)
        page.goto(url, wait_until="load")
        if javascript:  # without it, `load` is all there is to wait for
            settle(page)
        yield page, record
    finally:
        for event, handler in handlers.items():
            page.remove_listener(event, handler)
        _WarmTabs.reset(page, origins - {""})


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else ""


# Added to every page a test opens: each Content-Security-Policy violation, as the
# browser reports it, in window.__csp (read by tests/test_csp.py).
CSP_WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} `
                    + `(${e.sourceFile}:${e.lineNumber})`));
"""


class _WarmTabs:
    """One tab per browser (and JavaScript setting), cleaned between uses."""

    _tabs: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    @classmethod
    def of(cls, browser, javascript: bool):
        tabs = cls._tabs.setdefault(browser, {})
        page = tabs.get(javascript)
        if page is None or page.is_closed():
            context = new_context(browser, java_script_enabled=javascript)
            context.add_init_script(CSP_WATCH)
            page = context.new_page()
            tabs[javascript] = page
        return page

    @staticmethod
    def reset(page, origins: set[str]) -> None:
        """Forget everything the last use left: the page, then cookies, permissions and
        every kind of storage (local and session storage included) of each origin it
        visited. The HTTP cache stays: it only makes the next load faster."""
        if page.is_closed():
            return
        page.goto("about:blank")
        page.context.clear_cookies()
        page.context.clear_permissions()
        session = page.context.new_cdp_session(page)
        try:
            for origin in sorted(origins):
                session.send(
                    "Storage.clearDataForOrigin",
                    {
                        "origin": origin,
                        "storageTypes": (
                            "cookies,local_storage,indexeddb,websql,file_systems,service_workers,"
                            "cache_storage"
                        ),
                    },
                )
        finally:
            session.detach()


def new_context(browser, **options: Any):
    """A fresh browser context whose waits use the suite's generous limits."""
    context = browser.new_context(**options)
    context.set_default_timeout(WAIT_MS)
    context.set_default_navigation_timeout(WAIT_MS)
    return context


# Every wait_for_function gets a function, never a bare expression: Playwright polls an
# expression with eval() inside the page, which the site's Content-Security-Policy blocks.
def settle(page) -> None:
    """Wait until a loaded page (with JavaScript on) has run its scripts and painted:
    `load` has fired, so every script, Material's included, has run, and two frames have
    been drawn since, so layout and any work scheduled for the next frame are done."""
    page.wait_for_function("() => document.readyState === 'complete'")
    page.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => "
        "requestAnimationFrame(() => done(true))))"
    )


def print_pdf(tab) -> bytes:
    """The open page printed to a US Letter PDF, as a reader's Print button makes it.
    Print media is set first: open_page sets screen media, which pdf() would otherwise use
    (and "no override" does not undo an earlier print emulation in the reused tab)."""
    tab.emulate_media(media="print")
    return tab.pdf(format="Letter", print_background=False)


# Material's bundle has loaded and run (docs/assets/lazy-bundle.js marks the page).
BUNDLE_STARTED = "() => document.documentElement.getAttribute('data-iop-bundle') === 'started'"


def start_bundle(tab) -> None:
    """Move the mouse as a reader's first move would, and wait until Material's bundle,
    which that loads, has run."""
    tab.mouse.move(5, 5)
    tab.wait_for_function(BUNDLE_STARTED)


# What a palette changes: the rules that compare colours. The others read structure, names
# and sizes, which are the same in light and dark.
AXE_COLOUR_RULES = ("color-contrast", "link-in-text-block")


def axe_violations(tab, rules: tuple[str, ...] = (), skip: tuple[str, ...] = ()) -> list[str]:
    """axe-core's WCAG 2.0-2.2 A/AA and best-practice violations on the open page, or only
    those of `rules`, or all but those of `skip`. axe is added to the page once; a page
    checked again reuses it."""
    from axe_playwright_python.sync_playwright import Axe

    if not tab.evaluate("typeof window.axe === 'object'"):
        tab.evaluate(Axe().axe_script)
    options = AXE_OPTIONS
    if rules:
        options = {**AXE_OPTIONS, "runOnly": {"type": "rule", "values": list(rules)}}
    if skip:
        options = {**options, "rules": {rule: {"enabled": False} for rule in skip}}
    results = tab.evaluate("options => axe.run(document, options)", options)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(
            n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
            for n in v["nodes"][:4]
        )
        for v in results["violations"]
    ]
