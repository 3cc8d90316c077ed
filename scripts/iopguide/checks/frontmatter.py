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
makes `sources` optional. The checks walk YAML *nodes*, not loaded values, so a
bad date is reported with its line instead of crashing the YAML loader: this module
reads the block, frontmatter_fields.py and review_dates.py check each field.

This module knows nothing about MkDocs: the hook in mkdocs_hooks.py calls it.
`Problem`, the line every check prints, lives in problem.py and is importable here too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import yaml

from iopguide.checks import frontmatter_fields
from iopguide.checks.problem import Problem, Severity

__all__ = ["FrontMatter", "Problem", "Severity", "check_page", "meta", "split", "unfinished"]

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


def meta(text: str) -> dict:
    """The page's front matter as values ({} when missing or unreadable: check_page
    reports that)."""
    block = split(text)
    if block is None:
        return {}
    try:
        loaded = yaml.safe_load(block.yaml_text)
    except (ValueError, OverflowError):  # 2026-13-45: check_page names it; read the rest
        loaded = yaml.load(block.yaml_text, _TextDates)  # a SafeLoader
    except yaml.YAMLError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def check_page(text: str, path: str, today: dt.date | None = None) -> list[Problem]:
    """Check a page's front matter against the schema; empty when it is fine."""
    block = split(text)
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
    end = block.body_line - 1  # the closing --- line: where a missing field belongs
    return frontmatter_fields.check(root, block.first_line, end, path, today or dt.date.today())
