"""The front-matter schema for content pages, and its checks.

Every page in docs/ starts with a YAML block between `---` lines:

    ---
    title: What is an IOP?
    description: A plain definition, the usual schedule and how it compares.
    reviewed: 2026-11-27
    next_review: 2027-11-27
    sources:
      - title: "Medicare.gov: Intensive outpatient program services"
        url: https://www.medicare.gov/coverage/mental-health-care-intensive-outpatient-program-services
    ---

Pages about the site itself (privacy, accessibility...) set `kind: info`, which
makes `sources` optional. The checks walk YAML *nodes*, not loaded values, so a
bad date is reported with its line instead of crashing the YAML loader.

This module knows nothing about MkDocs: the hook in mkdocs_hooks.py calls it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

import yaml

DESCRIPTION_MAX = 160
DUE_SOON_DAYS = 30
KINDS = ("content", "info")
OPTIONAL_KEYS = {"kind", "search", "hide", "template", "icon", "status"}
REQUIRED_KEYS = ("title", "description", "reviewed", "next_review", "sources")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FENCE = re.compile(r"^---[ \t]*$")

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a page, printed as `path:line: rule: what to do`."""

    path: str
    line: int
    rule: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule}: {self.message}"


@dataclass(frozen=True)
class FrontMatter:
    """The raw YAML block of a page and where its body starts."""

    yaml_text: str
    first_line: int  # line number of the first YAML line (after the opening ---)
    body_line: int  # line number of the first Markdown line after the block


def split(text: str) -> FrontMatter | None:
    """Find the front-matter block at the very top of a page, if any."""
    lines = text.splitlines()
    if not lines or not FENCE.match(lines[0]):
        return None
    for index in range(1, len(lines)):
        if FENCE.match(lines[index]) or lines[index].rstrip() == "...":
            return FrontMatter("\n".join(lines[1:index]), 2, index + 2)
    return None


def meta(text: str) -> dict:
    """The page's front matter as values ({} when missing or unreadable: check_page
    reports that)."""
    block = split(text)
    if block is None:
        return {}
    try:
        loaded = yaml.safe_load(block.yaml_text)
    except yaml.YAMLError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def check_page(text: str, path: str, today: dt.date | None = None) -> list[Problem]:
    """Check a page's front matter against the schema; empty when it is fine."""
    block = split(text)
    if block is None:
        return [
            Problem(
                path,
                1,
                "front-matter",
                "the page has no front matter: start it with a "
                "`---` line, the fields title, description, reviewed, next_review and "
                "sources, then another `---` line (see CONTRIBUTING.md)",
            )
        ]
    try:
        root = yaml.compose(block.yaml_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = block.first_line + (mark.line if mark else 0)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return [
            Problem(
                path,
                line,
                "front-matter",
                f"the YAML cannot be read ({reason}): check "
                "the indentation and put quotes around values that contain a colon",
            )
        ]
    if not isinstance(root, yaml.MappingNode):
        return [
            Problem(
                path,
                block.first_line,
                "front-matter",
                "the front matter must be a list of `field: value` lines",
            )
        ]
    return _check_fields(root, block, path, today or dt.date.today())


def _line(node: yaml.Node, block: FrontMatter) -> int:
    return block.first_line + node.start_mark.line


def _scalar(node: yaml.Node | None) -> str | None:
    if isinstance(node, yaml.ScalarNode):
        return str(node.value).strip()
    return None


def _check_fields(
    root: yaml.MappingNode, block: FrontMatter, path: str, today: dt.date
) -> list[Problem]:
    fields: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    problems: list[Problem] = []

    def problem(
        node: yaml.Node | int, rule: str, message: str, severity: Severity = "error"
    ) -> None:
        line = node if isinstance(node, int) else _line(node, block)
        problems.append(Problem(path, line, rule, message, severity))

    for key_node, value_node in root.value:
        key = _scalar(key_node) or ""
        if key in fields:
            problem(key_node, "front-matter", f"`{key}` appears twice: keep one")
        fields[key] = (key_node, value_node)
        if key not in REQUIRED_KEYS and key not in OPTIONAL_KEYS:
            known = ", ".join(REQUIRED_KEYS + tuple(sorted(OPTIONAL_KEYS)))
            problem(
                key_node,
                "front-matter",
                f"unknown field `{key}`: check its spelling (known fields: {known})",
            )

    kind_node = fields.get("kind", (None, None))[1]
    kind = _scalar(kind_node) if kind_node is not None else "content"
    if kind not in KINDS:
        problem(
            kind_node, "front-matter", f"`kind` must be one of {', '.join(KINDS)}, not `{kind}`"
        )
    end = block.body_line - 1  # the closing --- line: where a missing field belongs

    for key in ("title", "description"):
        if key not in fields:
            problem(
                end, "front-matter", f"`{key}` is missing: add `{key}: ...` to the front matter"
            )
            continue
        value = _scalar(fields[key][1])
        if not value:
            problem(fields[key][1], "front-matter", f"`{key}` must be plain text, not empty")
        elif key == "description" and len(value) > DESCRIPTION_MAX:
            problem(
                fields[key][1],
                "front-matter",
                f"`description` is {len(value)} characters: "
                f"shorten it to {DESCRIPTION_MAX} or fewer (search engines cut the rest)",
            )

    dates: dict[str, dt.date] = {}
    for key in ("reviewed", "next_review"):
        if key not in fields:
            problem(end, "front-matter", f"`{key}` is missing: add `{key}: YYYY-MM-DD`")
            continue
        node = fields[key][1]
        value = _scalar(node) or ""
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

    problems.extend(_check_sources(fields.get("sources"), kind, end, block, path))
    return problems


def _check_sources(
    entry: tuple[yaml.Node, yaml.Node] | None,
    kind: str | None,
    end: int,
    block: FrontMatter,
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
    node = entry[1]
    if not isinstance(node, yaml.SequenceNode) or (not node.value and kind != "info"):
        return [
            Problem(
                path,
                _line(node, block),
                "front-matter",
                f"`sources` must be a non-empty list: give each source {example}",
            )
        ]
    problems = []
    for item in node.value:
        line = _line(item, block)
        if not isinstance(item, yaml.MappingNode):
            problems.append(Problem(path, line, "front-matter", f"each source needs {example}"))
            continue
        values = {_scalar(k): v for k, v in item.value}
        extra = set(values) - {"title", "url"}
        if extra:
            problems.append(
                Problem(
                    path,
                    line,
                    "front-matter",
                    f"a source has unknown field(s) "
                    f"{', '.join(sorted(map(str, extra)))}: use only title and url",
                )
            )
        if not _scalar(values.get("title")):
            problems.append(
                Problem(
                    path,
                    line,
                    "front-matter",
                    "a source has no `title`: add the name of the page or paper",
                )
            )
        url = _scalar(values.get("url")) or ""
        if "url" not in values:
            problems.append(
                Problem(
                    path,
                    line,
                    "front-matter",
                    "a source has no `url`: add `url: https://...` on the next line, 4 spaces in",
                )
            )
        elif not re.match(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$", url):
            where = _line(values["url"], block) if "url" in values else line
            problems.append(
                Problem(
                    path,
                    where,
                    "front-matter",
                    f"source url `{url}` must be a full https:// address",
                )
            )
    return problems
