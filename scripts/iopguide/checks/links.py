"""The link rules: where a link goes and what it says.

- link-https: a link to another website is not `https://` (tel:, sms: and mailto: are
  fine too);
- link-tracking: a link carries tracking parameters (utm_..., fbclid...);
- link-text: the link text does not say where the link goes ("click here") or is a bare
  address.

A `javascript:` or `data:` link is unsafe-html's (unsafe_html.py), a link to an IP address
or a private name is link-host's (link_hosts.py). Schemes are read as a browser reads
them (urls.py: `java&#x09;script:` is `javascript:`). Nothing here imports
MkDocs: content.py calls these with the links markdown_scan.py finds.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from iopguide.checks import markdown_scan
from iopguide.checks.markdown_scan import Link
from iopguide.checks.problem import Problem
from iopguide.checks.urls import browser_form, scheme

SAFE_SCHEMES = {"https", "tel", "sms", "mailto"}
CODE_SCHEMES = {"javascript", "data", "vbscript"}
TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid)$", re.I)
VAGUE_TEXT = {
    "click here",
    "here",
    "read more",
    "more",
    "this page",
    "link",
    "this link",
    "click",
    "learn more",
    "click this link",
    "go here",
    "this",
}
BARE_URL = re.compile(r"^(https?://|www\.)\S+$", re.I)


def own_targets(links: list[Link]) -> list[Link]:
    """Links whose target is written where they are (a reference's is at its definition)."""
    return [link for link in links if link.kind != "reference"]


def _plain(text: str) -> str:
    """Link text as a reader hears it: no emphasis marks, spaces or end punctuation."""
    text = re.sub(r"[*_~`]", "", re.sub(r"<[^>]+>", "", text))
    return " ".join(text.split()).strip(" .:;,!?…").lower()


def check_external_links(links: list[Link], path: str) -> list[Problem]:
    """link-https and link-tracking (a picture from another site is image-local's)."""
    problems = []
    for link in own_targets(links):
        if link.image:
            continue
        found = scheme(link.target)
        if not found or found in CODE_SCHEMES or found in {"tel", "sms", "mailto"}:
            continue
        if found == "http":
            problems.append(
                Problem(
                    path,
                    link.line,
                    "link-https",
                    f"the link `{link.target}` is "
                    "not secure: change http:// to https:// (and check the page "
                    "still opens)",
                )
            )
        elif found not in SAFE_SCHEMES:
            problems.append(
                Problem(
                    path,
                    link.line,
                    "link-https",
                    f"the link `{link.target}` "
                    "must start with https:// (tel:, sms: and mailto: are fine "
                    "too)",
                )
            )
        query = parse_qsl(urlsplit(browser_form(link.target)).query, keep_blank_values=True)
        params = sorted({key for key, _ in query if TRACKING.match(key)})
        if params:
            problems.append(
                Problem(
                    path,
                    link.line,
                    "link-tracking",
                    f"the link "
                    f"`{link.target}` carries tracking ({', '.join(params)}): "
                    "delete those parameters and keep the rest of the address",
                )
            )
    return problems


def check_link_text(text: str, links: list[Link], path: str) -> list[Problem]:
    """link-text, for Markdown links, autolinks and raw HTML <a>...</a> (page `text`)."""
    texts = [
        (link.line, link.text)
        for link in links
        if not link.image and link.text is not None and link.kind not in ("definition", "html")
    ]
    texts += markdown_scan.html_link_texts(text)
    problems = []
    for line, said in texts:
        plain = _plain(said)
        if BARE_URL.match(plain):
            problems.append(
                Problem(
                    path,
                    line,
                    "link-text",
                    f"the link text is a bare address "
                    f"(`{' '.join(said.split())}`): use words that name the "
                    "page, e.g. [SAMHSA's treatment locator](https://...)",
                )
            )
        elif plain in VAGUE_TEXT or not plain:
            shown = f'"{" ".join(said.split())}"' if plain else "empty"
            problems.append(
                Problem(
                    path,
                    line,
                    "link-text",
                    f"the link text is {shown}, which "
                    "does not say where it goes: use words that name the page, "
                    "e.g. [how to pay for an IOP](cost-and-insurance.md)",
                )
            )
    return problems
