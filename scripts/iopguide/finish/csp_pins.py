"""The inline-script (and theme-made <style>) hashes the CSP allows: csp-inline-hashes.txt."""

from __future__ import annotations

import re
from pathlib import Path

PINNED_FILE = Path(__file__).with_name("csp-inline-hashes.txt")


def read_pinned(
    path: Path = PINNED_FILE, generator: str = "mkdocs", kind: str = "script"
) -> set[str]:
    """Pinned hashes: one 'sha256-...' a line; '#' starts a comment. A comment that
    starts with a tag such as `[zensical]` limits the line to that generator's builds;
    `[zensical style]` marks a <style> the theme's JavaScript adds at run time."""
    pinned = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line, _, comment = line.partition("#")
        tag = re.match(r"\s*\[(\w+)(?: (style))?\]", comment)
        for_generator = tag.group(1) if tag else generator
        for_kind = (tag.group(2) if tag else None) or "script"
        if line.strip() and for_generator == generator and for_kind == kind:
            line = line.strip()
            pinned.add(line if line.startswith("'") else f"'{line}'")
    return pinned
