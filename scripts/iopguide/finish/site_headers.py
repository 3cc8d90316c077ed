"""The `_headers` file: security and cache headers for Netlify and Cloudflare Pages.

Both hosts read `_headers` from the site root: a path pattern on its own line, then
indented `Name: value` lines. When several rules match one request, both hosts send
the headers of all of them, and a header set by two rules gets both values joined by a
comma; for Content-Security-Policy that means two policies, both enforced. So each
header here comes from exactly one rule for any path:

- `/*` sets the headers every response shares (nosniff, referrer, permissions).
- One rule per top-level page or folder sets the CSP with `frame-ancestors 'self'`,
  and `/embed/*` sets it with `frame-ancestors *`, so clinics can frame embeds and
  nothing else can be framed. The rules are generated from the built site, so a new
  top-level folder gets its rule at the next build. Another language's folder (`/es/`)
  gets the same rules inside it: `/es/embed/*` can be framed too.
- Cache-Control is long for Material's fingerprinted assets (their names change when
  their content does), short for pages and data, and left to the host for the rest.

`parse` and `headers_for` read the file back, as the test server and tests do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=300"
EMBED_DIR = "embed"
FEED_DIR = "api"
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


def site_rules(site_dir: Path, policy: str, editions: tuple[str, ...] = ()) -> list[Rule]:
    """Every rule for the built site in `site_dir`, given the CSP (without frame-ancestors).
    Each other language's folder (`editions`, e.g. "es") gets the same rules as the root."""
    rules = [Rule("/*", COMMON)]
    for prefix in ("", *(f"{folder.strip('/')}/" for folder in editions)):
        rules += _folder_rules(site_dir, prefix, policy, {f.strip("/") for f in editions})
    return rules


def _folder_rules(site_dir: Path, prefix: str, policy: str, editions: set[str]) -> list[Rule]:
    own = f"{policy}; frame-ancestors 'self'"
    short = ("Cache-Control", SHORT_CACHE)
    rules = []
    for entry in sorted((site_dir / prefix).iterdir()):
        name = entry.name
        if name.startswith(("_", ".")) or name == EMBED_DIR or (not prefix and name in editions):
            continue
        if entry.is_dir():
            cache = () if name == "assets" else (short,)
            # Patient portals may fetch the content feed from their own pages.
            cors = (("Access-Control-Allow-Origin", "*"),) if name == FEED_DIR else ()
            rules.append(
                Rule(f"/{prefix}{name}/*", (("Content-Security-Policy", own), *cache, *cors))
            )
        else:
            rules.append(Rule(f"/{prefix}{name}", (("Content-Security-Policy", own), short)))
    rules.append(Rule(f"/{prefix}", (("Content-Security-Policy", own), short)))
    framed = (("Content-Security-Policy", f"{policy}; frame-ancestors *"), short)
    rules.append(Rule(f"/{prefix}{EMBED_DIR}/*", framed))
    assets = site_dir / prefix / "assets"
    for path in sorted(assets.rglob("*")) if assets.is_dir() else ():
        relative = path.relative_to(site_dir / prefix).as_posix()
        if not path.is_file() or relative.startswith("assets/javascripts/lunr/"):
            continue  # lunr's language files load only for non-English search
        cache = LONG_CACHE if FINGERPRINTED.search(path.name) else SHORT_CACHE
        rules.append(Rule(f"/{prefix}{relative}", (("Cache-Control", cache),)))
    return rules


def render(rules: list[Rule], comment: str) -> str:
    lines = [f"# {line}".rstrip() for line in comment.splitlines()]
    for rule in rules:
        lines += ["", rule.path, *(f"  {name}: {value}" for name, value in rule.headers)]
    return "\n".join(lines) + "\n"


def parse(text: str) -> list[Rule]:
    rules: list[Rule] = []
    path: str | None = None
    headers: list[tuple[str, str]] = []
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw[0] in " \t":
            if path is None:
                raise ValueError(f"_headers: a header before any path: {raw.strip()}")
            name, _, value = raw.strip().partition(":")
            headers.append((name.strip(), value.strip()))
        else:
            if path is not None:
                rules.append(Rule(path, tuple(headers)))
            path, headers = raw.strip(), []
    if path is not None:
        rules.append(Rule(path, tuple(headers)))
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
    """The headers a host sends for `path`: all matching rules, repeats comma-joined."""
    found: dict[str, str] = {}
    for rule in matching_rules(rules, path):
        for name, value in rule.headers:
            found[name] = f"{found[name]}, {value}" if name in found else value
    return found
