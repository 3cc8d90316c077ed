"""Embeddable copies of content pages for clinics: where they live and how links behave.

An embed page shows one content page without the site's chrome, inside another
site's <iframe>. Its links must not open inside that small frame, so every link
gets target="_blank" and rel="noopener" (in-page #anchors excepted), and relative
links are re-pointed from the page's own folder to the embed's deeper folder so
they still reach the full pages.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass

EMBED_ROOT = "embed"

_ATTR_URL = re.compile(r'(?P<attr>\b(?:href|src))=(?P<q>["\']?)(?P<url>[^"\'\s>]*)(?P=q)')
_A_TAG = re.compile(r"<a\b(?P<attrs>[^>]*)>")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


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


def embed_content(html: str, page_url: str) -> str:
    """A page's rendered content, with links fixed for its embed location."""
    levels = _depth(embed_url(page_url)) - _depth(page_url)

    def fix_url(match: re.Match[str]) -> str:
        q = match["q"] or '"'
        return f"{match['attr']}={q}{relocate(match['url'], levels)}{q}"

    def fix_link(match: re.Match[str]) -> str:
        attrs = match["attrs"]
        href = re.search(r'\bhref=["\']?([^"\'\s>]*)', attrs)
        if href is None or href.group(1).startswith("#"):
            return match.group(0)
        attrs = re.sub(r'\s(?:target|rel)=(["\']?)[^"\'\s>]*\1', "", attrs)
        return f'<a{attrs} target="_blank" rel="noopener">'

    return wrap_tables(_A_TAG.sub(fix_link, _ATTR_URL.sub(fix_url, html)))


_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_HEADING = re.compile(r"<h[1-4]\b[^>]*>(.*?)</h[1-4]>", re.S)


def wrap_tables(html: str) -> str:
    """Put each table in a named, focusable box that scrolls sideways.

    Material's JavaScript does this on full pages; embeds do not load it, so the
    wrapper is written at build time and works without JavaScript too."""
    out, last = [], 0
    for number, table in enumerate(_TABLE.finditer(html), start=1):
        headings = _HEADING.findall(html, 0, table.start())
        name = re.sub(r"<[^>]+>|¶", "", headings[-1]).strip() if headings else ""
        label = html_escape(f"{name or 'Table ' + str(number)} (table)")
        out.append(html[last : table.start()])
        out.append(
            f'<div class="md-typeset__scrollwrap" tabindex="0" role="region" '
            f'aria-label="{label}"><div class="md-typeset__table">{table.group(0)}'
            "</div></div>"
        )
        last = table.end()
    out.append(html[last:])
    return "".join(out)


def html_escape(text: str) -> str:
    return html.escape(html.unescape(text), quote=True)


GALLERY_MARKER = re.compile(r'<div class="?iop-embed-gallery"?>\s*</div>')


@dataclass(frozen=True)
class GalleryItem:
    title: str
    description: str
    embed_url: str  # absolute, for the copy-paste snippet
    preview_url: str  # relative to the clinics page, for the live preview


def snippet(item: GalleryItem, script_url: str) -> str:
    """The two lines of HTML a clinic pastes into its own page."""
    return (
        f'<iframe data-iop-embed src="{item.embed_url}" title="{html.escape(item.title)}"'
        f' style="width:100%;height:600px;border:0" loading="lazy"></iframe>\n'
        f'<script src="{script_url}" async></script>'
    )


def gallery_html(items: list[GalleryItem], script_url: str, preview_script: str) -> str:
    """Each content page with its snippet and a live preview that loads when opened."""
    parts = []
    for item in items:
        anchor = "embed-" + re.sub(r"[^a-z0-9]+", "-", item.embed_url.lower()).strip("-")
        parts.append(
            f'<h3 id="{anchor[-60:]}">{html.escape(item.title)}</h3>\n'
            f"<p>{html.escape(item.description)}</p>\n"
            '<pre class="iop-snippet"><code>'
            f"{html.escape(snippet(item, script_url))}</code></pre>\n"
            '<details class="iop-preview">'
            f"<summary>Live preview: {html.escape(item.title)}</summary>\n"
            # aria-label, not title: Material gives every title a tooltip, set up at load.
            f'<iframe data-iop-embed src="{item.preview_url}" aria-label="Preview: '
            f'{html.escape(item.title)}" loading="lazy"></iframe></details>'
        )
    parts.append(f'<script src="{preview_script}" async></script>')
    return "\n".join(parts)
