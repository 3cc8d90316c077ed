"""Checks that need more than one page's Markdown: the built page, other pages, the nav.

- reading-grade: a built page reads above grade 8 (measured by readability.py);
- hard-sentence: one sentence of a built page is over 35 words or over grade 12, reported
  on its own source line;
- duplicate-title / duplicate-description: two pages share a title or description;
- nav-file: mkdocs.yml's nav lists a file that is not in docs/.

Nothing here imports MkDocs: mkdocs_hooks.py passes in the text, HTML and file lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml

from iopguide.checks import frontmatter, markdown_scan
from iopguide.checks.problem import Problem

if TYPE_CHECKING:  # readability needs textstat, which the pre-commit CLI does without
    from iopguide.checks.readability import Reading, Sentence

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class PageKeys:
    """A page's title and description, with the source line of each (0 when absent)."""

    path: str
    title: str = ""
    title_line: int = 0
    description: str = ""
    description_line: int = 0


def page_keys(text: str, path: str, front: frontmatter.Parsed | None = None) -> PageKeys:
    """The title and description of a page; `front`: its `frontmatter.parse(text)`, when
    the caller has it (the build and the quick check do)."""
    front = frontmatter.parse(text) if front is None else front
    if front.block is None or not isinstance(front.root, yaml.MappingNode):
        return PageKeys(path)  # the front-matter rule reports it
    found: dict[str, tuple[str, int]] = {}
    for key, value in front.root.value:
        if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode):
            found[key.value] = (
                " ".join(str(value.value).split()),
                front.block.first_line + value.start_mark.line,
            )
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
                others = ", ".join(
                    f"{other.path}:{getattr(other, field + '_line')}"
                    for other in group
                    if other is not page
                )
                value = getattr(page, field)
                problems.append(
                    Problem(
                        page.path,
                        getattr(page, field + "_line"),
                        f"duplicate-{field}",
                        f'the {field} "{value}" is also '
                        f"used by {others}: give each page its own {field}, so "
                        "readers and search engines can tell them apart",
                    )
                )
    return sorted(problems, key=lambda problem: (problem.path, problem.line))


def reading_grade(reading: Reading, path: str, max_grade: float) -> list[Problem]:
    """A problem when a built page (measured by readability.measure) reads above max_grade."""
    if reading.grade <= max_grade:
        return []
    hardest = "; ".join(f'"{sentence}" (grade {grade:.1f})' for grade, sentence in reading.hardest)
    return [
        Problem(
            path,
            1,
            "reading-grade",
            f"the page reads at grade {reading.grade:.1f}, "
            f"above {max_grade:g}: shorten or simplify its hardest sentences "
            f"first: {hardest}",
        )
    ]


def hard_sentences(
    sentences: tuple[Sentence, ...], source: str, path: str, max_words: int, max_grade: float
) -> list[Problem]:
    """A problem on its own source line for each sentence over the sentence limits."""
    problems = []
    for sentence in sentences:
        why = []
        if sentence.words > max_words:
            why.append(f"has {sentence.words} words (at most {max_words})")
        if sentence.grade > max_grade:
            why.append(f"reads at grade {sentence.grade:.1f} (at most {max_grade:g})")
        words = sentence.text.split()
        start = " ".join(words[:8]) + (" ..." if len(words) > 8 else "")
        problems.append(
            Problem(
                path,
                source_line(source, sentence.text),
                "hard-sentence",
                f'the sentence "{start}" {" and ".join(why)}: split it into '
                "short sentences and use everyday words",
            )
        )
    return problems


def source_line(source: str, sentence: str) -> int:
    """The Markdown line where a sentence of the built page starts (1 if not found).

    Words are compared without markup: link targets, HTML tags and attribute lists are
    left out of the source, and case and punctuation are ignored on both sides."""
    body = markdown_scan.masked(source)
    found: list[tuple[str, int]] = []
    for number, line in enumerate(body.split("\n"), start=1):
        line = re.sub(r"\]\([^)\n]*\)|<[^>\n]*>|\{[^}\n]*\}", " ", line)
        found += [(word.lower(), number) for word in _WORD.findall(line)]
    wanted = [word.lower() for word in _WORD.findall(sentence)]
    words = [word for word, _ in found]
    for size in (8, 4, 2):
        head = wanted[:size]
        for index in range(len(words) - len(head) + 1):
            if head and words[index : index + len(head)] == head:
                return found[index][1]
    return 1


def nav_values(config_text: str) -> list[yaml.ScalarNode]:
    """The values of mkdocs.yml's `nav` (page paths and links, never section titles), each
    with its place in the file; none when the YAML cannot be read (MkDocs reports that)."""
    try:
        root = yaml.compose(config_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    nav = next(
        (
            value
            for key, value in root.value
            if isinstance(key, yaml.ScalarNode) and key.value == "nav"
        ),
        None,
    )
    return _scalars(nav)


def nav_files(
    config_text: str, config_path: str, doc_files: set[str], docs: str = "docs"
) -> list[Problem]:
    """A problem for each nav entry naming a Markdown file that is not in `docs`/."""
    problems = []
    for node in nav_values(config_text):
        target = str(node.value).strip()
        if target.endswith(".md") and "://" not in target and target not in doc_files:
            problems.append(
                Problem(
                    config_path,
                    node.start_mark.line + 1,
                    "nav-file",
                    f"the nav lists `{target}`, which is not a page in {docs}/: "
                    f"fix the file name (paths start inside {docs}/, e.g. "
                    "about/privacy.md) or create the page",
                )
            )
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
