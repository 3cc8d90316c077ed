"""A way back from each source to the text that cites it, for both generators.

A marker (render/citations.py) links to its source in the Sources list, `#source-3`.
`link_back` then gives each marker a stable id, in the order a reader meets them: `cite-3`
for the first use of source 3, `cite-3-2` for the second, and so on. Under each source the
page cites, it adds "Back to text", which lands on the first use; a source cited more than
once gets one numbered link per use instead ("Back to text: 1 2 3"), as Wikipedia's
"Jump up to: a b c" does. The words are the template's, in the page's language:
page-facts.html puts them on the Sources section (`data-iop-back`), and this step takes
them off. Sources no marker points to (the crisis
sources crisis_slots.py adds) get no link. finish/run.py runs it on every page before the
embeds, which are cut from these pages.
"""

from __future__ import annotations

import html
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

CONTENT = "article.md-content__inner"
MARKERS = 'sup.iop-cite > a[href^="#source-"]'
SOURCES = "section.iop-sources"
WORDS = "data-iop-back"  # "Back to text"
_SOURCE = re.compile(r"#source-(\d+)")


def marker_id(number: str, use: int) -> str:
    """The id of the `use`-th marker (from 1) that cites source `number`."""
    return f"cite-{number}" if use == 1 else f"cite-{number}-{use}"


def link_back(text: str) -> str:
    """The page with an id on each marker and the way back under each cited source."""
    if WORDS not in text:
        return text
    tree = LexborHTMLParser(text)
    link_back_tree(tree)
    return tree.html or text


def link_back_tree(tree: LexborHTMLParser) -> None:
    """`link_back`, in place on a parsed page."""
    for section in tree.css(SOURCES):
        words = section.attrs.get(WORDS) or ""
        if WORDS in section.attrs:
            del section.attrs[WORDS]
        content = _content_of(section)
        if content is None or not words:
            continue
        uses = _number_markers(content, section)
        for item in section.css("ol > li[id]"):
            found = re.fullmatch(r"source-(\d+)", item.attrs.get("id") or "")
            if found and uses.get(found[1]):
                back = _back(found[1], uses[found[1]], words)
                item.inner_html = (item.inner_html or "") + back


def _content_of(section: LexborNode) -> LexborNode | None:
    node = section.parent
    while node is not None and not node.css_matches(CONTENT):
        node = node.parent
    return node


def _number_markers(content: LexborNode, sources: LexborNode) -> dict[str, int]:
    """Give each marker in `content` (outside the Sources list) its id; how many cite
    each source, by its number."""
    uses: dict[str, int] = {}
    for link in content.css(MARKERS):
        found = _SOURCE.fullmatch(link.attrs.get("href") or "")
        if found is None or _inside(link, sources):
            continue
        uses[found[1]] = uses.get(found[1], 0) + 1
        link.attrs["id"] = marker_id(found[1], uses[found[1]])
    return uses


def _inside(node: LexborNode, ancestor: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id == ancestor.mem_id:
            return True
        parent = parent.parent
    return False


def _back(number: str, count: int, words: str) -> str:
    """The way back from source `number`, cited `count` times."""
    shown = html.escape(words)
    if count == 1:
        return f'<span class="iop-back"> <a href="#{marker_id(number, 1)}">{shown}</a></span>'
    links = " ".join(
        f'<a href="#{marker_id(number, use)}">{use}</a>' for use in range(1, count + 1)
    )
    return f'<span class="iop-back"> {shown}: {links}</span>'
