"""Citation markers inside a page's raw HTML, such as a figure's caption.

Python-Markdown copies a block of raw HTML (`<figure>` ... `<figcaption>Teens get 6 to 19
hours.[^2]</figcaption>` ... `</figure>`) to the page as it is, so the marker extension
in citations.py never sees its markers and readers saw "[^2]". This step runs right after
Python-Markdown has set those blocks aside and turns each marker in their text into the
same link as anywhere else. Only text is linked: the block is read with the standard
library's HTML parser, as the checks read raw HTML (checks/raw_html.py), so a tag ends
where a browser ends it, past any `>` inside a quoted attribute. A marker in a tag (an
`alt`, a `title`), a comment or code (`<code>`, `<pre>`...) stays as typed: linking it
there would put the link's quotes inside the attribute and end it early. The built-page
rule `cite-unrendered` (checks/unrendered.py) catches any marker that still reaches a
page as typed.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markdown import Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor

from iopguide.checks.claims import MARKER

# Elements whose text keeps its markers as typed: code, and text no Markdown is for.
_KEPT = frozenset("pre code kbd samp script style template textarea".split())
PRIORITY = 19  # just after Python-Markdown's raw HTML step (20), which sets blocks aside


class _Text(HTMLParser):
    """The text of a piece of HTML outside `_KEPT` elements: (offset, text) runs."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.runs: list[tuple[int, str]] = []
        self._starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self._open: dict[str, int] = {}  # how many of each kept element are open

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _KEPT:
            self._open[tag] = self._open.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # a browser reads `<code/>` as `<code>`

    def handle_endtag(self, tag: str) -> None:
        if self._open.get(tag):
            self._open[tag] -= 1

    def handle_data(self, data: str) -> None:
        if not any(self._open.values()):
            line, column = self.getpos()
            self.runs.append((self._starts[line - 1] + column, data))


def text_runs(html: str) -> list[tuple[int, str]]:
    """Each run of text in `html` outside tags, comments and code, with its offset."""
    reader = _Text(html)
    reader.feed(html)
    reader.close()
    # Each run is where the parser says it is, or it is left alone.
    return [(at, text) for at, text in reader.runs if html[at : at + len(text)] == text]


class MarkersInHtml(Preprocessor):
    """Links the markers of the raw HTML blocks set aside, with `marker`'s own markup."""

    def __init__(self, md: Markdown, marker: InlineProcessor) -> None:
        super().__init__(md)
        self.marker = marker

    def run(self, lines: list[str]) -> list[str]:
        stash = self.md.htmlStash.rawHtmlBlocks
        for index, block in enumerate(stash):
            if isinstance(block, str) and "[^" in block:
                stash[index] = self._linked(block)
        return lines

    def _linked(self, html: str) -> str:
        out, last = [], 0
        for at, text in text_runs(html):
            if MARKER.search(text):
                out += [html[last:at], MARKER.sub(self._link, text)]
                last = at + len(text)
        out.append(html[last:])
        return "".join(out)

    def _link(self, match: re.Match[str]) -> str:
        # The marker's markup, stored by Python-Markdown: it puts it in place at the end.
        placeholder, _, _ = self.marker.handleMatch(match, match.string)
        return str(placeholder)
