"""The `_headers` file: security and cache headers, as Cloudflare Pages reads them.

Cloudflare Pages (the deploy host, README "Deploying") reads `_headers` from the site root:
a path pattern on its own line, then indented `Name: value` lines, or `! Name` to drop a
header an earlier rule set. Every rule whose pattern matches the request path applies, in
file order, to every answer: a page, a 404 for an unknown path, a redirect. A rule first
drops its `! Name` headers, then sets its own; a header that an earlier rule already set
gets both values joined by a comma (for Content-Security-Policy: two policies, both
enforced). So:

- `/*` gives every answer the site's CSP with `frame-ancestors 'self'`, nosniff, the
  referrer and permissions policies and a short cache life: an unknown path's 404 page
  gets the same policy as any page, and no page can be framed by another site. It drops
  the `Access-Control-Allow-Origin: *` Cloudflare Pages adds to every answer by default.
- `/embed/*` (and `/es/embed/*` for each other language) drops that CSP and sets the same
  policy with `frame-ancestors *`, so clinics can frame embeds, one policy only.
- `/api/*` lets patient portals fetch the content feed from their own pages.
- Material's fingerprinted assets (their names change when their content does) drop the
  short cache life and keep theirs for a year.

Cloudflare Pages reads at most 100 rules and 2,000 characters a line, and ignores the
rest: `problems` says when the file would not fit, and the build fails.
`parse` and `headers_for` read the file back as Cloudflare Pages does, for the test
server (`dev.py host`) and the tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=300"
EMBED_DIR = "embed"
FEED_DIR = "api"
CSP = "Content-Security-Policy"
CACHE = "Cache-Control"
CORS = "Access-Control-Allow-Origin"
MAX_RULES = 100
MAX_LINE = 2000
COMMON = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()",
    ),
)
# Material's assets carry an 8-hex-digit content hash: main.57a0d79d.min.css.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:css|js)(?:\.map)?$")


@dataclass(frozen=True)
class Rule:
    path: str
    headers: tuple[tuple[str, str], ...]
    detach: tuple[str, ...] = ()  # `! Name`: headers an earlier rule set, dropped first


def site_rules(site_dir: Path, policy: str, editions: tuple[str, ...] = ()) -> list[Rule]:
    """Every rule for the built site in `site_dir`, given the CSP (without frame-ancestors).
    Each other language's folder (`editions`, e.g. "es") gets its own embed and feed rules."""
    everywhere = (*COMMON, (CSP, f"{policy}; frame-ancestors 'self'"), (CACHE, SHORT_CACHE))
    rules = [Rule("/*", everywhere, detach=(CORS,))]  # Cloudflare's default: feed only
    for prefix in ("/", *(f"/{folder.strip('/')}/" for folder in editions)):
        framed = ((CSP, f"{policy}; frame-ancestors *"),)
        rules.append(Rule(f"{prefix}{EMBED_DIR}/*", framed, detach=(CSP,)))
        rules.append(Rule(f"{prefix}{FEED_DIR}/*", ((CORS, "*"),)))
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and FINGERPRINTED.search(path.name):
            url = "/" + path.relative_to(site_dir).as_posix()
            rules.append(Rule(url, ((CACHE, LONG_CACHE),), detach=(CACHE,)))
    return rules


def problems(text: str) -> list[str]:
    """What Cloudflare Pages would skip in `_headers` (its text), as `path:line: rule: fix`:
    the rules past the 100th, and lines over 2,000 characters."""
    found = []
    starts = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith("/")]
    if len(starts) > MAX_RULES:
        found.append(
            f"_headers:{starts[MAX_RULES]}: headers: {len(starts)} rules, and Cloudflare Pages "
            f"reads only the first {MAX_RULES}: cover more paths with one splat rule "
            "(scripts/iopguide/finish/site_headers.py)"
        )
    for number, line in enumerate(text.splitlines(), 1):
        if len(line) > MAX_LINE:
            found.append(
                f"_headers:{number}: headers: a line of {len(line)} characters, and Cloudflare "
                f"Pages ignores lines over {MAX_LINE}: shorten that header"
            )
    return found


def render(rules: list[Rule], comment: str) -> str:
    lines = [f"# {line}".rstrip() for line in comment.splitlines()]
    for rule in rules:
        lines += ["", rule.path, *(f"  ! {name}" for name in rule.detach)]
        lines += [f"  {name}: {value}" for name, value in rule.headers]
    return "\n".join(lines) + "\n"


def parse(text: str) -> list[Rule]:
    rules: list[Rule] = []
    path: str | None = None
    headers: list[tuple[str, str]] = []
    detach: list[str] = []
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw[0] in " \t":
            if path is None:
                raise ValueError(f"_headers: a header before any path: {raw.strip()}")
            if raw.strip().startswith("! "):
                detach.append(raw.strip()[2:].strip())
                continue
            name, _, value = raw.strip().partition(":")
            headers.append((name.strip(), value.strip()))
        else:
            if path is not None:
                rules.append(Rule(path, tuple(headers), tuple(detach)))
            path, headers, detach = raw.strip(), [], []
    if path is not None:
        rules.append(Rule(path, tuple(headers), tuple(detach)))
    return rules


def matches(pattern: str, path: str) -> bool:
    """Netlify/Cloudflare matching: `*` is a splat (any characters), `:name` one segment."""
    regex = "".join(
        ".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part)
        for part in re.split(r"(\*|:[A-Za-z_]\w*)", pattern)
    )
    return re.fullmatch(regex, path) is not None


def matching_rules(rules: list[Rule], path: str) -> list[Rule]:
    return [rule for rule in rules if matches(rule.path, path)]


def headers_for(rules: list[Rule], path: str) -> dict[str, str]:
    """The headers Cloudflare Pages sends for `path`: every matching rule in file order
    drops its `! Name` headers, then sets its own; a header set again by a later rule is
    comma-joined to what is left of it (header names compare without case)."""
    found: dict[str, tuple[str, str]] = {}  # lower-case name -> (name, value)
    for rule in matching_rules(rules, path):
        for name in rule.detach:
            found.pop(name.lower(), None)
        for name, value in rule.headers:
            key = name.lower()
            found[key] = (name, f"{found[key][1]}, {value}" if key in found else value)
    return dict(found.values())
