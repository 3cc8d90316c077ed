"""Helpers the tests share: the page list, real builds, a real local HTTP server, HTML reading.

Each is a thin name for the one way the package does it (iopguide.project, tools/build.py,
tools/static_server.py), so the tests exercise what the commands use.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import dataclasses
import functools
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

import build_cache
from iopguide import editions, project
from iopguide.tools import build, static_server
from iopguide.tools.build import Built, tool_env

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PROJECT_PARTS = ("mkdocs.yml", "pyproject.toml", "docs", "overrides", "scripts")
# The front matter and title of a test page for the Markdown checks; its body starts on line 11.
PAGE_HEAD = """---
title: A page
description: A short description.
reviewed: 2026-11-01
next_review: 2027-11-01
kind: info
---

# A page

"""
DocPage = project.SourcePage
__all__ = ["Built", "tool_env"]
T = TypeVar("T")


@functools.cache
def all_pages() -> tuple[DocPage, ...]:
    """Every Markdown page in docs/ (dot-folders such as .snippets are not pages)."""
    return tuple(project.source_pages(DOCS))


@functools.cache
def spanish_pages() -> tuple[DocPage, ...]:
    """The Spanish edition's pages (docs-es/), each with its URL under es/; none without it."""
    for edition in editions.editions(ROOT):
        if edition.lang == "es":
            pages = project.source_pages(edition.docs_dir)
            return tuple(dataclasses.replace(page, url="es/" + page.url) for page in pages)
    return ()


def every_page() -> tuple[DocPage, ...]:
    """Every page in every language."""
    return all_pages() + spanish_pages()


def content_pages() -> tuple[DocPage, ...]:
    return tuple(page for page in all_pages() if page.is_content)


def build_site(project: Path, out: Path, engine: str = "mkdocs", **env: str) -> Built:
    """A real strict build of `project` into `out` (iopguide/tools/build.py), or the one
    an earlier run made from exactly the same inputs (tests/build_cache.py)."""
    return build_cache.cached_build(
        project, out, engine, env, lambda: build.build_site(out, engine, project=project, **env)
    )


def copy_project(target: Path) -> Path:
    """Copy what a build needs into `target`, so a test can break it safely."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def in_own_thread(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`function(*args, **kwargs)` in a thread of its own, for code that calls
    asyncio.run() (the link checker): Playwright's sync API keeps an event loop running in
    the main thread while the session's Chromium is open, and asyncio.run() cannot start
    there."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args, **kwargs).result()


def serve_directory(directory: Path, headers: bool = False):
    """Serve `directory` on 127.0.0.1 at a free port, like a plain static host (with
    `headers`, also its `_headers`, as Netlify would); a context manager yielding the
    base URL. The one server the commands use too (iopguide/tools/static_server.py)."""
    return static_server.serve(directory, headers=headers)


def tags(html: str, name: str | None = None) -> list[dict[str, str]]:
    """The attributes of every tag (or every `name` tag) in `html`, minified or not."""
    return [
        {key: value or "" for key, value in node.attributes.items()}
        for node in LexborHTMLParser(html).css(name or "*")
    ]


def hrefs(html: str, page_url: str) -> set[str]:
    """Every link target on a page, resolved against the page's site path."""
    base = "http://site/" + page_url
    return {
        urljoin(base, a["href"]).replace("http://site/", "/", 1)
        for a in tags(html, "a")
        if "href" in a
    }


def built(site: Path, page: DocPage) -> str:
    """The built HTML of a page."""
    return (site / page.url / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    """The page's content: what is inside Material's <article>."""
    node = LexborHTMLParser(html).css_first("article.md-content__inner")
    assert node is not None, "no article element"
    return node.inner_html or ""


@contextlib.contextmanager
def exclusive(lock: Path) -> Iterator[None]:
    """Hold `lock` (a file) against every other process until the block ends: how the
    xdist workers take turns at a shared build. The operating system releases it if a
    worker dies, so nobody waits for a lock that no one holds."""
    with lock.open("a+b") as handle:
        if os.name == "nt":
            import msvcrt

            handle.seek(0)
            while True:  # LK_LOCK gives up after 10 s; a build takes longer
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:
                    continue
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


# How long any wait may take before a test gives up: a ceiling, never a pause. Every wait
# returns as soon as its condition holds; this only has to be met by a 2-core machine at
# load 10 (the suite's own workers plus another CPU-heavy job).
LIMIT_S = 300.0
POLL_S = 0.05


def wait_until(condition: Callable[[], T], what: str, limit: float = LIMIT_S) -> T:
    """Call `condition` until it returns something true, and return that; fail naming
    `what` after `limit` seconds. For what has no event to wait on (a port that starts
    answering, a process that appears); a browser waits with Playwright's own waits."""
    deadline = time.monotonic() + limit
    while True:
        found = condition()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"no {what} within {limit:.0f} s")
        threading.Event().wait(POLL_S)


def shared_folder(factory, name: str) -> Path:
    """A folder `name` that every xdist worker of this run sees (the run's base temp)."""
    base = factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / name
    folder.mkdir(exist_ok=True)
    return folder


def build_once(folder: Path, build_it: Callable[[], Built]) -> tuple[bool, str]:
    """Run `build_it` once for every xdist worker, in `folder`: the first to ask builds
    while the others wait on its lock; all get (succeeded, output)."""
    report = folder / "build.txt"
    with exclusive(folder / "lock"):
        if not report.exists():
            result = build_it()
            report.write_text(f"{result.returncode}\n{result.output}", encoding="utf-8")
    code, _, output = report.read_text(encoding="utf-8").partition("\n")
    return code == "0", output
