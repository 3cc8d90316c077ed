"""The shared page visits keep their promise (tests/visits.py): one visit per page and view
runs every probe of that view, reads before it audits and audits before it interacts, and
a probe that fails fails only the tests that read it."""

from __future__ import annotations

import pytest

import visits

# A view of its own, so these probes never run in another test's visits.
VIEW = visits.View("visits self-test", 400, 600)
RUNS: list[str] = []


def _track(name: str, value):
    def run(tab):
        RUNS.append(name)
        return value(tab)

    return run


def _broken(tab):
    raise ValueError("no such thing")


PRESS = visits.probe(
    "self-test press",
    VIEW,
    run=_track("press", lambda tab: tab.keyboard.press("Tab") or "pressed"),
    stage=visits.Stage.INTERACT,
)
AUDIT = visits.probe(
    "self-test audit", VIEW, run=_track("audit", lambda tab: "audited"), stage=visits.Stage.AUDIT
)
WIDTH = visits.probe("self-test width", VIEW, run=_track("width", lambda t: t.viewport_size))
BROKEN = visits.probe("self-test broken", VIEW, run=_broken)


def test_one_visit_serves_every_probe_of_its_view_in_order(browser, base_url: str) -> None:
    RUNS.clear()
    assert visits.measured(browser, base_url, VIEW, WIDTH) == {"width": 400, "height": 600}
    assert visits.measured(browser, base_url, VIEW, PRESS) == "pressed"
    assert visits.measured(browser, base_url, VIEW, AUDIT) == "audited"
    assert RUNS == ["width", "audit", "press"], "measure, then audit, then interact; once each"
    with pytest.raises(RuntimeError, match="self-test broken failed on .* at visits self-test"):
        visits.measured(browser, base_url, VIEW, BROKEN)


def test_a_view_serves_only_one_interaction() -> None:
    with pytest.raises(ValueError, match="one visit can serve only one interaction"):
        visits.probe("self-test second press", VIEW, js="() => 1", stage=visits.Stage.INTERACT)


def test_a_probe_is_read_only_in_the_views_it_was_registered_for() -> None:
    with pytest.raises(KeyError, match="no probe 'self-test width' is registered for"):
        visits.measured(None, "http://127.0.0.1/", visits.PHONE_LIGHT, WIDTH)
