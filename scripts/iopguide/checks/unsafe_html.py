"""The `unsafe-html` rule: nothing in a page runs code or loads another website.

It reports a raw <script>, <iframe>, <object>, <embed>, <style> or <form>; an `on...=`
attribute on any tag; and a link to a `javascript:`, `data:` or `vbscript:` address.
Harmless layout HTML (div, figure, details, abbr...) is fine. The check on the built
site (Content-Security-Policy) says nothing more about a script reported here.

Nothing here imports MkDocs: content.py calls `check`.
"""

from __future__ import annotations

import re

from iopguide.checks import markdown_scan
from iopguide.checks.links import CODE_SCHEMES, own_targets, scheme
from iopguide.checks.markdown_scan import Link
from iopguide.checks.problem import Problem

UNSAFE_TAGS = {"script", "iframe", "object", "embed", "style", "form"}
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
    for link in own_targets(links):
        if scheme(link.target) in CODE_SCHEMES:
            problems.append(
                Problem(
                    path,
                    link.line,
                    "unsafe-html",
                    f"the link "
                    f"`{link.target[:40]}` is a {scheme(link.target)}: address, "
                    "which runs code or hides content: link to an https:// page",
                )
            )
    return problems
