"""`finish`: everything made from a built site, whichever generator built it.

Reads the built folder and docs/ (for each page's front matter), never the generator's
internals, so `mkdocs build` (through the hook in scripts/mkdocs_hooks.py) and
`dev.py build --engine zensical` (which calls `finish_site` itself) end the same way:

1. every page: the small HTML repairs, and a QR code in its print header;
2. the reading grade of every page, reported on its Markdown source;
3. the clinics page's gallery, an embed per topic page and the feed, api/pages.json;
4. robots.txt with the sitemap, the icon inlined, then the CSP, which hashes the
   finished pages, so it comes last, and `_headers`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from iopguide.checks import readability
from iopguide.checks import site as site_checks
from iopguide.checks.frontmatter import Problem
from iopguide.finish import csp, embed, favicon, feed, html_fixes, qr, robots
from iopguide.project import Settings, SourcePage

QR_SLOT = "[data-iop-qr]"  # the empty box overrides/partials/print-header.html leaves
GALLERY = "div.iop-embed-gallery"  # where docs/for-clinics.md wants the embeds listed


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)  # each names its Markdown source
    warnings: list[str] = field(default_factory=list)  # about the built site; fail the build
    notes: list[str] = field(default_factory=list)  # shown, not fatal


def finish_site(
    site_dir: Path,
    settings: Settings,
    pages: list[SourcePage],
    excused: frozenset[str] = frozenset(),
    generator: str = "mkdocs",
) -> Report:
    """Finish the site `generator` built into `site_dir` from `pages`. `excused` built
    files are not reported by the CSP check (their raw HTML was already reported on
    their source)."""
    report = Report()
    html = {path: html_fixes.fix_page(text) for path, text in csp.read_pages(site_dir).items()}
    built = {page.built: page for page in pages if page.built in html}
    embeddable = sorted(
        (page for page in built.values() if _is_embeddable(page)),
        key=lambda page: _nav_order(settings).get(page.uri, len(built)),
    )
    for path, page in built.items():
        if page.meta:  # unreadable front matter is reported once, by its own check
            report.problems += _reading(html[path], page)  # the page as written
    for path, text in html.items():
        html[path] = _fill(text, path, embeddable, settings)
    entries = []
    for page in embeddable:
        target = embed.embed_url(page.url) + "index.html"
        html[target] = embed.make_embed(html[page.built], page.url, settings.site_name)
        entries.append(_feed_entry(page, html[page.built], settings))
    data = feed.feed(entries, settings.site_url)
    (site_dir / "api").mkdir(exist_ok=True)
    (site_dir / "api" / "pages.json").write_text(
        json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    problem = robots.write_robots(site_dir, settings.site_url)
    if problem:
        report.warnings.append(problem)
    html = {path: favicon.inline_icon(text, path, site_dir) for path, text in html.items()}
    for path in html:
        (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
    # A page whose raw HTML `unsafe-html` named is not reported again, nor is its embed.
    embeds = {embed.embed_url(path.removesuffix("index.html")) + "index.html" for path in excused}
    pinned = csp.read_pinned(generator=generator)
    styles = csp.read_pinned(generator=generator, kind="style")
    applied = csp.apply_to_site(site_dir, html, pinned, excused | embeds, styles)
    report.warnings += applied.warnings
    report.notes += applied.notes
    return report


def _is_embeddable(page: SourcePage) -> bool:
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


def _canonical(tree: LexborHTMLParser) -> str:
    link = tree.css_first("link[rel=canonical]")
    return (link.attrs.get("href") or "") if link else ""


def _nav_order(settings: Settings) -> dict[str, int]:
    return {uri: n for n, uri in enumerate(site_checks.nav_values(settings.config_text))}


def _fill(text: str, path: str, embeddable: list[SourcePage], settings: Settings) -> str:
    """Fill the boxes the templates and pages leave empty: the print header's QR code
    (for the page's own address) and the clinics page's gallery of embeds."""
    tree = LexborHTMLParser(text)
    slot, gallery = tree.css_first(QR_SLOT), tree.css_first(GALLERY)
    if slot is None and gallery is None:
        return text
    if slot is not None and _canonical(tree):
        slot.inner_html = qr.qr_svg(_canonical(tree))
        del slot.attrs["data-iop-qr"]
    elif slot is not None:
        slot.decompose()
    if gallery is not None:
        gallery.inner_html = _gallery(embeddable, settings, path)
    return tree.html or text


def _reading(text: str, page: SourcePage) -> list[Problem]:
    """Measured on the built page, reported on its source."""
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


def _gallery(pages: list[SourcePage], settings: Settings, on: str) -> str:
    items = [
        embed.GalleryItem(
            page.meta.get("title") or "",
            page.meta.get("description", ""),
            _absolute(settings, embed.embed_url(page.url)),
            _relative(embed.embed_url(page.url), on),
        )
        for page in pages
    ]
    return embed.gallery_html(items, _absolute(settings, "embed.js"), _relative("embed.js", on))


def _feed_entry(page: SourcePage, text: str, settings: Settings) -> feed.FeedPage:
    meta = page.meta
    url = _canonical(LexborHTMLParser(text)) or _absolute(settings, page.url)
    return feed.FeedPage(
        title=meta.get("title") or "",
        description=meta["description"],
        url=url,
        embed_url=_absolute(settings, embed.embed_url(page.url)),
        reviewed=meta["reviewed"],
        next_review=meta["next_review"],
        sources=meta["sources"],
        body_html=feed.sanitize(feed.page_body(text), url),
    )
