"""The site's address (`site_url`): SITE_URL, else what the common hosts set.

    SITE_URL                   anywhere (the deploy workflow sets it from vars.SITE_URL)
    URL, DEPLOY_PRIME_URL      Netlify: the site's main address, then this deploy's
    CF_PAGES_URL               Cloudflare Pages: this deployment's address
    READTHEDOCS_CANONICAL_URL  Read the Docs

mkdocs.yml reads the same names in this order (`!ENV [...]`, first one set wins), so
MkDocs, Zensical and `finish` agree. With none set, the address is unknown: the build
says so in one note and leaves out what needs it (canonical links, the sitemap, QR codes,
the printed address) rather than print a wrong one. `mkdocs serve` sets its own.
"""

from __future__ import annotations

from urllib.parse import urlsplit

VARIABLES = ("SITE_URL", "URL", "DEPLOY_PRIME_URL", "CF_PAGES_URL", "READTHEDOCS_CANONICAL_URL")
LOCAL = "http://127.0.0.1:8000/"  # tests and local tools (tools/build.py), never a publish
NOTE = (
    "site address unknown: set SITE_URL (or build on Netlify, Cloudflare Pages or Read the"
    " Docs); canonical links, the sitemap, QR codes and printed addresses are left out"
)


def is_known(site_url: object) -> bool:
    """A full http(s) address, not the "/" that stands for an unknown one."""
    parts = urlsplit(str(site_url or ""))
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def full(site_url: object) -> str | None:
    """`site_url` ending in "/" (Netlify's URL has none), or None when it is unknown."""
    return str(site_url).rstrip("/") + "/" if is_known(site_url) else None


def notes(site_url: str) -> list[str]:
    """The build's one line when the address is unknown; nothing when it is known."""
    return [] if is_known(site_url) else [NOTE]
