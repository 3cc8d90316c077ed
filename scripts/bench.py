"""Page-weight benchmark: build the site, then weigh every page's first view.

    .venv/bin/python scripts/bench.py              # static figures + what Chromium requests
    .venv/bin/python scripts/bench.py --no-browser # static figures only

Builds into a temporary folder (site/ is left alone) and prints, per page, the
gzip-compressed bytes of the HTML (held to what the first round trip carries) and of
the CSS, JavaScript, fonts and images its first view loads, the request count, the
build's wall time and the search index size. The figures come from
scripts/iopguide/tools/page_weight.py, the same model the budget test uses. Unless
--no-browser, it also opens every page in Chromium (CHROME_PATH, else /usr/bin/chromium)
served by scripts/iopguide/tools/static_server.py (gzip and _headers, like a real host)
and prints the requests Chromium really made, flagging any page where
they differ from the model.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from iopguide.tools import browser as chromium
from iopguide.tools import page_weight, static_server
from iopguide.tools.build import build_site

ROOT = Path(__file__).resolve().parent.parent


def build(out: Path, **extra_env: str) -> float:
    """A strict build into `out` (tools/build.py); its wall time in seconds. Exits with
    the build's output if it fails."""
    built = build_site(out, quiet=True, **extra_env)
    if not built.ok:
        sys.exit(f"the build failed:\n{built.output}")
    return built.seconds


def page_url(page: str) -> str:
    return page.removesuffix("index.html")


def browser_requests(site: Path, pages: list[str]) -> dict[str, list[tuple[str, int]]]:
    """For each page, the (path, encoded body bytes) of every request Chromium made."""
    seen: dict[str, list[tuple[str, int]]] = {}
    with static_server.serve(site) as base, chromium.launch() as browser:
        for page in pages:
            context = browser.new_context(viewport={"width": 360, "height": 740})
            tab = context.new_page()
            requests: list = []
            # A lambda, not `requests.append`: Playwright tags each handler with an attribute.
            context.on("requestfinished", lambda request, found=requests: found.append(request))
            tab.goto(base + page_url(page), wait_until="load")
            tab.wait_for_load_state("networkidle")
            found = []
            for request in requests:
                parts = urlsplit(request.url)
                name = parts.path if request.url.startswith(base) else request.url
                found.append((name, request.sizes()["responseBodySize"]))
            seen[page] = found
            context.close()
    return seen


def kb(count: int) -> str:
    return f"{count / 1000:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium check")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="iop-bench-") as scratch:
        site = Path(scratch) / "site"
        seconds = build(site)
        pages = page_weight.html_pages(site)
        loads = {page: page_weight.first_view(site, page) for page in pages}
        real = {} if args.no_browser else browser_requests(site, pages)
        index = site / "search" / "search_index.json"
        index_raw, index_gz = page_weight.transfer_size(index)

        print(f"Build (mkdocs build --strict): {seconds:.2f} s wall time, {len(pages)} pages")
        print(
            f"Search index: {kb(index_raw)} KB raw, {kb(index_gz)} KB gzip "
            "(loads when a reader opens search, not on first view)"
        )
        print(
            f"Budget: {kb(page_weight.BUDGET_BYTES)} KB compressed "
            f"({kb(page_weight.EMBED_BUDGET_BYTES)} KB for an embed) and "
            f"{page_weight.BUDGET_REQUESTS} requests per first view; "
            f"{kb(page_weight.HTML_BUDGET_BYTES)} KB of HTML (the first round trip, "
            "less ~0.8 KB of headers)\n"
        )
        head = (
            f"{'page':<40} {'html':>5} {'css':>5} {'js':>5} {'font':>5} {'img':>5} "
            f"{'other':>5} {'total':>6} {'req':>3}"
        )
        if real:
            head += f" {'chromium':>8}"
        print(head + "   (KB gzip)")
        mismatches = []
        for page, load in loads.items():
            other = load.compressed - load.by_kind(
                "document", "stylesheet", "script", "font", "image", "icon"
            )
            line = (
                f"{page_url(page) or '/':<40} {kb(load.by_kind('document')):>5} "
                f"{kb(load.by_kind('stylesheet')):>5} {kb(load.by_kind('script')):>5} "
                f"{kb(load.by_kind('font')):>5} {kb(load.by_kind('image', 'icon')):>5} "
                f"{kb(other):>5} {kb(load.compressed):>6} {load.requests:>3}"
            )
            if real:
                requested = real[page]
                line += f" {len(requested):>3} req {kb(sum(size for _, size in requested)):>5}"
                model = {r.url.removesuffix("index.html") for r in load.resources}
                got = {name.removesuffix("index.html") for name, _ in requested}
                eager = {r.url.removesuffix("index.html") for r in load.resources if not r.lazy}
                if not eager <= got <= model:
                    mismatches.append(
                        f"{page}: Chromium loaded {sorted(got - model)} beyond "
                        f"the model and skipped {sorted(model - got)}"
                    )
            print(line)
        worst = max(loads.values(), key=lambda load: load.compressed)
        print(
            f"\nHeaviest first view: {page_url(worst.page) or '/'} at "
            f"{kb(worst.compressed)} KB in {worst.requests} requests"
        )
        largest = max(loads.values(), key=lambda load: load.by_kind("document"))
        print(
            f"Largest HTML: {page_url(largest.page) or '/'} at "
            f"{largest.by_kind('document'):,} bytes gzip of {page_weight.HTML_BUDGET_BYTES:,}"
        )
        for mismatch in mismatches:
            print(f"MODEL DIFFERS: {mismatch}")
        problems = [p for load in loads.values() for p in page_weight.budget_problems(load)]
        for problem in problems:
            print(f"OVER BUDGET: {problem}")
        return 1 if problems or mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
