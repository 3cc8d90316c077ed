"""Phone screenshots for reviewers: every page, or the pages a change touches, at 360x740
in the light and the dark palette, as a reader's phone shows them.

    .venv/bin/python scripts/screenshots.py                       # every page
    .venv/bin/python scripts/screenshots.py --changed origin/main # pages changed since main
    .venv/bin/python scripts/screenshots.py --site site --out shots

Builds the site into a temporary folder (unless --site names a built one), serves it with
scripts/iopguide/tools/static_server.py, and writes `<out>/<page>-light.png` and
`<page>-dark.png`: the whole page at phone width (`--screen` for just the first 740 px).
A change to anything but a page (CSS, templates, mkdocs.yml, the glossary snippet)
touches every page, so --changed then takes them all. Prints one line per file and the
folder at the end. Chromium is CHROME_PATH, else /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import build
from iopguide.paths import ROOT
from iopguide.tools import browser as chromium
from iopguide.tools import static_server

PHONE = {"width": 360, "height": 740}
SCHEMES = ("light", "dark")


def all_pages(site: Path) -> list[str]:
    """Every built page, as its path under the site ("" is home), embeds left out."""
    pages = []
    for html in sorted(site.rglob("index.html")):
        relative = html.parent.relative_to(site).as_posix()
        if relative.startswith(("embed", "api", "assets")):
            continue
        pages.append("" if relative == "." else relative + "/")
    return pages


def changed_pages(base: str, pages: list[str]) -> list[str]:
    """The pages changed since `base` (every page when anything else changed)."""
    names = subprocess.run(
        ["git", "diff", "--name-only", f"{base}...HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return pages_for(names, pages)


def pages_for(names: list[str], pages: list[str]) -> list[str]:
    """The pages that changed files touch, in the order given."""
    touched = []
    for name in names:
        if not (name.startswith("docs/") and name.endswith(".md")):
            if name.startswith(("docs/", "overrides/", "mkdocs.yml")):
                return pages  # shared look or text: every page may change
            continue
        page = name.removeprefix("docs/").removesuffix(".md")
        page = "" if page == "index" else page.removesuffix("/index") + "/"
        if page in pages:
            touched.append(page)
    return touched


def file_name(page: str, scheme: str) -> str:
    return (page.strip("/").replace("/", "-") or "home") + f"-{scheme}.png"


def shoot(site: Path, pages: list[str], out: Path, full_page: bool) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with static_server.serve(site) as base, chromium.launch() as browser:
        for scheme in SCHEMES:
            context = browser.new_context(
                viewport=PHONE, color_scheme=scheme, device_scale_factor=1
            )
            context.set_default_timeout(120_000)
            tab = context.new_page()
            for page in pages:
                tab.goto(base + page, wait_until="load")
                tab.evaluate("() => document.fonts.ready.then(() => true)")
                target = out / file_name(page, scheme)
                tab.screenshot(path=str(target), full_page=full_page)
                print(target)
                written.append(target)
            context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--changed", metavar="BASE", help="only pages changed since this git ref (e.g. origin/main)"
    )
    parser.add_argument("--site", type=Path, help="a built site to use instead of building")
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "screenshots",
        help="where to write the PNG files (default: screenshots/)",
    )
    parser.add_argument(
        "--screen", action="store_true", help="only the first screen (360x740), not the whole page"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        site = args.site
        if site is None:
            site = Path(temporary) / "site"
            build(site, SITE_URL="http://127.0.0.1:8000/")
        pages = all_pages(site)
        if args.changed:
            pages = changed_pages(args.changed, pages)
        if not pages:
            print("no page changed: nothing to take")
            return 0
        written = shoot(site, pages, args.out, full_page=not args.screen)
    print(f"{len(written)} screenshots of {len(pages)} pages in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
