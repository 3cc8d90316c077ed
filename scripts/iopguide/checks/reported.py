"""What one build has already told the editor, so a later check does not say it again.

The Markdown checks run first (the MkDocs plugin, iopguide/mkdocs_plugin/); the checks
on the finished site run last (iopguide/finish/). A `<script>` in a page is one mistake:
`unsafe-html` names its file and line, so the Content-Security-Policy check must not
blame Material for the same script. Each build makes its own `ReportedProblems`
(`mkdocs serve` rebuilds in one process, and tests build several times), so nothing is
remembered from one build to the next.
"""

from __future__ import annotations

from iopguide.checks.problem import Problem


class ReportedProblems:
    """The (source path as shown, rule) of every problem one build reported, and the
    built file of each page it read."""

    def __init__(self) -> None:
        self._seen: set[tuple[str, str]] = set()
        self._built: dict[str, str] = {}  # source path as shown -> e.g. benefits/index.html

    def built_as(self, path: str, dest: str) -> None:
        """Remember that the page at `path` (as shown) is built into `dest` (from site/)."""
        self._built[path] = dest

    def add(self, problem: Problem) -> None:
        self._seen.add((problem.path, problem.rule))

    def pages_with(self, rule: str) -> set[str]:
        """Every source path (as shown, e.g. docs/benefits.md) with a problem of `rule`."""
        return {path for path, seen_rule in self._seen if seen_rule == rule}

    def built_with(self, rule: str) -> set[str]:
        """The built file (from site/) of every page with a problem of `rule`."""
        return {self._built[path] for path in self.pages_with(rule) if path in self._built}
