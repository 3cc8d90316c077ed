"""The pipeline, the same for any generator: `check` docs/, build, then `finish` the site.

MkDocs runs `check` page by page and `finish` at the end through scripts/mkdocs_hooks.py.
Zensical reads the same mkdocs.yml but runs no hooks, so for it this module runs the
steps around the generator (tools/build.py calls it in a fresh process):

    python -m iopguide.steps check                        # docs/ only; exit 1 on a problem
    python -m iopguide.steps build OUT   # check, zensical build, finish

Run from the project folder (the one with mkdocs.yml). Nothing is written to OUT unless
every step succeeds.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from iopguide import crisis, editions, project
from iopguide.checks import (
    content,
    crisis_lines,
    frontmatter,
    published_files,
    rendered_html,
    snippets,
    symlinks,
)
from iopguide.checks import site as site_checks
from iopguide.checks.problem import Problem
from iopguide.finish.run import EditionBuild, finish_site
from iopguide.render import page_html


def check(settings: project.Settings, pages: list[project.SourcePage]) -> list[Problem]:
    """Every editor rule that reads docs/: front matter, Markdown (pages and snippet
    files), the menu, duplicates."""
    problems: list[Problem] = []
    root = settings.config_path.parent
    for page in pages:  # each page's front matter as read once (project.SourcePage.front)
        problems += frontmatter.check_page(page.text, page.src, front=page.front)
        problems += content.check_markdown(page.text, page.src, root, page.front)
    problems += snippets.check_snippets(settings.docs_dir, root)
    config = settings.config_path.name
    docs = settings.docs_dir.name
    problems += site_checks.nav_files(settings.config_text, config, {p.uri for p in pages}, docs)
    keys = [site_checks.page_keys(p.text, p.src, p.front) for p in pages]
    problems += site_checks.duplicates(keys)
    return problems


def check_rendered(
    edition: editions.Edition, folder: Path, build: EditionBuild, said: set[str]
) -> list[Problem]:
    """The `rendered-html` rule on each page of one language, rendered as Zensical renders
    it (the MkDocs hook reads MkDocs' own rendering); `said`: files already failed by a
    Markdown rule, and snippets already named, which grows as pages are read."""
    config = editions.config_data(edition, folder)
    render = page_html.renderer(config, folder)
    options = snippets.options_of(config, folder)
    problems: list[Problem] = []
    for page in build.pages:
        docs_dir = build.settings.docs_dir
        sources = rendered_html.page_sources(page.src, docs_dir, folder)
        missing = rendered_html.include_problem(page.text, options, page.src, sources)
        if missing:  # the renderer would stop with a traceback
            problems.append(missing)
            continue
        found = rendered_html.check(render(page.text), sources, page.src, said)
        said |= {problem.path for problem in found}
        problems += found
    return problems


def _show(problems: list[Problem]) -> bool:
    """Print each problem; True when none of them is an error."""
    for problem in problems:
        print(problem if problem.severity == "error" else f"{problem} (warning)", flush=True)
    return not any(problem.severity == "error" for problem in problems)


def build_zensical(folder: Path, out: Path) -> bool:
    """`check`, `zensical build` of each language, `finish`, for the project in `folder`,
    into `out`."""
    stop = symlinks.problems(folder) + published_files.unreadable(folder)
    if not _show(stop):  # before anything reads a linked file, or a page that is not UTF-8
        print("check failed: the site was not built", file=sys.stderr)
        return False
    builds = []
    for edition in editions.editions(folder):
        settings = editions.settings(
            edition, folder, project.settings(folder / "mkdocs.yml").site_url
        )
        builds.append(
            EditionBuild(
                edition.lang, edition.folder, settings, project.source_pages(settings.docs_dir)
            )
        )
    found = crisis_lines.file_problems(folder)  # once: the file serves every language
    found += published_files.problems(folder)
    found += [p for build in builds for p in check(build.settings, build.pages)]
    said = {p.path for p in found if p.rule in rendered_html.SAID_BEFORE}
    for edition, build in zip(editions.editions(folder), builds, strict=True):
        found += check_rendered(edition, folder, build, said)
    if not _show(found):
        print("check failed: the site was not built", file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory(prefix="iop-zensical-") as scratch:
        site = Path(scratch) / "site"
        for edition in editions.editions(folder):
            if not _zensical(edition, folder, Path(scratch) / edition.lang, site / edition.folder):
                return False
        report = finish_site(site, builds, generator="zensical")
        ok = _show(report.problems)
        for line in report.warnings:
            print(line, flush=True)
        for line in report.notes:
            print(f"{line} (note)", flush=True)
        if not ok or report.warnings:
            print("finish failed: the site was not written", file=sys.stderr)
            return False
        if out.exists():
            shutil.rmtree(out)
        shutil.move(str(site), out)
    return True


def _zensical(edition: editions.Edition, folder: Path, copy: Path, into: Path) -> bool:
    """Zensical writes its site and its cache (.cache/, which it may wipe) only inside the
    project folder, so it builds a copy of what it reads, in a scratch folder."""
    copy.mkdir(parents=True)
    editions.write_config(edition, folder, copy / "mkdocs.yml", absolute=False)
    for part in (edition.docs_dir.name, "overrides"):
        if (folder / part).is_dir():
            shutil.copytree(folder / part, copy / part)
    shared = folder / "docs" / editions.SHARED  # every edition's CSS, scripts and icon
    if not edition.is_default and not (copy / edition.docs_dir.name / editions.SHARED).exists():
        shutil.copytree(shared, copy / edition.docs_dir.name / editions.SHARED)
    if not edition.is_default and (folder / crisis.FILE).is_file():  # {crisis:...} in any language
        (copy / crisis.FILE).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(folder / crisis.FILE, copy / crisis.FILE)
    result = subprocess.run([sys.executable, "-m", "zensical", "build"], cwd=copy)
    if result.returncode != 0:
        return False
    into.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(copy / "site"), into)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m iopguide.steps")
    sub = parser.add_subparsers(dest="step", required=True)
    sub.add_parser("check", help="check docs/")
    build = sub.add_parser("build", help="check, zensical build, finish")
    build.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    folder = Path.cwd()
    if args.step == "check":
        settings = project.settings(folder / "mkdocs.yml")
        if not _show(symlinks.problems(folder) + published_files.unreadable(folder)):
            return 1  # before anything reads a linked file, or a page that is not UTF-8
        found = crisis_lines.file_problems(folder) + published_files.problems(folder)
        return 0 if _show(found + check(settings, project.source_pages(settings.docs_dir))) else 1
    return 0 if build_zensical(folder, args.out.resolve()) else 1


if __name__ == "__main__":
    sys.exit(main())
