"""scripts/lighthouse.py's choice of the median run (the audit itself is opt-in: it needs Node)."""

from __future__ import annotations

from dataclasses import replace

import lighthouse

SCORES = {"accessibility": 100, "best-practices": 100, "seo": 100}


def run(perf: int, fcp_ms: float, tti_ms: float) -> lighthouse.Result:
    return lighthouse.Result(
        "glossary/",
        {"performance": perf, **SCORES},
        lcp_ms=fcp_ms,
        tbt_ms=50,
        cls=0,
        failing=[],
        fcp_ms=fcp_ms,
        tti_ms=tti_ms,
    )


def test_the_median_run_is_closest_to_the_median_first_paint_and_interactive() -> None:
    # As Lighthouse's computeMedianRun: medians are FCP 1060 and TTI 2600, so the third run,
    # not the one with the median score.
    runs = [run(99, 1050, 3000), run(100, 1200, 2500), run(98, 1060, 2600)]
    chosen = lighthouse.median_run(runs)
    assert (chosen.fcp_ms, chosen.tti_ms) == (1060, 2600)
    assert chosen.perf_range == (98, 100)


def test_the_table_shows_the_spread_of_scores() -> None:
    chosen = lighthouse.median_run([run(99, 1050, 3000), run(100, 1060, 2500)])
    row = lighthouse.table([chosen]).splitlines()[2]
    assert row.startswith("| glossary/ |") and "| 99-100 |" in row


def test_the_targets_are_the_issues_and_the_table_names_each_miss() -> None:
    fast = replace(run(100, 900, 2000), lcp_ms=1000, tbt_ms=49)
    assert lighthouse.misses(fast) == []
    assert lighthouse.table([fast]).splitlines()[2].endswith("| met |")
    slow = replace(fast, lcp_ms=1050, tbt_ms=50)
    assert lighthouse.misses(slow) == ["LCP > 1.0 s", "TBT >= 50 ms"]
    assert lighthouse.table([slow]).splitlines()[2].endswith("| LCP > 1.0 s, TBT >= 50 ms |")
