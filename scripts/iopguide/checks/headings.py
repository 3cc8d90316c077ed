"""The heading rules: `one-title` and `heading-level`.

- one-title: a page has exactly one `# Title` (the first heading a screen reader lists);
- heading-level: a heading goes down one level at a time (`###` never right after `#`).

This module is the one owner of heading levels. Nothing else in scripts/ checks them;
the Markdown linter's MD025 (single-title) is off in .pymarkdown.yml for that reason,
and its MD001 (heading-increment) says the same as heading-level, so it is off
too. Headings are found from markdown-it tokens (markdown_scan.headings), so a `#` line
inside code is none, and raw HTML <h1>-<h6> count.

Nothing here imports MkDocs: content.py calls `check`.
"""

from __future__ import annotations

from iopguide.checks import markdown_scan
from iopguide.checks.problem import Problem


def check(text: str, path: str, body_line: int) -> list[Problem]:
    """one-title and heading-level problems of the page `text`, whose Markdown starts on
    `body_line` (where a missing title belongs)."""
    found = markdown_scan.headings(text)
    problems = []
    titles = [heading for heading in found if heading.level == 1]
    if not titles:
        problems.append(
            Problem(
                path,
                body_line,
                "one-title",
                "the page has no `# Title` "
                "heading: add one line `# Page title` right after the front "
                "matter",
            )
        )
    for extra in titles[1:]:
        problems.append(
            Problem(
                path,
                extra.line,
                "one-title",
                f"a second top-level heading "
                f"(`# {extra.text}`; the first is on line {titles[0].line}): a "
                f"page has one `# Title`, so make this one `## {extra.text}`",
            )
        )
    for previous, heading in zip(found, found[1:], strict=False):
        if heading.level > previous.level + 1:
            want = "#" * (previous.level + 1)
            problems.append(
                Problem(
                    path,
                    heading.line,
                    "heading-level",
                    f"the heading "
                    f"`{'#' * heading.level} {heading.text}` jumps from level "
                    f"{previous.level} to {heading.level}: make it "
                    f"`{want} {heading.text}` (headings go down one level at a "
                    "time)",
                )
            )
    return problems
