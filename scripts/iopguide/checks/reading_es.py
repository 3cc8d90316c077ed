"""Reading ease of a built Spanish page: INFLESZ (Szigriszt-Pazos, textstat's Spanish).

The Spanish counterpart of readability.py's grade, on the same main text: a page scores
at least 65 ("bastante fácil" on the INFLESZ scale) and no sentence runs over 35 words.
textstat keeps its language in one global setting, so it is set for each measurement
and put back to textstat's default, "en_US".
"""

from __future__ import annotations

from dataclasses import dataclass

import textstat

from iopguide.checks import readability
from iopguide.checks.problem import Problem

MIN_EASE = 65.0
ENGLISH = "en_US"  # textstat's default language, put back after each measurement
MIN_WORDS_FOR_EASE = 10  # below this, a sentence's score is noise (headings, labels)


@dataclass(frozen=True)
class Ease:
    score: float
    words: int
    hardest: list[tuple[float, str]]  # lowest scores first
    too_long: tuple[str, ...]


def measure(html: readability.Page, hardest: int = 3) -> Ease:
    found = readability.sentences(readability.main_text_blocks(html))
    text = " ".join(found)
    textstat.set_lang("es")
    try:
        scored = sorted(
            (round(textstat.szigriszt_pazos(s), 1), s)
            for s in found
            if textstat.lexicon_count(s) >= MIN_WORDS_FOR_EASE
        )
        score = round(textstat.szigriszt_pazos(text), 1) if text else 100.0
        words = textstat.lexicon_count(text)
    finally:
        # textstat's default: "en" would read syllables with pyphen's British rules and
        # change the English grades of the next build in the same process (`serve`).
        textstat.set_lang(ENGLISH)
    too_long = tuple(s for s in found if textstat.lexicon_count(s) > readability.MAX_SENTENCE_WORDS)
    return Ease(score, words, scored[:hardest], too_long)


def problems(ease: Ease, path: str) -> list[Problem]:
    found = []
    if ease.score < MIN_EASE:
        hardest = "; ".join(f'"{s}" ({v:.0f})' for v, s in ease.hardest)
        found.append(
            Problem(
                path,
                1,
                "reading-ease",
                f"the page scores {ease.score:.0f} on INFLESZ, below {MIN_EASE:g} (bastante "
                f"fácil): shorten or simplify its hardest sentences first: {hardest}",
            )
        )
    for sentence in ease.too_long:
        found.append(
            Problem(
                path,
                1,
                "hard-sentence",
                f'the sentence "{sentence[:50]}..." has more than '
                f"{readability.MAX_SENTENCE_WORDS} words: split it into short sentences",
            )
        )
    return found
