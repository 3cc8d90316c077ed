"""Find links, images, raw HTML tags and headings in a page's Markdown, with their lines.

Everything is read from markdown-it-py tokens (markdown_tokens.py). `masked()` blanks
what the site shows as code (fenced, indented or inline) and the HTML comments, found
from the tokens; the scans then read the tokens of that masked copy, so code and
comments hold no link, tag or heading, and the text after a comment on its line is
Markdown, as Python-Markdown reads it. Line numbers are real source lines (front matter
included in the count). Every function takes the page as read from its file (not a
masked copy: there, a line whose comment was blanked may look like indented code).
Nothing here knows about MkDocs: the modules beside it turn what is found into problems.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import Literal

from markdown_it.token import Token

from iopguide.checks import raw_html
from iopguide.checks.markdown_tokens import Page, parse
from iopguide.checks.raw_html import Tag

# attr_list, which markdown-it does not know: `{ .decorative }` right after an image.
_ATTR_LIST = re.compile(r"\{[^}\n]*\}")
_HEADING_TAGS = {f"h{level}" for level in range(1, 7)}
# Same-line order of links, as editors have always seen it: inline, reference-style,
# definitions, autolinks, then HTML.
_INLINE, _REFERENCE, _DEFINITION, _AUTOLINK, _HTML = range(5)


# How a link is written: `[text](url)`, `[text][ref]` (its target is checked at the
# definition), a `[ref]: url` line, `<https://...>`, or a raw HTML <a>/<img>.
LinkKind = Literal["inline", "reference", "definition", "autolink", "html"]


@dataclass(frozen=True)
class Link:
    """A Markdown or HTML link or image; `text` is the link text or the alt text."""

    line: int
    text: str | None  # None: an HTML <img> with no alt attribute at all
    target: str
    image: bool
    kind: LinkKind = "inline"
    # Its classes: `.name`s of the attr_list right after it (`{ .decorative }`), or the
    # raw HTML tag's `class` attribute.
    classes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _raw_html(page: Page) -> list[tuple[int, raw_html.RawHtml]]:
    """Each piece of raw HTML, read, with the source line it starts on."""
    found = [
        (token.map[0] + 1, raw_html.read(token.content))
        for token in page.tokens
        if token.type == "html_block" and token.map
    ]
    found += [
        (page.line(parent, child.meta["start"]), raw_html.read(child.content))
        for parent, child in page.inline()
        if child.type == "html_inline"
    ]
    return sorted(found, key=lambda item: item[0])


def tags(text: str) -> list[Tag]:
    """Every raw HTML start tag of the page, in order, each with its source line."""
    return [
        replace(tag, line=line + tag.line)
        for line, html in _raw_html(_scanned(text))
        for tag in html.tags
    ]


def _markdown_link(page: Page, parent: Token, child: Token) -> tuple[int, Link] | None:
    start, end = child.meta.get("start"), child.meta.get("end")
    if start is None or end is None:
        return None
    line = page.line(parent, start)
    if child.type == "link_open" and child.info == "auto":
        text = parent.content[start + 1 : end - 1]
        return _AUTOLINK, Link(line, text, str(child.attrs["href"]), False, "autolink")
    image = child.type == "image"
    attrs = _ATTR_LIST.match(parent.content, end)
    classes = frozenset(
        word[1:] for word in (attrs[0][1:-1] if attrs else "").split() if word.startswith(".")
    )
    text = child.content if image else child.meta.get("text", "")
    target = str(child.attrs["src" if image else "href"])
    if "label" in child.meta:  # a reference-style use: its target is checked at the definition
        return _REFERENCE, Link(line, text, target, image, "reference", classes)
    return _INLINE, Link(line, text, target, image, "inline", classes)


def links(text: str) -> list[Link]:
    """Every link and image: inline, reference-style, autolinks, `[ref]: url` definitions
    and HTML <a>/<img>."""
    page = _scanned(text)
    found: list[tuple[int, int, Link]] = []
    for parent, child in page.inline():
        if child.type in ("link_open", "image"):
            made = _markdown_link(page, parent, child)
            if made:
                found.append((made[1].line, made[0], made[1]))
    for token in page.tokens:
        if token.type == "definition" and token.map:
            url = token.meta["url"]
            found.append(
                (
                    token.map[0] + 1,
                    _DEFINITION,
                    Link(token.map[0] + 1, None, url, False, "definition"),
                )
            )
    for tag in tags(text):
        classes = frozenset(tag.attrs.get("class", "").split())
        if tag.name == "a" and "href" in tag.attrs:
            link = Link(tag.line, "", tag.attrs["href"], False, "html", classes)
            found.append((tag.line, _HTML, link))
        elif tag.name == "img":
            src = tag.attrs.get("src", "")
            link = Link(tag.line, tag.attrs.get("alt"), src, True, "html", classes)
            found.append((tag.line, _HTML, link))
    return [link for _, _, link in sorted(found, key=lambda item: item[:2])]


def html_link_texts(text: str) -> list[tuple[int, str]]:
    """The text inside each raw HTML <a ...>...</a>, tags left out, with its line."""
    page = _scanned(text)
    found = [
        (line + anchor.line, anchor.text)
        for line, html in _raw_html(page)
        for anchor in html.anchors
    ]
    opened: tuple[Token, int, int] | None = None  # an inline <a ...>: its token, line, end
    for parent, child in page.inline():  # <a ...>, what is inside, then </a>
        if child.type != "html_inline":
            continue
        tag = raw_html.read(child.content).tags
        if tag and tag[0].name == "a" and not child.content.rstrip().endswith("/>"):
            opened = (parent, page.line(parent, child.meta["start"]), child.meta["end"])
        elif opened and opened[0] is parent and child.content.lower().startswith("</a"):
            inner = parent.content[opened[2] : child.meta["start"]]
            found.append((opened[1], raw_html.text_of(inner)))
            opened = None
    return sorted(found, key=lambda item: item[0])


def headings(text: str) -> list[Heading]:
    """ATX (`## Title`), setext (underlined) and raw HTML <h1>-<h6> headings, in order."""
    page = _scanned(text)
    found = [
        Heading(token.map[0] + 1, int(token.tag[1]), " ".join(following.content.split("\n")))
        for token, following in zip(page.tokens, page.tokens[1:], strict=False)
        if token.type == "heading_open" and token.map
    ]
    found += [
        Heading(tag.line, int(tag.name[1]), "") for tag in tags(text) if tag.name in _HEADING_TAGS
    ]
    return sorted(found, key=lambda heading: heading.line)


Span = tuple[tuple[int, int], tuple[int, int]]  # from (line, column) to (line, column)


def _blank(lines: list[str], span: Span) -> None:
    (first, start), (last, end) = span
    for number in range(first, last + 1):
        line = lines[number - 1]
        left = start if number == first else 0
        right = end if number == last else len(line)
        lines[number - 1] = line[:left] + " " * len(line[left:right]) + line[right:]


def _scanned(text: str) -> Page:
    """The tokens the scans read: those of the masked page."""
    return parse(masked(text), code=False)


@functools.lru_cache(maxsize=64)
def masked(text: str) -> str:
    """The page with front matter, code (fenced, indented, inline) and HTML comments blanked
    out with spaces, every newline kept: an offset into it is an offset into the page."""
    page = parse(text)
    lines = list(page.lines)
    whole = set(range(1, page.body_line))  # the front matter
    spans: list[Span] = []
    for token in page.tokens:
        if token.type in ("fence", "code_block") and token.map:
            whole.update(range(token.map[0] + 1, token.map[1] + 1))
        elif token.type == "html_block" and token.map:
            for comment in raw_html.read(token.content).comments:
                spans.append(
                    (
                        page.source_at(token, comment.line, comment.column),
                        page.source_at(token, comment.end_line, comment.end_column),
                    )
                )
    for parent, child in page.inline():
        if child.type == "code_inline" or (
            child.type == "html_inline" and child.content.startswith("<!--")
        ):
            start, end = child.meta["start"], child.meta["end"]
            spans.append((page.position(parent, start), page.position(parent, end)))
    for number in sorted(whole):
        if number <= len(lines):
            spans.append(((number, 0), (number, len(lines[number - 1]))))
    for span in spans:
        _blank(lines, span)
    return "\n".join(lines)
