"""Run all link checks concurrently within one deadline."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import httpx

from iopguide.linkcheck.cache import LinkCache
from iopguide.linkcheck.classify import Context, check_link
from iopguide.linkcheck.fetch import Fetcher
from iopguide.linkcheck.follow import Prober
from iopguide.linkcheck.models import Options, Result, Verdict

#: Extra seconds after the deadline before unfinished checks are cancelled.
GRACE = 0.5


def make_client(opts: Options) -> httpx.AsyncClient:
    """An HTTP client that never follows redirects itself and ignores proxy settings."""
    return httpx.AsyncClient(
        headers={
            "User-Agent": opts.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "en-US,en;q=0.8",
            "Accept-Encoding": "identity",
        },
        follow_redirects=False,
        timeout=httpx.Timeout(opts.timeout),
        limits=httpx.Limits(
            max_connections=opts.concurrency, max_keepalive_connections=opts.concurrency
        ),
        trust_env=False,
    )


async def check_all(
    links: dict[str, list[str]],
    opts: Options,
    cache: LinkCache | None = None,
    on_done: Callable[[], None] | None = None,
) -> list[Result]:
    """Check every URL in links (URL -> pages); results keep the input order."""
    loop = asyncio.get_running_loop()
    deadline_at = loop.time() + opts.deadline
    async with make_client(opts) as client:
        fetcher = Fetcher(client, opts, deadline_at)
        ctx = Context(fetcher, Prober(fetcher), opts, cache)
        tasks = {url: asyncio.create_task(check_link(url, ctx)) for url in links}
        if on_done:
            for task in tasks.values():
                task.add_done_callback(lambda _task: on_done())
        if tasks:
            _, pending = await asyncio.wait(
                tasks.values(), timeout=max(0.0, deadline_at - loop.time()) + GRACE
            )
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        probes = list(ctx.prober.tasks.values())
        for probe in probes:
            probe.cancel()
        await asyncio.gather(*probes, return_exceptions=True)
    results = []
    for url, task in tasks.items():
        if task.cancelled():
            message = f"not finished before the run deadline ({opts.deadline:g} s)"
            result = Result(url, Verdict.UNVERIFIABLE, message=message)
        elif task.exception() is not None:
            result = Result(
                url, Verdict.UNVERIFIABLE, message=f"checker error: {task.exception()!r}"
            )
        else:
            result = task.result()
        result.pages = list(links[url])
        results.append(result)
    return results


def check_urls(
    urls: list[str] | dict[str, list[str]],
    opts: Options | None = None,
    cache: LinkCache | None = None,
) -> list[Result]:
    """Synchronous wrapper: check URLs and return their results."""
    links = urls if isinstance(urls, dict) else {url: [] for url in urls}
    return asyncio.run(check_all(links, opts or Options(cache_path=None), cache))
