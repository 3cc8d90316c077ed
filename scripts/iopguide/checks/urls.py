"""A URL as a browser reads it, for the rules that look at schemes and hosts.

Browsers follow the WHATWG URL Standard: before reading the scheme they strip leading and
trailing C0 control characters and spaces, and remove every tab, newline and carriage
return, wherever it is. So `java&#x09;script:`, ` javascript:` and `JAVA\\nSCRIPT:` are all
`javascript:` to a browser, and every check that tests a scheme or a host reads the
address through `browser_form` first. It is used by unsafe_html.py, links.py,
link_hosts.py, local_files.py and the built-page scan in finish/csp.py.
"""

from __future__ import annotations

import html
import ipaddress
import re
import unicodedata
from urllib.parse import unquote

# Attributes whose value a browser reads as an address (srcset is a list of them).
URL_ATTRS = ("href", "src", "xlink:href", "action", "formaction", "data", "poster", "background")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_STRIPPED = "".join(chr(code) for code in range(0x21))  # C0 controls and space
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
# Names that only reach a machine on the reader's own network.
_PRIVATE_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".intranet")


def browser_form(value: str) -> str:
    """`value` as the URL parser sees it: entities decoded (a checker may hand over the
    text as written), C0 controls and spaces stripped at both ends, tabs and newlines
    removed everywhere."""
    if "&" in value:
        value = html.unescape(value)
    return _TAB_OR_NEWLINE.sub("", value.strip(_STRIPPED))


def scheme(value: str) -> str:
    """The address's scheme in lower case ("https", "javascript"...), as a browser reads
    it; "//" for a scheme-relative address, "" when it has none (a file of the site)."""
    url = browser_form(value)
    match = _SCHEME.match(url)
    if match:
        return match.group(1).lower()
    return "//" if url.replace("\\", "/").startswith("//") else ""


def srcset_urls(value: str) -> list[str]:
    """The addresses in a `srcset` ("a.png 1x, b.png 2x")."""
    return [part.split()[0] for part in value.split(",") if part.split()]


def host(value: str) -> str:
    """The host of an http(s) or scheme-relative address, lower case, without brackets,
    port or trailing dot; "" for any other address. Read as a browser reads a web address:
    any run of / or \\ after the scheme (`https:\\\\x`, `https:x`) leads to the host, and
    user names before an @ are skipped."""
    found = scheme(value)
    if found not in ("http", "https", "//"):
        return ""
    url = browser_form(value)
    rest = url[len(found) + 1 :] if found != "//" else url
    authority = re.split(r"[/\\?#]", rest.lstrip("/\\"), maxsplit=1)[0].rpartition("@")[2]
    if authority.startswith("["):
        return authority[1:].partition("]")[0].lower()
    # Browsers decode %xx in a host and map full-width forms (ＩＰ digits, 。) as IDNA does.
    name = unicodedata.normalize("NFKC", unquote(authority.partition(":")[0]))
    return re.sub("[\u3002\uff0e\uff61]", ".", name).rstrip(".").lower()


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        pass
    # WHATWG reads a host whose last part is a number (0x7f.1, 2130706433) as IPv4.
    last = name.rsplit(".", 1)[-1]
    return bool(re.fullmatch(r"\d+|0x[0-9a-f]*", last))


def private_host(name: str) -> str:
    """Why a link's host `name` is not a public website ("an IP address", "a private
    name"), or "" when it is one."""
    if not name:
        return ""
    if _is_ip(name):
        return "an IP address"
    if name == "localhost" or name.endswith(_PRIVATE_SUFFIXES) or "." not in name:
        return "a private name"
    return ""


def shown(value: str, limit: int = 60) -> str:
    """`value` cut to `limit` characters for a one-line message, control characters
    written as escapes (`\\t`, `\\n`), so a hostile address cannot break the line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in value[:limit])
