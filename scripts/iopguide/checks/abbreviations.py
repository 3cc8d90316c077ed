"""The `abbr-first-use` and `abbr-unknown` rules: every abbreviation is spelled out in the
text where a reader first meets it, not only in a tooltip (tooltips do not print and are
unreliable on phones).

The glossary (`docs/.snippets/glossary.md`, one `*[ABBR]: Full name: what it is` line
each) says what each abbreviation stands for: its full name is the part of the line
before the first colon. On each page, the first use of an abbreviation in
running text (headings aside) must come with its full name, before it or in the same
sentence: "the Substance Abuse and Mental Health Services Administration (SAMHSA)".
An all-capital word that is not in the glossary must be added to it, unless it is an
everyday word (EVERYDAY) or written out instead.

Nothing here imports MkDocs: content.py calls `check`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from iopguide.checks import claims, markdown_scan
from iopguide.checks.problem import Problem
from iopguide.paths import GLOSSARY

_ENTRY = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*(?P<title>.+)$", re.M)
_CAPS = re.compile(r"(?<![\w/.-])[A-Z][A-Z0-9]{1,7}(?:s)?(?![\w/-])")
# All-capital words that are not abbreviations to spell out, each with its reason:
EVERYDAY = {
    "AA": "WCAG's name for a level of accessibility (level AA), not an abbreviation",
    "ZIP": "ZIP code, an everyday word",
    "QR": "QR code, an everyday word",
    "ID": "an ID card, an everyday word",
    "OK": "an everyday word",
    "HOME": "a word readers text to the Crisis Text Line",
    "HELLO": "a word readers text to the Crisis Text Line",
    "AYUDA": "a word readers text to 988 for help in Spanish",
    "HELP": "part of a phone number as services write it (1-800-662-HELP)",
    "HELP4U": "the word SAMHSA's text service spells with its number",
    "US": "as in US time zones; written out where it names the country",
}


@dataclass(frozen=True)
class Abbreviation:
    abbr: str
    name: str  # the full name, e.g. "Substance Abuse and Mental Health Services Administration"

    def spelled_out(self, text: str) -> bool:
        """Does `text` contain the full name (any case; "U.S." and a plural optional)?"""
        name = re.sub(r"^(?:the\s+)?U\.S\.\s+", "", self.name, flags=re.I)
        if self.abbr.endswith("s") and name.endswith("s"):  # IOPs: "programs" or "program"
            name = name[:-1]
        words = [re.escape(word) for word in name.split()]
        pattern = r"\b" + r"\s+".join(words) + r"(?:e?s)?\b"
        return re.search(pattern, " ".join(text.split()), re.I) is not None


def glossary(path: Path = GLOSSARY) -> dict[str, Abbreviation]:
    found = {}
    for match in _ENTRY.finditer(path.read_text(encoding="utf-8")):
        name = match["title"].split(":", 1)[0].strip()
        found[match["abbr"]] = Abbreviation(match["abbr"], name)
    return found


def glossary_for(path: str) -> dict[str, Abbreviation]:
    """The glossary of the page's own edition: docs-es/x.md reads docs-es/.snippets/."""
    folder = path.replace("\\", "/").split("/", 1)[0]
    if folder.startswith("docs-"):  # builds run in the project folder; else this checkout
        for own in (Path(folder), GLOSSARY.parent.parent.parent / folder):
            if (own / ".snippets" / GLOSSARY.name).is_file():
                return glossary(own / ".snippets" / GLOSSARY.name)
    return glossary()


def check(text: str, path: str, known: dict[str, Abbreviation] | None = None) -> list[Problem]:
    known = glossary_for(path) if known is None else known
    seen: set[str] = set()
    before = ""  # the text so far, headings included, to find a name written earlier
    problems = []
    headings = [(h.line, h.text) for h in markdown_scan.headings(text)]
    for sentence in claims.sentences(text):
        while headings and headings[0][0] <= sentence.line:
            before += " " + headings.pop(0)[1]  # a heading may spell a name out
        plain = claims.seen_words(sentence.text)
        for match in _CAPS.finditer(plain):
            word = match.group(0)
            base = word if word in known or word in EVERYDAY else word.removesuffix("s")
            if base in seen or base in EVERYDAY:
                continue
            seen.add(base)
            entry = known.get(base)
            if entry is None:
                problems.append(
                    Problem(
                        path,
                        sentence.line,
                        "abbr-unknown",
                        f"`{word}` is an "
                        "abbreviation the glossary does not explain: write "
                        "it out, or add a line `*[" + base + "]: Full name: "
                        "what it is` to docs/.snippets/glossary.md",
                    )
                )
            elif not entry.spelled_out(before + " " + plain):
                problems.append(
                    Problem(
                        path,
                        sentence.line,
                        "abbr-first-use",
                        f"`{word}` is "
                        "used before it is spelled out: the first time, write "
                        f'"{entry.name} ({base})", or use a plain word '
                        "instead",
                    )
                )
        before += " " + plain
    return problems
