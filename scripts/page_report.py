"""List every page with its reading grade and word count.

    .venv/bin/python scripts/page_report.py            # builds the site first
    .venv/bin/python scripts/page_report.py site/      # reads an existing build
    .venv/bin/python scripts/page_report.py --hardest  # also show each page's hardest sentences

Pages above grade 8 are marked with "!". Then each translated page (docs-es/) with its
INFLESZ reading ease (below 65 marked "!") and whether it is in step with its English
page (translated_from). Run it after `python3 scripts/dev.py build`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from iopguide import editions, project
from iopguide.checks import readability, reading_es, translations
from iopguide.tools.build import build_site

ROOT = Path(__file__).resolve().parent.parent
OTHERS = {edition.lang for edition in editions.editions(ROOT) if not edition.is_default}


def pair_state(page: project.SourcePage) -> str:
    """'in step', else the translation-stale message (how much of the English changed)."""
    problems = translations.check(page.text, page.src)
    return problems[0].message.split(": bring")[0] if problems else "in step"


def report_pairs(site: Path) -> None:
    for edition in editions.editions(ROOT):
        if edition.is_default:
            continue
        print(f"\n{edition.lang + ' page':<34}  ease  words  English page")
        for page in project.source_pages(edition.docs_dir):
            built = site / edition.folder / page.built
            ease = (
                reading_es.measure(built.read_text(encoding="utf-8")) if built.is_file() else None
            )
            flag = "!" if ease and ease.score < reading_es.MIN_EASE else " "
            score = f"{ease.score:>5.0f}{flag} {ease.words:>5}" if ease else "  (not built)"
            print(f"{page.src:<34}  {score}  {pair_state(page)}")


def built_pages(site: Path) -> list[Path]:
    """Every page's index.html, skipping the 404 page and generated extras."""
    skip = {"404.html"}
    return sorted(
        p
        for p in site.rglob("index.html")
        if p.relative_to(site).parts[0] not in {"embed", "assets", "api", "search", *OTHERS}
        and p.name not in skip
    )


def report(site: Path, hardest: bool) -> int:
    rows = []
    for page in built_pages(site):
        folder = page.parent.relative_to(site).as_posix()
        name = "(home)" if folder == "." else folder + "/"
        rows.append((name, readability.measure(page.read_text(encoding="utf-8"))))
    width = max(len(name) for name, _ in rows)
    print(f"{'page':<{width}}  grade  words")
    for name, reading in rows:
        flag = "!" if reading.grade > readability.MAX_GRADE else " "
        print(f"{name:<{width}}  {reading.grade:>5.1f}{flag} {reading.words:>5}")
        if hardest:
            for grade, sentence in reading.hardest:
                print(f"    {grade:>5.1f}  {sentence}")
    report_pairs(site)
    return 1 if any(r.grade > readability.MAX_GRADE for _, r in rows) else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="page_report.py", description="Each page's reading grade and word count."
    )
    parser.add_argument(
        "site", nargs="?", type=Path, help="a built site folder (default: build one)"
    )
    parser.add_argument("--hardest", action="store_true", help="show each page's hardest sentences")
    args = parser.parse_args(argv)
    if args.site is not None:
        if not (args.site / "index.html").is_file():  # a page's .md, or a typo: one line
            print(
                f"page_report.py: {args.site} is not a built site folder (no index.html): "
                "give site/ after `python3 scripts/dev.py build`, or nothing to build one",
                file=sys.stderr,
            )
            return 2
        return report(args.site, args.hardest)
    with tempfile.TemporaryDirectory() as scratch:
        # Not strict: the report is most useful on a tree whose build still fails.
        built = build_site(Path(scratch) / "site", quiet=True, strict=False)
        if not built.ok:
            sys.exit(built.output)
        return report(Path(scratch) / "site", args.hardest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
