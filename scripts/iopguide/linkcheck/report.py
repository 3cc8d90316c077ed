"""Write results: JSON, a summary table, GitHub annotations, a progress bar."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from iopguide.linkcheck.models import Result, Verdict

ORDER = [Verdict.BROKEN, Verdict.UNVERIFIABLE, Verdict.MOVED, Verdict.OK]
TITLES = {
    Verdict.BROKEN: "Broken",
    Verdict.UNVERIFIABLE: "Unverifiable",
    Verdict.MOVED: "Moved",
    Verdict.OK: "OK",
}


def write_json(results: list[Result], path: Path) -> None:
    """Write the report as a JSON list, sorted by URL."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [r.to_json() for r in sorted(results, key=lambda r: r.url)]
    path.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def counts_line(results: list[Result], seconds: float) -> str:
    """One line: how many links of each verdict, and how long it took."""
    counts = Counter(r.verdict for r in results)
    cached = sum(1 for r in results if r.verdict is Verdict.OK and r.message.startswith("cached ("))
    parts = [f"{counts[v]} {v.value}" for v in ORDER]
    extra = f" ({cached} from cache)" if cached else ""
    return f"Checked {len(results)} links in {seconds:.1f} s: {', '.join(parts)}{extra}."


def _pages(result: Result, limit: int = 3) -> str:
    shown = ", ".join(result.pages[:limit])
    more = len(result.pages) - limit
    return shown + (f" (+{more} more)" if more > 0 else "")


def print_table(
    results: list[Result], seconds: float, out: TextIO = sys.stdout, verbose: bool = False
) -> None:
    """A readable summary grouped by verdict (OK links listed only when verbose)."""
    for verdict in ORDER:
        group = sorted((r for r in results if r.verdict is verdict), key=lambda r: r.url)
        if not group:
            continue
        if verdict is Verdict.OK and not verbose:
            continue
        print(f"\n{TITLES[verdict]} ({len(group)})", file=out)
        width = min(max(len(r.url) for r in group), 70)
        print(f"  {'STATUS':<6}  {'URL':<{width}}  MESSAGE", file=out)
        for r in group:
            status = str(r.status) if r.status is not None else "-"
            print(f"  {status:<6}  {r.url:<{width}}  {r.message}", file=out)
            if r.pages:
                print(f"  {'':<6}  {'':<{width}}  on: {_pages(r)}", file=out)
    print("\n" + counts_line(results, seconds), file=out)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def print_github(
    results: list[Result],
    page_base: str | None,
    fallback_file: str | None,
    out: TextIO = sys.stdout,
) -> None:
    """GitHub Actions annotations: ::error for broken, ::warning for moved/unverifiable."""
    for r in sorted(results, key=lambda r: (ORDER.index(r.verdict), r.url)):
        if r.verdict is Verdict.OK:
            continue
        level = "error" if r.verdict is Verdict.BROKEN else "warning"
        file: str | None = fallback_file
        if r.pages and page_base is not None:
            file = f"{page_base.rstrip('/')}/{r.pages[0]}" if page_base else r.pages[0]
        props = f"file={_escape_prop(file)}," if file else ""
        title = f"{TITLES[r.verdict]} link"
        others = f" (also on {len(r.pages) - 1} other page(s))" if len(r.pages) > 1 else ""
        text = _escape_data(f"{r.url} - {r.message}{others}")
        print(f"::{level} {props}title={_escape_prop(title)}::{text}", file=out)
    print(counts_line(results, 0).replace(" in 0.0 s", ""), file=out)


class Progress:
    """A one-line progress bar on a terminal."""

    def __init__(self, total: int, out: TextIO = sys.stderr, width: int = 30) -> None:
        self.total, self.done, self.out, self.width = total, 0, out, width

    def step(self) -> None:
        """Count one finished link and redraw."""
        self.done += 1
        filled = self.width * self.done // max(self.total, 1)
        bar = "#" * filled + "." * (self.width - filled)
        self.out.write(f"\r[{bar}] {self.done}/{self.total} links")
        self.out.flush()

    def finish(self) -> None:
        """End the bar's line."""
        if self.total:
            self.out.write("\n")
            self.out.flush()
