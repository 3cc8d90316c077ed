"""What a page loads on first view, read from the built files, and what that weighs.

Shared by scripts/bench.py (which also records what Chromium really requests, to keep
this model honest) and tests/test_budget.py (which holds every page to the budget).

A first view is the HTML plus each stylesheet, script, icon, image and iframe (with
what it loads) the HTML names, plus fonts and images the loaded CSS names (data: URLs
excepted). Iframes marked loading=lazy count too: Chromium loads them when they are
within about 1,250-2,500 px of the viewport, which on a short page is at once. Material's search
worker and search/search_index.json count too, unless the page loads
assets/lazy-search.js, which holds them back until the reader opens search. A script
whose type is not JavaScript is never fetched: Material's bundle, which
assets/lazy-bundle.js loads on the reader's first touch (finish/lazy_bundle.py), is not
part of a first view.
Sizes are gzip-compressed (level 6, as a web server does) for text files and raw for
images that are compressed already.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

BUDGET_BYTES = 50_000  # compressed bytes of one page's first view
EMBED_BUDGET_BYTES = 30_000  # an embed (no header, menu or search) inside a clinic's page
HTML_BUDGET_BYTES = 13_800  # gzip HTML; + ~800 B of headers: 1st round trip (10 x 1,460 B)
BUDGET_REQUESTS = 8
MAX_PNG_BYTES = 20_000
EFFICIENT_IMAGES = {".svg", ".webp", ".avif"}  # and .png up to MAX_PNG_BYTES
LAZY_SEARCH = "assets/lazy-search.min.js"  # minified by the build
COMPRESSIBLE = set(".html .css .js .json .svg .xml .txt .map .webmanifest .ico".split())
_ORIGIN = "http://site.invalid/"
_CSS_URL = re.compile(r"url\(\s*([\"']?)([^\"')]+)\1\s*\)", re.I)
_FONT = {".woff2", ".woff", ".ttf", ".otf", ".eot"}
# The <script type> values a browser runs, and so fetches ("": no type, JavaScript).
_SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript"}


@dataclass(frozen=True)
class Resource:
    url: str  # path from the site root ("/assets/site.css") or a full third-party URL
    kind: str  # document, frame, stylesheet, script, icon, image, font, worker, data
    raw: int = 0
    compressed: int = 0
    third_party: bool = False
    missing: bool = False
    lazy: bool = False  # in a loading=lazy iframe: loaded when near the viewport


@dataclass(frozen=True)
class Image:
    url: str
    attrs: dict[str, str]


@dataclass
class PageLoad:
    page: str  # path from the site root of the HTML file, e.g. "benefits/index.html"
    resources: list[Resource] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return len(self.resources)

    @property
    def compressed(self) -> int:
        return sum(r.compressed for r in self.resources)

    def by_kind(self, *kinds: str) -> int:
        return sum(r.compressed for r in self.resources if r.kind in kinds)


@dataclass
class _Refs:
    """What a page's HTML names, in document order."""

    refs: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)  # kind, url, attrs
    config: str = ""  # Material's __config script
    search_form: bool = False


def _refs(html: str) -> _Refs:
    found = _Refs()
    tree = LexborHTMLParser(html)
    for node in tree.root.traverse() if tree.root else ():
        tag, attrs = node.tag, {k: v or "" for k, v in node.attributes.items()}
        rel = set(attrs.get("rel", "").lower().split())
        if tag == "link" and attrs.get("href"):
            if "stylesheet" in rel:
                found.refs.append(("stylesheet", attrs["href"], attrs))
            elif "icon" in rel:
                found.refs.append(("icon", attrs["href"], attrs))
            elif rel & {"preload", "modulepreload"}:
                found.refs.append((attrs.get("as", "script"), attrs["href"], attrs))
        elif tag == "script":
            if attrs.get("src") and attrs.get("type", "").lower() in _SCRIPT_TYPES:
                found.refs.append(("script", attrs["src"], attrs))
            elif attrs.get("id") == "__config":
                found.config += node.text(deep=True)
        elif (
            tag in ("img", "input")
            and attrs.get("src")
            and (tag == "img" or attrs.get("type") == "image")
        ):
            found.refs.append(("image", attrs["src"], attrs))
        elif tag == "video" and attrs.get("poster"):
            found.refs.append(("image", attrs["poster"], attrs))
        elif tag == "iframe" and attrs.get("src") and not _in_closed_details(node):
            found.refs.append(("frame", attrs["src"], attrs))
        elif tag == "form" and attrs.get("name") == "search":
            found.search_form = True
    return found


def _in_closed_details(node: LexborNode) -> bool:
    """Inside a <details> without `open`, where nothing loads until it is opened."""
    parent = node.parent
    while parent is not None:
        if parent.tag == "details" and "open" not in parent.attributes:
            return True
        parent = parent.parent
    return False


def transfer_size(path: Path) -> tuple[int, int]:
    """(raw bytes, bytes on the wire) of a built file."""
    data = path.read_bytes()
    if path.suffix.lower() in COMPRESSIBLE:
        return len(data), len(gzip.compress(data, compresslevel=6, mtime=0))
    return len(data), len(data)


def _file_for(site_dir: Path, site_path: str) -> Path:
    relative = unquote(site_path).lstrip("/")
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    return site_dir / relative


def _resource(site_dir: Path, url: str, kind: str) -> Resource:
    parts = urlsplit(url)
    if url.startswith("data:"):
        return Resource(url[:40], kind)
    if f"{parts.scheme}://{parts.netloc}/" != _ORIGIN:
        return Resource(url, kind, third_party=True)
    path = _file_for(site_dir, parts.path)
    if not path.is_file():
        return Resource(parts.path, kind, missing=True)
    raw, compressed = transfer_size(path)
    return Resource(parts.path, kind, raw, compressed)


def _css_refs(site_dir: Path, css: Resource) -> list[tuple[str, str]]:
    if css.third_party or css.missing:
        return []
    text = _file_for(site_dir, css.url).read_text(encoding="utf-8", errors="replace")
    found = []
    for _, url in _CSS_URL.findall(text):
        if url.startswith("data:") or url.startswith("#"):
            continue
        suffix = Path(urlsplit(url).path).suffix.lower()
        found.append(("font" if suffix in _FONT else "image", urljoin(_ORIGIN + css.url[1:], url)))
    return found


def first_view(site_dir: Path, page: str) -> PageLoad:
    """What the built HTML file `page` (path from the site root) loads on first view."""
    html_path = site_dir / page
    base = _ORIGIN + page
    load = PageLoad(page)
    raw, compressed = transfer_size(html_path)
    load.resources.append(Resource("/" + page, "document", raw, compressed))
    parser = _refs(html_path.read_text(encoding="utf-8"))
    seen: set[str] = set()

    def add(kind: str, url: str, lazy: bool = False) -> Resource | None:
        absolute = urljoin(base, url)
        if absolute in seen:
            return None
        seen.add(absolute)
        resource = replace(_resource(site_dir, absolute, kind), lazy=lazy)
        if not url.startswith("data:"):
            load.resources.append(resource)
        return resource

    icons = [ref for ref in parser.refs if ref[0] == "icon"]
    for kind, url, attrs in parser.refs:
        if kind == "icon" and (kind, url, attrs) != icons[0]:
            continue  # a browser fetches one icon
        lazy = kind == "frame" and attrs.get("loading") == "lazy"
        resource = add(kind, url, lazy)
        if kind == "image":
            load.images.append(Image(urljoin(base, url), attrs))
        if kind == "frame" and resource and not (resource.third_party or resource.missing):
            frame = first_view(
                site_dir, _file_for(site_dir, resource.url).relative_to(site_dir).as_posix()
            )
            for inner in frame.resources[1:]:
                if _ORIGIN + inner.url.lstrip("/") not in seen:
                    seen.add(_ORIGIN + inner.url.lstrip("/"))
                    load.resources.append(replace(inner, lazy=lazy or inner.lazy))
        if kind == "stylesheet" and resource:
            for css_kind, css_url in _css_refs(site_dir, resource):
                add(css_kind, css_url)
    # Any language's copy: /assets/lazy-search.min.js, /es/assets/lazy-search.min.js
    deferred = any(
        urlsplit(urljoin(base, url)).path.endswith("/" + LAZY_SEARCH) for _, url, _ in parser.refs
    )
    if parser.search_form and parser.config and not deferred:
        config = json.loads(parser.config)
        root = urljoin(base, config.get("base", "."))
        if not root.endswith("/"):
            root += "/"
        if config.get("search"):
            add("worker", config["search"])
        add("data", urljoin(root, "search/search_index.json"))
    return load


def html_pages(site_dir: Path) -> list[str]:
    """Every built HTML page, as paths from the site root."""
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))


def budget_for(page: str) -> int:
    """The first-view budget of a built page (path from the site root)."""
    return EMBED_BUDGET_BYTES if "embed" in page.split("/")[:2] else BUDGET_BYTES


def html_problems(load: PageLoad) -> list[str]:
    """The page's HTML, when it is more than the first round trip carries."""
    size = load.by_kind("document")
    if size <= HTML_BUDGET_BYTES:
        return []
    return [
        f"{load.page}: its HTML is {size:,} bytes gzip, over the {HTML_BUDGET_BYTES:,} that "
        "arrive in the first round trip, so the first paint waits one more: shorten the "
        "page or split it"
    ]


def budget_problems(load: PageLoad) -> list[str]:
    problems = html_problems(load)
    budget = budget_for(load.page)
    if load.compressed > budget:
        problems.append(
            f"{load.page}: first view is {load.compressed:,} bytes compressed, "
            f"over the {budget:,}-byte budget"
        )
    if load.requests > BUDGET_REQUESTS:
        problems.append(
            f"{load.page}: first view makes {load.requests} requests, over the "
            f"budget of {BUDGET_REQUESTS}: " + ", ".join(r.url for r in load.resources)
        )
    for resource in load.resources:
        if resource.third_party:
            problems.append(f"{load.page}: loads {resource.url} from another site")
        if resource.missing:
            problems.append(f"{load.page}: loads {resource.url}, which is not in the build")
    return problems


def image_problems(site_dir: Path, load: PageLoad) -> list[str]:
    problems = []
    for image in load.images:
        name = image.url.removeprefix(_ORIGIN)
        for attr in ("width", "height"):
            if not image.attrs.get(attr, "").strip():
                problems.append(
                    f"{load.page}: <img src={name}> has no {attr} attribute, so "
                    "the page shifts as it loads"
                )
        suffix = Path(urlsplit(image.url).path).suffix.lower()
        if image.url.startswith("data:") or not image.url.startswith(_ORIGIN):
            continue
        path = _file_for(site_dir, urlsplit(image.url).path)
        size = path.stat().st_size if path.is_file() else 0
        if suffix == ".png" and size <= MAX_PNG_BYTES:
            continue
        if suffix not in EFFICIENT_IMAGES:
            problems.append(
                f"{load.page}: {name} is {suffix or 'unknown'} ({size:,} bytes): "
                f"use SVG, WebP or AVIF (or PNG under {MAX_PNG_BYTES:,} bytes)"
            )
    return problems
