"""Read a piece of raw HTML from a page: its start tags, comments and `<a>` texts.

markdown-it-py says *where* a page has raw HTML (html_block and html_inline tokens); this
reads *what* is in it, with the standard library's HTML parser, so attributes are read
the way a browser reads them (any quoting, any case, entities in values decoded).
Positions are (line, column) inside the piece, both from 0; markdown_scan.py turns them
into source lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class Tag:
    """A start tag: its line inside the piece read here, or, from markdown_scan.tags, in
    the page's source."""

    line: int
    name: str  # lower case
    attrs: dict[str, str]  # lower-case names; a bare attribute has the value ""


@dataclass(frozen=True)
class RawAnchor:
    """An `<a ...>...</a>` and the text inside it, tags left out, entities as written."""

    line: int
    column: int
    text: str


@dataclass(frozen=True)
class RawComment:
    line: int
    column: int
    end_line: int  # where the comment ends: just after `-->`, or the end of the piece
    end_column: int


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tags: list[Tag] = []
        self.anchors: list[RawAnchor] = []
        self.comments: list[tuple[int, int]] = []
        self.text: list[str] = []  # all the text, tags left out
        self._anchor: tuple[int, int, list[str]] | None = None

    def _at(self) -> tuple[int, int]:
        line, column = self.getpos()
        return line - 1, column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, column = self._at()
        self.tags.append(Tag(line, tag, {name: value or "" for name, value in attrs}))
        if tag == "a":
            self._anchor = (line, column, [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._anchor is not None:
            line, column, parts = self._anchor
            self.anchors.append(RawAnchor(line, column, "".join(parts)))
            self._anchor = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._anchor is not None:
            self._anchor[2].append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.comments.append(self._at())


@dataclass(frozen=True)
class RawHtml:
    tags: tuple[Tag, ...]
    anchors: tuple[RawAnchor, ...]
    comments: tuple[RawComment, ...]


def _read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader


def read(html: str) -> RawHtml:
    """Everything the checks need from one piece of raw HTML."""
    reader = _read(html)
    lines = html.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    comments = []
    for line, column in reader.comments:
        end = html.find("-->", starts[line] + column + 4)
        end = len(html) if end < 0 else end + 3
        end_line = html.count("\n", 0, end)
        comments.append(RawComment(line, column, end_line, end - starts[end_line]))
    return RawHtml(tuple(reader.tags), tuple(reader.anchors), tuple(comments))


def text_of(html: str) -> str:
    """The text of a piece of HTML with its tags left out (entities as written)."""
    return "".join(_read(html).text)
