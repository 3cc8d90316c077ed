"""Pair each page with its counterpart in the other language(s).

A page and its translation share a path under their docs folder (docs/benefits.md and
docs-es/benefits.md). Each of the pair gets, from the built site alone:
- `<link rel="alternate" hreflang>` for every language and `x-default` (the English page),
  as search engines ask;
- the visible switch near the top ("Español" / "English"), in the box the template
  leaves (`[data-iop-lang]`), which leads to the same page in the other language; a
  page with no counterpart (the clinics page) loses the box;
- the same alternates in each edition's sitemap.xml (and sitemap.xml.gz).
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from iopguide import strings
from iopguide.finish.edition import EditionBuild
from iopguide.finish.pages import Pages

SWITCH = "[data-iop-lang]"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def _pairs(editions: list[EditionBuild]) -> dict[str, dict[str, str]]:
    """uri -> {lang: built path} for every page that exists in more than one edition."""
    found: dict[str, dict[str, str]] = {}
    for edition in editions:
        for page in edition.pages:
            found.setdefault(page.uri, {})[edition.lang] = edition.built(page)
    return {uri: langs for uri, langs in found.items() if len(langs) > 1}


def _relative(target: str, from_page: str) -> str:
    return "../" * from_page.count("/") + target.removesuffix("index.html")


def link_editions(html: Pages, editions: list[EditionBuild], site_dir: Path) -> None:
    """Pair the pages of `html` (built path -> tree, edited in place) and the sitemaps."""
    root = editions[0].settings.site_url
    pairs = _pairs(editions)
    paired = {path: langs for langs in pairs.values() for path in langs.values()}
    for path, tree in html.items():
        switch = tree.css_first(SWITCH)
        langs = paired.get(path)
        if langs is None:
            if switch is not None:
                switch.decompose()
            continue
        head = tree.head
        assert head is not None
        own = next(lang for lang, built in langs.items() if built == path)
        for lang, built in [*langs.items(), ("x-default", langs[editions[0].lang])]:
            link = tree.create_node("link")
            link.attrs["rel"] = "alternate"
            link.attrs["hreflang"] = lang
            link.attrs["href"] = root + built.removesuffix("index.html")
            head.insert_child(link)
        if switch is not None:
            links = [
                f'<a href="{_relative(built, path)}" hreflang="{lang}" lang="{lang}">'
                f"{strings.words(lang)['language_name']}</a>"
                for lang, built in langs.items()
                if lang != own
            ]
            switch.inner_html = " ".join(links)
            del switch.attrs["data-iop-lang"]
    for edition in editions:
        _sitemap(site_dir / edition.folder / "sitemap.xml", root, pairs)


def _sitemap(path: Path, root: str, pairs: dict[str, dict[str, str]]) -> None:
    """Add each paired page's alternates to the sitemap, as Google documents."""
    if not path.is_file():
        return
    ElementTree.register_namespace("", SITEMAP)
    ElementTree.register_namespace("xhtml", XHTML)
    tree = ElementTree.parse(path)
    by_url = {
        root + built.removesuffix("index.html"): langs
        for langs in pairs.values()
        for built in langs.values()
    }
    for url in tree.getroot().iter(f"{{{SITEMAP}}}url"):
        loc = url.find(f"{{{SITEMAP}}}loc")
        langs = by_url.get((loc.text or "").strip()) if loc is not None else None
        for lang, built in (langs or {}).items():
            link = ElementTree.SubElement(url, f"{{{XHTML}}}link")
            link.set("rel", "alternate")
            link.set("hreflang", lang)
            link.set("href", root + built.removesuffix("index.html"))
    tree.write(path, encoding="utf-8", xml_declaration=True)
    packed = path.with_suffix(".xml.gz")
    if packed.exists():
        packed.write_bytes(gzip.compress(path.read_bytes(), mtime=0))
