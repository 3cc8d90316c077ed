"""Small, targeted repairs to the HTML that Markdown extensions and Material emit.

`fix_page` takes a whole built page, parses it once (selectolax's Lexbor parser, the
HTML standard's rules), applies every repair and writes the page out once. The repairs
to what Markdown wrote touch only the page's main content (`CONTENT`); the ones to
Material's templates apply anywhere. Each repair is its own function on a parsed tree
or node, so tests can run it on a fragment. They fix markup upstream leaves invalid or
unlabelled, not the site's design.
"""

from __future__ import annotations

from typing import TypeAlias

from selectolax.lexbor import LexborHTMLParser, LexborNode

CONTENT = "article.md-content__inner"  # Material's article: the page's Markdown, rendered
Root: TypeAlias = LexborHTMLParser | LexborNode  # a parsed page or fragment, or one node


def fix_page(html: str) -> str:
    """A built page (as MkDocs or Zensical writes it) with every repair applied."""
    tree = LexborHTMLParser(html)
    fix_tree(tree)
    return tree.html or html


def fix_tree(tree: Root) -> None:
    """Every repair, in place: those to the content on each `CONTENT` node only."""
    for content in tree.css(CONTENT):
        fix_content(content)
    drop_empty_tabindex(tree)
    drop_dangling_toc_label(tree)
    one_skip_link(tree)


def fix_content(content: Root) -> None:
    """The repairs to what Markdown wrote, in the order they depend on: headings lose
    their <abbr> before the first use of each term is chosen."""
    label_checklists(content)
    no_abbr_in_headings(content)
    first_abbr_only(content)
    stack_tables(content)


# pymdownx.tasklist puts only the box inside <label>, so the checkbox has no name
# and the text is not a tap target. Move the item's text into the label.
def label_checklists(root: Root) -> None:
    """Make each task-list item's text (up to a nested list) the label of its checkbox."""
    for label in root.css("label.task-list-control"):
        if label.css_first("input[type=checkbox]") is None or label.text().strip():
            continue  # not a task list's box, or labelled already
        if label.last_child is not None and label.last_child.is_empty_text_node:
            label.last_child.decompose()
        text: list[LexborNode] = []
        node = label.next
        while node is not None and node.tag not in ("ul", "ol"):
            text.append(node)
            node = node.next
        label.insert_child(" ")
        for n, node in enumerate(text):
            if not node.is_text_node:
                label.insert_child(node, move=True)
                continue
            value = node.text_content or ""
            value = value.lstrip() if n == 0 else value
            value = value.rstrip() if n == len(text) - 1 else value
            if value:
                label.insert_child(value)
            node.decompose()


# Material's nav partial writes tabindex="" on section labels (which the minifier
# shortens to a bare `tabindex`); an empty tabindex is invalid HTML and means nothing
# to browsers.
def drop_empty_tabindex(root: Root) -> None:
    for node in root.css("[tabindex]"):
        if not node.attributes.get("tabindex"):
            del node.attrs["tabindex"]


# On section index pages Material renders the table of contents' title as
# <label for="__toc"> without the __toc toggle it points to: invalid, and inert.
def drop_dangling_toc_label(root: Root) -> None:
    if root.css_first('[id="__toc"]') is not None:
        return
    for label in root.css('label.md-nav__title[for="__toc"]'):
        del label.attrs["for"]


# Material writes its own skip link ("Skip to content", in Spanish "Saltar a contenido")
# before ours, only on pages with a table of contents (Zensical: on every page), and
# Material does not put it in a template block. Ours, in the announcement bar, is on every
# page and comes first once Material's is gone: one skip link a page, in its language.
def one_skip_link(root: Root) -> None:
    """Remove Material's skip link (its empty box stays, where Material expects it)."""
    for link in root.css('[data-md-component="skip"] a.md-skip'):
        link.decompose()


# pymdownx's abbreviations mark every use of a term. Material then builds a tooltip
# for each one, which costs phones time at load (Lighthouse's blocking time), and
# screen readers hear the same expansion again and again. Keep the first of each.
def first_abbr_only(root: Root) -> None:
    """Keep each abbreviation's <abbr> on its first use in the content; unwrap the rest."""
    seen: set[str] = set()
    for abbr in root.css("abbr"):
        term = abbr.inner_html or ""
        if term in seen:
            abbr.unwrap()
        seen.add(term)


# A heading is a label, not the place to explain a term: no <abbr> inside headings (its
# dotted line splits the heading, and its tooltip hides the words). The first use in the
# text keeps it.
def no_abbr_in_headings(root: Root) -> None:
    for abbr in root.css("h1 abbr, h2 abbr, h3 abbr, h4 abbr, h5 abbr, h6 abbr"):
        abbr.unwrap()


# Tables become stacked cards on phones (site.css), each cell showing its column's
# heading from a data-label.
def stack_tables(root: Root) -> None:
    """Label each body cell with its column heading (`data-label`), for the phone layout
    in site.css that shows each row as a card. Only Markdown's tables, which have no
    attributes and a <thead>, are changed.

    No ARIA roles are added: HTML forbids them on a table's rows and cells, and browsers
    keep a table's semantics whatever its CSS display (test_design.py reads Chromium's
    accessibility tree at phone width to prove it)."""
    for table in root.css("table"):
        head = table.css_first("thead")
        if table.attributes or head is None:
            continue
        labels = [_text(cell) for cell in head.css("th")]
        rows = [
            row
            for part in table.iter()
            if part.tag in ("tbody", "tfoot")
            for row in part.iter()
            if row.tag == "tr" and not row.attributes
        ]
        if not labels or not rows:
            continue
        for row in rows:
            cells = iter(labels)
            for cell in row.iter():
                if cell.tag == "td":
                    cell.attrs["data-label"] = next(cells, "")
        table.attrs["data-iop-cards"] = ""


def _text(cell: LexborNode) -> str:
    """A cell's words: its text with each tag read as a space (`Cost<br>a week`)."""
    return " ".join(cell.text(deep=True, separator=" ").split())
