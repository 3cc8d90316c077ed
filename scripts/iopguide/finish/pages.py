"""The built HTML files as the finish steps share them: each parsed once, written once.

`csp.read_pages` parses every HTML file of the built site into one tree (selectolax's
Lexbor parser); every step of finish/run.py edits those trees in place, and
`csp.apply_to_site` serialises each once, when it writes the finished file. A step that
needs a page's text (a regular expression over it) takes `text`; one that needs a
changed copy of a page (an embed, the feed's body) takes `tree.clone()`, which copies
the parsed tree without parsing it again. A step that tests also hand plain HTML takes
either, through `parsed`.
"""

from __future__ import annotations

from typing import TypeAlias

from selectolax.lexbor import LexborHTMLParser

Tree: TypeAlias = LexborHTMLParser
Page: TypeAlias = str | LexborHTMLParser  # a page's HTML, or the page parsed
Pages: TypeAlias = dict[str, LexborHTMLParser]  # path from the site root -> its tree


def parsed(page: Page) -> Tree:
    """`page` as a tree: parsed if it is HTML text, else as it is (not copied)."""
    return page if isinstance(page, LexborHTMLParser) else LexborHTMLParser(page)


def text(page: Page) -> str:
    """`page` as HTML text."""
    return page if isinstance(page, str) else page.html or ""
