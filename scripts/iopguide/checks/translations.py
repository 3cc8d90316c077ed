"""Staying in step: each translated page names the version of its English page it follows.

A page in docs-es/ carries `translated_from:` with the first 12 characters of the git
hash of its English page (docs/<same path>), the value `git hash-object docs/x.md`
prints. When the English page has changed since:
- translation-stale, a warning: the Spanish page is behind, with the size of the English
  change when git still has that version (it has, for anything committed);
- the same rule as an error once the Spanish page is past its `next_review`: a reader
  must not be left with a stale translation past its review date.
A translated page without the field gets an error naming the value. The value is quoted
(`translated_from: "62614f6ccd8d"`): unquoted, YAML would read some hashes as numbers.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import subprocess
from pathlib import Path

from iopguide.checks import frontmatter
from iopguide.checks.problem import Problem
from iopguide.paths import ROOT

FIELD = "translated_from"
SHORT = 12


def english_path(path: str) -> str | None:
    """docs-es/benefits.md -> docs/benefits.md; None for a page that is not a translation."""
    folder, _, rest = path.replace("\\", "/").partition("/")
    return f"docs/{rest}" if folder.startswith("docs-") and rest else None


def blob_hash(text: bytes) -> str:
    """What `git hash-object` prints for a file with these bytes."""
    return hashlib.sha1(b"blob %d\0" % len(text) + text, usedforsecurity=False).hexdigest()


def _read(path: str) -> bytes | None:
    for candidate in (Path(path), ROOT / path):  # the project the build runs in, else this one
        if candidate.is_file():
            return candidate.read_bytes()
    return None


def _old(version: str) -> str | None:
    """The English page as it was at `version`, if git has it."""
    try:
        result = subprocess.run(["git", "show", version], capture_output=True, text=True, cwd=ROOT)
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def changed_lines(old: str, new: str) -> int:
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
    return sum(1 for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---")))


def check(
    text: str, path: str, today: dt.date | None = None, meta: dict | None = None
) -> list[Problem]:
    """translation-stale for a page of another language; `meta`: its front matter's
    values, when the caller has them (read once: frontmatter.parse)."""
    english = english_path(path)
    source = _read(english) if english else None
    if english is None or source is None:
        return []
    current = blob_hash(source)[:SHORT]
    meta = frontmatter.meta(text) if meta is None else meta
    version = str(meta.get(FIELD) or "").strip()
    if not version:
        return [
            Problem(
                path,
                1,
                "translation-stale",
                f"say which version of {english} this page follows: add "
                f'`{FIELD}: "{current}"` to its front matter (`git hash-object {english}`)',
            )
        ]
    if current.startswith(version[:SHORT]) or version.startswith(current):
        return []
    old = _old(version)
    size = (
        f"{changed_lines(old, source.decode('utf-8'))} lines changed"
        if old is not None
        else "changed"
    )
    next_review = meta.get("next_review")
    late = isinstance(next_review, dt.date) and next_review < (today or dt.date.today())
    return [
        Problem(
            path,
            1,
            "translation-stale",
            f"{english} has {size} since this translation ({version} -> {current}): bring "
            f'the changes over, then set `{FIELD}: "{current}"`'
            + (f"; the page is past its review date ({next_review})" if late else ""),
            "error" if late else "warning",
        )
    ]
