"""Command line: parse options, gather links, check them, report, exit 0/1/2."""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from iopguide.linkcheck.cache import LinkCache
from iopguide.linkcheck.extract import links_in_file, links_in_site
from iopguide.linkcheck.models import Options, Verdict
from iopguide.linkcheck.policy import DEFAULT_POLICY, PolicyError, load_policy
from iopguide.linkcheck.report import Progress, print_github, print_table, write_json
from iopguide.linkcheck.run import check_all

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "": 86400}


def _duration(text: str) -> float:
    """Parse 7d / 12h / 30m / 45s; a bare number means days."""
    match = _DURATION.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f"not a duration: {text!r} (use e.g. 7d, 12h, 30m, 45s)")
    return float(match.group(1)) * _UNITS[match.group(2)]


def _positive(
    kind: type[int] | type[float], allow_zero: bool = False
) -> Callable[[str], int | float]:
    """An argparse type: a number > 0 (or >= 0)."""

    def parse(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value < 0 or (value == 0 and not allow_zero):
            raise argparse.ArgumentTypeError(f"must be {'>= 0' if allow_zero else '> 0'}: {text!r}")
        return value

    return parse


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exit status 2 on bad usage)."""
    d = Options()
    p = argparse.ArgumentParser(
        prog="check_links.py",
        description="Check the external links of the built site (or of a URL list).",
    )
    p.add_argument(
        "site_dir", nargs="?", type=Path, help="built site: every *.html under it is scanned"
    )
    p.add_argument(
        "--urls", type=Path, metavar="FILE", help="check the URLs in FILE, one a line (# comments)"
    )
    p.add_argument("--json", type=Path, metavar="PATH", help="write the JSON report here")
    p.add_argument(
        "--format",
        choices=["text", "github"],
        default="text",
        help="text table or GitHub annotations",
    )
    p.add_argument(
        "--strict", action="store_true", help="also fail on moved and unverifiable links"
    )
    p.add_argument(
        "--timeout",
        type=_positive(float),
        default=d.timeout,
        help=f"seconds per request ({d.timeout:g})",
    )
    p.add_argument(
        "--retries",
        type=_positive(int, True),
        default=d.retries,
        help=f"retries per request ({d.retries})",
    )
    p.add_argument(
        "--deadline",
        type=_positive(float),
        default=d.deadline,
        help=f"seconds for the whole run, never exceeded by much ({d.deadline:g})",
    )
    p.add_argument(
        "--concurrency",
        type=_positive(int),
        default=d.concurrency,
        help=f"requests at once ({d.concurrency})",
    )
    p.add_argument(
        "--per-host",
        type=_positive(int),
        default=d.per_host,
        help=f"requests at once per host ({d.per_host})",
    )
    p.add_argument(
        "--host-pause",
        type=_positive(float, True),
        default=d.host_pause,
        help=f"seconds between request starts to one host ({d.host_pause:g})",
    )
    p.add_argument(
        "--backoff",
        type=_positive(float, True),
        default=d.backoff,
        help=f"first retry delay in seconds, doubled each retry, with jitter ({d.backoff:g})",
    )
    p.add_argument(
        "--retry-after-cap",
        type=_positive(float, True),
        default=d.retry_after_cap,
        help=f"longest Retry-After wait honoured, in seconds ({d.retry_after_cap:g})",
    )
    p.add_argument(
        "--policy",
        type=Path,
        default=DEFAULT_POLICY,
        help="per-host policy file (scripts/iopguide/linkcheck/link-policy.toml)",
    )
    p.add_argument(
        "--cache", type=Path, default=d.cache_path, help="cache of successes (.cache/links.json)"
    )
    p.add_argument(
        "--cache-ttl",
        type=_duration,
        default=d.cache_ttl,
        help="how long a success stays fresh (7d)",
    )
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar (default: when stderr is a terminal)",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="also list OK links in the table")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the checker; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if (args.site_dir is None) == (args.urls is None):
        parser.error("give either SITE_DIR or --urls FILE (exactly one)")
    if args.site_dir is not None and not args.site_dir.is_dir():
        parser.error(f"SITE_DIR {args.site_dir} is not a directory")
    if args.urls is not None and not args.urls.is_file():
        parser.error(f"--urls file {args.urls} not found")
    try:
        policy = load_policy(args.policy)
    except PolicyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    opts = Options(
        timeout=args.timeout,
        retries=args.retries,
        deadline=args.deadline,
        concurrency=args.concurrency,
        per_host=args.per_host,
        host_pause=args.host_pause,
        backoff=args.backoff,
        retry_after_cap=args.retry_after_cap,
        cache_path=None if args.no_cache else args.cache,
        cache_ttl=args.cache_ttl,
        policy=policy,
    )
    links = links_in_site(args.site_dir) if args.site_dir is not None else links_in_file(args.urls)
    cache = None
    if opts.cache_path is not None:
        cache = LinkCache(opts.cache_path, opts.cache_ttl)
        cache.load()
    show_progress = (
        args.progress
        if args.progress is not None
        else (sys.stderr.isatty() and args.format == "text")
    )
    progress = Progress(len(links)) if show_progress else None
    started = time.monotonic()
    results = asyncio.run(check_all(links, opts, cache, progress.step if progress else None))
    seconds = time.monotonic() - started
    if progress:
        progress.finish()
    if cache is not None:
        try:
            cache.save()
        except OSError as exc:
            print(f"warning: could not write the link cache {cache.path} ({exc})", file=sys.stderr)
    if args.json:
        write_json(results, args.json)
    if args.format == "github":
        base = str(args.site_dir) if args.site_dir is not None else None
        print_github(results, base, None if args.urls is None else str(args.urls))
    else:
        print_table(results, seconds, verbose=args.verbose)
    verdicts = {r.verdict for r in results}
    failing = {Verdict.BROKEN} | ({Verdict.MOVED, Verdict.UNVERIFIABLE} if args.strict else set())
    return 1 if verdicts & failing else 0
