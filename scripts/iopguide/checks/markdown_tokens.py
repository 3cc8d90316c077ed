"""A page's Markdown as markdown-it-py tokens, read the way the site's Python-Markdown reads it.

CommonMark, plus what mkdocs.yml turns on that changes what is code, text or HTML:

- `tables`: pipe tables (markdown-it's `table` rule);
- `admonition` and `pymdownx.details`: `!!! note "Title"` or `??? note` and the lines
  indented 4 spaces under it are Markdown, not an indented code block;
- `md_in_html`: a line that is only an opening tag with a `markdown` attribute, such as
  `<div class="iop-hub" markdown>`, is raw HTML, and the lines after it are Markdown.

Links keep their targets as written: no URL normalising, and `javascript:` or `data:`
targets stay links, so the checks can report them. The front matter is read as blank
lines, so every token's `map` counts real source lines of the whole file.

Each link, image, autolink, raw inline tag and code span records where it starts and
ends in its inline token's `content` (`meta["start"]`, `meta["end"]`); each inline and
html_block token records the column where each of its lines starts in the source
(`meta["columns"]`). `Page.position` turns the two into a source line and column.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.common.html_re import open_tag
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline, autolink, backtick, html_inline, image, link
from markdown_it.token import Token

from iopguide.checks import frontmatter, raw_html

# Line recognisers for the two Python-Markdown extensions markdown-it does not know.
_ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)[ \t]*[\w-]")  # !!! note "Title", ???+ tip
_LONE_OPEN_TAG = re.compile("^" + open_tag + r"\s*$")  # markdown-it's own tag pattern
_LOCATED = {"link_open", "image", "html_inline", "code_inline"}
InlineRule = Callable[[StateInline, bool], bool]


class _SiteMarkdown(MarkdownIt):
    """Targets as written, and never dropped: the checks judge them, nothing renders them."""

    def validateLink(self, url: str) -> bool:
        return True

    def normalizeLink(self, url: str) -> str:
        return url

    def normalizeLinkText(self, link: str) -> str:
        return link


def _admonition(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """`!!! kind "Title"` or `??? kind`, then a body indented 4 more spaces (blank lines
    inside it included): admonition_open, the body's own tokens, admonition_close."""
    if state.is_code_block(start):
        return False
    first = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    if not _ADMONITION.match(first):
        return False
    if silent:
        return True
    indent = state.sCount[start] + 4
    last = start
    for line in range(start + 1, end):
        if state.isEmpty(line):
            continue
        if state.sCount[line] < indent:
            break
        last = line
    opened = state.push("admonition_open", "div", 1)
    opened.map = [start, last + 1]
    opened.info = first
    saved = state.lineMax, state.blkIndent
    state.lineMax, state.blkIndent = last + 1, indent
    state.md.block.tokenize(state, start + 1, last + 1)
    state.lineMax, state.blkIndent = saved
    state.push("admonition_close", "div", -1)
    state.line = last + 1
    return True


def _markdown_in_html(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A line that is only `<tag ... markdown>`: that line is raw HTML, the next are not."""
    if state.is_code_block(start):
        return False
    line = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    if not _LONE_OPEN_TAG.match(line):
        return False
    tags = raw_html.read(line).tags
    if not tags or "markdown" not in tags[0].attrs:
        return False
    if not silent:
        token = state.push("html_block", "", 0)
        token.map = [start, start + 1]
        token.content = state.getLines(start, start + 1, state.blkIndent, True)
        state.line = start + 1
    return True


def _located(rule: InlineRule) -> InlineRule:
    """The inline rule, also noting where its token starts and ends in the inline text;
    for a link, its text as written (`meta["text"]`)."""

    def located(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        label_end = -1
        if not silent and rule is link and state.src.startswith("[", start):
            label_end = state.md.helpers.parseLinkLabel(state, start, True)
        if not rule(state, silent):
            return False
        if not silent:
            for token in state.tokens[count:]:
                if token.type in _LOCATED and "start" not in token.meta:
                    token.meta.update(start=start, end=state.pos)
                    if label_end >= 0:
                        token.meta["text"] = state.src[start + 1 : label_end]
                    break
        return True

    return located


@functools.cache
def _parser(code: bool) -> MarkdownIt:
    md = _SiteMarkdown("commonmark", {"store_labels": True, "inline_definitions": True})
    md.enable("table")
    if not code:
        md.disable("code")
    md.block.ruler.before(
        "fence", "admonition", _admonition, {"alt": ["paragraph", "reference", "blockquote"]}
    )
    md.block.ruler.before(
        "html_block",
        "markdown_in_html",
        _markdown_in_html,
        {"alt": ["paragraph", "reference", "blockquote"]},
    )
    for name, rule in (
        ("link", link),
        ("image", image),
        ("autolink", autolink),
        ("html_inline", html_inline),
        ("backticks", backtick),
    ):
        md.inline.ruler.at(name, _located(rule))
    return md


@dataclass(frozen=True)
class Page:
    lines: tuple[str, ...]  # the source, split at each "\n"
    tokens: tuple[Token, ...]  # block tokens; inline ones carry their children
    body_line: int  # the first line after the front matter (1 when there is none)

    def inline(self) -> Iterator[tuple[Token, Token]]:
        """(inline token, child) for every child of every inline token, in page order."""
        for token in self.tokens:
            if token.type == "inline" and token.map and token.children:
                for child in token.children:
                    yield token, child

    def source_at(self, token: Token, index: int, column: int) -> tuple[int, int]:
        """The source line (from 1) and column (from 0) of a place in token.content, given
        as its line in the content (from 0) and its column in that line."""
        assert token.map is not None
        columns = token.meta.get("columns") or [0]
        return token.map[0] + index + 1, columns[min(index, len(columns) - 1)] + column

    def position(self, token: Token, offset: int) -> tuple[int, int]:
        """The source line (from 1) and column (from 0) of an offset in token.content."""
        index = token.content.count("\n", 0, offset)
        return self.source_at(token, index, offset - token.content.rfind("\n", 0, offset) - 1)

    def line(self, token: Token, offset: int = 0) -> int:
        return self.position(token, offset)[0]


def _columns(lines: tuple[str, ...], token: Token, cursor: dict[int, int] | None) -> list[int]:
    """Where each line of token.content starts in its source line: it is the end of the
    source line, less what marks the block (indent, `> `, `- `, a closing `##`). A table
    cell is a piece of its row: found left to right, from `cursor`."""
    assert token.map is not None
    columns = []
    for index, piece in enumerate(token.content.split("\n")):
        number = token.map[0] + index
        source = lines[number] if number < len(lines) else ""
        if cursor is not None:
            found = source.find(piece, cursor.get(number, 0))
            if found >= 0:
                cursor[number] = found + len(piece)
        else:
            found = source.rfind(piece) if piece else len(source)
        columns.append(found if found >= 0 else max(len(source) - len(piece), 0))
    return columns


@functools.lru_cache(maxsize=64)
def parse(text: str, code: bool = True) -> Page:
    """The page's tokens; its front matter is read as blank lines.

    code=False reads a masked page (markdown_scan.masked), whose code is already blanked:
    there, a line indented 4 spaces is one whose comment or code span was blanked, not an
    indented code block (Python-Markdown reads `<!-- note --> [a link](x.md)` as a link)."""
    lines = tuple(text.split("\n"))
    block = frontmatter.split(text)
    start = block.body_line - 1 if block else 0
    tokens = tuple(_parser(code).parse("\n" * start + "\n".join(lines[start:])))
    cursor: dict[int, int] = {}
    in_cell = False
    for token in tokens:
        if token.type in ("th_open", "td_open"):
            in_cell = True
        elif token.type in ("inline", "html_block") and token.map:
            token.meta["columns"] = _columns(lines, token, cursor if in_cell else None)
            in_cell = False
    return Page(lines, tokens, start + 1)
