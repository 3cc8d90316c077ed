"""MkDocs hooks: thin adapters from MkDocs events to the steps in the iopguide package.

`check` runs page by page as MkDocs reads each one (so `mkdocs serve` reports a mistake
the moment a file is saved), and `finish` runs on the built folder at the end, exactly as
`dev.py build --engine zensical` runs both around Zensical. Only what is MkDocs' own
stays here: its warnings said plainly (iopguide/checks/mkdocs_messages.py) and a
table of contents left out where a page hides it.

Each problem is logged with `log.warning` (a strict build fails on it), or `log.info`
when its rule marks it a warning only (a review due soon).
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from iopguide import editions, project
from iopguide.checks import content as content_checks
from iopguide.checks import (
    crisis_lines,
    frontmatter,
    mkdocs_messages,
    published_files,
    rendered_html,
    reported,
    snippets,
    symlinks,
)
from iopguide.checks import site as site_checks
from iopguide.finish.run import EditionBuild, finish_site
from iopguide.tools import serve_guard

log = logging.getLogger("mkdocs.hooks.iop")
_page_keys: list[site_checks.PageKeys] = []  # titles and descriptions, for on_env
_site: dict[str, mkdocs_messages.Site] = {}  # this build's pages, for _SaidPlainly


def _report(problems: list[frontmatter.Problem]) -> None:
    for problem in problems:
        reported.add(problem)
        (log.warning if problem.severity == "error" else log.info)(str(problem))


class _SaidPlainly(logging.Filter):
    """Swaps MkDocs' own link, anchor and menu warnings for our one-line form (see
    mkdocs_messages.py), at the same level; a message it does not know passes unchanged."""

    def filter(self, record: logging.LogRecord) -> bool:
        site = _site.get("site")
        problems = mkdocs_messages.rewrite(record.getMessage(), site) if site else None
        if problems is None:
            return True
        for problem in problems:
            log.log(record.levelno, str(problem))
        return False


_FILTER = _SaidPlainly()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    reported.clear()  # `mkdocs serve` rebuilds in the same process
    root = Path(_config_file(config)).parent
    linked = symlinks.problems(root) + published_files.unreadable(root)
    if linked:  # stop before MkDocs reads what a link leads to, or a page it cannot read
        _report(linked)
        raise Abort("Aborted: a symbolic link, or a page that is not UTF-8 (named above)")
    if not os.environ.get(EDITION_ENV):  # once a build: the crisis file serves every language
        _report(crisis_lines.file_problems(root) + published_files.problems(root))  # docs/ too
    for name in ("mkdocs.structure.pages", "mkdocs.structure.nav"):
        if _FILTER not in logging.getLogger(name).filters:
            logging.getLogger(name).addFilter(_FILTER)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if os.environ.get(EDITION_ENV):  # another language: the site's own CSS and scripts too
        english = Path(_config_file(config)).parent / "docs"
        for path in sorted((english / editions.SHARED).rglob("*")):
            uri = path.relative_to(english).as_posix()
            if path.is_file() and files.get_file_from_path(uri) is None:
                files.append(File(uri, str(english), config.site_dir, config.use_directory_urls))

    def source(src: str) -> str:
        file = files.get_file_from_path(src)
        if file is None or not file.abs_src_path:
            return ""
        with open(file.abs_src_path, encoding="utf-8-sig") as handle:
            return handle.read()

    def anchors(src: str) -> set[str]:
        """The page's sections: its headings' anchors (not figure or form ids)."""
        file = files.get_file_from_path(src)
        found: set[str] = set()
        stack = list(getattr(file.page, "toc", None) or ()) if file else []
        while stack:
            item = stack.pop()
            found.add(item.id)
            stack.extend(item.children)
        return found

    def title(src: str) -> str:
        return site_checks.page_keys(source(src), src).title

    with open(_config_file(config), encoding="utf-8-sig") as handle:
        config_text = handle.read()
    pages = tuple(file.src_uri for file in files.documentation_pages())
    others = tuple(
        file.src_uri
        for file in files
        if not file.is_documentation_page() and _in_docs(file, config)
    )
    _site["site"] = mkdocs_messages.Site(
        _project_path(config.docs_dir, config).replace(os.sep, "/"),
        _project_path(_config_file(config), config).replace(os.sep, "/"),
        config_text,
        pages,
        others,
        source,
        anchors,
        title,
    )
    return files


def _in_docs(file: File, config: MkDocsConfig) -> bool:
    return bool(file.abs_src_path) and os.path.abspath(file.abs_src_path).startswith(
        os.path.abspath(config.docs_dir) + os.sep
    )


def _config_file(config: MkDocsConfig) -> str:
    """mkdocs.yml, or for another language the file of its differences (mkdocs.es.yml):
    the file an editor changes, which the build's messages name. (Another language is
    built from a merged copy in a scratch folder; see on_post_build.)"""
    return os.environ.get(EDITION_CONFIG_ENV) or config.config_file_path


def _project_path(path: str, config: MkDocsConfig) -> str:
    root = os.path.dirname(os.path.abspath(_config_file(config)))
    return os.path.relpath(path, root)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    path = _project_path(page.file.abs_src_path, config)
    reported.built_as(path, page.file.dest_uri)
    _report(frontmatter.check_page(text, path))
    root = Path(_config_file(config)).parent
    _report(content_checks.check_markdown(text, path, root))
    options, shown = config.mdx_configs.get("pymdownx.snippets"), path.replace(os.sep, "/")
    sources = rendered_html.page_sources(shown, Path(config.docs_dir), root)
    found = rendered_html.include_problem(markdown, options, shown, sources)
    if found:  # an include MkDocs cannot read would stop it with a traceback: skip the
        _report([found])  # page's text; on_env stops the build once every page is checked
        return ""
    _page_keys.append(site_checks.page_keys(text, path))
    return markdown  # citation markers are a Markdown extension (iopguide/render/citations.py)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page as MkDocs rendered it, snippets and all, through the allow-list. Front
    matter that failed its check reaches no plugin or template: the build reports
    every other problem, then fails."""
    root = Path(_config_file(config)).parent
    path = _project_path(page.file.abs_src_path, config).replace(os.sep, "/")
    if path in reported.pages_with("front-matter"):
        page.meta = {}
    sources = rendered_html.page_sources(path, Path(config.docs_dir), root)
    # Files a Markdown rule already failed, and snippets already named on another page.
    rules = (*rendered_html.SAID_BEFORE, rendered_html.RULE)
    said = {found for rule in rules for found in reported.pages_with(rule)}
    _report(rendered_html.check(html, sources, path, said))
    return html


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _page_keys.clear()  # `mkdocs serve` rebuilds in the same process
    with open(_config_file(config), encoding="utf-8-sig") as source:
        text = source.read()
    pages = {file.src_uri for file in files.documentation_pages()}
    docs = os.path.basename(os.path.normpath(config.docs_dir))
    config_path = _project_path(_config_file(config), config)
    _report(site_checks.nav_files(text, config_path, pages, docs))
    root = Path(_config_file(config)).parent  # snippet files, checked like pages:
    _report(snippets.check_snippets(Path(config.docs_dir), root))
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _report(site_checks.duplicates(_page_keys))
    if reported.pages_with(snippets.INCLUDE_RULE):  # a page left without its text
        raise Abort("Aborted: an include that cannot be read (named above)")
    return env


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """`hide: [toc]` leaves the table of contents out (Material builds a hidden one twice)."""
    if "toc" in (page.meta.get("hide") or ()):
        page.toc = TableOfContents([])
    return context


def on_serve(
    server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]
) -> LiveReloadServer:
    """`mkdocs serve` rebuilds when another language's pages or settings change too, and
    shows the last good build while a rebuild fails (iopguide/tools/serve_guard.py)."""
    root = Path(config.config_file_path).parent
    for edition in editions.editions(root):
        if not edition.is_default and edition.differences:
            server.watch(str(edition.docs_dir))
            server.watch(str(edition.differences))
    server.builder = serve_guard.keep_last_good(builder, Path(config.site_dir))
    return server


def on_post_build(config: MkDocsConfig) -> None:
    """Build the other languages into their folders, then `finish` on the whole built
    site: the same steps Zensical's build runs. A language's own build (started here,
    with IOP_EDITION set) only checks its pages; the English build finishes them all."""
    if os.environ.get(EDITION_ENV):
        return
    root = Path(config.config_file_path).parent
    builds = []
    for edition in editions.editions(root):
        if not edition.is_default:
            _build_edition(edition, root, Path(config.site_dir) / edition.folder, config)
        builds.append(_edition_build(edition, root, config))
    # Pages whose raw or rendered HTML, or front matter, already failed: what that markup
    # does on the built page (Material prints a title unescaped in its header) is the same
    # finding.
    said = ("unsafe-html", "front-matter", rendered_html.RULE)
    excused = frozenset(page for rule in said for page in reported.built_with(rule))
    report = finish_site(Path(config.site_dir), builds, excused)
    _report(report.problems)
    for warning in report.warnings:
        log.warning(warning)
    for note in report.notes:
        log.info(note)


EDITION_ENV = "IOP_EDITION"  # set in another language's build: check only, no finish
EDITION_CONFIG_ENV = "IOP_EDITION_CONFIG"  # that language's mkdocs.<lang>.yml
PROBLEM = re.compile(r"^\S+:\d+: [a-z-]+: ")  # `path:line: rule: ...`, as Problem prints
on_template_context = editions.error_page_context  # es/404.html links into es/, no site_url


def _edition_build(edition: editions.Edition, root: Path, config: MkDocsConfig) -> EditionBuild:
    settings = editions.settings(edition, root, config.site_url or "/")  # serve sets its own
    return EditionBuild(
        edition.lang, edition.folder, settings, project.source_pages(settings.docs_dir)
    )


def _build_edition(
    edition: editions.Edition, root: Path, site_dir: Path, config: MkDocsConfig
) -> None:
    """`mkdocs build` of one more language into `site_dir`, its problems shown here."""
    with tempfile.TemporaryDirectory(prefix="iop-edition-") as scratch:
        merged = Path(scratch) / "mkdocs.yml"
        editions.write_config(edition, root, merged, config.site_url or "/")
        env = dict(os.environ, **{EDITION_ENV: edition.lang})
        env[EDITION_CONFIG_ENV] = str(edition.differences)
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(merged)]
            + ["--site-dir", str(site_dir)],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
        )
    for line in dict.fromkeys((result.stdout + result.stderr).splitlines()):
        level, _, message = line.partition(" -  ")
        if level.strip() in ("WARNING", "ERROR"):
            log.warning(message)
        elif level.strip() == "INFO" and PROBLEM.match(message):  # a warning-only rule
            log.info(message)
    if result.returncode != 0 and "Aborted" not in result.stdout + result.stderr:
        lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
        log.warning(  # the error itself, not Python's traceback
            f"{edition.docs_dir.name}/: the build stopped: {lines[-1] if lines else 'no output'}"
        )
