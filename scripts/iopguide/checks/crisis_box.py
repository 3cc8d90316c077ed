"""The `crisis-box-cite` rule: no source marker inside a crisis box.

A crisis box (`!!! crisis "If you are in danger right now"`) is read by someone who may
be in danger: it holds the actions (call or text 988, 911) and nothing to stop at. The
numbers in it are crisis lines, whose facts docs/.data/crisis.yml sources: the build
lists that source under the page's Sources (finish/crisis_slots.py), so they need no
marker (claims.py lets them go). Any other claim the box makes (what to do after an
overdose...) is cited where the page says it outside the box.

The rule reads the page's Markdown, code and comments blanked (markdown_scan.masked), and
names each marker's own line. Nothing here imports MkDocs: content.py calls `check`.
"""

from __future__ import annotations

import re

from iopguide.checks import markdown_scan
from iopguide.checks.claims import MARKER
from iopguide.checks.markdown_tokens import parse
from iopguide.checks.problem import Problem
from iopguide.crisis import FILE

RULE = "crisis-box-cite"
_CRISIS = re.compile(r"^(?:!!!|\?\?\?\+?)[ \t]*crisis\b")  # !!! crisis, ??? crisis, ???+ crisis
_FIX = (
    "a reader in danger needs only the actions. Remove {it}: the box's 988 and 911 "
    f"facts are sourced from {FILE.as_posix()}, which the build lists under Sources. If "
    "a marker sources another claim, cite that claim where the page says it outside the box"
)


def boxes(masked: str) -> list[tuple[int, int]]:
    """The source lines (first, last, from 1) of each crisis box's body on the page, read
    from its Markdown with code and comments blanked (markdown_scan.masked)."""
    page = parse(masked, code=False)
    found = []
    for token in page.tokens:
        if token.type == "admonition_open" and token.map and _CRISIS.match(token.info):
            found.append((token.map[0] + 2, token.map[1]))  # the body, after the title line
    return found


def check(text: str, path: str) -> list[Problem]:
    """One problem for each marker inside a crisis box, on its line."""
    masked = markdown_scan.masked(text)
    lines = masked.split("\n")
    problems = []
    for first, last in boxes(masked):
        for number in range(first, last + 1):
            found = [marker[0] for marker in MARKER.finditer(lines[number - 1])]
            if not found:
                continue
            one = len(found) == 1
            what = f"the marker {found[0]} is" if one else f"the markers {''.join(found)} are"
            fix = _FIX.replace("{it}", "it" if one else "them")
            problems.append(Problem(path, number, RULE, f"{what} inside a crisis box, where {fix}"))
    return problems
