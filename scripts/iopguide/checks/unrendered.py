"""cite-unrendered: a source marker that reaches the built page as typed.

A marker `[^2]` after a sentence becomes a small linked 2 (render/citations.py), in the
page's text and in its raw HTML, such as a figure's `<figcaption>`. One the build could
not turn into a link shows readers "[^2]": a typo (`[^2 ]`, `[^two]`), or a marker where
no Markdown runs (the title, the description, an image's alt text). This rule reads the
built page, as the reading grade does, and names the Markdown file and the line where
the marker is typed (line 1 when it is not in the page's own text, such as a snippet).
Code on the page (`<code>`, `<pre>`) may show a marker: that is how a page explains one.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from iopguide.checks import markdown_scan
from iopguide.checks.problem import Problem

_SHOWN_AS_CODE = ["code", "pre", "kbd", "samp", "script", "style", "template", "textarea"]
_ATTRIBUTES = "alt title aria-label placeholder content".split()  # shown or read aloud
_RAW = re.compile(r"\[\^[^\]\s<]{0,20}\]?")


def problems(html: str, source: str, path: str) -> list[Problem]:
    """One problem for each marker the built page `html` shows as typed, on the line of
    `source` (the page's Markdown, as read from `path`) where it is written."""
    masked = markdown_scan.masked(source)
    found: dict[tuple[str, int], None] = {}  # (marker, line), in the page's order
    for text in _texts(html):
        for match in _RAW.finditer(text):
            found[match[0], _line(masked, match[0], _words(text[: match.start()]))] = None
    return [
        Problem(
            path,
            line,
            "cite-unrendered",
            f'the marker "{marker}" shows as typed on the built page, not as a link to '
            "its source: write it as [^N], N being the number of the source in `sources` "
            "(the first is [^1]), right after the sentence in the page's text (not in its "
            "title, description, alt text or a link)",
        )
        for marker, line in found
    ]


def _texts(html: str) -> list[str]:
    """What a reader can see or hear of the page: its text, outside code, and the
    attributes a browser shows or reads aloud."""
    tree = LexborHTMLParser(html)
    tree.strip_tags(_SHOWN_AS_CODE)
    texts = [tree.root.text(separator=" ")] if tree.root else []
    for node in tree.css(",".join(f"[{name}]" for name in _ATTRIBUTES)):
        texts += [node.attributes.get(name) or "" for name in _ATTRIBUTES]
    return texts


def _line(masked: str, marker: str, before: list[str]) -> int:
    """The line of the page's Markdown (outside code) where `marker` is typed after the
    words `before` it on the built page (the same marker may also be typed, and shown
    as a link, elsewhere on the page), or 1."""
    best, line = -1, 1
    for match in re.finditer(re.escape(marker), masked):
        typed = _words(masked[max(0, match.start() - 300) : match.start()])
        same = next((n for n in range(len(before)) if typed[-1 - n :] != before[-1 - n :]), 3)
        if same > best:
            best, line = same, markdown_scan.line_of(masked, match.start())
    return line


def _words(text: str) -> list[str]:
    """The last three words of `text`, markup aside."""
    return re.findall(r"\w+", re.sub(r"<[^>]*>", " ", text))[-3:]
