"""cite-unrendered: a source marker or a crisis placeholder that reaches the built page as
typed.

A marker `[^2]` after a sentence becomes a small linked 2 (render/citations.py), in the
page's text and in its raw HTML, such as a figure's `<figcaption>`. One the build could
not turn into a link shows readers "[^2]": a typo (`[^2 ]`, `[^two]`), or a marker where
no Markdown runs (the title, the description, an image's alt text). A `{crisis:KEY}`
placeholder is filled in the page's text only (render/crisis.py): in the front matter it
reaches the page's `<title>` and description as typed. This rule reads the built page, as
the reading grade does, and names the Markdown file and the line where the marker or the
placeholder is typed, front matter included (line 1 when it is not in the page, such as
a snippet). A placeholder the crisis file cannot fill in the page's text is left to the
crisis-line rule, which names it with the key it may have meant. Code on the page
(`<code>`, `<pre>`) may show either: that is how a page explains one.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from iopguide.checks import frontmatter, markdown_scan
from iopguide.checks.problem import Problem
from iopguide.crisis import FILE

_SHOWN_AS_CODE = ["code", "pre", "kbd", "samp", "script", "style", "template", "textarea"]
_ATTRIBUTES = "alt title aria-label placeholder content".split()  # shown or read aloud
_TAG = re.compile(r"<(?:\"[^\"]*\"|'[^']*'|[^'\">])*>")  # a `>` in quotes ends no tag
_RAW = re.compile(r"\[\^[^\]\s<]{0,20}\]?|\{crisis:[^{}\s<]{0,40}\}?")
_MARKER_FIX = (
    "write it as [^N], N being the number of the source in `sources` (the first is [^1]), "
    "right after the sentence in the page's text (not in its title, description, alt "
    "text or a link)"
)
_CRISIS_FIX = (
    "placeholders are filled in the page's text only: in the title or the description, "
    f"write the words out; elsewhere, use a key {FILE.as_posix()} has"
)


def problems(html: str | LexborHTMLParser, source: str, path: str) -> list[Problem]:
    """One problem for each marker or placeholder the built page `html` shows as typed,
    on the line of `source` (the page's Markdown, as read from `path`) where it is
    written."""
    block = frontmatter.split(source)
    body = block.body_line if block else 1
    typed = _typed(source, body)
    found: dict[tuple[str, int], None] = {}  # (marker, line), in the page's order
    for text in _texts(html):
        for match in _RAW.finditer(text):
            line = _line(typed, match[0], _words(text[: match.start()]))
            if match[0].startswith("[") or line < body:  # else crisis-line names it
                found[match[0], line or 1] = None
    return [
        Problem(
            path,
            line,
            "cite-unrendered",
            f'the marker "{raw}" shows as typed on the built page, not as a link to its '
            f"source: {_MARKER_FIX}"
            if raw.startswith("[")
            else f'the crisis placeholder "{raw}" shows as typed on the built page: ' + _CRISIS_FIX,
        )
        for raw, line in found
    ]


def _typed(source: str, body: int) -> str:
    """The page as the rule searches it: its front matter as typed (the page's Markdown
    does not read it), then its Markdown outside code."""
    lines = markdown_scan.masked(source).split("\n")
    lines[: body - 1] = source.split("\n")[: body - 1]
    return "\n".join(lines)


def _texts(html: str | LexborHTMLParser) -> list[str]:
    """What a reader can see or hear of the page: its text, outside code, and the
    attributes a browser shows or reads aloud. The site's menus (a `<nav>` outside the
    page's `<article>`) are left out: they show every page's title, each reported once,
    on its own page. A parsed page is read from a copy, left as it is."""
    tree = html.clone() if isinstance(html, LexborHTMLParser) else LexborHTMLParser(html)
    tree.strip_tags(_SHOWN_AS_CODE)
    for node in [node for node in tree.css("nav") if not _inside(node, {"nav", "article"})]:
        node.decompose()
    texts = [tree.root.text(separator=" ")] if tree.root else []
    for node in tree.css(",".join(f"[{name}]" for name in _ATTRIBUTES)):
        texts += [node.attributes.get(name) or "" for name in _ATTRIBUTES]
    return texts


def _inside(node: LexborNode, names: set[str]) -> bool:
    parent = node.parent
    while parent is not None and parent.tag not in names:
        parent = parent.parent
    return parent is not None


def _line(typed: str, marker: str, before: list[str]) -> int:
    """The line of the page (front matter as typed, Markdown outside code) where `marker`
    is typed after the words `before` it on the built page (the same marker may also be
    typed, and shown as a link, elsewhere on the page), or 0."""
    best, line = -1, 0
    for match in re.finditer(re.escape(marker), typed):
        words = _words(typed[max(0, match.start() - 300) : match.start()])
        same = next((n for n in range(len(before)) if words[-1 - n :] != before[-1 - n :]), 3)
        if same > best:
            best, line = same, markdown_scan.line_of(typed, match.start())
    return line


def _words(text: str) -> list[str]:
    """The last three words of `text`, markup aside."""
    return re.findall(r"\w+", _TAG.sub(" ", text))[-3:]
