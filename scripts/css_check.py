"""Does the cut main stylesheet (finish/material_css.py) change how any page looks?

    .venv/bin/python scripts/css_check.py                    # build twice, compare all
    .venv/bin/python scripts/css_check.py --whole A --cut B  # compare two built folders
    .venv/bin/python scripts/css_check.py --only what-is-an-iop --out /tmp/shots

Builds the site twice at the same time into temporary folders, once with
IOP_KEEP_MATERIAL_CSS=1 (Material's stylesheet whole) and once as published (cut), serves
each with the static server, and takes a full-page screenshot of every built HTML file
(both languages, embeds and 404 pages too) in each, in the light and the dark palette, at
360x740 and 1280x800; then, on both home pages, the phone menu open, search results and a
glossary tooltip, which only Material's script draws. Two screenshots match when their PNG
bytes are the same (Chromium encodes the same pixels the same way); a pair that differs is
taken again until each page stands still. Prints each page that differs, then the gzip
size of the stylesheet in each build and a summary; exits 1 when a page differs. --out
keeps the differing pairs. Any other file that differs between the builds is named first:
the tree changed meanwhile.
A tool that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from iopguide.finish.material_css import KEEP_ENV
from iopguide.tools import browser as chromium
from iopguide.tools import static_server
from iopguide.tools.build import build_site

SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
SCHEMES = ("light", "dark")
# Material's ::placeholder colour transition, which its reduced-motion rule does not reach
# and each screenshot restarts, is stopped in both builds alike (the CSP is bypassed for it).
STILL = "::placeholder{transition:none!important}"
STATE_PAGES = ("index.html", "es/index.html")
# What a reader does that shows what only Material's script draws: (name, size, steps);
# a step is (action, selector, text), and "wait" waits for the selector to be visible.
STATES: tuple[tuple[str, str, tuple[tuple[str, str, str], ...]], ...] = (
    ("menu", "phone", (("click", 'label.md-header__button[for="__drawer"]', ""),)),
    (
        "search",
        "desktop",
        (("fill", ".md-search__input", "IOP"), ("wait", ".md-search-result__item", "")),
    ),
    ("tooltip", "desktop", (("hover", "article abbr", ""), ("wait", ".md-tooltip2", ""))),
)


def pages(site: Path, only: list[str]) -> list[str]:
    """Every built HTML file, as its path under the site, or those that contain `only`."""
    found = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    return [page for page in found if not only or any(word in page for word in only)]


def stylesheet_sizes(site: Path) -> str:
    files = sorted(site.glob("**/assets/stylesheets/**/main.*.css"))
    return ", ".join(
        f"{path.relative_to(site)} {len(gzip.compress(path.read_bytes(), 9)) / 1000:.1f} KB gzip"
        for path in files
    )


@contextlib.contextmanager
def builds(whole: str | None, cut: str | None) -> Iterator[tuple[Path, Path]]:
    """The two folders to compare: those given, else two strict builds made at the same
    time (the whole one with IOP_KEEP_MATERIAL_CSS=1), so both see the same tree."""
    if whole and cut:
        yield Path(whole), Path(cut)
        return
    with tempfile.TemporaryDirectory(prefix="css-check-") as folder:
        outs = Path(folder) / "whole", Path(folder) / "cut"
        with ThreadPoolExecutor(2) as pool:
            done = [
                pool.submit(build_site, outs[0], quiet=True, **{KEEP_ENV: "1"}),
                pool.submit(build_site, outs[1], quiet=True),
            ]
            for result in (job.result() for job in done):
                if not result.ok:
                    sys.exit(f"css_check: a build failed:\n{result.output}")
        yield outs


def other_differences(whole: Path, cut: Path) -> list[str]:
    """Files, but the theme's stylesheets, that differ between the builds: a tree that
    changed between them (the comparison then says nothing about the stylesheet)."""
    names = {p.relative_to(whole) for p in whole.rglob("*") if p.is_file()}
    names |= {p.relative_to(cut) for p in cut.rglob("*") if p.is_file()}
    return sorted(
        name.as_posix()
        for name in names
        if "stylesheets" not in name.parts
        and (
            not (whole / name).is_file()
            or not (cut / name).is_file()
            or (whole / name).read_bytes() != (cut / name).read_bytes()
        )
    )


def shot(page: object, url: str | None = None) -> bytes:
    if url:
        page.goto(url, wait_until="load")  # type: ignore[attr-defined]
        page.add_style_tag(content=STILL)  # type: ignore[attr-defined]
        page.evaluate("document.fonts.ready.then(() => true)")  # type: ignore[attr-defined]
    return page.screenshot(full_page=True, animations="disabled", caret="hide")  # type: ignore[attr-defined,no-any-return]


def settled(page: object, first: bytes, tries: int = 6, full_page: bool = True) -> bytes:
    """The page's screenshot once two in a row are the same (a transition Chromium's
    `animations="disabled"` does not reach, e.g. on a ::placeholder, may still run)."""
    last = first
    for _ in range(tries):
        page.wait_for_timeout(300)  # type: ignore[attr-defined]
        again = page.screenshot(full_page=full_page, animations="disabled", caret="hide")  # type: ignore[attr-defined]
        if again == last:
            return again
        last = again
    return last


def state_shot(page: object, url: str, steps: tuple[tuple[str, str, str], ...]) -> bytes:
    """The screen (not the whole page) after `steps` on a fresh load of `url`."""
    page.goto(url, wait_until="load")  # type: ignore[attr-defined]
    page.add_style_tag(content=STILL)  # type: ignore[attr-defined]
    for action, selector, text in steps:
        target = page.locator(selector).first  # type: ignore[attr-defined]
        with contextlib.suppress(Exception):  # a state that never comes: both builds alike
            if action == "click":
                target.click(timeout=10_000)
            elif action == "fill":
                target.fill(text, timeout=10_000)
            elif action == "hover":
                target.hover(timeout=10_000)
            else:
                target.wait_for(state="visible", timeout=20_000)
    first = page.screenshot(animations="disabled", caret="hide")  # type: ignore[attr-defined]
    return settled(page, first, full_page=False)


def compare_states(whole_url: str, cut_url: str, browser: object, out: Path | None) -> list[str]:
    """The states (menu open, search results, a tooltip) that look different."""
    differ = []
    for scheme in SCHEMES:
        for name, size, steps in STATES:
            context = browser.new_context(  # type: ignore[attr-defined]
                viewport=SIZES[size], color_scheme=scheme, reduced_motion="reduce", bypass_csp=True
            )
            page = context.new_page()
            for path in STATE_PAGES:
                a = state_shot(page, whole_url + path, steps)
                b = state_shot(page, cut_url + path, steps)
                if a != b:
                    differ.append(_differs(f"{path} {scheme} {size} {name}", a, b, out))
            context.close()
    return differ


def _differs(view: str, whole: bytes, cut: bytes, out: Path | None) -> str:
    """Say that `view` differs and, with --out, keep both screenshots; return `view`."""
    print(f"differs: {view}", flush=True)
    if out:
        stem = view.replace("/", "_").replace(" ", "-")
        (out / f"{stem}-whole.png").write_bytes(whole)
        (out / f"{stem}-cut.png").write_bytes(cut)
    return view


def compare(whole: Path, cut: Path, paths: list[str], out: Path | None) -> list[str]:
    """The (page, scheme, size) views whose screenshots differ between the two builds."""
    differ = []
    with (
        static_server.serve(whole) as whole_url,
        static_server.serve(cut) as cut_url,
        chromium.launch() as browser,
    ):
        for scheme in SCHEMES:
            for size, viewport in SIZES.items():
                context = browser.new_context(
                    viewport=viewport, color_scheme=scheme, reduced_motion="reduce", bypass_csp=True
                )
                before, after = context.new_page(), context.new_page()
                for path in paths:
                    a, b = shot(before, whole_url + path), shot(after, cut_url + path)
                    if a != b:  # a transition still running on either? look again
                        a, b = settled(before, a), settled(after, b)
                    if a != b:
                        differ.append(_differs(f"{path} {scheme} {size}", a, b, out))
                context.close()
        differ += compare_states(whole_url, cut_url, browser, out)
    return differ


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--whole", help="a build made with IOP_KEEP_MATERIAL_CSS=1")
    parser.add_argument("--cut", help="a build made as published")
    parser.add_argument("--only", nargs="*", default=[], help="pages whose path contains one")
    parser.add_argument("--out", type=Path, help="folder for the screenshots that differ")
    args = parser.parse_args()
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    with builds(args.whole, args.cut) as (whole, cut):
        changed = other_differences(whole, cut)
        if changed:
            print(f"warning: {len(changed)} other files differ between the builds: {changed[:5]}")
        paths = pages(whole, args.only)
        differ = compare(whole, cut, paths, args.out)
        print(f"stylesheet whole: {stylesheet_sizes(whole)}")
        print(f"stylesheet cut:   {stylesheet_sizes(cut)}")
    views = len(paths) * len(SCHEMES) * len(SIZES)
    states = len(STATE_PAGES) * len(SCHEMES) * len(STATES)
    print(
        f"{views + states - len(differ)} of {views + states} views identical ({len(paths)} "
        f"HTML files x {len(SCHEMES)} palettes x {len(SIZES)} sizes, and {states} with the "
        f"menu open, search results or a tooltip on {len(STATE_PAGES)} pages), "
        f"{len(differ)} differ, "
        f"{time.monotonic() - start:.0f} s"
    )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
