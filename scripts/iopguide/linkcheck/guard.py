"""Keep the checker from reaching inside: no public link may lead to a private address.

A link on a public host that redirects to loopback, a private network, link-local
(169.254.169.254 cloud metadata included) or an unspecified address is not followed.
Links that start inside on purpose (the tests and benchmarks on 127.0.0.1) may move
within the same kind of network. Addresses come from the target's own host name, every
address it resolves to is checked.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

#: host -> the addresses it resolves to ([] when it does not resolve).
Resolver = Callable[[str], Awaitable[list[str]]]
PUBLIC = "public"
#: Names that are local on purpose, like an internal IP literal.
LOCAL_NAMES = ("localhost",)
RESOLVE_TIMEOUT = 5.0


def zone(address: str) -> str:
    """'public', or the kind of internal network the address belongs to."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_private:
        return "private"
    if not ip.is_global or ip.is_multicast:
        return "reserved"
    return PUBLIC


async def system_resolve(host: str) -> list[str]:
    """The host's addresses from the system resolver (an IP literal is its own address)."""
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(RESOLVE_TIMEOUT):
            infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, TimeoutError, UnicodeError):
        return []  # the request itself will report the DNS failure
    return sorted({str(info[4][0]) for info in infos})


def public_form(url: str) -> str:
    """The URL without user info, query string or fragment: safe to print in a public issue."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


def _local_on_purpose(host: str) -> bool:
    name = host.lower().rstrip(".")
    if name in LOCAL_NAMES or name.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(name.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    return True


class Guard:
    """Decides, per hop, whether the checker may send a request to a URL."""

    def __init__(self, resolve: Resolver | None = None) -> None:
        self.resolve = resolve or system_resolve
        self.zones: dict[str, frozenset[str]] = {}

    async def zones_of(self, url: str) -> frozenset[str]:
        """The network kinds of every address url's host resolves to (cached per host)."""
        host = (urlsplit(url).hostname or "").lower()
        if host not in self.zones:
            found = set()
            for address in await self.resolve(host):
                try:
                    found.add(zone(address))
                except ValueError:
                    found.add("reserved")
            self.zones[host] = frozenset(found)
        return self.zones[host]

    async def start(self, url: str) -> tuple[frozenset[str], str | None]:
        """(networks the link may reach, refusal message or None) for a link's own URL."""
        zones = await self.zones_of(url)
        inside = zones - {PUBLIC}
        if inside and not _local_on_purpose(urlsplit(url).hostname or ""):
            return zones, (
                f"not checked: the host resolves to an internal address "
                f"({', '.join(sorted(inside))}); the checker does not reach inside"
            )
        return zones | {PUBLIC}, None

    async def hop(self, target: str, allowed: frozenset[str]) -> str | None:
        """A refusal message when target leads outside the allowed networks, else None."""
        outside = await self.zones_of(target) - allowed
        if not outside:
            return None
        return (
            f"not followed: redirects to an internal address ({', '.join(sorted(outside))}) "
            f"{public_form(target)}; check the link by hand"
        )
