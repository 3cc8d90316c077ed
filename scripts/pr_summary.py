#!/usr/bin/env python3
"""Write a pull request's summary: the pages it changes, their reading grades, and a
check of the external links it adds or changes.

    .venv/bin/python scripts/pr_summary.py --base origin/main --site site
    .venv/bin/python scripts/pr_summary.py --base origin/main --site site --no-links

It writes GitHub-flavoured Markdown to $GITHUB_STEP_SUMMARY when set (the preview
workflow), else to standard output. The link check calls scripts/check_links.py and
needs the internet. Always exits 0 when it could run: the summary informs, the
strict build and the tests decide.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from iopguide import project
from iopguide.checks import frontmatter, markdown_scan
from iopguide.paths import ROOT

FRONT_MATTER_URL = re.compile(r"^\s*(?:-\s*)?url:\s*[\"']?(?P<url>https?://[^\s\"']+)", re.M)
VERDICT_MARK = {
    "ok": "✅ ok",
    "moved": "↪️ moved",
    "broken": "❌ broken",
    "unverifiable": "⚠️ unverifiable",
}


@dataclass(frozen=True)
class PageRow:
    path: str
    grade: float | None  # None: the page was not in the built site
    words: int
    hardest: str


def external_urls(text: str) -> set[str]:
    """The http(s) addresses a page links to: its body links and its front-matter sources."""
    urls = {
        link.target
        for link in markdown_scan.links(text)
        if re.match(r"^https?://", link.target, re.I)
    }
    block = frontmatter.split(text)
    if block is not None:
        urls |= {m.group("url") for m in FRONT_MATTER_URL.finditer(block.yaml_text)}
    return urls


def added_urls(old: str, new: str) -> list[str]:
    """Addresses in the new text that the old text did not have (new or changed links)."""
    return sorted(external_urls(new) - external_urls(old))


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def changed_pages(base: str) -> list[str]:
    """docs/ pages added, changed or renamed since the merge base with `base`."""
    names = _git("diff", "--name-only", "--diff-filter=AMR", f"{base}...HEAD", "--", "docs")
    return [
        name
        for name in names.splitlines()
        if name.endswith(".md") and not any(part.startswith(".") for part in Path(name).parts[1:])
    ]


def old_text(base: str, path: str) -> str:
    """The page as it was at the merge base, or "" for a new page."""
    merge_base = _git("merge-base", base, "HEAD").strip()
    result = subprocess.run(
        ["git", "show", f"{merge_base}:{path}"], cwd=ROOT, capture_output=True, text=True
    )
    return result.stdout if result.returncode == 0 else ""


def built_html(site: Path, path: str) -> Path:
    """Where docs/x.md is built: x/index.html (docs/index.md is index.html)."""
    return site / project.page_url(Path(path).relative_to("docs").as_posix()) / "index.html"


def page_row(site: Path, path: str) -> PageRow:
    from iopguide.checks import readability  # needs textstat, which the URL functions do not

    html = built_html(site, path)
    if not html.is_file():
        return PageRow(path, None, 0, "")
    reading = readability.measure(html.read_text(encoding="utf-8"), hardest=1)
    hardest = reading.hardest[0][1] if reading.hardest else ""
    return PageRow(path, reading.grade, reading.words, hardest)


def check_urls(urls: list[str]) -> list[dict[str, object]]:
    """Run check_links.py on the URLs; its JSON rows (url, verdict, status, message)."""
    with tempfile.TemporaryDirectory() as scratch:
        listing, report = Path(scratch) / "urls.txt", Path(scratch) / "report.json"
        listing.write_text("\n".join(urls) + "\n", encoding="utf-8")
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "scripts" / "check_links.py"),
                "--urls",
                str(listing),
                "--json",
                str(report),
                "--no-progress",
            ],
            cwd=ROOT,
        )
        if not report.is_file():
            return [
                {
                    "url": url,
                    "verdict": "unverifiable",
                    "status": None,
                    "message": "the link checker did not run",
                }
                for url in urls
            ]
        return json.loads(report.read_text(encoding="utf-8"))


def _cell(text: object) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def render(
    pages: list[PageRow],
    links: dict[str, list[str]],
    results: list[dict[str, object]] | None,
    max_grade: float = 8.0,
) -> str:
    """The summary as GitHub-flavoured Markdown."""
    lines = ["## Pages changed in this pull request", ""]
    if not pages:
        lines += ["No page in `docs/` changed.", ""]
    else:
        lines += [
            "| Page | Reading grade | Words | Hardest sentence |",
            "| --- | --- | --- | --- |",
        ]
        for row in pages:
            if row.grade is None:
                grade = "not built"
            else:
                grade = f"{row.grade:.1f}" + (" ❌ above 8" if row.grade > max_grade else " ✅")
            lines.append(f"| `{row.path}` | {grade} | {row.words} | {_cell(row.hardest)} |")
        lines.append("")
    lines += ["## External links added or changed", ""]
    urls = sorted({url for found in links.values() for url in found})
    if not urls:
        return "\n".join(lines + ["None.", ""])
    by_url = {str(row["url"]): row for row in results or []}
    lines += ["| Link | Page | Result |", "| --- | --- | --- |"]
    for url in urls:
        where = ", ".join(f"`{page}`" for page, found in links.items() if url in found)
        row = by_url.get(url)
        if row is None:
            result = "not checked"
        else:
            verdict = VERDICT_MARK.get(str(row.get("verdict")), str(row.get("verdict")))
            detail = " ".join(str(part) for part in (row.get("status"), row.get("message")) if part)
            result = f"{verdict} {_cell(detail)}".strip()
        lines.append(f"| {_cell(url)} | {where} | {result} |")
    return "\n".join(lines + [""])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--base", required=True, help="the branch the pull request targets, e.g. origin/main"
    )
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site")
    parser.add_argument("--no-links", action="store_true", help="skip the external link check")
    args = parser.parse_args(argv)
    pages = changed_pages(args.base)
    links = {}
    for path in pages:
        new = (ROOT / path).read_text(encoding="utf-8")
        links[path] = added_urls(old_text(args.base, path), new)
    urls = sorted({url for found in links.values() for url in found})
    results = check_urls(urls) if urls and not args.no_links else None
    summary = render([page_row(args.site, path) for path in pages], links, results)
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(summary)
    else:
        sys.stdout.write(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
