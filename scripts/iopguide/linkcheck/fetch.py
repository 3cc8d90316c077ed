"""HTTP requests with per-host limits, retries, backoff and a run deadline."""

from __future__ import annotations

import asyncio
import email.utils
import random
import socket
import ssl
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from iopguide.linkcheck.guard import Guard
from iopguide.linkcheck.models import Options
from iopguide.linkcheck.pages import looks_like_html

RETRY_KINDS = {"timeout", "reset", "dns-temporary"}


@dataclass
class Reply:
    """One HTTP answer (or the error that replaced it)."""

    url: str
    method: str
    status: int | None = None
    headers: httpx.Headers = field(default_factory=httpx.Headers)
    body: bytes | None = None
    truncated: bool = False
    error_kind: str | None = None
    error: str | None = None
    note: str = ""


@dataclass
class Tally:
    """Requests made on behalf of one link."""

    attempts: int = 0


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def classify_error(exc: BaseException) -> tuple[str, str]:
    """Map an exception to (kind, readable message)."""
    for err in _chain(exc):
        if isinstance(err, (TimeoutError, httpx.TimeoutException)):
            return "timeout", "timed out"
        if isinstance(err, socket.gaierror):
            if err.errno == socket.EAI_AGAIN:
                return "dns-temporary", "DNS lookup failed temporarily"
            return "dns", "host does not resolve (DNS lookup failed)"
        if isinstance(err, ssl.SSLError):
            detail = getattr(err, "verify_message", None) or getattr(err, "reason", None) or err
            return "tls", f"TLS error: {detail}"
        if isinstance(err, ConnectionRefusedError):
            return "refused", "connection refused"
        if isinstance(err, (ConnectionResetError, ConnectionAbortedError, BrokenPipeError)):
            return "reset", "connection reset by the server"
    text = str(exc)
    lowered = text.lower()
    if "name or service not known" in lowered or "nodename nor servname" in lowered:
        return "dns", "host does not resolve (DNS lookup failed)"
    if "connection refused" in lowered:
        return "refused", "connection refused"
    if "ssl" in lowered or "certificate" in lowered:
        return "tls", f"TLS error: {text}"
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        return "reset", f"connection dropped ({text or type(exc).__name__})"
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return "invalid", f"invalid URL ({text})"
    return "other", f"{type(exc).__name__}: {text}"


class HostGate:
    """At most `limit` requests at once to one host, starts spaced by `pause` seconds."""

    def __init__(self, limit: int, pause: float) -> None:
        self.sem = asyncio.Semaphore(limit)
        self.pause = pause
        self.next_start = 0.0

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold one of the host's slots for the duration of a request."""
        async with self.sem:
            now = asyncio.get_running_loop().time()
            start = max(now, self.next_start)
            self.next_start = start + self.pause
            if start > now:
                await asyncio.sleep(start - now)
            yield


async def read_capped(response: httpx.Response, cap: int) -> tuple[bytes, bool]:
    """Read at most `cap` bytes of a streamed body; True when the cap cut it short."""
    buf = bytearray()
    async for chunk in response.aiter_bytes():
        buf += chunk
        if len(buf) >= cap:
            return bytes(buf[:cap]), True
    return bytes(buf), False


class Fetcher:
    """Sends requests through the host gates with retries, inside one run deadline."""

    def __init__(self, client: httpx.AsyncClient, opts: Options, deadline_at: float) -> None:
        self.client = client
        self.opts = opts
        self.deadline_at = deadline_at
        self.global_sem = asyncio.Semaphore(opts.concurrency)
        self.gates: dict[tuple[str, int | None], HostGate] = {}
        self.requests = 0
        self.guard = Guard(opts.resolve)

    def remaining(self) -> float:
        """Seconds left before the run deadline."""
        return self.deadline_at - asyncio.get_running_loop().time()

    def _gate(self, url: str) -> HostGate:
        parts = urlsplit(url)
        key = (parts.hostname or "", parts.port)  # http and https of one host share a gate
        if key not in self.gates:
            self.gates[key] = HostGate(self.opts.per_host, self.opts.host_pause)
        return self.gates[key]

    async def request(
        self,
        method: str,
        url: str,
        tally: Tally,
        want_body: bool = False,
        headers: dict[str, str] | None = None,
        retry_errors: bool = True,
    ) -> Reply:
        """Send with retries on timeouts, resets, 429 and 5xx (backoff, Retry-After)."""
        attempt = 0
        while True:
            attempt += 1
            reply = await self._once(method, url, tally, want_body, headers)
            if attempt > self.opts.retries or not self._retryable(reply):
                return reply
            if reply.error_kind and not retry_errors:
                return reply
            delay = self._delay(reply, attempt)
            if delay >= self.remaining() - 0.05:
                reply.note = "no time left before the run deadline to retry"
                return reply
            await asyncio.sleep(delay)

    @staticmethod
    def _retryable(reply: Reply) -> bool:
        if reply.error_kind:
            return reply.error_kind in RETRY_KINDS
        status = reply.status or 0
        return status == 429 or (500 <= status <= 599 and status != 501)

    def _delay(self, reply: Reply, attempt: int) -> float:
        if reply.status in (429, 503):
            wait = parse_retry_after(reply.headers.get("retry-after"))
            if wait is not None:
                return min(wait, self.opts.retry_after_cap)
        backoff: float = self.opts.backoff * (2 ** (attempt - 1)) * random.uniform(0.5, 1.5)
        return min(backoff, self.opts.retry_after_cap)

    async def _once(
        self, method: str, url: str, tally: Tally, want_body: bool, headers: dict[str, str] | None
    ) -> Reply:
        reply = Reply(url=url, method=method)
        async with self._gate(url).slot(), self.global_sem:
            remaining = self.remaining()
            if remaining <= 0:
                reply.error_kind, reply.error = "deadline", "not finished before the run deadline"
                return reply
            limit = min(self.opts.timeout, remaining)
            tally.attempts += 1
            self.requests += 1
            try:
                async with asyncio.timeout(limit):
                    request = self.client.build_request(method, url, headers=headers)
                    response = await self.client.send(request, stream=True)
                    try:
                        reply.status, reply.headers = response.status_code, response.headers
                        ok = 200 <= response.status_code < 300
                        if (
                            want_body
                            and method == "GET"
                            and ok
                            and looks_like_html(response.headers, None)
                        ):
                            reply.body, reply.truncated = await read_capped(
                                response, self.opts.body_cap
                            )
                    finally:
                        await response.aclose()
            except (TimeoutError, httpx.TimeoutException):
                if limit < self.opts.timeout:
                    reply.error_kind, reply.error = (
                        "deadline",
                        "not finished before the run deadline",
                    )
                else:
                    reply.error_kind, reply.error = (
                        "timeout",
                        f"timed out after {self.opts.timeout:g} s",
                    )
            except (httpx.HTTPError, httpx.InvalidURL, OSError, ValueError) as exc:
                reply.error_kind, reply.error = classify_error(exc)
        return reply
