"""Find external links in built HTML pages or in a URL list file."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

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
_SELECTOR = ", ".join([*URL_ATTRS, "link"])


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
    urls = []
    for node in LexborHTMLParser(text).css(_SELECTOR):
        names = URL_ATTRS.get(node.tag or "", ())
        if node.tag == "link":
            rels = set((node.attributes.get("rel") or "").lower().split())
            names = ("href",) if LINK_RELS & rels else ()
        for name in names:
            value = (node.attributes.get(name) or "").strip()
            if value:
                urls.append(value)
    return [url for url in urls if is_external(url)]


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
