"""The crisis file's wording as the build shows it, each mistake on the wording's line.

The wording reaches every page through the templates' slots, after the page checks, so
it is checked here as filled in (`Data.phrase`): every `{line.field}` names a value; the
page rules phone-link, unsafe-html and link-https pass; no HTML, image or link other
than tel:, sms: or https:// (schema.unsafe); and a wording the crisis bar puts in an
`<a>` (LINK_SLOTS, finish/crisis_slots.py) is one link that calls or texts, and nothing
else: the bar must dial, never open a website, and would drop any other words.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from iopguide.checks import links, markdown_scan, phone_links, unsafe_html
from iopguide.checks.problem import Problem
from iopguide.crisis.schema import LINKS_TO, REFERENCE, RULE, did_you_mean, unsafe

if TYPE_CHECKING:
    from iopguide.crisis.data import Data

LINK_SLOTS = ("bar-call", "bar-text", "bar-911")  # overrides/partials/crisis-bar.html
ONE_LINK = re.compile(r"\[(?P<text>[^\[\]]+)\]\((?:tel|sms):(?P<number>[^()\s?]+)[^()\s]*\)")


def problems(data: Data) -> list[Problem]:
    """Every wording in every language, filled in, as the build will show it."""
    found = []
    for key, texts in data.wording.items():
        for lang, text in texts.items():
            line = data.where.get(("wording", key, lang), 1)
            said = _references(data, text, lang) or _filled(key, data.phrase(key, lang) or "")
            found += [Problem(data.path, line, RULE, message) for message in said]
    return found


def _shows_number(text: str, number: str) -> bool:
    """The link's visible words hold a word and the number it dials (a blank or invisible
    text, such as a zero-width space, would leave an empty link in the crisis bar)."""
    visible = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc", "Zs"))
    digits = re.sub(r"\D", "", number)
    return (
        bool(digits) and digits in re.sub(r"\D", "", visible) and any(c.isalpha() for c in visible)
    )


def _references(data: Data, text: str, lang: str) -> list[str]:
    """Each `{line.field}` that names no value, with "did you mean"."""
    keys = [key for key in data.keys() if "." in key]
    return [
        f"`{{{match[1]}.{match[2]}}}` has no value in {lang}"
        f"{did_you_mean(match[1] + '.' + match[2], keys)}: name a line and one of its fields"
        for match in REFERENCE.finditer(text)
        if data.value(match[1] + "." + match[2], lang) is None
    ]


def _filled(key: str, phrase: str) -> list[str]:
    """The first thing `unsafe`, then the page rules, say of one filled-in wording."""
    found = markdown_scan.links(phrase)
    said = [unsafe(phrase) or ""]
    said += [
        problem.message
        for problem in phone_links.check(found, "")
        + unsafe_html.check(phrase, found, "")
        + links.check_external_links(found, "")
    ]
    said += [
        f"the link `{link.target}` must start with tel:, sms: or https://"
        for link in found
        if not link.target.startswith(LINKS_TO)
    ]
    link = ONE_LINK.fullmatch(phrase.strip())
    if key in LINK_SLOTS and not link:
        said.append(
            f"`{key}` fills a link in the crisis bar: write one link that calls or texts and "
            "nothing else, like [Call {emergency.call}]({emergency.tel}) (no web address)"
        )
    elif key in LINK_SLOTS and link and not _shows_number(link["text"], link["number"]):
        said.append(
            f"`{key}` fills a link in the crisis bar, so its words must show the number it "
            "calls or texts, like [Call {emergency.call}]({emergency.tel})"
        )
    return [message for message in said if message][:1]
