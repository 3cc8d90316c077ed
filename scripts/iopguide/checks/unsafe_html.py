"""The `unsafe-html` rule: nothing in a page runs code or loads another website.

It reports a raw <script>, <iframe>, <object>, <embed>, <style> or <form>; an `on...=`
attribute on any tag; a title with `<` in it (`"&lt;meta ...&gt;"`: the theme's tooltips
show a title as HTML); and a link or any other address (`xlink:href`, `formaction`,
`data`...) to a `javascript:`, `data:` or `vbscript:` address, read as a browser reads
it (urls.py: `java&#x09;script:` is `javascript:`).
Harmless layout HTML (div, figure, details, abbr...) is fine. The check on the built
site (Content-Security-Policy) says nothing more about a script reported here.

Nothing here imports MkDocs: content.py calls `check`.
"""

from __future__ import annotations

import re

from iopguide.checks import markdown_scan, markdown_tokens
from iopguide.checks.links import CODE_SCHEMES, own_targets
from iopguide.checks.markdown_scan import Link
from iopguide.checks.problem import Problem
from iopguide.checks.raw_html import Tag
from iopguide.checks.urls import URL_ATTRS, scheme, shown

# meta (a refresh redirects the reader), base (re-points every link) and link (loads a
# stylesheet) belong in the theme's <head>, never in a page.
UNSAFE_TAGS = {"script", "iframe", "object", "embed", "style", "form", "meta", "base", "link"}
_EVENT = re.compile(r"on[a-z]+")  # onclick, onmouseover...


def check(text: str, links: list[Link], path: str) -> list[Problem]:
    """unsafe-html problems of the page `text`, whose links markdown_scan found."""
    problems = []
    for tag in markdown_scan.tags(text):
        if tag.name in UNSAFE_TAGS:
            problems.append(
                Problem(
                    path,
                    tag.line,
                    "unsafe-html",
                    f"<{tag.name}> is not allowed "
                    "in a page: remove it (for anything beyond text, links and "
                    "images, ask a developer)",
                )
            )
        for name in sorted(attr for attr in tag.attrs if _EVENT.fullmatch(attr)):
            problems.append(
                Problem(
                    path,
                    tag.line,
                    "unsafe-html",
                    f"the <{tag.name}> tag has the attribute `{name}`, which runs code: remove it",
                )
            )
        for name in _code_attrs(tag):
            problems.append(
                Problem(
                    path,
                    tag.line,
                    "unsafe-html",
                    f"the <{tag.name}> tag's `{name}` is a {scheme(tag.attrs[name])}: "
                    "address, which runs code or hides content: link to an https:// page",
                )
            )
    for link in own_targets(links):
        if scheme(link.target) in CODE_SCHEMES:
            problems.append(
                Problem(
                    path,
                    link.line,
                    "unsafe-html",
                    f"the link "
                    f"`{shown(link.target, 40)}` is a {scheme(link.target)}: address, "
                    "which runs code or hides content: link to an https:// page",
                )
            )
    for line, title in _titles(text):
        problems.append(
            Problem(
                path,
                line,
                "unsafe-html",
                f"the title `{shown(title, 40)}` has `<`, which the theme's tooltips show "
                'as HTML (a hover could redirect the reader): write "less than" in words',
            )
        )
    return problems


def _titles(text: str) -> list[tuple[int, str]]:
    """(line, title) of every link, image or tag title that holds `<` once its entities
    are read (`&lt;`): Material's content.tooltips put a title into the page as HTML."""
    found = [
        (tag.line, tag.attrs["title"]) for tag in markdown_scan.tags(text) if "title" in tag.attrs
    ]
    page = markdown_tokens.parse(text)
    for parent, child in page.inline():
        if child.type in ("link_open", "image") and child.attrs.get("title"):
            found.append(
                (page.line(parent, child.meta.get("start") or 0), str(child.attrs["title"]))
            )
    return [(line, title) for line, title in found if "<" in title]


def _code_attrs(tag: Tag) -> list[str]:
    """The tag's address attributes (xlink:href, formaction, data...) that run code; an
    <a href> and an <img src> are links, checked with the page's other links."""
    links = {("a", "href"), ("img", "src")}
    return [
        name
        for name in URL_ATTRS
        if name in tag.attrs
        and (tag.name, name) not in links
        and scheme(tag.attrs[name]) in CODE_SCHEMES
    ]
