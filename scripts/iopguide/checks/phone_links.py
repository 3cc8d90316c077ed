"""The `phone-link` rule: every `tel:` and `sms:` link dials a real number, the one it shows.

A reader in crisis taps a link and expects it to ring the number printed on it. So:

- the target is a US number, `+1` and 10 digits (`tel:+18006624357`; `tel:18006624357`,
  `tel:8006624357` and `tel:1-800-662-4357` also dial), or a short code of 3 to 6 digits;
- an `sms:` link may add a message (`sms:741741?body=HOME`);
- when the link text shows a number, it is the number the link dials.

Whether the number is one the site knows, with the right keyword for the page's language,
is the `crisis-line` rule's (crisis_lines.py, from docs/.data/crisis.yml). Nothing here
imports MkDocs; content.py calls `check`.
"""

from __future__ import annotations

import re

from iopguide.checks.markdown_scan import Link
from iopguide.checks.problem import Problem

SCHEMES = ("tel", "sms")
_SHORT_CODE = re.compile(r"^\d{3,6}$")  # 988, 911, 741741: the crisis file names them
_US_NUMBER = re.compile(r"^(?:\+1|1)?\d{10}$|^(?:\+?1-)?\d{3}-\d{3}-\d{4}$")
_SMS_BODY = re.compile(r"^\?&?body=[^&]*$")
# A number as a reader sees it: 1-800-662-4357, (800) 662-4357, 988, 741741.
_SHOWN = re.compile(
    r"(?<![\w-])(?:\+?1[-. ]?)?(?:\(\d{3}\)\s?|\d{3}[-. ])\d{3}[-. ]\d{4}(?!\d)"
    r"|(?<![\w-])\d{3,6}(?![\w-])"
)


def _digits(text: str) -> str:
    """The digits a phone dials: no separators, and no leading US country code."""
    digits = re.sub(r"\D", "", text)
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


def _target_problem(scheme: str, target: str) -> str | None:
    number, _, query = target.partition("?")
    if query and not (scheme == "sms" and _SMS_BODY.match("?" + query)):
        return (
            f"the link `{scheme}:{target}` adds `?{query}`, which a phone does not understand: "
            "keep only the number"
            + (", or add a message as `?body=WORD`" if scheme == "sms" else "")
        )
    if _SHORT_CODE.match(number) or _US_NUMBER.match(number):
        return None
    return (
        f"the link `{scheme}:{target}` does not dial a valid number: write a US number as "
        f"{scheme}:+1 and its 10 digits, such as {scheme}:+18006624357, or a short code "
        f"such as {scheme}:988"
    )


def dials(target: str) -> bool:
    """Does a `tel:` or `sms:` link (its whole href) dial a valid number?"""
    scheme, _, rest = target.partition(":")
    return scheme.lower() in SCHEMES and _target_problem(scheme.lower(), rest.strip()) is None


def check(links: list[Link], path: str) -> list[Problem]:
    problems = []
    for link in links:
        scheme = link.target.split(":", 1)[0].lower() if ":" in link.target else ""
        if scheme not in SCHEMES or link.kind == "reference":
            continue
        target = link.target[len(scheme) + 1 :].strip()
        problem = _target_problem(scheme, target)
        if problem:
            problems.append(Problem(path, link.line, "phone-link", problem))
            continue
        shown = [m.group(0) for m in _SHOWN.finditer(link.text or "")]
        dialled = _digits(target.partition("?")[0])
        if shown and dialled not in {_digits(number) for number in shown}:
            problems.append(
                Problem(
                    path,
                    link.line,
                    "phone-link",
                    f"the link text shows "
                    f"{' and '.join(shown)} but the link dials "
                    f"{scheme}:{target.partition('?')[0]}: make the text and the "
                    f"link the same number",
                )
            )
    return problems
