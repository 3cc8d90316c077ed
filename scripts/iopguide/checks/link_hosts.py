"""The `link-host` rule: a page links only to public websites.

A link whose host is an IP address (`127.0.0.1`, `10.0.0.5`, `[::1]`,
`169.254.169.254`) or a private name (`localhost`, `printer.local`, `wiki.internal`, a
one-word host such as `intranet`) leads nowhere for readers, and could make the link
checker reach into the machine that runs it. Hosts are read as a browser reads them
(urls.py), so `http://0x7f.1/` is an IP address too.

Nothing here imports MkDocs: content.py calls `check` with the links markdown_scan.py
finds.
"""

from __future__ import annotations

from iopguide.checks.links import own_targets
from iopguide.checks.markdown_scan import Link
from iopguide.checks.problem import Problem
from iopguide.checks.urls import host, private_host, shown


def check(links: list[Link], path: str) -> list[Problem]:
    """link-host problems among a page's links (pictures are image-local's)."""
    problems = []
    for link in own_targets(links):
        why = "" if link.image else private_host(host(link.target))
        if why:
            problems.append(
                Problem(
                    path,
                    link.line,
                    "link-host",
                    f"the link `{shown(link.target)}` goes to {why}, not a public "
                    "website: link to the page's public address, such as "
                    "https://www.samhsa.gov/...",
                )
            )
    return problems
