"""Put the small SVG favicon inside each page, so no first view spends a request on it.

A browser fetches the icon once per site, but on every reader's first view, which
the page-weight budget counts. An SVG this small costs less inline than a request.
The CSP already allows data: images (Material's CSS icons are data: SVGs).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urljoin

MAX_INLINE_BYTES = 1024
_ICON = re.compile(r'<link\b(?=[^>]*\brel="?icon"?[\s>])[^>]*\bhref="?([^"\s>]+\.svg)"?[^>]*>')


def data_url(svg: str) -> str:
    return "data:image/svg+xml," + quote(" ".join(svg.split()), safe="=:/'")


def inline_icon(html: str, page: str, site_dir: Path) -> str:
    """`html` (the built file `page`, a path from the site root) with its SVG icon inlined."""
    match = _ICON.search(html)
    if not match:
        return html
    target = urljoin("http://site.invalid/" + page, match.group(1))
    path = site_dir / target.removeprefix("http://site.invalid/")
    if not path.is_file() or path.stat().st_size > MAX_INLINE_BYTES:
        return html
    link = f'<link rel="icon" href="{data_url(path.read_text(encoding="utf-8"))}">'
    return html[: match.start()] + link + html[match.end() :]
