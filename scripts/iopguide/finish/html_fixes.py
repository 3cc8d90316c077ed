"""Small, targeted repairs to the HTML that Markdown extensions and Material emit.

Each function takes HTML and returns HTML; the MkDocs hook applies them. They fix
markup upstream leaves invalid or unlabelled, not the site's design.
"""

from __future__ import annotations

import html as html_module
import re

# pymdownx.tasklist puts only the box inside <label>, so the checkbox has no name
# and the text is not a tap target. Move the item's text into the label.
_TASK = re.compile(
    r'(<label class="task-list-control">\s*<input type="checkbox"[^>]*>\s*'
    r'<span class="task-list-indicator"></span>)\s*</label>(.*?)(?=<ul|<ol|</li>)',
    re.S,
)


def label_checklists(html: str) -> str:
    """Make each task-list item's text the label of its checkbox."""
    return _TASK.sub(lambda m: f"{m.group(1)} {m.group(2).strip()}</label>", html)


# Material's nav partial writes tabindex="" on section labels (which the minifier
# shortens to a bare `tabindex`); an empty tabindex is invalid HTML and means nothing
# to browsers.
_EMPTY_TABINDEX = re.compile(r'\stabindex(?:="")?(?=[\s/>])')


def drop_empty_tabindex(html: str) -> str:
    return _EMPTY_TABINDEX.sub("", html)


# On section index pages Material renders the table of contents' title as
# <label for="__toc"> without the __toc toggle it points to: invalid, and inert.
_TOC_LABEL = re.compile(r'(<label class="?md-nav__title"?) for="?__toc"?')
_TOC_TOGGLE = re.compile(r'id="?__toc"?[\s>]')


def drop_dangling_toc_label(html: str) -> str:
    if _TOC_TOGGLE.search(html):
        return html
    return _TOC_LABEL.sub(r"\1", html)


# pymdownx's abbreviations mark every use of a term. Material then builds a tooltip
# for each one, which costs phones time at load (Lighthouse's blocking time), and
# screen readers hear the same expansion again and again. Keep the first of each.
_ABBR = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.S)


def first_abbr_only(html: str) -> str:
    """Keep each abbreviation's <abbr> on its first use in the content; unwrap the rest."""
    seen: set[str] = set()

    def keep_first(match: re.Match[str]) -> str:
        term = match.group(1)
        if term in seen:
            return term
        seen.add(term)
        return match.group(0)

    return _ABBR.sub(keep_first, html)


# Tables become stacked cards on phones (site.css), each cell showing its column's
# heading from a data-label. CSS that changes a table's display drops its table meaning
# for screen readers, so the roles are written out too: they stay a real table.
_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_BODY_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<td(\b[^>]*)>")


def stack_tables(html: str) -> str:
    """Label each body cell with its column heading (`data-label`), for the phone layout
    in site.css that shows each row as a card.

    No ARIA roles are added: HTML forbids them on a table's rows and cells, and browsers
    keep a table's semantics whatever its CSS display (test_design.py reads Chromium's
    accessibility tree at phone width to prove it)."""

    def one(match: re.Match[str]) -> str:
        inner = match.group(1)
        head, _, body = inner.partition("</thead>")
        labels = [_text(cell) for cell in _HEAD_CELL.findall(head)]
        if not labels or not body:
            return match.group(0)

        def row(found: re.Match[str]) -> str:
            cells = iter(labels)
            return (
                "<tr>"
                + _CELL.sub(
                    lambda c: f'<td{c.group(1)} data-label="{next(cells, "")}">', found.group(1)
                )
                + "</tr>"
            )

        return f"<table data-iop-cards>{head}</thead>{_BODY_ROW.sub(row, body)}</table>"

    return _TABLE.sub(one, html)


def _text(cell: str) -> str:
    return html_module.escape(" ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", cell)).split()))


# A heading is a label, not the place to explain a term: no <abbr> inside headings (its
# dotted line splits the heading, and its tooltip hides the words). The first use in the
# text keeps it.
_HEADING_BLOCK = re.compile(r"<h([1-6])\b[^>]*>.*?</h\1>", re.S)


def no_abbr_in_headings(html: str) -> str:
    return _HEADING_BLOCK.sub(lambda m: _ABBR.sub(lambda a: a.group(1), m.group(0)), html)
