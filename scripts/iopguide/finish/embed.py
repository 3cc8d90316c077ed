"""Embeddable copies of content pages for clinics, made from the built pages.

An embed shows one content page without the site's chrome, inside another site's
<iframe>: the crisis bar, the page (title, content, print header with its QR code,
sources and review dates) and a link back. It is cut from the page each generator
built, so MkDocs and Zensical give the same embeds. Its links must not open inside
that small frame, so every link gets target="_blank" and rel="noopener" (in-page
#anchors, tel:, sms: and mailto: excepted), and relative links are re-pointed from the
page's folder to the embed's deeper one so they still reach the full pages.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, replace

from selectolax.lexbor import LexborHTMLParser, LexborNode

from iopguide import strings
from iopguide.finish import a11y_markup

EMBED_ROOT = "embed"
EMBED_CSS = "assets/embed.css"
EMBED_SCRIPT = "assets/embed-child.js"

# The site's chrome, which an embed leaves out. Scripts go too: the embed loads only
# its own small one, which tells the host page its height.
_CHROME = (
    "header.md-header, .md-tabs, .md-sidebar, footer.md-footer, .md-search, .iop-skip, "
    "script, .md-top, #main-content"
)
_HEAD_EXTRAS = "script, meta[property^='og:']"
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_STAYS_IN_FRAME = ("#", "tel:", "sms:", "mailto:")


def embed_url(page_url: str) -> str:
    """`what-is-an-iop/` -> `embed/what-is-an-iop/` (topic pages only: never the home page)."""
    return f"{EMBED_ROOT}/{page_url}"


def _depth(url: str) -> int:
    return len([part for part in url.split("/") if part])


def relocate(url: str, levels: int) -> str:
    """Re-point a relative URL written for a page to a folder `levels` deeper."""
    if not url or url.startswith(("#", "/", "?")) or _SCHEME.match(url):
        return url
    return posixpath.join(*([".."] * levels), url) if levels else url


def _fragment(markup: str) -> LexborNode:
    node = LexborHTMLParser(f"<body>{markup}</body>").body.child
    assert node is not None
    return node


def make_embed(page_html: str, page_url: str, site_name: str, lang: str = "en") -> str:
    """The embed page for a built page at `page_url` (e.g. `benefits/`)."""
    tree = LexborHTMLParser(page_html)
    cut_embed(tree, page_url, site_name, lang)
    return tree.html or ""


def cut_embed(tree: LexborHTMLParser, page_url: str, site_name: str, lang: str = "en") -> None:
    """Turn `tree`, a copy of the built page at `page_url`, into its embed, in place."""
    head, body = tree.head, tree.body
    content = tree.css_first("div.md-content")
    article = tree.css_first("article.md-content__inner")
    if head is None or body is None or content is None or article is None:
        raise ValueError(f"{page_url}: no <article> in the built page to embed")
    for node in body.css(_CHROME) + head.css(_HEAD_EXTRAS):
        node.decompose()
    content.attrs["class"] = "md-content iop-embed"
    content.attrs["data-iop-embed-root"] = ""
    if article.css_first("h1") is None:
        title = tree.css_first("title")
        name = title.text().rsplit(" - ", 1)[0] if title else ""
        article.insert_child(_fragment(f"<h1>{html_escape(name)}</h1>"))
    # Written as the page would link to itself; re-pointed below like every other link.
    itself = "../" * _depth(page_url) + page_url or "./"
    article.insert_child(
        _fragment(
            f'<p class="iop-embed__back"><a href="{itself}">'
            + strings.words(lang)["embed_back"].format(site=html_escape(site_name))
            + "</p>"
        )
    )
    levels = _depth(embed_url(page_url)) - _depth(page_url)
    for node in tree.css("[href], [src]"):
        for name in ("href", "src"):
            if name in node.attrs:
                node.attrs[name] = relocate(node.attrs[name] or "", levels)
    for link in body.css("a[href]"):
        # .get: lexbor's a[href] also matches an SVG <a xlink:href>, which has no href
        if not (link.attrs.get("href") or "").startswith(_STAYS_IN_FRAME):
            link.attrs["target"] = "_blank"
            link.attrs["rel"] = "noopener"
    wrap_tables(article, lang)
    a11y_markup.drop_copy_words(article)  # no a11y.js in an embed
    up = "../" * _depth(embed_url(page_url))
    # No noindex: the canonical link names the full page, as search engines ask of copies.
    head.insert_child(_fragment('<meta name="color-scheme" content="light">'))
    head.insert_child(_fragment(f'<link rel="stylesheet" href="{up}{EMBED_CSS}">'))
    body.insert_child(_fragment(f'<script src="{up}{EMBED_SCRIPT}"></script>'))


def wrap_tables(article: LexborNode, lang: str = "en") -> None:
    """Put each table in a box named after the heading above it, focusable, that
    scrolls sideways. Material's JavaScript does this on full pages; embeds do not load
    it, so the box is written at build time and works without JavaScript too. The names
    are the full pages' (a11y_markup.py), which the box carries instead of the table."""
    for table, name in a11y_markup.table_labels(article, strings.words(lang)):
        if a11y_markup.LABEL in table.attrs:
            del table.attrs[a11y_markup.LABEL]
        box = _fragment(
            f'<div class="md-typeset__scrollwrap" tabindex="0" role="region" '
            f'aria-label="{html_escape(name)}"><div class="md-typeset__table"></div></div>'
        )
        table.insert_before(box)
        inner = box.css_first("div.md-typeset__table")
        assert inner is not None
        inner.insert_child(table)


def html_escape(text: str) -> str:
    return html.escape(html.unescape(text), quote=True)


@dataclass(frozen=True)
class GalleryItem:
    title: str
    description: str
    embed_url: str  # absolute, for the copy-paste snippet
    preview_url: str  # relative to the clinics page, for the live preview
    lang: str = "en"

    def with_preview(self, preview_url: str) -> GalleryItem:
        return replace(self, preview_url=preview_url)


def snippet(item: GalleryItem, script_url: str) -> str:
    """The two lines of HTML a clinic pastes into its own page."""
    return (
        f'<iframe data-iop-embed src="{item.embed_url}" title="{html.escape(item.title)}"'
        f' style="width:100%;height:600px;border:0" loading="lazy"></iframe>\n'
        f'<script src="{script_url}" async></script>'
    )


PREVIEW_SCRIPT = "assets/embed-preview.js"


def _in_lang(text: str, lang: str) -> str:
    """`text` in a <span lang=...> when `lang` is an attribute (` lang="es"`), else as is."""
    return f"<span{lang}>{text}</span>" if lang else text


def gallery_html(items: list[GalleryItem], script_url: str, sizer: str, maker: str) -> str:
    """Each content page with its snippet and a live preview made when opened.

    A closed preview holds a link to the embed, not an <iframe>: even unloaded, each
    iframe element makes a frame, and 46 of them cost the clinics page ~0.5 s of parsing
    (Lighthouse TBT over 50 ms). `maker` (assets/embed-preview.js) swaps the link for the
    frame the first time the reader opens it, named from the link's data-iop-preview, and
    then loads `sizer` (embed.js, as a clinic's page would); without JavaScript the link
    opens the embed page itself."""
    parts = []
    for item in items:
        anchor = "embed-" + re.sub(r"[^a-z0-9]+", "-", item.embed_url.lower()).strip("-")
        lang = "" if item.lang == "en" else f' lang="{item.lang}"'
        language = "" if item.lang == "en" else f" ({strings.words(item.lang)['named_in_english']})"
        parts.append(
            f'<h3 id="{anchor[-60:]}"><span{lang}>{html.escape(item.title)}</span>{language}</h3>\n'
            f"<p{lang}>{html.escape(item.description)}</p>\n"
            '<pre class="iop-snippet"><code>'
            f"{html.escape(snippet(item, script_url))}</code></pre>\n"
            '<details class="iop-preview">'
            f"<summary>Live preview: {html.escape(item.title)}</summary>\n"
            # The frame's aria-label, not title: Material gives every title a tooltip.
            f'<p><a href="{item.preview_url}" data-iop-preview="Preview: '
            f'{html.escape(item.title)}">Open the preview: '
            f"{_in_lang(html.escape(item.title), lang)}</a></p></details>"
        )
    parts.append(f'<script src="{maker}" data-iop-sizer="{sizer}" async></script>')
    return "\n".join(parts)
