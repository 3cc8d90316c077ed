"""MkDocs hooks: thin adapters from MkDocs events to the plain modules in scripts/.

Each check reports with `log.warning`, which a strict build turns into a failure.
Problems marked as warnings by their rule (a review due soon) use `log.info`, so
they show in the output without failing the build.
"""

from __future__ import annotations

import logging
import os

import content_checks
import frontmatter
import html_fixes
import readability
import site_checks
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

log = logging.getLogger("mkdocs.hooks.iop")
_page_keys: list[site_checks.PageKeys] = []  # titles and descriptions, for on_env


def _report(problems: list[frontmatter.Problem]) -> None:
    for problem in problems:
        (log.warning if problem.severity == "error" else log.info)(str(problem))


def _project_path(path: str, config: MkDocsConfig) -> str:
    root = os.path.dirname(os.path.abspath(config.config_file_path))
    return os.path.relpath(path, root)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    with open(page.file.abs_src_path, encoding="utf-8-sig") as source:
        text = source.read()
    path = _project_path(page.file.abs_src_path, config)
    _report(frontmatter.check_page(text, path))
    _report(content_checks.check_markdown(text, path))
    _page_keys.append(site_checks.page_keys(text, path))
    return markdown


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _page_keys.clear()  # `mkdocs serve` rebuilds in the same process
    with open(config.config_file_path, encoding="utf-8-sig") as source:
        text = source.read()
    pages = {file.src_uri for file in files.documentation_pages()}
    _report(site_checks.nav_files(text, _project_path(config.config_file_path, config), pages))
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _report(site_checks.duplicates(_page_keys))
    return env


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return html_fixes.first_abbr_only(html_fixes.label_checklists(html))


def on_page_context(context: dict, page: Page, config: MkDocsConfig,
                    nav: Navigation) -> dict:
    """`hide: [toc]` leaves the table of contents out. Material would still build a
    hidden one, twice, and set it up at load: on the glossary, 50 links and most of the
    page's start-up time on a phone. Search still splits the page at its headings."""
    if "toc" in (page.meta.get("hide") or ()):
        page.toc = TableOfContents([])
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if page.file.abs_src_path:  # measured on the built page, reported on its source
        _report(site_checks.reading_grade(readability.measure(output),
                                          _project_path(page.file.abs_src_path, config),
                                          readability.MAX_GRADE))
    return html_fixes.drop_dangling_toc_label(html_fixes.drop_empty_tabindex(output))


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return html_fixes.drop_empty_tabindex(output_content)
