"""Material's JavaScript bundle held back until the reader first reaches for the page.

On a page that loads assets/lazy-bundle.js (overrides/main.html), the bundle's <script> gets
`type="text/plain"` and `data-iop-bundle`: a browser never fetches a script of that type,
and the loader makes a real one from it on the reader's first touch, key or scroll (that
file says which and why). What Material did at once to every page that a reader can see
without touching it is done here instead: each table Material would wrap (a `<table>`
without a class) is wrapped in its two boxes, so wide tables scroll in their own box and
the phone's card tables look as before; the loader removes the second pair Material adds.

Zensical's bundle is left as it is (its pages step aside, like assets/lazy-search.js).
"""

from __future__ import annotations

import re

LOADER = "assets/lazy-bundle.min.js"  # minified by the build (mkdocs.yml js_files)
HELD = "data-iop-bundle"

_BUNDLE = re.compile(
    r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>'
)
_TABLE = re.compile(r"<table(?![^>]*\sclass=)(?:\s[^>]*)?>.*?</table>", re.DOTALL)
_OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
_CLOSE = "</div></div>"


def hold(page: str) -> str:
    """`page` with its bundle held and its tables wrapped, if it loads the loader."""
    if LOADER not in page or not _BUNDLE.search(page):
        return page
    page = _BUNDLE.sub(rf'<script type="text/plain" {HELD} src="\1"></script>', page, count=1)
    return _TABLE.sub(lambda table: _OPEN + table.group(0) + _CLOSE, page)


def apply(html: dict[str, str], generator: str) -> dict[str, str]:
    """Every page of an MkDocs build through `hold`; a Zensical build as it is."""
    if generator != "mkdocs":
        return html
    return {path: hold(text) for path, text in html.items()}
