"""Look inside a (capped) HTML body: is it HTML, its title, its anchors."""

from __future__ import annotations

import html
import re

import httpx
from selectolax.lexbor import LexborHTMLParser

_TITLE = re.compile(rb"<title[^>]*>(.*?)</title", re.I | re.S)
_NOT_FOUND = re.compile(r"not found|\b404\b", re.I)
_NAMED = {"a", "map", "iframe", "object", "img", "form"}
_CHARSET = re.compile(r"charset=([\w-]+)", re.I)


def looks_like_html(headers: httpx.Headers, body: bytes | None) -> bool:
    """True for HTML (or no content type at all, when the body starts like HTML)."""
    ctype = headers.get("content-type", "").lower()
    if ctype:
        return "html" in ctype
    if body is None:
        return True
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _decode(body: bytes, headers: httpx.Headers) -> str:
    match = _CHARSET.search(headers.get("content-type", ""))
    encoding = match.group(1) if match else "utf-8"
    try:
        return body.decode(encoding, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def page_title(body: bytes, headers: httpx.Headers) -> str | None:
    """The page's <title>, whitespace collapsed, or None."""
    match = _TITLE.search(body)
    if not match:
        return None
    text = _decode(match.group(1), headers)
    return " ".join(html.unescape(text).split())


def title_says_not_found(title: str | None) -> bool:
    """True for titles like 'Page Not Found' or '404 | Example'."""
    return bool(title and _NOT_FOUND.search(title))


def has_anchor(body: bytes, headers: httpx.Headers, fragment: str) -> bool:
    """True when an element has id=fragment (or an <a name=fragment>)."""
    tree = LexborHTMLParser(_decode(body, headers))
    for node in tree.css("[id], [name]"):
        attrs = node.attributes
        if attrs.get("id") == fragment or (attrs.get("name") == fragment and node.tag in _NAMED):
            return True
    return False


def fragment_is_checkable(fragment: str) -> bool:
    """Skip empty fragments, text fragments (#:~:text=) and app routes (#/, #!)."""
    return bool(fragment) and not fragment.startswith((":~:", "/", "!"))
