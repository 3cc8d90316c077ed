"""The content feed at /api/pages.json: every content page as data a patient portal can pull.

Bodies are sanitized HTML: an allow-list of tags and attributes (nh3, the Rust
`ammonia` sanitizer), no scripts, styles, forms or event handlers, and every link
made absolute so it works wherever the portal shows it (from the site's root when the
site's address is unknown: see iopguide/site_address.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import nh3
from selectolax.lexbor import LexborHTMLParser

from iopguide.finish.pages import Page

FEED_VERSION = "1.1"  # 1.1 added `lang`
SCHEMA_PATH = "api/pages.schema.json"
TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "details",
    "dl",
    "dt",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "strong",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
}
ATTRIBUTES = {"a": {"href"}, "abbr": {"title"}, "th": {"scope"}, "td": {"colspan"}, "ol": {"start"}}


# Parts of a built page's <article> that are not the page's own text.
NOT_CONTENT = ".iop-print-only, .iop-sources, .iop-review, .iop-skip-target, .md-source-file"


def page_body(page: Page) -> str:
    """The page's own content, from the built page (left as it is): its <article> without
    the print header, the sources list and the review dates (the feed carries those as
    data)."""
    tree = page.clone() if isinstance(page, LexborHTMLParser) else LexborHTMLParser(page)
    article = tree.css_first("article.md-content__inner")
    if article is None:
        return ""
    for node in article.css(NOT_CONTENT):
        node.decompose()
    return article.inner_html or ""


# nh3 resolves links against a full address only: a page known by its path alone
# (site address unknown) is resolved under this one, which is then taken off again.
_NO_HOST = "https://site-address-unknown.invalid"


def sanitize(html: str, page_url: str) -> str:
    """Allow-listed HTML with absolute https/http/tel/sms/mailto links only (links from
    the site's root when `page_url` is a path)."""
    base = page_url if "://" in page_url else _NO_HOST + page_url
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        clean_content_tags={"script", "style"},
        url_schemes={"https", "http", "tel", "sms", "mailto"},
        url_relative=("rewrite_with_base", base),
        link_rel="noopener",
    )
    return clean if base == page_url else clean.replace(f'href="{_NO_HOST}/', 'href="/')


@dataclass(frozen=True)
class FeedPage:
    title: str
    description: str
    url: str
    embed_url: str
    reviewed: dt.date
    next_review: dt.date
    sources: list[dict[str, str]]
    body_html: str
    lang: str = "en"

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "description": self.description,
            "url": self.url,
            "embed_url": self.embed_url,
            "reviewed": self.reviewed.isoformat(),
            "next_review": self.next_review.isoformat(),
            "sources": [{"title": s["title"], "url": s["url"]} for s in self.sources],
            "body_html": self.body_html,
            "lang": self.lang,
        }


def feed(pages: list[FeedPage], site_url: str, schema_root: str | None = None) -> dict[str, Any]:
    """The feed of one edition; its schema lives at the site's root (`schema_root`)."""
    return {
        "version": FEED_VERSION,
        "schema": (schema_root or site_url).rstrip("/") + "/" + SCHEMA_PATH,
        "site": site_url,
        "license": "Free to embed and reuse; keep the crisis line and a link back to each page.",
        "pages": [page.as_json() for page in sorted(pages, key=lambda p: p.url)],
    }
