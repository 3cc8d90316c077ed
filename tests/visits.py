"""One browser visit per page and view, shared by every per-page Chromium test.

Loading a page is most of a per-page test's time, and many tests look at the same page in
the same view (size, palette, JavaScript, zoom). So each test module names what it
measures as a *probe* for the views it needs, at import time; the first test that asks
for a page in a view opens it once, runs every probe registered for that view, and keeps
the results for the rest of the worker's run. Tests then assert on the kept result, with
their own names and messages.

Order within a visit: measurements first (they only read the page), then audits (axe,
which reads everything but restores what it touches), then at most one interaction per
view (key presses, which change focus and scroll), so no probe sees another's traces.
Last come the probes that do not mind those traces: a narrower window (`resized`: the
smallest phone, 200% zoom) and whatever a reader's first move loads.
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import pytest

from browser import open_page
from sitetools import every_page


@dataclass(frozen=True)
class View:
    """How a page is looked at: a window size in CSS pixels, a colour scheme, and
    JavaScript on or off."""

    name: str
    width: int
    height: int
    scheme: str = "light"
    javascript: bool = True

    def __str__(self) -> str:
        return self.name


PHONE_LIGHT = View("360 light", 360, 740)
PHONE_DARK = View("360 dark", 360, 740, scheme="dark")
DESKTOP_LIGHT = View("1280 light", 1280, 800)
DESKTOP_DARK = View("1280 dark", 1280, 800, scheme="dark")
DESKTOP_NO_JS = View("1280 no JavaScript", 1280, 800, javascript=False)


class Stage(enum.IntEnum):
    MEASURE = 0  # reads the page only
    AUDIT = 1  # reads the page and restores what it touches (axe)
    INTERACT = 2  # presses keys or clicks: one per view
    AFTER = 3  # resizes the window or starts Material's bundle: unaffected by the above


@dataclass(frozen=True)
class Probe:
    name: str
    views: tuple[View, ...]
    run: Callable[[Any], Any]
    stage: Stage


@dataclass(frozen=True)
class PageLog:
    """What a page did while visited: every request it made, console errors and uncaught
    exceptions, failed requests, and the names of any cookies it set."""

    errors: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()
    cookies: tuple[str, ...] = ()
    requests: tuple[str, ...] = ()


LOG = "page log"  # where each visit keeps its PageLog, beside the probes' results


@dataclass(frozen=True)
class ProbeFailed:
    """A probe that raised: each test that reads it fails with this message."""

    message: str


# Colour depends on the kind of element only: a page cannot style anything (no inline
# styles, only the allowed classes). So the dark views, and the colour rules at 1280, visit
# this sample, whose pages (in each language they exist in) together hold every kind of
# element any page has; tests/test_accessibility.py checks that they still do. Both home
# pages, the glossary's terms, the clinics' code and previews, the cost tables, the
# emergency crisis box, the safety plan's form, and the note and tip boxes, open and folded.
COLOUR_SAMPLE = (
    "index.md",
    "glossary.md",
    "for-clinics.md",
    "cost-and-insurance.md",
    "overdose-and-withdrawal.md",
    "staying-safe.md",
    "resources.md",
    "in-an-iop.md",
    "medicines-for-addiction.md",
    "stories.md",
    "when-someone-refuses-help.md",
)


def in_colour_sample(page) -> bool:
    """Whether `page` (docs/x.md or docs-es/x.md) is one of COLOUR_SAMPLE."""
    return page.src.split("/", 1)[1] in COLOUR_SAMPLE


# Pages are dealt into this many xdist groups (`--dist loadgroup`), so every test of one
# page runs on one worker and finds its visits there. More groups balance the workers
# better; fewer keep more of each worker's warm tabs and caches in use.
PAGE_GROUPS = 4

_PROBES: dict[str, Probe] = {}
_RECORDS: dict[tuple[str, View], dict[str, Any]] = {}


def probe(
    name: str,
    *views: View,
    js: str | None = None,
    run: Callable[[Any], Any] | None = None,
    stage: Stage = Stage.MEASURE,
) -> str:
    """Register what to measure on every page visited in `views`: a JavaScript function
    (`js`, evaluated in the page) or a Python function of the Playwright page (`run`).
    Returns the name, which tests pass to `measured`."""
    if (js is None) == (run is None):
        raise TypeError(f"probe {name!r}: give either js or run")
    if name in _PROBES:
        raise ValueError(f"probe {name!r} is registered twice: give each a name of its own")
    if stage is Stage.INTERACT:
        for other in _PROBES.values():
            shared = set(views) & set(other.views)
            if other.stage is Stage.INTERACT and shared:
                views_named = ", ".join(sorted(map(str, shared)))
                raise ValueError(
                    f"probes {other.name!r} and {name!r} both interact in {views_named}:"
                    " one visit can serve only one interaction"
                )
    runner = run if run is not None else (lambda tab: tab.evaluate(js))
    _PROBES[name] = Probe(name, views, runner, stage)
    return name


# After a resize: two frames for the media queries' listeners (Material's included), then
# every finite animation or transition the new size set off is run to its end at once, and
# one more frame lets whatever listens for their ends (transitionend) run.
_SETTLED = """async () => {
  const frame = () => new Promise(done => requestAnimationFrame(done));
  await frame();
  await frame();
  for (const running of document.getAnimations()) {
    if (running.effect && running.effect.getComputedTiming().endTime !== Infinity) {
      running.finish();
    }
  }
  await frame();
  return true;
}"""


def resized(width: int, height: int, measure: str | Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A probe's `run` that narrows the visit's window to `width` x `height` CSS pixels,
    waits for the page to settle, and measures there (JavaScript, or a function of the
    tab). For Stage.AFTER: layout in CSS pixels is what a narrow phone or 200% zoom
    changes, so the page need not load again at that size."""

    def run(tab) -> Any:
        tab.set_viewport_size({"width": width, "height": height})
        tab.evaluate(_SETTLED)
        return tab.evaluate(measure) if isinstance(measure, str) else measure(tab)

    return run


def by_page(pages) -> list:
    """`pages` as parameters, each marked with its page's xdist group: without it, the
    tests of one page would be dealt to both workers, and each would visit it."""
    order = {url: index for index, url in enumerate(sorted(p.url for p in every_page()))}
    return [
        pytest.param(page, marks=pytest.mark.xdist_group(f"pages-{order[page.url] % PAGE_GROUPS}"))
        for page in pages
    ]


def visit(browser, url: str, view: View) -> Mapping[str, Any]:
    """Every registered probe's result for `url` in `view`, from one visit per worker.
    A probe registered after the page was visited gets a visit of its own later."""
    record = _RECORDS.setdefault((url, view), {})
    missing = sorted(
        (p for p in _PROBES.values() if view in p.views and p.name not in record),
        key=lambda p: p.stage,
    )
    if missing:
        with _opened(browser, url, view) as (tab, log):
            for each in missing:
                record[each.name] = _run(each, tab, url, view)
            earlier = record.get(LOG, PageLog())
            record[LOG] = PageLog(
                earlier.errors + tuple(log.console_errors),
                earlier.failed + tuple(log.failed),
                earlier.cookies + tuple(c["name"] for c in tab.context.cookies()),
                earlier.requests + tuple(log.requests),
            )
    return MappingProxyType(record)


def logged(browser, url: str, view: View) -> PageLog:
    """What the page logged in its visits in `view` (every visit is logged)."""
    return visit(browser, url, view)[LOG]


def measured(browser, url: str, view: View, name: str) -> Any:
    """One probe's result for `url` in `view` (see `visit`); a probe that raised during the
    visit raises here, in each test that reads it."""
    if name not in _PROBES or view not in _PROBES[name].views:
        raise KeyError(f"no probe {name!r} is registered for the {view} view")
    result = visit(browser, url, view)[name]
    if isinstance(result, ProbeFailed):
        raise RuntimeError(result.message)
    return result


def _run(each: Probe, tab, url: str, view: View) -> Any:
    try:
        return each.run(tab)
    except Exception as error:  # kept for the tests that read it; the others go on
        return ProbeFailed(f"{each.name} failed on {url} at {view}: {error}")


@contextlib.contextmanager
def _opened(browser, url: str, view: View) -> Iterator[tuple[Any, Any]]:
    size = {"width": view.width, "height": view.height}
    with open_page(
        browser,
        url,
        viewport=size,
        scheme=view.scheme,
        javascript=view.javascript,
    ) as (tab, log):
        yield tab, log
