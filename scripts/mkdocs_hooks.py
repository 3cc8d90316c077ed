"""MkDocs hooks: thin adapters from MkDocs events to the plain modules in scripts/.

Each check reports with `log.warning`, which a strict build turns into a failure.
Problems marked as warnings by their rule (a review due soon) use `log.info`, so
they show in the output without failing the build.
"""

from __future__ import annotations

import logging
import os

import frontmatter
import html_fixes
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.iop")


def _project_path(path: str, config: MkDocsConfig) -> str:
    root = os.path.dirname(os.path.abspath(config.config_file_path))
    return os.path.relpath(path, root)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    with open(page.file.abs_src_path, encoding="utf-8-sig") as source:
        text = source.read()
    path = _project_path(page.file.abs_src_path, config)
    for problem in frontmatter.check_page(text, path):
        (log.warning if problem.severity == "error" else log.info)(str(problem))
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return html_fixes.label_checklists(html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return html_fixes.drop_dangling_toc_label(html_fixes.drop_empty_tabindex(output))


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return html_fixes.drop_empty_tabindex(output_content)
