"""Offline syntax checks for mailto:, tel: and sms: links."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

_PHONE = re.compile(r"^\+?[0-9()\- ]*[0-9][0-9()\- ]*$")
_QUERY = re.compile(r"^body=.*$", re.S)
_ADDRESS = re.compile(
    r"^[^@\s,;<>\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*$"
)


def check_syntax(url: str) -> tuple[bool, str]:
    """Return (valid, message) for a mailto:, tel: or sms: link."""
    scheme, _, rest = url.partition(":")
    scheme = scheme.lower()
    if scheme in ("tel", "sms"):
        number, _, query = rest.partition("?")
        number = unquote(number)
        if not _PHONE.match(number):
            return False, f"{scheme}: link has an invalid phone number {number!r}"
        if query and not _QUERY.match(query):
            return (
                False,
                f"{scheme}: link has an unexpected query {query!r} (only ?body= is allowed)",
            )
        return True, f"{scheme}: syntax OK"
    if scheme == "mailto":
        parts = urlsplit(url)
        addresses = [unquote(a).strip() for a in parts.path.split(",") if a.strip()]
        if not addresses:
            return False, "mailto: link has no address"
        bad = [a for a in addresses if not _ADDRESS.match(a)]
        if bad:
            return False, f"mailto: link has an invalid address {bad[0]!r}"
        return True, "mailto: syntax OK"
    return False, f"unsupported scheme {scheme!r}"
