"""MkDocs hooks for clinics: embed pages, the clinics gallery, the content feed, handout QR codes.

Thin adapters: the logic is in embed.py, feed.py and qr.py. Everything is written
into the build's site_dir, never into docs/.
"""

from __future__ import annotations

import copy
import json
import os
from typing import Any

from jinja2 import Environment
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, write_file

from iopguide.finish import embed, feed, qr

_build: dict[str, Any] = {}


def _is_content(page: Page) -> bool:
    """A content page whose front matter is valid enough to embed (the schema check
    in mkdocs_hooks.py fails the build on anything else)."""
    meta = page.meta
    sources = meta.get("sources")
    return (
        meta.get("kind", "content") == "content"
        and isinstance(sources, list)
        and bool(sources)
        and all(isinstance(s, dict) and "title" in s and "url" in s for s in sources)
        and isinstance(meta.get("description"), str)
        and hasattr(meta.get("reviewed"), "isoformat")
        and hasattr(meta.get("next_review"), "isoformat")
    )


def _is_embeddable(page: Page) -> bool:
    """Topic pages only: the home page is the guide's front door, mostly links into the
    site, so clinics embed the topics it points to instead."""
    return _is_content(page) and not page.is_homepage


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _build.update(nav=nav, files=files, feed=[])
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _build["env"] = env
    return env


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if page.canonical_url and _is_content(page):
        context["qr_svg"] = qr.qr_svg(page.canonical_url)
    return context


def _absolute(config: MkDocsConfig, path: str) -> str:
    return (config.site_url or "/").rstrip("/") + "/" + path


def _write_embed(page: Page, config: MkDocsConfig) -> str:
    """Render overrides/embed.html for `page` into site_dir/embed/<page>/."""
    target = embed.embed_url(page.url)
    embed_page = copy.copy(page)
    embed_page.file = copy.copy(page.file)
    embed_page.file.url = target
    embed_page.content = embed.embed_content(page.content or "", page.url)
    context = get_context(_build["nav"], _build["files"], config, embed_page)
    context["full_page_url"] = get_relative_url(page.url, target)
    context["embedded"] = True  # links in shared partials open in a new tab
    output = _build["env"].get_template("embed.html").render(context)
    write_file(output.encode("utf-8"), os.path.join(config.site_dir, target, "index.html"))
    return target


def _gallery(page: Page, config: MkDocsConfig) -> str:
    items = [
        embed.GalleryItem(
            other.meta.get("title") or other.title or "",
            other.meta.get("description", ""),
            _absolute(config, embed.embed_url(other.url)),
            get_relative_url(embed.embed_url(other.url), page.url),
        )
        for other in _build["nav"].pages
        if _is_embeddable(other)
    ]
    return embed.gallery_html(
        items, _absolute(config, "embed.js"), get_relative_url("embed.js", page.url)
    )


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _is_embeddable(page):
        target = _write_embed(page, config)
        meta = page.meta
        _build["feed"].append(
            feed.FeedPage(
                title=meta.get("title") or page.title or "",
                description=meta["description"],
                url=page.canonical_url or _absolute(config, page.url),
                embed_url=_absolute(config, target),
                reviewed=meta["reviewed"],
                next_review=meta["next_review"],
                sources=meta["sources"],
                body_html=feed.sanitize(page.content or "", page.canonical_url or ""),
            )
        )
    if embed.GALLERY_MARKER.search(output):
        output = embed.GALLERY_MARKER.sub(lambda _: _gallery(page, config), output, count=1)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    data = feed.feed(_build.get("feed", []), config.site_url or "/")
    write_file(
        json.dumps(data, indent=1, ensure_ascii=False).encode("utf-8"),
        os.path.join(config.site_dir, "api", "pages.json"),
    )
