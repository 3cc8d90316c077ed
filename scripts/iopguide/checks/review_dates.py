"""The review dates in a page's front matter: `reviewed` and `next_review`.

- front-matter: a date is missing or not a real YYYY-MM-DD date, `next_review` is not
  after `reviewed`, or `reviewed` is in the future;
- review-overdue: `next_review` has passed (an error: the build fails);
- review-due-soon: `next_review` is 30 days away or less (a warning only).

Nothing here imports MkDocs: frontmatter_fields.py calls `check` with the YAML nodes.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from iopguide.checks.problem import Problem, Severity

DUE_SOON_DAYS = 30
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
Fields = dict[str, tuple[yaml.Node, yaml.Node]]  # field name -> (key node, value node)


def check(fields: Fields, first_line: int, end: int, path: str, today: dt.date) -> list[Problem]:
    """Problems with the two dates; `first_line` is the front matter's first YAML line,
    `end` its closing `---` line (where a missing field belongs)."""
    problems: list[Problem] = []

    def problem(
        node: yaml.Node | int, rule: str, message: str, severity: Severity = "error"
    ) -> None:
        line = node if isinstance(node, int) else first_line + node.start_mark.line
        problems.append(Problem(path, line, rule, message, severity))

    dates: dict[str, dt.date] = {}
    for key in ("reviewed", "next_review"):
        if key not in fields:
            problem(end, "front-matter", f"`{key}` is missing: add `{key}: YYYY-MM-DD`")
            continue
        node = fields[key][1]
        if not isinstance(node, yaml.ScalarNode):  # [2026-11-27] or a list of dates
            shape = "a list" if isinstance(node, yaml.SequenceNode) else "a group of fields"
            fix = f"`{key}` is {shape}, not one date: write one date, YYYY-MM-DD, with no [ ] or -"
            problem(node, "front-matter", fix)
            continue
        value = str(node.value).strip()
        try:
            if not ISO_DATE.match(value):
                raise ValueError
            dates[key] = dt.date.fromisoformat(value)
        except ValueError:
            problem(
                node,
                "front-matter",
                f"`{key}` is `{value}`, not a real date: write it "
                "as YYYY-MM-DD, for example 2026-11-27",
            )

    if "reviewed" in dates and "next_review" in dates:
        node = fields["next_review"][1]
        if dates["next_review"] <= dates["reviewed"]:
            problem(
                node,
                "front-matter",
                "`next_review` must come after `reviewed`: set it 12 months after the review date",
            )
        elif dates["next_review"] < today:
            problem(
                node,
                "review-overdue",
                f"the next review was due on "
                f"{dates['next_review']}: review the page, then move `reviewed` to today "
                "and `next_review` 12 months on",
            )
        elif (dates["next_review"] - today).days <= DUE_SOON_DAYS:
            problem(
                node,
                "review-due-soon",
                f"the next review is due on {dates['next_review']}: plan it soon",
                "warning",
            )
    if "reviewed" in dates and dates["reviewed"] > today:
        problem(
            fields["reviewed"][1],
            "front-matter",
            "`reviewed` is in the future: use the date the page was actually reviewed",
        )
    return problems
