"""Every claim tied to its source: citation markers, and the two rules that check them.

A page cites its sources with a marker after the sentence, `[^2]`, meaning the 2nd entry
of the page's `sources` list (add new sources at the end, so numbers stay put). The build
shows it as a small linked number, like NIH pages and Wikipedia; the Sources list below
the page has an anchor for each entry (`#source-2`).

- cite-claim: a sentence that states a number (a count of hours, a date, a percentage, a
  phone number, a year...), or says what a plan, Medicare, Medicaid or a law covers,
  pays, requires or allows (coverage.py says which sentences do), has no marker. A
  number or a claim the page has already cited, such as 988 after its first mention,
  needs none again; nor do headings, questions or advice ("Ask your plan what it
  covers"). A figure's caption is text like any other. Text between
  `<!-- illustrative -->` and `<!-- /illustrative -->` is made up (a story) and is skipped,
  as are menus of links (`<nav>`), snippet lines (`--8<--`) and the numbers in COMMON.
  A table may cite its source once, in the first sentence after it (its source note).
- cite-source: a marker names a source the page does not list.

Nothing here imports MkDocs: content.py and crisis_lines.py call `check`; on the built
page, render/citations.py turns each marker into its link.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from iopguide.checks import coverage, markdown_scan
from iopguide.checks.problem import Problem

MARKER = re.compile(r"\[\^(\d+)\]")
_ILLUSTRATIVE = re.compile(
    r"<!--\s*illustrative\s*-->(.*?)<!--\s*/illustrative\s*-->"
    r"|<nav\b.*?</nav>",
    re.S,
)  # a story, or a menu of links
# A number as a claim: digits (1-800-662-4357, 9, 2024, 24/7, 2.1), or a number word
# with a unit ("three days", "twelve weeks").
_DIGITS = re.compile(r"\d[\d,./:-]*\d|\d")
_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty "
    "thirty forty fifty sixty hundred"
).split()
_NUMBER_WORD = re.compile(
    r"\b(" + "|".join(_WORDS) + r")(?:\s+(?:or|to)\s+\w+)?\s+"
    r"(hours?|days?|nights?|weeks?|months?|years?|times|sessions?|"
    r"percent)\b",
    re.I,
)
_CAPTION = re.compile(r"^\s*<figcaption\b[^>]*>")  # the caption's words are text
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|\||!!!|\?\?\?|\*\[|<)")
_NOT_TEXT = re.compile(r"^\s*(?:#{1,6}\s|!!!|\?\?\?|\*\[|\|?\s*:?-{3,}|</?[a-zA-Z]|--8<--)")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
# A sentence ends at . ! or ?, or just after a marker that follows one ("pay.[^2] Next").
_SENTENCE_END = re.compile(
    r"(?<!U\.S\.)"  # "the U.S. Department" goes on
    r"(?:(?<=[.!?])|(?<=[.!?]\[\^\d\])|(?<=[.!?]\[\^\d\d\]))"
    r"\s+(?=[\"'(\[*_¿¡]*[A-Z0-9ÁÉÍÓÚÑÜ])"  # Spanish sentences may open with ¿ or ¡
)


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str  # as written, markup and markers included
    row: bool = False  # a table row


def sentences(text: str) -> list[Sentence]:
    """The sentences of a page's running text and table rows, each with its first line.

    Headings, admonition titles, raw HTML lines and the glossary's abbreviation lines are
    not running text. Each list item and each table row is a block of its own."""
    body = markdown_scan.masked(text)
    for match in _ILLUSTRATIVE.finditer(text):  # masked() keeps every offset where it was
        body = body[: match.start()] + re.sub(r"[^\n]", " ", match[0]) + body[match.end() :]
    found: list[Sentence] = []
    block: list[tuple[int, str]] = []

    def flush(row: bool = False) -> None:
        if not block:
            return
        joined = " ".join(part for _, part in block)
        offsets, position = [], 0
        for line, part in block:
            offsets.append((position, line))
            position += len(part) + 1
        start = 0
        for piece in _SENTENCE_END.split(joined):
            index = joined.find(piece, start)
            line = max(n for offset, n in offsets if offset <= max(index, 0))
            if piece.strip():
                found.append(Sentence(line, piece.strip(), row))
            start = index + len(piece)
        block.clear()

    for number, raw in enumerate(body.split("\n"), start=1):
        caption = _CAPTION.match(raw)
        if caption:  # a figure's caption starts a block of text, on the tag's line too
            flush()
            raw = " " * caption.end() + raw[caption.end() :]
        if not raw.strip():
            flush()
            continue
        if raw.lstrip().startswith("|"):  # a table row is a block of its own
            flush()
            if not re.fullmatch(r"\s*\|?[\s:|-]+\|?\s*", raw):
                block.append((number, raw.strip().strip("|")))
                flush(row=True)
            continue
        if _NOT_TEXT.match(raw):
            flush()
            continue
        if _BLOCK_START.match(raw):
            flush()
        block.append((number, _LIST_MARK.sub("", raw).strip()))
    flush()
    return found


def seen_words(sentence: str) -> str:
    """The words a reader sees: no link targets, attributes, tags or markers."""
    text = re.sub(r"\]\([^)]*\)", "]", sentence)
    text = re.sub(r"\{[^}]*\}|<[^>]+>", " ", text)
    return MARKER.sub(" ", text)


# Numbers that are no claim to source, each with its reason:
COMMON = {
    "911": "the emergency number every US reader knows; the 988 sentence beside it is cited",
}


def numbers(sentence: str) -> list[str]:
    """The numbers a sentence states, each as its digits (or its words)."""
    plain = seen_words(sentence)
    found = [re.sub(r"\D", "", m.group(0)) for m in _DIGITS.finditer(plain)]
    found = [number for number in found if number not in COMMON]
    found += [m.group(0).lower() for m in _NUMBER_WORD.finditer(plain)]
    return found


def stated(sentence: str) -> list[str]:
    """What a sentence claims: its numbers, then its coverage and legal claims' keys."""
    return numbers(sentence) + [claim.key for claim in coverage.claims(sentence)]


def check(
    text: str,
    path: str,
    source_count: int,
    exempt: Callable[[str], set[str]] | None = None,
    relied: set[str] | None = None,
) -> list[Problem]:
    """cite-claim and cite-source problems of one page, by line. `exempt` gives the numbers
    of a sentence that need no marker because a file names their source (a crisis line:
    crisis_lines.exempt); those the page relies on that way are added to `relied`."""
    problems: list[Problem] = []
    cited: set[str] = set()
    rows: list[Sentence] = []  # uncited rows of the table just read

    def uncited(sentence: Sentence) -> None:
        new = [n for n in stated(sentence.text) if n not in cited]
        covered = exempt(sentence.text) if exempt and new else set()
        if relied is not None:
            relied.update(n for n in new if n in covered)
        new = [n for n in new if n not in covered]
        if new:
            words = " ".join(seen_words(sentence.text).split()[:8])
            problems.append(
                Problem(
                    path,
                    sentence.line,
                    "cite-claim",
                    f'the sentence "{words} ..." {_what(sentence.text, new[0])} '
                    "but cites no source: add the number of its source after it, like "
                    "[^1] (see `sources` in the front matter); a table may cite its "
                    "source once, in the line right after it",
                )
            )

    for sentence in sentences(text):
        markers = [int(n) for n in MARKER.findall(sentence.text)]
        if rows and not sentence.row:  # a table's source note cites its rows
            for row in rows:
                if markers:
                    cited.update(stated(row.text))
                else:
                    uncited(row)
            rows.clear()
        for number in markers:
            if not 1 <= number <= source_count:
                listed = (
                    f"it lists {source_count} source{'s' if source_count != 1 else ''}"
                    if source_count
                    else "it lists none"
                )
                problems.append(
                    Problem(
                        path,
                        sentence.line,
                        "cite-source",
                        f"the marker "
                        f"[^{number}] points to source {number}, but {listed}: "
                        "use the number of the source in `sources` (the "
                        "first is [^1]), or add the source at the end",
                    )
                )
        if markers:
            cited.update(stated(sentence.text))
        elif sentence.row:
            rows.append(sentence)
        else:
            uncited(sentence)
    for row in rows:
        uncited(row)
    return problems


def _what(sentence: str, claim: str) -> str:
    """What the message says the sentence does: "states 9", "says what a payer ..."."""
    said = [c.said for c in coverage.claims(sentence) if c.key == claim]
    if said:
        return f'says what a plan, program or law does ("{said[0]}")'
    return f"states {_shown(sentence, claim)}"


def _shown(sentence: str, number: str) -> str:
    plain = seen_words(sentence)
    for match in _DIGITS.finditer(plain):
        if re.sub(r"\D", "", match.group(0)) == number:
            return match.group(0)
    return f'"{number}"'
