"""Helpers the tests share: the page list, real builds and a real local HTTP server."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import yaml

from iopguide.checks import frontmatter
from iopguide.tools import static_server

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "scripts")


@dataclass(frozen=True)
class DocPage:
    src: str  # path from the project root, e.g. docs/benefits.md
    url: str  # path from the site root, e.g. benefits/ ("" for the home page)
    meta: dict

    @property
    def is_content(self) -> bool:
        return self.meta.get("kind", "content") == "content"

    def __str__(self) -> str:
        return self.src


def page_url(relative: Path) -> str:
    parts = list(relative.with_suffix("").parts)
    if parts[-1] == "index":
        parts = parts[:-1]
    return "".join(f"{part}/" for part in parts)


@functools.cache
def all_pages() -> tuple[DocPage, ...]:
    """Every Markdown page in docs/ (dot-folders such as .snippets are not pages)."""
    pages = []
    for path in sorted(DOCS.rglob("*.md")):
        relative = path.relative_to(DOCS)
        if any(part.startswith(".") for part in relative.parts):
            continue
        text = path.read_text(encoding="utf-8")
        block = frontmatter.split(text)
        meta = yaml.safe_load(block.yaml_text) if block else {}
        pages.append(DocPage(str(path.relative_to(ROOT)), page_url(relative), meta or {}))
    return tuple(pages)


def content_pages() -> tuple[DocPage, ...]:
    return tuple(page for page in all_pages() if page.is_content)


def tool_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUTF8="1")
    env.update(extra)
    return env


def build_site(project: Path, out: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run a real strict `mkdocs build` of `project` into `out`."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=project,
        env=tool_env(**env),
        capture_output=True,
        text=True,
        timeout=300,
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files like a static host: a missing path gets the site's 404 page."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def serve_directory(directory: Path, handler: type = _QuietHandler):
    """Serve `directory` on 127.0.0.1 at a free port, like a plain static host without
    `_headers` (tests/test_csp.py serves them); a context manager yielding the base URL."""
    return static_server.serve(
        directory, handler=functools.partial(handler, directory=str(directory))
    )


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def tags(html: str, name: str | None = None) -> list[dict[str, str]]:
    """The attributes of every tag (or every `name` tag) in `html`, minified or not."""
    parser = _Tags()
    parser.feed(html)
    return [attrs for tag, attrs in parser.tags if name is None or tag == name]


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
    match = re.search(r"<article[^>]*md-content__inner[^>]*>(.*?)</article>", html, re.S)
    assert match, "no article element"
    return match.group(1)
