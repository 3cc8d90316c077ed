"""Material's JavaScript bundle held back until the reader first reaches for the page.

On a page that loads assets/lazy-bundle.js (overrides/main.html), the bundle's <script> gets
`type="text/plain"` and its address in `data-iop-bundle`: a browser never runs a script of
that type,
and the loader makes a real one from it on the reader's first touch, key or scroll (that
file says which and why). What Material did at once to every page that a reader can see
without touching it is done here instead: each table Material would wrap (a `<table>`
without a class) is wrapped in its two boxes, so wide tables scroll in their own box and
the phone's card tables look as before; the loader removes the second pair Material adds.

Zensical's bundle is left as it is (its pages step aside, like assets/lazy-search.js).
Read and edited with selectolax, as every finish step is (ARCHITECTURE.md).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from iopguide.finish.pages import Pages

LOADER = "assets/lazy-bundle.min.js"  # minified by the build (mkdocs.yml js_files)
HELD = "data-iop-bundle"

_BUNDLE = re.compile(r"(^|/)assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
_BOXES = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">{}</div></div>'


def hold(page: str) -> str:
    """`page` with its bundle held and its tables wrapped, if it loads the loader."""
    tree = LexborHTMLParser(page)
    return (tree.html or page) if hold_tree(tree) else page


def hold_tree(tree: LexborHTMLParser) -> bool:
    """`hold`, in place on a parsed page; whether the page loads the loader."""
    scripts = [node for node in tree.css("script[src]") if not node.attributes.get("type")]
    if not any(node.attributes["src"].endswith(LOADER) for node in scripts):
        return False
    bundles = [node for node in scripts if _BUNDLE.search(node.attributes["src"] or "")]
    if not bundles:
        return False
    # Its address moves to data-iop-bundle: HTML allows `src` only on a script a browser
    # would run (the W3C checker says so), and the loader reads it from there.
    bundles[0].attrs["type"] = "text/plain"
    bundles[0].attrs[HELD] = bundles[0].attributes["src"] or ""
    del bundles[0].attrs["src"]
    for table in tree.css("table:not([class])"):  # the tables Material wraps
        boxes = LexborHTMLParser(_BOXES.format(table.html)).css_first("div")
        if boxes is not None:
            table.replace_with(boxes)
    return True


def apply(html: Pages, generator: str) -> None:
    """Every page of an MkDocs build through `hold`, in place; a Zensical build as it is."""
    if generator == "mkdocs":
        for tree in html.values():
            hold_tree(tree)
