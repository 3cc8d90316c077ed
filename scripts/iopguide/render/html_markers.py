"""Citation markers inside a page's raw HTML, such as a figure's caption.

Python-Markdown copies a block of raw HTML (`<figure>` ... `<figcaption>Teens get 6 to 19
hours.[^2]</figcaption>` ... `</figure>`) to the page as it is, so the marker extension
in citations.py never sees its markers and readers saw "[^2]". This step runs right after
Python-Markdown has set those blocks aside and turns each marker in their text into the
same link as anywhere else. Tags, comments and code (`<code>`, `<pre>`) keep what they
hold. The built-page rule `cite-unrendered` (checks/unrendered.py) catches any marker
that still reaches a page as typed.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor

from iopguide.checks.claims import MARKER

# What keeps its markers as typed: code, scripts and styles whole, then any comment or tag.
_KEPT = re.compile(
    r"<(pre|code|script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>",
    re.S | re.I,
)
PRIORITY = 19  # just after Python-Markdown's raw HTML step (20), which sets blocks aside


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
        for kept in _KEPT.finditer(html):
            out += [MARKER.sub(self._link, html[last : kept.start()]), kept[0]]
            last = kept.end()
        out.append(MARKER.sub(self._link, html[last:]))
        return "".join(out)

    def _link(self, match: re.Match[str]) -> str:
        # The marker's markup, stored by Python-Markdown: it puts it in place at the end.
        placeholder, _, _ = self.marker.handleMatch(match, match.string)
        return str(placeholder)
