"""One MkDocs build: its checks page by page as MkDocs reads each page, then `finish`.

A `Build` is made in on_config and dropped when the build ends (plugin.py), so what it
remembers (the problems already reported, each page's title and description, the pages
the log filter describes) never reaches the next build of the same process. `check`
runs page by page (so `mkdocs serve` reports a mistake the moment a file is saved), and
`finish` on the built folder at the end, exactly as `dev.py build --engine zensical`
runs both around Zensical (iopguide/steps.py).

Each problem is logged with `log.warning` (a strict build fails on it), or `log.info`
when its rule marks it a warning only (a review due soon).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from iopguide import editions, project
from iopguide.checks import content as content_checks
from iopguide.checks import (
    crisis_lines,
    frontmatter,
    published_files,
    rendered_html,
    snippets,
    symlinks,
)
from iopguide.checks import site as site_checks
from iopguide.checks.problem import Problem
from iopguide.checks.reported import ReportedProblems
from iopguide.finish.run import finish_site
from iopguide.mkdocs_plugin import messages, other_languages
from iopguide.mkdocs_plugin.other_languages import config_file, project_path
from iopguide.mkdocs_plugin.said_plainly import SaidPlainly


class Build:
    """This build's state, and what each MkDocs event does with it."""

    def __init__(self, log: logging.Logger) -> None:
        self.log = log
        self.reported = ReportedProblems()
        self.page_keys: list[site_checks.PageKeys] = []  # titles and descriptions, for on_env
        self.pages: dict[str, project.SourcePage] = {}  # by src_uri: front matter read once
        self.said_plainly = SaidPlainly(log)  # MkDocs' own warnings, said as our lines

    def report(self, problems: list[Problem]) -> None:
        for problem in problems:
            self.reported.add(problem)
            (self.log.warning if problem.severity == "error" else self.log.info)(str(problem))

    def start(self, config: MkDocsConfig) -> None:
        """Stop before MkDocs reads what a link leads to, or a page it cannot read."""
        root = Path(config_file(config)).parent
        linked = symlinks.problems(root) + published_files.unreadable(root)
        if linked:
            self.report(linked)
            raise Abort("Aborted: a symbolic link, or a page that is not UTF-8 (named above)")
        if not other_languages.is_child():  # once a build: the crisis file serves them all
            self.report(crisis_lines.file_problems(root) + published_files.problems(root))
        self.said_plainly.install()

    def files(self, files: Files, config: MkDocsConfig) -> Files:
        if other_languages.is_child():  # another language: the site's own CSS and scripts too
            english = Path(config_file(config)).parent / "docs"
            for path in sorted((english / editions.SHARED).rglob("*")):
                uri = path.relative_to(english).as_posix()
                if path.is_file() and files.get_file_from_path(uri) is None:
                    files.append(
                        File(uri, str(english), config.site_dir, config.use_directory_urls)
                    )
        self.said_plainly.site = _site(files, config, self.pages)
        return files

    def page_markdown(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        path = project_path(page.file.abs_src_path, config)
        source = project.source_page(Path(page.file.abs_src_path), Path(config.docs_dir), path)
        self.pages[page.file.src_uri] = source  # its front matter, read once for this build
        text = source.text
        self.reported.built_as(path, page.file.dest_uri)
        self.report(frontmatter.check_page(text, path, front=source.front))
        root = Path(config_file(config)).parent
        self.report(content_checks.check_markdown(text, path, root, source.front))
        options, shown = config.mdx_configs.get("pymdownx.snippets"), path.replace(os.sep, "/")
        sources = rendered_html.page_sources(shown, Path(config.docs_dir), root)
        found = rendered_html.include_problem(markdown, options, shown, sources)
        if found:  # an include MkDocs cannot read would stop it with a traceback: skip the
            self.report([found])  # page's text; on_env stops the build once all are checked
            return ""
        self.page_keys.append(site_checks.page_keys(text, path, source.front))
        return markdown  # citation markers are a Markdown extension (iopguide/render/)

    def page_content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        """The page as MkDocs rendered it, snippets and all, through the allow-list. Front
        matter that failed its check reaches no plugin or template: the build reports
        every other problem, then fails."""
        root = Path(config_file(config)).parent
        path = project_path(page.file.abs_src_path, config).replace(os.sep, "/")
        if path in self.reported.pages_with("front-matter"):
            page.meta = {}
        sources = rendered_html.page_sources(path, Path(config.docs_dir), root)
        # Files a Markdown rule already failed, and snippets already named on another page.
        rules = (*rendered_html.SAID_BEFORE, rendered_html.RULE)
        said = {found for rule in rules for found in self.reported.pages_with(rule)}
        self.report(rendered_html.check(html, sources, path, said))
        return html

    def nav(self, files: Files, config: MkDocsConfig) -> None:
        with open(config_file(config), encoding="utf-8-sig") as source:
            text = source.read()
        pages = {file.src_uri for file in files.documentation_pages()}
        docs = os.path.basename(os.path.normpath(config.docs_dir))
        config_path = project_path(config_file(config), config)
        self.report(site_checks.nav_files(text, config_path, pages, docs))
        root = Path(config_file(config)).parent  # snippet files, checked like pages:
        self.report(snippets.check_snippets(Path(config.docs_dir), root))

    def env(self) -> None:
        self.report(site_checks.duplicates(self.page_keys))
        if self.reported.pages_with(snippets.INCLUDE_RULE):  # a page left without its text
            raise Abort("Aborted: an include that cannot be read (named above)")

    def finish(self, config: MkDocsConfig) -> None:
        """Build the other languages into their folders, then `finish` on the whole built
        site: the same steps Zensical's build runs. A language's own build (started here)
        only checks its pages; the English build finishes them all."""
        if other_languages.is_child():
            return
        root = Path(config.config_file_path).parent
        builds = []
        for edition in editions.editions(root):
            if not edition.is_default:
                site_dir = Path(config.site_dir) / edition.folder
                other_languages.build_edition(edition, root, site_dir, config, self.log)
            known = self.pages if edition.is_default else None  # this build read them
            builds.append(other_languages.edition_build(edition, root, config, known))
        # Pages whose raw or rendered HTML, or front matter, already failed: what that
        # markup does on the built page (Material prints a title unescaped in its header)
        # is the same finding.
        said = ("unsafe-html", "front-matter", rendered_html.RULE)
        excused = frozenset(page for rule in said for page in self.reported.built_with(rule))
        report = finish_site(Path(config.site_dir), builds, excused)
        self.report(report.problems)
        for warning in report.warnings:
            self.log.warning(warning)
        for note in report.notes:
            self.log.info(note)


def _site(
    files: Files, config: MkDocsConfig, pages: dict[str, project.SourcePage]
) -> messages.Site:
    """This build's pages, as messages.py reads them to say MkDocs' warnings plainly;
    `pages`: those read so far (their front matter is not read again)."""

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
        read = pages.get(src)
        if read is not None:
            return site_checks.page_keys(read.text, src, read.front).title
        return site_checks.page_keys(source(src), src).title

    with open(config_file(config), encoding="utf-8-sig") as handle:
        config_text = handle.read()
    docs = os.path.abspath(config.docs_dir) + os.sep
    others = tuple(
        file.src_uri
        for file in files
        if not file.is_documentation_page()
        and bool(file.abs_src_path)
        and os.path.abspath(file.abs_src_path).startswith(docs)
    )
    return messages.Site(
        project_path(config.docs_dir, config).replace(os.sep, "/"),
        project_path(config_file(config), config).replace(os.sep, "/"),
        config_text,
        tuple(file.src_uri for file in files.documentation_pages()),
        others,
        source,
        anchors,
        title,
    )
