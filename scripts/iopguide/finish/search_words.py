"""Search-only words: what readers type for a section whose own text does not say it.

`docs/.data/search-words.yml` lists, for a section (`overdose-and-withdrawal.md#naloxone`),
the words readers type for it in each language: brand names, everyday words, common misspellings.
`finish` adds them to that section's entry in the search index of each edition
(Material's `search/search_index.json`, Zensical's `search.json`), so search finds the
section by them and shows them as its matching words; the page itself does not change.
A word that reads naturally belongs in the page's text instead, where every reader sees it.
"""

from __future__ import annotations

import html
import json
from itertools import product
from pathlib import Path
from typing import Any

import yaml

from iopguide.checks.problem import Problem
from iopguide.project import page_url

FILE = "docs/.data/search-words.yml"
RULE = "search-words"
INDEXES = {"search/search_index.json": "docs", "search.json": "items"}  # Material, Zensical
SHAPE = "write `page.md#heading-id:` with a list of words per language (en: [...], es: [...])"

Words = dict[str, dict[str, list[str]]]  # "overdose-and-withdrawal.md#naloxone" -> {"en": [...]}


def read(root: Path) -> tuple[Words, list[Problem]]:
    """The words by section and language, and a problem for each entry that is not in
    the shape above (named by its line in the file)."""
    path = root / FILE
    if not path.is_file():
        return {}, []
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return {}, [Problem(FILE, line, RULE, "the file is not UTF-8 text: save it as UTF-8")]
    try:
        data: Any = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return {}, [Problem(FILE, line, RULE, f"this is not valid YAML: {SHAPE}")]
    if not isinstance(data, dict):
        return {}, [Problem(FILE, 1, RULE, SHAPE)]
    words: Words = {}
    problems = []
    for key, languages in data.items():
        page, _, anchor = str(key).partition("#")
        if not page.endswith(".md") or not anchor or not _lists(languages):
            problems.append(Problem(FILE, _line(text, str(key)), RULE, f"{key}: {SHAPE}"))
            continue
        words[str(key)] = {lang: [w.strip() for w in ws] for lang, ws in languages.items()}
    return words, problems


def _lists(languages: object) -> bool:
    return isinstance(languages, dict) and all(
        isinstance(lang, str)
        and isinstance(ws, list)
        and all(isinstance(w, str) and w.strip() for w in ws)
        for lang, ws in languages.items()
    )


def _line(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip("'\"").startswith(key):
            return number
    return 1


def location(key: str) -> str:
    """`resources.md#helplines` -> `resources/#helplines`, as the index names it."""
    page, _, anchor = key.partition("#")
    return f"{page_url(page)}#{anchor}"


def add_words(entries: list[dict[str, Any]], words: Words, lang: str) -> list[str]:
    """Add each section's words in `lang` to its entry of a search index; returns the
    sections the index does not have, on pages it has (an edition may lack a page)."""
    by_location = {entry.get("location"): entry for entry in entries}
    pages = {str(where).partition("#")[0] for where in by_location}
    missing = []
    for key, languages in words.items():
        if not languages.get(lang) or location(key).partition("#")[0] not in pages:
            continue
        entry = by_location.get(location(key))
        if entry is None:
            missing.append(key)
            continue
        entry["text"] = entry.get("text", "") + f"<p>{html.escape(', '.join(languages[lang]))}</p>"
    return missing


def apply(site_dir: Path, editions: list[tuple[str, str]], root: Path) -> list[Problem]:
    """Add the words to the search index of each edition, given as (lang, folder);
    a problem names each section that no edition's index has."""
    words, problems = read(root)
    text = (root / FILE).read_text(encoding="utf-8") if words else ""
    for (name, field), (lang, folder) in product(INDEXES.items(), editions):
        path = site_dir / folder / name
        index = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
        if not isinstance(index, dict) or not isinstance(index.get(field), list):
            continue  # the other generator's index
        for key in add_words(index[field], words, lang):
            where = f"{folder}{location(key)}"
            message = f"{key}: the {lang} site has no section {where}: use a heading's id"
            problems.append(Problem(FILE, _line(text, key), RULE, message))
        path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
    return problems
