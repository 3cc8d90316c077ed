"""What this build has already told the editor, so a later check does not say it again.

The Markdown checks run first (mkdocs_hooks.py); the checks on the finished site run
last (iopguide/finish/). A `<script>` in a page is one mistake: `unsafe-html` names its
file and line, so the Content-Security-Policy check must not blame Material for the same
script. `mkdocs serve` rebuilds in one process, so the hook clears this at each build.
"""

from __future__ import annotations

from iopguide.checks.problem import Problem

_seen: set[tuple[str, str]] = set()  # (source path as shown, rule)
_built: dict[str, str] = {}  # source path as shown -> its built file, e.g. benefits/index.html


def clear() -> None:
    _seen.clear()
    _built.clear()


def built_as(path: str, dest: str) -> None:
    """Remember that the page at `path` (as shown) is built into `dest` (from site/)."""
    _built[path] = dest


def add(problem: Problem) -> None:
    _seen.add((problem.path, problem.rule))


def pages_with(rule: str) -> set[str]:
    """Every source path (as shown, e.g. docs/benefits.md) with a problem of `rule`."""
    return {path for path, seen_rule in _seen if seen_rule == rule}


def built_with(rule: str) -> set[str]:
    """The built file (from site/) of every page with a problem of `rule`."""
    return {_built[path] for path in pages_with(rule) if path in _built}
