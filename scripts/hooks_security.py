"""MkDocs hook for what reads the finished site: the CSP, `_headers`, robots.txt, the icon.

Listed last in mkdocs.yml on purpose: its on_post_build reads every file the other
hooks wrote (pages, embeds, data), so it must run after them. Thin adapter: the logic
is in favicon.py, csp.py, site_headers.py and seo.py. Problems go to `log.warning`, which fails a
strict build.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from iopguide.checks import reported
from iopguide.finish import csp, embed, favicon
from iopguide.finish import robots as seo

log = logging.getLogger("mkdocs.hooks.iop.security")


def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    problem = seo.write_robots(site_dir, config.site_url or "")
    if problem:
        log.warning(problem)
    # Each page is read once and written once: icon inlined, then the policy, which
    # hashes the finished page, so it comes last.
    html = {
        page: favicon.inline_icon(text, page, site_dir)
        for page, text in csp.read_pages(site_dir).items()
    }
    # A page whose raw HTML `unsafe-html` already named (with its file and line) is not
    # reported again here, nor is its embed: one mistake, one line.
    excused = {
        built
        for dest in reported.built_with("unsafe-html")
        for built in (dest, embed.embed_url(dest.removesuffix("index.html")) + "index.html")
    }
    report = csp.apply_to_site(site_dir, html, excused=excused)
    for warning in report.warnings:
        log.warning(warning)
    for note in report.notes:
        log.info(note)
