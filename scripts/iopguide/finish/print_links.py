"""Printed links show their address, unless their words already are that address.

On paper a link is only its words, so site.css (`@media print`) prints each external
link's address after it. Where the words are the address already ("988lifeline.org",
"nar-anon.org (en inglés)"), that would print it twice, and CSS cannot compare a link's
words with its address. `mark_addresses` marks those links (`data-iop-address`), and the
print CSS leaves them as they are. finish/run.py runs it on every page, for both
generators; tests/test_search_and_print.py checks the printout.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

MARK = "data-iop-address"
_SCHEME = re.compile(r"^(?:https?://)?(?:www\.)?", re.IGNORECASE)
_NOTE = re.compile(r"\s*\([^)]*\)\s*$")  # a note after the address: "(en inglés)"


def bare(address: str) -> str:
    """An address as a reader would type it: no scheme, no "www.", no final slash."""
    return _SCHEME.sub("", address.strip()).rstrip("/").lower()


def words_are_address(words: str, href: str) -> bool:
    """True when a link's words are its address, perhaps followed by a note in brackets."""
    text = _NOTE.sub("", " ".join(words.split()))
    return bool(text) and bare(text) == bare(href)


def mark_addresses(html: str) -> str:
    """The page with each external link whose words are its address marked."""
    tree = LexborHTMLParser(html)
    return (tree.html or html) if mark_tree(tree) else html


def mark_tree(tree: LexborHTMLParser) -> bool:
    """Mark, in place, each external link whose words are its address; whether any was."""
    marked = False
    for link in tree.css('a[href^="http"]'):
        if words_are_address(link.text(deep=True), link.attributes.get("href") or ""):
            link.attrs[MARK] = ""
            marked = True
    return marked
