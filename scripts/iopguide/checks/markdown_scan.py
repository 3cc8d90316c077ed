"""Find links, images, raw HTML tags and headings in a page's Markdown source.

The scan works on a *masked* copy of the page: the front matter, fenced code
blocks, inline code and HTML comments are blanked out with spaces, keeping every
newline, so an offset into the masked text is also an offset into the source and
line numbers stay real (front matter included in the count). Nothing here knows
about MkDocs; content_checks.py turns what is found into problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from iopguide.checks import frontmatter

FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
# [text](target "title"){ attrs } and ![alt](src){ attrs }; text may wrap onto the next line.
INLINE_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"\(\s*<?(?P<target>[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)>?(?:\s+[\"'(][^\n]*?[\"')])?\s*\)"
    r"(?P<attrs>\{[^}\n]*\})?"
)
REFERENCE_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\[(?P<ref>[^\[\]]*)\]"
    r"(?P<attrs>\{[^}\n]*\})?"
)
REFERENCE_DEF = re.compile(r"^[ ]{0,3}\[(?P<ref>[^\]]+)\]:\s*<?(?P<target>\S+?)>?(?:\s|$)", re.M)
AUTOLINK = re.compile(r"<(?P<target>(?:https?|ftp|mailto|tel|sms|javascript|data):[^\s<>]*)>", re.I)
HTML_TAG = re.compile(
    r"<(?P<name>[A-Za-z][A-Za-z0-9-]*)(?=[\s/>])(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
)
HTML_ATTR = re.compile(
    r"(?P<name>[^\s\"'>/=]+)(?:\s*=\s*(?P<value>\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?"
)
ATX_HEADING = re.compile(
    r"^[ ]{0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?[ \t]*#*[ \t]*$", re.M
)
SETEXT_UNDERLINE = re.compile(r"^[ ]{0,3}(?P<mark>=+|-+)[ \t]*$")
LIST_OR_BLOCK = re.compile(r"^\s*([-*+>|]|\d+[.)]|!!!|\?\?\?|:)")


@dataclass(frozen=True)
class Link:
    """A Markdown or HTML link or image; `text` is the link text or the alt text."""

    line: int
    text: str | None  # None: an HTML <img> with no alt attribute at all
    target: str
    image: bool
    # The attr_list block, e.g. "{ .decorative }"; "reference ..." for a reference-style
    # use, "definition" for a `[ref]: url` line, "html ..." for a raw HTML tag.
    attrs: str = ""


@dataclass(frozen=True)
class Tag:
    line: int
    name: str  # lower case
    attrs: dict[str, str]  # lower-case names; a bare attribute has the value ""


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str


def _blank(text: str) -> str:
    """Spaces for every character but newlines, so offsets and lines do not move."""
    return re.sub(r"[^\n]", " ", text)


def masked(text: str) -> str:
    """The page with front matter, fenced code, inline code and comments blanked."""
    lines = text.split("\n")
    block = frontmatter.split(text)
    start = block.body_line - 1 if block else 0
    out = [_blank(line) for line in lines[:start]]
    fence: re.Match[str] | None = None
    for line in lines[start:]:
        if fence is None:
            opened = FENCE_OPEN.match(line)
            if opened:
                fence = opened
                out.append(_blank(line))
            else:
                out.append(line)
            continue
        closing = line.strip()
        marker = fence.group("fence")
        if closing.startswith(marker[0] * len(marker)) and not closing.strip(marker[0]):
            fence = None
        out.append(_blank(line))
    body = "\n".join(out)
    body = HTML_COMMENT.sub(lambda m: _blank(m.group(0)), body)
    return INLINE_CODE.sub(lambda m: _blank(m.group(0)), body)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _attrs(raw: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in HTML_ATTR.finditer(raw):
        value = match.group("value") or ""
        found[match.group("name").lower()] = value.strip("\"'")
    return found


def tags(body: str) -> list[Tag]:
    """Every raw HTML start tag in the masked page."""
    return [
        Tag(line_of(body, m.start()), m.group("name").lower(), _attrs(m.group("attrs")))
        for m in HTML_TAG.finditer(body)
    ]


def links(body: str) -> list[Link]:
    """Every link and image: inline, reference-style, autolinks and HTML <a>/<img>."""
    refs = {m.group("ref").strip().lower(): m.group("target") for m in REFERENCE_DEF.finditer(body)}
    found = [
        Link(
            line_of(body, m.start()),
            m.group("text"),
            m.group("target"),
            bool(m.group("bang")),
            m.group("attrs") or "",
        )
        for m in INLINE_LINK.finditer(body)
    ]
    for m in REFERENCE_LINK.finditer(body):
        ref = (m.group("ref") or m.group("text")).strip().lower()
        if ref in refs:
            # Its target is checked once, at the definition; this entry carries the text.
            found.append(
                Link(
                    line_of(body, m.start()),
                    m.group("text"),
                    refs[ref],
                    bool(m.group("bang")),
                    "reference " + (m.group("attrs") or ""),
                )
            )
    for m in REFERENCE_DEF.finditer(body):  # checked as targets, with no text of their own
        found.append(Link(line_of(body, m.start()), None, m.group("target"), False, "definition"))
    for m in AUTOLINK.finditer(body):
        found.append(Link(line_of(body, m.start()), m.group("target"), m.group("target"), False))
    for tag in tags(body):
        if tag.name == "a" and "href" in tag.attrs:
            found.append(Link(tag.line, "", tag.attrs["href"], False, "html"))
        elif tag.name == "img":
            found.append(
                Link(
                    tag.line,
                    tag.attrs.get("alt"),
                    tag.attrs.get("src", ""),
                    True,
                    "html class=" + tag.attrs.get("class", ""),
                )
            )
    return sorted(found, key=lambda link: link.line)


def html_link_texts(body: str) -> list[tuple[int, str]]:
    """The text inside each raw HTML <a ...>...</a>, with its line."""
    return [
        (line_of(body, m.start()), re.sub(r"<[^>]+>", "", m.group(1)))
        for m in re.finditer(r"<a\b[^>]*>(.*?)</a\s*>", body, re.S | re.I)
    ]


def headings(body: str) -> list[Heading]:
    """ATX (`## Title`), setext (underlined) and raw HTML <h1>-<h6> headings, in order."""
    found = [
        Heading(line_of(body, m.start()), len(m.group("hashes")), m.group("text") or "")
        for m in ATX_HEADING.finditer(body)
    ]
    lines = body.split("\n")
    for index in range(1, len(lines)):
        underline = SETEXT_UNDERLINE.match(lines[index])
        above = lines[index - 1]
        if (
            underline
            and above.strip()
            and not LIST_OR_BLOCK.match(above)
            and not ATX_HEADING.match(above)
        ):
            level = 1 if underline.group("mark")[0] == "=" else 2
            found.append(Heading(index, level, above.strip()))
    for tag in tags(body):
        if re.fullmatch(r"h[1-6]", tag.name):
            found.append(Heading(tag.line, int(tag.name[1]), ""))
    return sorted(found, key=lambda heading: heading.line)
