"""What assets/a11y.js used to add to every page at each load, written once by the build.

Material's header controls are `<label>`s for hidden inputs: not focusable, not named. Each
gets a `<button>` beside it, named in the page's language (docs/.data/strings.yml), with
`aria-controls` and its first `aria-expanded`; the button stays `hidden` until a11y.js
shows it in the label's place (without JavaScript the labels still work, by CSS). Also:
the sidebar's id (what the menu button controls), the palette radios out of the tab
order, the search dialog's name, its result count announced, each table's name for the
box Material wraps it in (`data-iop-label`, which a11y.js copies onto the box) and the
words of the copy button on script boxes. What needs the clipboard or the reader's
actions stays in a11y.js, with no words of its own.
"""

from __future__ import annotations

import html

from selectolax.lexbor import LexborHTMLParser, LexborNode

from iopguide import strings

NAV_ID = "iop-nav"
LABEL = "data-iop-label"  # a table's name, for the box Material wraps it in
_BUTTON = (
    '<button type="button" class="{cls} iop-header-button" data-for="{target}" '
    'aria-label="{name}"{more} hidden></button>'
)
_COPY = {
    "data-iop-copy": "copy",
    "data-iop-copied": "copied",
    "data-iop-copy-failed": "copy_failed",
}
_SCHEMES = {"default": "light", "slate": "dark"}  # a palette's scheme -> the button's words


def apply(tree: LexborHTMLParser) -> None:
    """Every change, in place, in the words of the page's `<html lang>`."""
    root = tree.css_first("html")
    words = strings.words((root.attributes.get("lang") or "") if root is not None else "")
    header_buttons(tree, words)
    for sidebar in tree.css(".md-sidebar--primary")[:1]:
        sidebar.attrs["id"] = NAV_ID
    for radio in tree.css('input[name="__palette"]'):
        radio.attrs["tabindex"] = "-1"
    for dialog in tree.css('.md-search[role="dialog"]'):
        dialog.attrs["aria-label"] = words["search_dialog"]
    for meta in tree.css(".md-search-result__meta"):
        meta.attrs["role"] = "status"
        meta.attrs["aria-live"] = "polite"
    for article in tree.css("article.md-content__inner"):
        for table, label in table_labels(article, words):
            if "class" not in table.attributes:  # the tables Material wraps
                table.attrs[LABEL] = label
    for box in tree.css(".admonition.script"):
        for name, key in _COPY.items():
            box.attrs[name] = words[key]


def drop_copy_words(root: LexborNode) -> None:
    """Take the copy button's words off script boxes where a11y.js does not run (embeds)."""
    for box in root.css(".admonition.script"):
        for name in _COPY:
            if name in box.attrs:
                del box.attrs[name]


def header_buttons(tree: LexborHTMLParser, words: dict[str, str]) -> None:
    """A hidden, named `<button>` after each header label (menu, search, colours)."""
    for label in tree.css("label.md-header__button[for]"):
        target = label.attributes.get("for") or ""
        more = ""
        if target == "__drawer":
            name, more = words["menu"], f' aria-controls="{NAV_ID}" aria-expanded="false"'
        elif target == "__search":
            name, more = words["search"], ' aria-expanded="false"'
        elif target.startswith("__palette_"):
            radio = tree.css_first(f'input[id="{target}"]')
            scheme = radio.attributes.get("data-md-color-scheme") if radio else None
            name = words[_SCHEMES[scheme]] if scheme in _SCHEMES else label.attributes.get("title")
        else:
            continue
        button = LexborHTMLParser(
            "<body>"
            + _BUTTON.format(
                cls=html.escape(label.attributes.get("class") or "", quote=True),
                target=html.escape(target, quote=True),
                name=html.escape(name or "", quote=True),
                more=more,
            )
            + "</body>"
        ).css_first("button")
        if button is not None:
            label.insert_after(button)


def table_labels(article: LexborNode, words: dict[str, str]) -> list[tuple[LexborNode, str]]:
    """Each table of `article` and its box's name: "<heading above> (table)", or
    "Table 2 (table)" under no heading (strings.yml: table, table_label)."""
    heading, found = "", []
    for node in article.traverse():
        if node.tag in ("h1", "h2", "h3", "h4"):
            heading = node.text(deep=True).replace("¶", "").strip()
        elif node.tag == "table":
            found.append((node, heading))
    return [
        (table, words["table_label"].format(name=name or f"{words['table']} {number}"))
        for number, (table, name) in enumerate(found, start=1)
    ]
