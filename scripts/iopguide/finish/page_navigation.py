"""Ways around a long page, and help first in the menu, on the built pages of both
generators (finish/run.py calls `apply` after the embeds and the feed are cut, so
neither carries them: an embed's in-page jumps would scroll a clinic's page, not the
frame).

- "On this page": on a long page (`LONG_WORDS` or more words, `MIN_SECTIONS` to
  `MAX_SECTIONS` h2 sections; the home page is a hub of cards and never gets one), a
  list of links to the page's own h2 headings, the NHS contents-list pattern. It sits
  after the Key points box (and after the danger box when one follows it: that box
  stays where its page put it), or after the first paragraph on a page with no Key points.
- "Back to top": a plain link (no script) at the end of a long page's content, before its
  Sources, to the skip link's target at the top of the content (`#main-content`, focusable,
  so the next Tab goes on from there, not from the bottom), or else to `#top`.
- The menu's first item is "Get help now", to the staying-safe page of the page's own
  language, so a reader who opens the menu in a hurry sees help before anything else.

The words are in docs/.data/strings.yml (contents, top, help), with the templates'; read
by iopguide/strings.py. The styles are the NAV section of site.css.
"""

from __future__ import annotations

import html as html_text
import posixpath
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from iopguide import strings
from iopguide.finish.pages import Pages

ARTICLE = "article.md-content__inner"
EMBED = "[data-iop-embed-root]"  # an embed (finish/embed.py): no chrome, no jumps
LONG_WORDS = 600  # about five phone screens (360 x 740, 16 px text), in either language
MIN_SECTIONS = 4  # fewer: the page is short enough to scroll
MAX_SECTIONS = 12  # more (the glossary's terms): a list that long is not a shortcut
HELP_PAGE = "staying-safe/"
TOP = "#main-content"  # overrides/main.html: the skip link's target, the content's top
# Not the page's reading: the print-only header, the Sources and the review dates.
_NOT_TEXT = ".iop-print-only, .iop-sources, .iop-review, .iop-lang, svg, script"


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str


def apply(html: Pages, homes: frozenset[str]) -> None:
    """Add the contents list, back to top and the menu's help item to every page in
    `html` (built path -> tree, edited in place) but the embeds; `homes` are the
    editions' home pages."""
    for path, tree in html.items():
        navigate(tree, is_home=path in homes)


def add_navigation(text: str, is_home: bool = False) -> str:
    tree = LexborHTMLParser(text)
    if tree.css_first(EMBED) is not None:
        return text
    navigate(tree, is_home)
    return tree.html or text


def navigate(tree: LexborHTMLParser, is_home: bool = False) -> None:
    """`add_navigation`, in place on a parsed page."""
    if tree.css_first(EMBED) is not None:
        return
    words = strings.words(_lang(tree))
    help_first(tree, words["help"])
    article = tree.css_first(ARTICLE)
    if article is not None and not is_home and is_long(article):
        sections = sections_of(article)
        if MIN_SECTIONS <= len(sections) <= MAX_SECTIONS:
            _place_contents(article, contents_html(sections, words["contents"]))
        top = TOP if tree.css_first(TOP) is not None else "#top"
        _place_top(article, f'<p class="iop-top"><a href="{top}">{words["top"]}</a></p>')


def _lang(tree: LexborHTMLParser) -> str:
    root = tree.css_first("html")
    return ((root.attrs.get("lang") if root else None) or "en").split("-")[0]


def is_long(article: LexborNode) -> bool:
    copy = LexborHTMLParser(article.html or "")
    for node in copy.css(_NOT_TEXT):
        node.decompose()
    body = copy.body
    return body is not None and len(body.text(separator=" ").split()) >= LONG_WORDS


def sections_of(article: LexborNode) -> list[Section]:
    """The page's own h2 headings: those of its text, not of a box, a details or Sources."""
    found = []
    for node in article.iter():
        if node.tag != "h2" or not node.attrs.get("id"):
            continue
        copy = LexborHTMLParser(node.html or "").css_first("h2")
        assert copy is not None
        for link in copy.css(".headerlink"):
            link.decompose()
        title = " ".join(copy.text(separator=" ").split())
        if title:
            found.append(Section(node.attrs["id"] or "", title))
    return found


def contents_html(sections: list[Section], label: str) -> str:
    links = "".join(
        f'<li><a href="#{html_text.escape(s.anchor)}">{html_text.escape(s.title)}</a></li>'
        for s in sections
    )
    return (
        f'<nav class="iop-toc" aria-labelledby="iop-toc-title">'
        f'<p class="iop-toc__title" id="iop-toc-title">{label}</p><ul>{links}</ul></nav>'
    )


def _node(markup: str) -> LexborNode:
    node = LexborHTMLParser(f"<body>{markup}</body>").body
    assert node is not None and node.child is not None
    return node.child


def _place_contents(article: LexborNode, markup: str) -> None:
    """After Key points and a danger box that follows it; else after the first paragraph
    below the heading; else after the heading."""
    children = [node for node in article.iter() if node.is_element_node]
    anchor = next((n for n in children if _classes(n) >= {"admonition", "key-points"}), None)
    if anchor is not None:
        following = _next_element(anchor)
        while following is not None and _classes(following) >= {"admonition", "crisis"}:
            anchor, following = following, _next_element(following)
    else:
        heading = next((n for n in children if n.tag == "h1"), None)
        after = children[children.index(heading) + 1 :] if heading is not None else children
        anchor = next((n for n in after if n.tag == "p" and not _classes(n)), heading)
    if anchor is None:
        article.insert_child(_node(markup))
    else:
        anchor.insert_after(_node(markup))


def _place_top(article: LexborNode, markup: str) -> None:
    """At the end of the page's text: before its Sources, or its review dates."""
    end = next(
        (
            node
            for node in article.iter()
            if (node.tag == "section" and "iop-sources" in _classes(node))
            or (node.tag == "p" and "iop-review" in _classes(node))
        ),
        None,
    )
    if end is None:
        article.insert_child(_node(markup))
    else:
        end.insert_before(_node(markup))


def _next_element(node: LexborNode) -> LexborNode | None:
    following = node.next
    while following is not None and not following.is_element_node:
        following = following.next
    return following


def _classes(node: LexborNode) -> set[str]:
    return set((node.attrs.get("class") or "").split())


def help_first(tree: LexborHTMLParser, label: str) -> None:
    """The menu's first item: help, on the staying-safe page of this edition (found from
    the header's logo link, which leads to the edition's home page from any page, the
    404 page's absolute address included)."""
    menu = tree.css_first(".md-nav--primary > ul.md-nav__list")
    logo = tree.css_first("a.md-logo[href]")
    if menu is None or logo is None or menu.css_first(".iop-nav-help") is not None:
        return
    home = (logo.attrs.get("href") or "").removesuffix("index.html")
    href = (home if home.endswith("/") or not home else home + "/") + HELP_PAGE
    if "://" not in href:  # MkDocs writes "..", "/." (the 404 page); Zensical "./.."
        href = posixpath.normpath(href) + "/"
    href = html_text.escape(href)
    item = _node(
        f'<li class="md-nav__item iop-nav-help"><a href="{href}" class="md-nav__link">'
        f"{label}</a></li>"
    )
    first = menu.child
    while first is not None and not first.is_element_node:
        first = first.next
    if first is None:
        menu.insert_child(item)
    else:
        first.insert_before(item)
