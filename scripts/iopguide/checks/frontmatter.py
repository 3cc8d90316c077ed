"""The front matter of a page: find it, read it, and check it against the schema.

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
makes `sources` optional. `parse` reads the block ONCE per page per build: it composes
the YAML nodes (each with its line) and builds the values from those same nodes, dates
that are no real date (2026-13-45) kept as text. The checks walk the nodes, so a bad date
is reported on its line instead of crashing a loader: frontmatter_fields.py and
review_dates.py check each field. Everything else (the other rules, duplicates, the
finish step) takes the same `Parsed` (project.SourcePage.front), never the text again.

This module knows nothing about MkDocs: mkdocs_plugin/build.py calls it.
`Problem`, the line every check prints, lives in problem.py and is importable here too.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from iopguide.checks import frontmatter_fields
from iopguide.checks.problem import Problem, Severity

__all__ = [
    "FrontMatter",
    "Parsed",
    "Problem",
    "Severity",
    "check_page",
    "meta",
    "parse",
    "split",
    "unfinished",
]

FENCE = re.compile(r"^---[ \t]*$")


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


class _TextDates(yaml.SafeLoader):
    """YAML's safe reading, dates kept as text: an impossible date cannot stop it."""


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def unfinished(text: str) -> bool:
    """An empty page, or one whose front matter has no closing `---` (check_page says so)."""
    return not text.strip() or (split(text) is None and bool(FENCE.match(text.splitlines()[0])))


@dataclass(frozen=True)
class Parsed:
    """A page's front matter, read once: the block, its YAML nodes and its values."""

    block: FrontMatter | None  # None: no front matter (or no closing ---)
    root: yaml.Node | None = field(default=None, repr=False)  # None: none, or unreadable
    error: yaml.YAMLError | None = None  # why the YAML cannot be read
    meta: dict[str, Any] = field(default_factory=dict)  # {} when missing or unreadable
    lines: dict[str, int] = field(default_factory=dict)  # each top-level key's page line


def parse(text: str) -> Parsed:
    """The page's front matter, composed once; its values built from the same nodes."""
    block = split(text)
    if block is None:
        return Parsed(None)
    try:
        root = yaml.compose(block.yaml_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        return Parsed(block, error=error)
    if not isinstance(root, yaml.MappingNode):
        return Parsed(block, root)
    lines = {
        str(key.value): block.first_line + key.start_mark.line
        for key, _ in root.value
        if isinstance(key, yaml.ScalarNode)
    }
    return Parsed(block, root, meta=_values(root), lines=lines)


def _values(root: yaml.MappingNode) -> dict[str, Any]:
    """The nodes as values (what yaml.safe_load gives); an impossible date stays text.
    Each try reads a copy: a merge key (`<<:`) would otherwise change the nodes the
    checks walk."""
    for loader in (yaml.SafeLoader, _TextDates):
        try:
            loaded = loader("").construct_document(copy.deepcopy(root))
        except (ValueError, OverflowError):  # 2026-13-45: check_page names it; read the rest
            continue
        except yaml.YAMLError:  # e.g. a list used as a key: check_page names it
            return {}
        return loaded if isinstance(loaded, dict) else {}
    return {}


def meta(text: str) -> dict:
    """The page's front matter as values ({} when missing or unreadable: check_page
    reports that). The pipeline reads `parse(text).meta` once instead."""
    return parse(text).meta


def check_page(
    text: str, path: str, today: dt.date | None = None, front: Parsed | None = None
) -> list[Problem]:
    """Check a page's front matter against the schema; empty when it is fine. `front`:
    the page's `parse(text)`, when the caller has it (the build and the quick check do)."""
    front = parse(text) if front is None else front
    block = front.block
    if not text.strip():
        fix = "the page is empty: copy the front matter and `# Title` of a page like it"
        return [Problem(path, 1, "front-matter", f"{fix} (see CONTRIBUTING.md)")]
    if block is None and unfinished(text):
        fix = "the front matter has no closing `---` line: add one after its last field"
        return [Problem(path, 1, "front-matter", fix)]
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
    root, error = front.root, front.error
    if error is not None:
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
    end = block.body_line - 1  # the closing --- line: where a missing field belongs
    return frontmatter_fields.check(root, block.first_line, end, path, today or dt.date.today())
