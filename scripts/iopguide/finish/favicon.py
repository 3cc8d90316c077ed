"""Put the small SVG favicon inside each page, so no first view spends a request on it.

A browser fetches the icon once per site, but on every reader's first view, which
the page-weight budget counts. An SVG this small costs less inline than a request.
The CSP already allows data: images (Material's CSS icons are data: SVGs).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

MAX_INLINE_BYTES = 1024


def data_url(svg: str) -> str:
    return "data:image/svg+xml," + quote(" ".join(svg.split()), safe="=:/'")


def inline_icon(html: str, page: str, site_dir: Path) -> str:
    """`html` (the built file `page`, a path from the site root) with its SVG icon inlined."""
    tree = LexborHTMLParser(html)
    return (tree.html or html) if inline_tree(tree, page, site_dir) else html


def inline_tree(tree: LexborHTMLParser, page: str, site_dir: Path) -> bool:
    """`inline_icon`, in place on a parsed page; whether the icon was inlined."""
    link = next(
        (
            link
            for link in tree.css("link[rel][href]")
            if "icon" in (link.attributes.get("rel") or "").lower().split()
        ),
        None,
    )
    href = (link.attributes.get("href") or "") if link is not None else ""
    if link is None or not urlsplit(href).path.lower().endswith(".svg"):
        return False
    target = urljoin("http://site.invalid/" + page, href)
    path = site_dir / urlsplit(target).path.removeprefix("/")
    if not path.is_file() or path.stat().st_size > MAX_INLINE_BYTES:
        return False
    link.attrs["href"] = data_url(path.read_text(encoding="utf-8"))
    return True
