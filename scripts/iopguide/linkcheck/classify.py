"""Turn one URL into a verdict: syntax, policy, cache, then the network."""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import unquote, urldefrag, urlsplit

from iopguide.linkcheck.cache import CacheEntry, LinkCache
from iopguide.linkcheck.fetch import Fetcher, Tally
from iopguide.linkcheck.follow import Chain, Prober, follow
from iopguide.linkcheck.models import Options, Result, Verdict
from iopguide.linkcheck.pages import (
    fragment_is_checkable,
    has_anchor,
    looks_like_html,
    page_title,
    title_says_not_found,
)
from iopguide.linkcheck.policy import match_policy
from iopguide.linkcheck.syntax import check_syntax

STATUS_WORDS = {
    401: "login required",
    403: "forbidden",
    429: "too many requests",
    999: "request denied",
}


@dataclass
class Context:
    """What every link check shares during one run."""

    fetcher: Fetcher
    prober: Prober
    opts: Options
    cache: LinkCache | None


def _is_root(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


async def check_link(url: str, ctx: Context) -> Result:
    """Check one URL and return its report row (pages filled in by the caller)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in ("mailto", "tel", "sms"):
        valid, message = check_syntax(url)
        return Result(url, Verdict.OK if valid else Verdict.BROKEN, message=message)
    try:
        host = parts.hostname
    except ValueError:
        host = None
    if scheme not in ("http", "https") or not host:
        return Result(url, Verdict.BROKEN, message="not a valid http(s) URL")
    entry = match_policy(host, ctx.opts.policy)
    if entry:
        return Result(
            url,
            Verdict.UNVERIFIABLE,
            message=f"not checked: {entry.host} blocks automated clients ({entry.reason}); "
            f"policy entry expires {entry.expires}",
        )
    if host == "invalid" or host.endswith(".invalid"):
        return Result(
            url, Verdict.BROKEN, message="host does not resolve (.invalid is a reserved name)"
        )
    if ctx.cache:
        cached = ctx.cache.fresh(url, time.time())
        if cached:
            return Result(
                url,
                Verdict.OK,
                status=cached.status,
                final_url=cached.final_url or url,
                message=f"cached (checked {cached.checked_text})",
            )
    base, fragment = urldefrag(url)
    stale = ctx.cache.stale(url) if ctx.cache else None
    etag = stale.etag if stale and not fragment else None
    tally = Tally()
    chain = await follow(ctx.fetcher, base, tally, need_body=True, etag=etag)
    result = await _judge(url, unquote(fragment), chain, ctx, tally)
    result.attempts = tally.attempts
    if result.verdict is Verdict.MOVED and fragment and result.final_url:
        result.final_url = f"{urldefrag(result.final_url)[0]}#{fragment}"
        result.message = (
            f"permanent redirect ({chain.first_status}): update the link to {result.final_url}"
        )
    if ctx.cache:
        if result.verdict is Verdict.OK:
            keep_etag = chain.final.headers.get("etag") if len(chain.urls) == 1 else None
            if chain.final.status == 304 and stale:
                keep_etag = stale.etag
            ctx.cache.remember(
                url, CacheEntry(time.time(), keep_etag, result.final_url, result.status)
            )
        else:
            ctx.cache.forget(url)
    return result


def _failure(url: str, chain: Chain, tally: Tally) -> Result | None:
    """Verdict for errors and non-2xx answers, or None when the page answered 2xx/304."""
    reply = chain.final
    final = reply.url
    note = f"; {reply.note}" if reply.note else ""
    tries = f" after {tally.attempts} attempt{'s' if tally.attempts != 1 else ''}"
    if chain.blocked:
        shown = chain.blocked_url
        return Result(url, Verdict.UNVERIFIABLE, reply.status, shown, message=chain.problem or "")
    if chain.problem:
        return Result(url, Verdict.BROKEN, reply.status, final, message=chain.problem)
    if reply.error_kind:
        kind, error = reply.error_kind, reply.error or "request failed"
        if kind in ("dns", "refused", "tls", "invalid"):
            return Result(url, Verdict.BROKEN, reply.status, final, message=error)
        message = f"{error} ({tally.attempts} attempt{'s' if tally.attempts != 1 else ''}){note}"
        return Result(url, Verdict.UNVERIFIABLE, reply.status, final, message=message)
    status = reply.status or 0
    if status == 304 or 200 <= status < 300:
        return None
    if status in (404, 410):
        word = "not found" if status == 404 else "gone"
        return Result(url, Verdict.BROKEN, status, final, message=f"HTTP {status} {word}")
    if status in STATUS_WORDS or 500 <= status <= 599:
        word = STATUS_WORDS.get(status, "server error")
        hint = (
            "; the site may block automated clients, check by hand"
            if status in (401, 403, 999)
            else ""
        )
        message = f"HTTP {status} {word}{tries}{hint}{note}"
        return Result(url, Verdict.UNVERIFIABLE, status, final, message=message)
    if 400 <= status < 500:
        return Result(url, Verdict.BROKEN, status, final, message=f"HTTP {status} client error")
    return Result(
        url, Verdict.UNVERIFIABLE, status, final, message=f"unexpected HTTP {status}{note}"
    )


async def _judge(url: str, fragment: str, chain: Chain, ctx: Context, tally: Tally) -> Result:
    failed = _failure(url, chain, tally)
    if failed:
        return failed
    reply = chain.final
    status, final = reply.status, reply.url
    redirected = len(chain.urls) > 1
    if status == 304:
        return Result(
            url, Verdict.OK, status, final, message="not modified since the last check (ETag)"
        )
    if redirected and _is_root(final) and not _is_root(url):
        message = f"soft 404: redirects to the site's home page {final}"
        return Result(url, Verdict.BROKEN, status, final, message=message)
    if redirected:
        probe_status, probe_final = await ctx.prober.landing(url)
        if probe_status == 200 and status == probe_status and probe_final == final:
            return Result(
                url,
                Verdict.BROKEN,
                status,
                final,
                message=f"soft 404: lands on {final}, "
                "the same page a nonexistent address on this site gets",
            )
    if reply.body is not None:
        title = page_title(reply.body, reply.headers)
        if status == 200 and title_says_not_found(title):
            return Result(
                url, Verdict.BROKEN, status, final, message=f"soft 404: the page title is {title!r}"
            )
        checkable = fragment_is_checkable(fragment) and looks_like_html(reply.headers, reply.body)
        if checkable and not has_anchor(reply.body, reply.headers, fragment):
            within = (
                f" (within the first {ctx.opts.body_cap // 1024} KiB)" if reply.truncated else ""
            )
            return Result(
                url, Verdict.BROKEN, status, final, message=f"missing fragment #{fragment}{within}"
            )
    if chain.first_status in (301, 308) and chain.urls[1] != urldefrag(url)[0]:
        return Result(
            url,
            Verdict.MOVED,
            status,
            final,
            message=f"permanent redirect ({chain.first_status}): update the link to {final}",
        )
    how = f" via redirect to {final}" if redirected else ""
    note = f"; {reply.note}" if reply.note else ""
    return Result(url, Verdict.OK, status, final, message=f"HTTP {status}{how}{note}")
