"""Checks that need more than one page's Markdown: the built page, other pages, the nav.

- reading-grade: a built page reads above grade 8 (measured by readability.py);
- duplicate-title / duplicate-description: two pages share a title or description;
- nav-file: mkdocs.yml's nav lists a file that is not in docs/.

Nothing here imports MkDocs: mkdocs_hooks.py passes in the text, HTML and file lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml

import frontmatter
from frontmatter import Problem

if TYPE_CHECKING:  # readability needs textstat, which the pre-commit CLI does without
    from readability import Reading


@dataclass(frozen=True)
class PageKeys:
    """A page's title and description, with the source line of each (0 when absent)."""

    path: str
    title: str = ""
    title_line: int = 0
    description: str = ""
    description_line: int = 0


def page_keys(text: str, path: str) -> PageKeys:
    block = frontmatter.split(text)
    if block is None:
        return PageKeys(path)
    try:
        root = yaml.compose(block.yaml_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return PageKeys(path)  # the front-matter rule reports it
    found: dict[str, tuple[str, int]] = {}
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode):
                found[key.value] = (" ".join(str(value.value).split()),
                                    block.first_line + value.start_mark.line)
    title, title_line = found.get("title", ("", 0))
    description, description_line = found.get("description", ("", 0))
    return PageKeys(path, title, title_line, description, description_line)


def duplicates(pages: list[PageKeys]) -> list[Problem]:
    """One problem per page whose title or description another page also uses."""
    problems = []
    for field in ("title", "description"):
        seen: dict[str, list[PageKeys]] = {}
        for page in pages:
            value = getattr(page, field)
            if value:
                seen.setdefault(value.casefold(), []).append(page)
        for group in seen.values():
            if len(group) < 2:
                continue
            for page in group:
                others = ", ".join(f"{other.path}:{getattr(other, field + '_line')}"
                                   for other in group if other is not page)
                value = getattr(page, field)
                problems.append(Problem(page.path, getattr(page, field + "_line"),
                                        f"duplicate-{field}", f"the {field} \"{value}\" is also "
                                        f"used by {others}: give each page its own {field}, so "
                                        "readers and search engines can tell them apart"))
    return sorted(problems, key=lambda problem: (problem.path, problem.line))


def reading_grade(reading: Reading, path: str, max_grade: float) -> list[Problem]:
    """A problem when a built page (measured by readability.measure) reads above max_grade."""
    if reading.grade <= max_grade:
        return []
    hardest = "; ".join(f"\"{sentence}\" (grade {grade:.1f})"
                        for grade, sentence in reading.hardest)
    return [Problem(path, 1, "reading-grade", f"the page reads at grade {reading.grade:.1f}, "
                    f"above {max_grade:g}: shorten or simplify its hardest sentences "
                    f"first: {hardest}")]


def nav_files(config_text: str, config_path: str, doc_files: set[str]) -> list[Problem]:
    """A problem for each nav entry naming a Markdown file that is not in docs/."""
    try:
        root = yaml.compose(config_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []  # MkDocs itself reports bad YAML with its line
    if not isinstance(root, yaml.MappingNode):
        return []
    nav = next((value for key, value in root.value
                if isinstance(key, yaml.ScalarNode) and key.value == "nav"), None)
    problems = []
    for node in _scalars(nav):
        target = str(node.value).strip()
        if target.endswith(".md") and "://" not in target and target not in doc_files:
            problems.append(Problem(config_path, node.start_mark.line + 1, "nav-file",
                                    f"the nav lists `{target}`, which is not a page in docs/: "
                                    "fix the file name (paths start inside docs/, e.g. "
                                    "about/privacy.md) or create the page"))
    return problems


def _scalars(node: yaml.Node | None) -> list[yaml.ScalarNode]:
    """The nav's values: page paths, never the section titles used as mapping keys."""
    if isinstance(node, yaml.ScalarNode):
        return [node]
    if isinstance(node, yaml.SequenceNode):
        return [found for item in node.value for found in _scalars(item)]
    if isinstance(node, yaml.MappingNode):
        return [found for _, value in node.value for found in _scalars(value)]
    return []
