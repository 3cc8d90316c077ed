"""Follow a redirect chain by hand, HEAD first, and probe hosts for soft 404s."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from iopguide.linkcheck.fetch import Fetcher, Reply, Tally
from iopguide.linkcheck.guard import public_form
from iopguide.linkcheck.models import MAX_REDIRECTS
from iopguide.linkcheck.pages import looks_like_html

REDIRECTS = {301, 302, 303, 307, 308}
#: HEAD answers that a GET should double-check (servers often mishandle HEAD).
GET_FALLBACK = {400, 403, 404, 405, 410, 501}
#: A GET answer that says "not for you" rather than "not here": keep the HEAD verdict.
BLOCKED = {401, 403, 429, 999}
FINAL_ERRORS = {"dns", "refused", "tls", "invalid", "deadline"}
PROBE_SUFFIX = "-iop-guide-probe"


@dataclass
class Chain:
    """Where a URL led: the last reply, the URLs visited, any redirect problem."""

    final: Reply
    urls: list[str] = field(default_factory=list)
    problem: str | None = None
    first_status: int | None = None
    #: True when the guard refused to send a request inside (problem says why).
    blocked: bool = False
    #: The refused address as the report may print it (no query string), if any.
    blocked_url: str | None = None


async def fetch_step(
    fetcher: Fetcher, url: str, tally: Tally, need_body: bool, etag: str | None = None
) -> Reply:
    """HEAD, then GET when HEAD is refused or fails, or when an HTML body is needed."""
    headers = {"If-None-Match": etag} if etag else None
    head = await fetcher.request("HEAD", url, tally, headers=headers, retry_errors=False)
    if head.error_kind in FINAL_ERRORS:
        return head
    if head.error_kind or head.status in GET_FALLBACK:
        return await fetcher.request("GET", url, tally, want_body=need_body)
    status = head.status or 0
    if need_body and 200 <= status < 300 and looks_like_html(head.headers, None):
        get = await fetcher.request("GET", url, tally, want_body=True)
        if get.error_kind or get.status is None or get.status in BLOCKED or get.status >= 500:
            why = get.error or f"GET answered {get.status}"
            head.note = f"page body not checked ({why})"
            return head
        return get
    return head


async def follow(
    fetcher: Fetcher, url: str, tally: Tally, need_body: bool, etag: str | None = None
) -> Chain:
    """Follow up to MAX_REDIRECTS redirects, detecting loops, never from public to inside."""
    allowed, refusal = await fetcher.guard.start(url)
    if refusal:
        return Chain(Reply(url=url, method="HEAD"), [url], refusal, blocked=True)
    urls = [url]
    current = url
    first: int | None = None
    for hop in range(MAX_REDIRECTS + 1):
        reply = await fetch_step(fetcher, current, tally, need_body, etag if hop == 0 else None)
        if reply.error_kind or reply.status not in REDIRECTS:
            return Chain(reply, urls, None, first)
        if hop == 0:
            first = reply.status
        location = reply.headers.get("location", "").strip()
        if not location:
            return Chain(reply, urls, f"redirect ({reply.status}) without a Location header", first)
        target = urldefrag(urljoin(current, location))[0]
        if urlsplit(target).scheme not in ("http", "https"):
            return Chain(reply, urls, f"redirects to a non-web address {target}", first)
        if target in urls:
            loop = urls[urls.index(target) :] + [target]
            return Chain(reply, urls + [target], "redirect loop: " + " -> ".join(loop), first)
        if hop == MAX_REDIRECTS:
            return Chain(reply, urls, f"too many redirects (more than {MAX_REDIRECTS})", first)
        refusal = await fetcher.guard.hop(target, allowed)
        if refusal:
            return Chain(reply, urls, refusal, first, blocked=True, blocked_url=public_form(target))
        urls.append(target)
        current = target
    raise AssertionError("unreachable")


class Prober:
    """Asks each host once for a random nonexistent path and remembers where it lands."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self.tasks: dict[str, asyncio.Task[tuple[int | None, str | None]]] = {}

    async def landing(self, url: str) -> tuple[int | None, str | None]:
        """(status, final URL) of the probe for url's host; (None, None) if it failed."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.tasks:
            self.tasks[origin] = asyncio.create_task(self._probe(origin))
        return await asyncio.shield(self.tasks[origin])

    async def _probe(self, origin: str) -> tuple[int | None, str | None]:
        url = f"{origin}/{uuid.uuid4().hex}{PROBE_SUFFIX}"
        chain = await follow(self.fetcher, url, Tally(), need_body=False)
        if chain.problem or chain.final.error_kind:
            return None, None
        return chain.final.status, chain.final.url
