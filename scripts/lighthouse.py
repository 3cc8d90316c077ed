"""Opt-in Lighthouse audit of every page, as a phone on a slow network sees it.

    .venv/bin/python scripts/lighthouse.py                  # every page, 3 runs each
    .venv/bin/python scripts/lighthouse.py --runs 5 benefits/  # some pages

Not part of the test suite: it needs Node 20+ and npm, and takes 15-25 minutes. The
first run installs lighthouse from its lockfile (npm ci --ignore-scripts, every
package's integrity hash checked) into .cache/lighthouse/. It builds the site into a
temporary folder with SITE_URL set to the local address (so canonical links and the
sitemap match), serves it with scripts/iopguide/tools/static_server.py (gzip and the built _headers,
like a real host), runs Lighthouse's mobile audit in Chromium (CHROME_PATH, else
/usr/bin/chromium) on each page, and prints the four category scores with LCP, TBT and
CLS. Exits non-zero when a page misses a target: every score 100, LCP at most 1.0 s and
TBT under 50 ms.

One run is noisy: the same page scores 98 one minute and 100 the next, because
Lighthouse multiplies whatever this machine measured by 4. As Lighthouse advises
(docs/variability.md, "Run Lighthouse multiple times"), each page runs several times
and the table shows the median run, picked the way Lighthouse's computeMedianRun does;
the "perf range" column shows the spread. Run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import bench
from iopguide.paths import ROOT
from iopguide.tools import page_weight, static_server
from iopguide.tools.browser import BROWSER_ARGS

TOOLS = ROOT / ".cache" / "lighthouse"
LIGHTHOUSE = "lighthouse@12.2.3"  # as pinned in LOCK's package.json and package-lock.json
LOCK = ROOT / "scripts" / "iopguide" / "tools" / "lighthouse"
CLI = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = " ".join(["--headless=new", *BROWSER_ARGS])  # the tests' flags
TARGET_SCORE = 100
TARGET_LCP_MS = 1000  # issue 25: LCP at most 1.0 s
TARGET_TBT_MS = 50  # issue 25: TBT under 50 ms
DEFAULT_RUNS = 3  # Lighthouse CI's default numberOfRuns


@dataclass(frozen=True)
class Result:
    page: str
    scores: dict[str, int]
    lcp_ms: float
    tbt_ms: float
    cls: float
    failing: list[str]  # audits below 1 that count towards a score
    fcp_ms: float
    tti_ms: float
    perf_range: tuple[int, int] = (0, 0)  # lowest and highest performance score of all runs


def install() -> Path:
    """Install the pinned Lighthouse into .cache/lighthouse/ (once) from its lockfile, with
    every package's integrity hash checked and no install scripts run; returns its CLI."""
    lock = (LOCK / "package-lock.json").read_bytes()
    stamp = TOOLS / "package-lock.json"
    if CLI.is_file() and stamp.is_file() and stamp.read_bytes() == lock:
        return CLI
    npm = shutil.which("npm")
    if not npm or not shutil.which("node"):
        sys.exit("Lighthouse needs Node.js 20+ and npm: on Debian, apt-get install nodejs npm")
    print(
        f"[lighthouse] installing {LIGHTHOUSE} into {TOOLS.relative_to(ROOT)}/",
        file=sys.stderr,
        flush=True,
    )
    TOOLS.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(LOCK / name, TOOLS / name)
    subprocess.run(
        [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=TOOLS,
        check=True,
    )
    return CLI


def audit(cli: Path, url: str, page: str, report: Path) -> Result:
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    command = [
        "node",
        str(cli),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    result = subprocess.run(
        command,
        env=dict(os.environ, CHROME_PATH=chrome),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0 or not report.is_file():
        sys.exit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    scores = {name: round((data["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    failing = []
    for name in CATEGORIES:
        for ref in data["categories"][name]["auditRefs"]:
            found = audits[ref["id"]]
            if ref["weight"] > 0 and found.get("score") is not None and found["score"] < 1:
                failing.append(
                    f"{name}: {ref['id']} ({found.get('displayValue') or found['title']})"
                )
    return Result(
        page,
        scores,
        audits["largest-contentful-paint"]["numericValue"],
        audits["total-blocking-time"]["numericValue"],
        audits["cumulative-layout-shift"]["numericValue"],
        failing,
        audits["first-contentful-paint"]["numericValue"],
        audits["interactive"]["numericValue"],
    )


def median_run(runs: list[Result]) -> Result:
    """The run closest to the median first paint and the median time to interactive,
    as Lighthouse's core/lib/median-run.js picks it (not the median of one score, which
    an outlier can still swing); carries the spread of performance scores."""
    fcp = statistics.median(r.fcp_ms for r in runs)
    tti = statistics.median(r.tti_ms for r in runs)
    best = min(runs, key=lambda r: (fcp - r.fcp_ms) ** 2 + (tti - r.tti_ms) ** 2)
    perf = [r.scores["performance"] for r in runs]
    return replace(best, perf_range=(min(perf), max(perf)))


def misses(result: Result) -> list[str]:
    """The targets `result` misses, each in a few words (the table's last column)."""
    missed = [f"{name} {score}" for name, score in result.scores.items() if score < TARGET_SCORE]
    if result.lcp_ms > TARGET_LCP_MS:
        missed.append(f"LCP > {TARGET_LCP_MS / 1000:.1f} s")
    if result.tbt_ms >= TARGET_TBT_MS:
        missed.append(f"TBT >= {TARGET_TBT_MS} ms")
    return missed


def table(results: list[Result]) -> str:
    lines = [
        "| page | perf | perf range | a11y | best pr. | SEO | LCP | TBT | CLS | targets |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        s = r.scores
        low, high = r.perf_range
        spread = str(low) if low == high else f"{low}-{high}"
        lines.append(
            f"| {r.page or '/'} | {s['performance']} | {spread} | "
            f"{s['accessibility']} | {s['best-practices']} | {s['seo']} | "
            f"{r.lcp_ms / 1000:.2f} s | {r.tbt_ms:.0f} ms | {r.cls:.3f} | "
            f"{', '.join(misses(r)) or 'met'} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="site paths such as benefits/ (default: all)")
    parser.add_argument(
        "--runs",
        type=int,
        default=DEFAULT_RUNS,
        help=f"runs per page; the median run is shown (default {DEFAULT_RUNS})",
    )
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    cli = install()
    port = static_server.free_port()
    base = f"http://127.0.0.1:{port}/"
    results = []
    with tempfile.TemporaryDirectory(prefix="iop-lighthouse-") as scratch:
        site = Path(scratch) / "site"
        bench.build(site, SITE_URL=base)
        pages = [p.lstrip("/") for p in args.pages] or [  # "/" is the home page
            p.removesuffix("index.html") for p in page_weight.html_pages(site) if p != "404.html"
        ]
        with static_server.serve(site, port):
            for page in pages:
                runs = []
                for number in range(1, args.runs + 1):
                    print(
                        f"[lighthouse] {page or '/'} run {number}/{args.runs}",
                        file=sys.stderr,
                        flush=True,
                    )
                    runs.append(audit(cli, base + page, page, Path(scratch) / "report.json"))
                results.append(median_run(runs))
    print(
        f"Median of {args.runs} run(s) per page. Targets: every score {TARGET_SCORE}, "
        f"LCP at most {TARGET_LCP_MS / 1000:.1f} s, TBT under {TARGET_TBT_MS} ms."
    )
    print(table(results))
    missed = [r for r in results if misses(r)]
    for r in missed:
        print(
            f"\nBelow target on {r.page or '/'}: {', '.join(misses(r))} "
            f"(LCP {r.lcp_ms / 1000:.2f} s, TBT {r.tbt_ms:.0f} ms)"
        )
        for item in r.failing:
            print(f"  - {item}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
