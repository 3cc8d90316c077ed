"""Find external links in built HTML pages or in a URL list file."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from iopguide.linkcheck.models import SITE_URL

CHECKED_SCHEMES = ("http", "https", "mailto", "tel", "sms")
#: Tag -> attributes that point at a resource the reader's browser fetches or follows.
URL_ATTRS: dict[str, tuple[str, ...]] = {
    "a": ("href",),
    "area": ("href",),
    "img": ("src",),
    "script": ("src",),
    "source": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
}
#: <link rel=...> values worth checking; preconnect/canonical etc. name origins, not pages.
LINK_RELS = {"stylesheet", "icon", "apple-touch-icon", "manifest"}
OWN_HOST = urlsplit(SITE_URL).hostname


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        names = URL_ATTRS.get(tag, ())
        if tag == "link" and LINK_RELS & set(values.get("rel", "").lower().split()):
            names = ("href",)
        for name in names:
            if values.get(name):
                self.urls.append(values[name].strip())


def is_external(url: str) -> bool:
    """True for the absolute links this tool checks (not the site's own pages)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in CHECKED_SCHEMES:
        return False
    if scheme in ("http", "https"):
        return bool(parts.hostname) and parts.hostname != OWN_HOST
    return True


def links_in_html(text: str) -> list[str]:
    """External links in one HTML document, in order, duplicates kept."""
    parser = _LinkParser()
    parser.feed(text)
    parser.close()
    return [url for url in parser.urls if is_external(url)]


def links_in_site(site_dir: Path) -> dict[str, list[str]]:
    """Map each external URL to the pages (relative to site_dir) it appears on."""
    found: dict[str, list[str]] = {}
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir).as_posix()
        text = page.read_text(encoding="utf-8", errors="replace")
        for url in links_in_html(text):
            pages = found.setdefault(url, [])
            if rel not in pages:
                pages.append(rel)
    return found


def links_in_file(path: Path) -> dict[str, list[str]]:
    """Read one URL a line; blank lines and # comments are skipped."""
    found: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        url = line.strip()
        if url and not url.startswith("#"):
            found.setdefault(url, [])
    return found
