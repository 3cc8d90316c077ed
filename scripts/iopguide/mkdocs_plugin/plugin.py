"""`IopPlugin`: MkDocs' events, forwarded to this build's `Build` (build.py).

mkdocs.yml names scripts/mkdocs_hooks.py under `hooks:`, a file MkDocs loads by path, and
that file forwards each event to one `IopPlugin`. A hook needs no set-up: a real MkDocs
plugin is found through an entry point, which exists only once the package's metadata is
installed again (`pip install -e .` after every change to it, on every host and old
.venv), and a `plugins:` entry in mkdocs.yml would be read by Zensical too, which runs no
MkDocs plugin. So the hook stays the one adapter, and this class holds what a plugin would.

MkDocs loads a hook file once per process (`mkdocs serve` and the tests build several
times in one), so nothing about a build may live in that file or in this object beyond
the build: on_config makes a new `Build`, and the build's end (on_post_build, a failed
build, shutdown) drops it and takes its log filter off MkDocs' loggers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from iopguide import editions, strings
from iopguide.mkdocs_plugin.build import Build
from iopguide.tools import serve_guard

LOG_NAME = "mkdocs.hooks.iop"


class IopPlugin:
    """The events MkDocs calls, each forwarded to the build under way."""

    def __init__(self) -> None:
        self._build: Build | None = None  # the build under way, from on_config to its end

    def _current(self) -> Build:
        if self._build is None:
            raise RuntimeError("an MkDocs event came before on_config")
        return self._build

    def _end(self) -> None:
        if self._build is not None:
            self._build.said_plainly.remove()
            self._build = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._end()  # a build that ended without telling us
        self._build = Build(logging.getLogger(LOG_NAME))
        self._build.start(config)
        config.extra["strings"] = strings.words(config.theme.get("language") or strings.DEFAULT)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        return self._current().files(files, config)

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self._current().nav(files, config)
        return nav

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        return self._current().page_markdown(markdown, page, config)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self._current().page_content(html, page, config)

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        self._current().env()
        return env

    def on_post_build(self, config: MkDocsConfig) -> None:
        try:
            self._current().finish(config)
        finally:
            self._end()

    def on_build_error(self, error: Exception) -> None:
        self._end()

    def on_shutdown(self) -> None:
        self._end()


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


on_template_context = editions.error_page_context  # es/404.html links into es/, no site_url
