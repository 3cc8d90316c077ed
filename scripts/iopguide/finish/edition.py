"""The parts of `finish` that belong to one edition (one language, one folder of the site):
which pages get embeds, the boxes templates leave to fill, reading ease or grade, the
clinics gallery and the feed entries."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from iopguide import strings
from iopguide.checks import readability, reading_es
from iopguide.checks import site as site_checks
from iopguide.checks.problem import Problem
from iopguide.finish import embed, feed, qr
from iopguide.finish.pages import Page
from iopguide.project import Settings, SourcePage

QR_SLOT = "[data-iop-qr]"  # the empty box overrides/partials/print-header.html leaves
GALLERY = "div.iop-embed-gallery"  # where docs/for-clinics.md wants the embeds listed


@dataclass(frozen=True)
class EditionBuild:
    """One language's pages, built into `folder` of the site ("" or "es/")."""

    lang: str
    folder: str
    settings: Settings
    pages: list[SourcePage]

    def built(self, page: SourcePage) -> str:
        return self.folder + page.built

    def embeddable(self, html: Mapping[str, object]) -> list[SourcePage]:
        order = {uri: n for n, uri in enumerate(site_checks.nav_values(self.settings.config_text))}
        found = [page for page in self.pages if self.built(page) in html and is_embeddable(page)]
        return sorted(found, key=lambda page: order.get(page.uri, len(order)))


def is_embeddable(page: SourcePage) -> bool:
    """A topic page with valid front matter (the check fails the build on anything else).
    Not the home page: it is the guide's front door, mostly links into the site, so
    clinics embed the topics it points to instead."""
    meta = page.meta
    sources = meta.get("sources")
    return (
        page.is_content
        and page.url != ""
        and isinstance(sources, list)
        and bool(sources)
        and all(isinstance(s, dict) and "title" in s and "url" in s for s in sources)
        and isinstance(meta.get("description"), str)
        and hasattr(meta.get("reviewed"), "isoformat")
        and hasattr(meta.get("next_review"), "isoformat")
    )


def canonical(tree: LexborHTMLParser) -> str:
    link = tree.css_first("link[rel=canonical]")
    return (link.attrs.get("href") or "") if link else ""


def fill(
    tree: LexborHTMLParser, path: str, gallery_items: list[embed.GalleryItem], script: str
) -> None:
    """Fill, in place, the boxes the templates and pages leave empty: the print header's
    QR code (for the page's own address) and the clinics page's gallery of embeds."""
    slot, gallery = tree.css_first(QR_SLOT), tree.css_first(GALLERY)
    if slot is None and gallery is None:
        return
    if slot is not None and canonical(tree):
        lang = (tree.css_first("html").attrs.get("lang") if tree.css_first("html") else "") or "en"
        slot.inner_html = qr.qr_svg(canonical(tree), strings.words(lang)["qr"])
        del slot.attrs["data-iop-qr"]
    elif slot is not None:
        slot.decompose()
    if gallery is not None:
        items = [item.with_preview(_relative(item.preview_url, path)) for item in gallery_items]
        sizer, maker = _relative("embed.js", path), _relative(embed.PREVIEW_SCRIPT, path)
        gallery.inner_html = embed.gallery_html(items, script, sizer, maker)


def reading(text: Page, page: SourcePage, lang: str) -> list[Problem]:
    """Measured on the built page, reported on its source: INFLESZ for Spanish, the
    Flesch-Kincaid grade for English."""
    if lang == "es":
        return reading_es.problems(reading_es.measure(text), page.src)
    reading = readability.measure(text)
    return site_checks.reading_grade(reading, page.src, readability.MAX_GRADE) + (
        site_checks.hard_sentences(
            reading.too_hard,
            page.text,
            page.src,
            readability.MAX_SENTENCE_WORDS,
            readability.MAX_SENTENCE_GRADE,
        )
    )


def _absolute(settings: Settings, path: str) -> str:
    return settings.site_url + path


def _relative(target: str, from_page: str) -> str:
    """A link from the built file `from_page` to the site path `target`."""
    depth = from_page.count("/")
    return "../" * depth + target


def gallery_items(edition: EditionBuild, html: Mapping[str, object]) -> list[embed.GalleryItem]:
    """This edition's embeds for the clinics page; preview URLs from the site root."""
    return [
        embed.GalleryItem(
            page.meta.get("title") or "",
            page.meta.get("description", ""),
            _absolute(edition.settings, embed.embed_url(page.url)),
            edition.folder + embed.embed_url(page.url),
            edition.lang,
        )
        for page in edition.embeddable(html)
    ]


def feed_entry(
    page: SourcePage,
    tree: LexborHTMLParser,
    settings: Settings,
    lang: str,
    more_sources: list | None = None,
) -> feed.FeedPage:
    """The page in the feed; `more_sources` are those finish added to its Sources."""
    meta = page.meta
    url = canonical(tree) or _absolute(settings, page.url)
    return feed.FeedPage(
        title=meta.get("title") or "",
        description=meta["description"],
        url=url,
        embed_url=_absolute(settings, embed.embed_url(page.url)),
        reviewed=meta["reviewed"],
        next_review=meta["next_review"],
        sources=meta["sources"] + (more_sources or []),
        body_html=feed.sanitize(feed.page_body(tree), url),
        lang=lang,
    )
