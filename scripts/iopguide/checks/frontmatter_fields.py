"""What each front-matter field must hold, checked on the YAML nodes (so each problem has
the line of its field): known fields only, once each; `kind`; `title` and `description`;
the review dates (review_dates.py); `sources`, a list of titles and https:// URLs; and
that every string is plain text (frontmatter_text.py).

Every problem here is the `front-matter` rule, bar the review dates' own two rules.
Nothing here imports MkDocs: frontmatter.check_page calls `check`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable

import yaml

from iopguide.checks import frontmatter_text, review_dates
from iopguide.checks.problem import Problem

DESCRIPTION_MAX = 160
KINDS = ("content", "info")
OPTIONAL_KEYS = {
    "kind",
    "search",
    "hide",
    "template",
    "icon",
    "status",
    "translated_from",
    "language_reviewed",
}
REQUIRED_KEYS = ("title", "description", "reviewed", "next_review", "sources")
SOURCE_URL = re.compile(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$")


def _scalar(node: yaml.Node | None) -> str | None:
    if isinstance(node, yaml.ScalarNode):
        return str(node.value).strip()
    return None


def check(
    root: yaml.MappingNode, first_line: int, end: int, path: str, today: dt.date
) -> list[Problem]:
    """Every field problem; `first_line` is the first YAML line, `end` the closing `---`
    line (where a missing field belongs)."""
    fields: review_dates.Fields = {}
    problems: list[Problem] = []

    def problem(node: yaml.Node | int, message: str) -> None:
        line = node if isinstance(node, int) else first_line + node.start_mark.line
        problems.append(Problem(path, line, "front-matter", message))

    for key_node, value_node in root.value:
        key = _scalar(key_node) or ""
        if key in fields:
            problem(key_node, f"`{key}` appears twice: keep one")
        fields[key] = (key_node, value_node)
        if key not in REQUIRED_KEYS and key not in OPTIONAL_KEYS:
            known = REQUIRED_KEYS + tuple(sorted(OPTIONAL_KEYS))
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"did you mean `{close[0]}`?" if close else "check its spelling"
            problem(key_node, f"unknown field `{key}`: {hint} (known fields: {', '.join(known)})")

    kind_node = fields.get("kind", (None, None))[1]
    kind = _scalar(kind_node) if kind_node is not None else "content"
    if kind not in KINDS and kind_node is not None:
        problem(kind_node, f"`kind` must be one of {', '.join(KINDS)}, not `{kind}`")

    for key in ("title", "description"):
        if key not in fields:
            problem(end, f"`{key}` is missing: add `{key}: ...` to the front matter")
            continue
        value = _scalar(fields[key][1])
        if not value:
            problem(fields[key][1], f"`{key}` must be plain text, not empty")
        elif key == "description" and len(value) > DESCRIPTION_MAX:
            problem(
                fields[key][1],
                f"`description` is {len(value)} characters: "
                f"shorten it to {DESCRIPTION_MAX} or fewer (search engines cut the rest)",
            )

    problems += review_dates.check(fields, first_line, end, path, today)
    if "language_reviewed" in fields:
        _check_language_review(fields, today, problem)
    problems += _check_sources(fields.get("sources"), kind, first_line, end, path)
    problems += frontmatter_text.check(root, first_line, path)
    return problems


def _check_language_review(
    fields: review_dates.Fields, today: dt.date, problem: Callable[[yaml.Node, str], None]
) -> None:
    """`language_reviewed`: the day a reader fluent in the page's language, who did not
    translate it, last read the whole translation against its English page."""
    key_node, node = fields["language_reviewed"]
    value = _scalar(node) or ""
    if "translated_from" not in fields:
        problem(key_node, "`language_reviewed` is only for translated pages: remove it here")
        return
    try:
        if not review_dates.ISO_DATE.match(value):
            raise ValueError
        date = dt.date.fromisoformat(value)
    except ValueError:
        problem(node, f"`language_reviewed` is `{value}`, not a real date: write it as YYYY-MM-DD")
        return
    if date > today:
        problem(node, "`language_reviewed` is in the future: use the day of the reading")


def _check_sources(
    entry: tuple[yaml.Node, yaml.Node] | None,
    kind: str | None,
    first_line: int,
    end: int,
    path: str,
) -> list[Problem]:
    example = "`- title: ...` and `url: https://...`"
    if entry is None:
        if kind == "info":
            return []
        return [
            Problem(
                path, end, "front-matter", f"`sources` is missing: list each source with {example}"
            )
        ]

    def line(node: yaml.Node) -> int:
        return first_line + node.start_mark.line

    node = entry[1]
    if not isinstance(node, yaml.SequenceNode) or (not node.value and kind != "info"):
        return [
            Problem(
                path,
                line(node),
                "front-matter",
                f"`sources` must be a non-empty list: give each source {example}",
            )
        ]
    problems = []
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            problems.append(
                Problem(path, line(item), "front-matter", f"each source needs {example}")
            )
            continue
        values = {_scalar(k): v for k, v in item.value}
        extra = set(values) - {"title", "url"}
        if extra:
            problems.append(
                Problem(
                    path,
                    line(item),
                    "front-matter",
                    f"a source has unknown field(s) "
                    f"{', '.join(sorted(map(str, extra)))}: use only title and url",
                )
            )
        if not _scalar(values.get("title")):
            problems.append(
                Problem(
                    path,
                    line(item),
                    "front-matter",
                    "a source has no `title`: add the name of the page or paper",
                )
            )
        url = _scalar(values.get("url")) or ""
        if "url" not in values:
            problems.append(
                Problem(
                    path,
                    line(item),
                    "front-matter",
                    "a source has no `url`: add `url: https://...` on the next line, 4 spaces in",
                )
            )
        elif unsafe := frontmatter_text.url_problem(str(getattr(values["url"], "value", ""))):
            problems.append(Problem(path, line(values["url"]), "front-matter", unsafe))
        elif not SOURCE_URL.match(url):
            problems.append(
                Problem(
                    path,
                    line(values["url"]),
                    "front-matter",
                    f"source url `{url}` must be a full https:// address",
                )
            )
    return problems
