"""Search-only words (docs/.data/search-words.yml) reach the search index of each edition,
and a mistake in the file is named by its line (iopguide/finish/search_words.py)."""

from __future__ import annotations

import json
from pathlib import Path

from iopguide.finish import search_words

INDEX = {
    "config": {"lang": ["en"]},
    "docs": [
        {"location": "overdose-and-withdrawal/", "title": "Overdose", "text": "<p>Intro</p>"},
        {
            "location": "overdose-and-withdrawal/#naloxone",
            "title": "Naloxone",
            "text": "<p>Naloxone</p>",
        },
    ],
}


def project(tmp_path: Path, words: str) -> Path:
    (tmp_path / "docs" / ".data").mkdir(parents=True)
    (tmp_path / search_words.FILE).write_text(words, encoding="utf-8")
    return tmp_path


def site(tmp_path: Path, folders: tuple[str, ...] = ("",)) -> Path:
    for folder in folders:
        index = tmp_path / "site" / folder / "search/search_index.json"
        index.parent.mkdir(parents=True)
        index.write_text(json.dumps(INDEX), encoding="utf-8")
    return tmp_path / "site"


def entry(site_dir: Path, folder: str, location: str) -> dict:
    for name, field in search_words.INDEXES.items():
        if (site_dir / folder / name).is_file():
            index = json.loads((site_dir / folder / name).read_text(encoding="utf-8"))
            return next(doc for doc in index[field] if doc["location"] == location)
    raise AssertionError(f"no search index in {site_dir / folder}")


def test_words_are_added_to_their_section_in_each_language(tmp_path: Path) -> None:
    root = project(
        tmp_path, "overdose-and-withdrawal.md#naloxone:\n  en: [Narcan]\n  es: [Narcan, kit]\n"
    )
    built = site(tmp_path, ("", "es/"))
    assert search_words.apply(built, [("en", ""), ("es", "es/")], root) == []
    assert entry(built, "", "overdose-and-withdrawal/#naloxone")["text"].endswith("<p>Narcan</p>")
    assert entry(built, "es/", "overdose-and-withdrawal/#naloxone")["text"].endswith(
        "<p>Narcan, kit</p>"
    )
    assert entry(built, "", "overdose-and-withdrawal/")["text"] == "<p>Intro</p>"


def test_a_section_the_site_lacks_is_named_by_its_line(tmp_path: Path) -> None:
    root = project(
        tmp_path,
        "# words\noverdose-and-withdrawal.md#naloxone:\n  en: [Narcan]\n"
        "overdose-and-withdrawal.md#nowhere:\n  en: [Kloxxado]\n",
    )
    problems = search_words.apply(site(tmp_path), [("en", "")], root)
    assert [str(problem) for problem in problems] == [
        "docs/.data/search-words.yml:4: search-words: overdose-and-withdrawal.md#nowhere: "
        "the en site has no section overdose-and-withdrawal/#nowhere: use a heading's id"
    ]


def test_a_page_an_edition_lacks_is_left_alone(tmp_path: Path) -> None:
    """An edition may not have the page at all (for-clinics has no Spanish page)."""
    root = project(tmp_path, "for-clinics.md#embed:\n  en: [iframe]\n")
    assert search_words.apply(site(tmp_path), [("en", "")], root) == []


def test_a_file_not_saved_as_utf8_is_named_by_its_line(tmp_path: Path) -> None:
    root = project(tmp_path, "")
    (root / search_words.FILE).write_bytes(
        b"overdose-and-withdrawal.md#naloxone:\n  es: [Narc\xe1n]\n"
    )
    problems = search_words.apply(site(tmp_path), [("en", "")], root)
    assert [(p.path, p.line) for p in problems] == [(search_words.FILE, 2)]
    assert "UTF-8" in problems[0].message


def test_an_entry_in_the_wrong_shape_is_named_by_its_line(tmp_path: Path) -> None:
    root = project(
        tmp_path,
        "overdose-and-withdrawal.md:\n  en: [Narcan]\n"
        "overdose-and-withdrawal.md#naloxone:\n  en: Narcan\n",
    )
    words, problems = search_words.read(root)
    assert words == {}
    assert [(problem.line, problem.rule) for problem in problems] == [
        (1, "search-words"),
        (3, "search-words"),
    ]


def test_zensicals_index_gets_the_words_too(tmp_path: Path) -> None:
    root = project(tmp_path, "overdose-and-withdrawal.md#naloxone:\n  en: [Narcan]\n")
    (tmp_path / "site").mkdir()
    zensical = {"config": {}, "items": INDEX["docs"]}
    (tmp_path / "site" / "search.json").write_text(json.dumps(zensical), encoding="utf-8")
    assert search_words.apply(tmp_path / "site", [("en", "")], root) == []
    assert entry(tmp_path / "site", "", "overdose-and-withdrawal/#naloxone")["text"].endswith(
        "Narcan</p>"
    )


def test_a_site_without_an_index_is_left_alone(tmp_path: Path) -> None:
    root = project(tmp_path, "overdose-and-withdrawal.md#naloxone:\n  en: [Narcan]\n")
    (tmp_path / "site").mkdir()
    assert search_words.apply(tmp_path / "site", [("en", "")], root) == []


def test_the_real_words_reach_the_built_index(site: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    words, problems = search_words.read(root)
    assert not problems, [str(problem) for problem in problems]
    for key, languages in words.items():
        for lang, listed in languages.items():
            folder = "" if lang == "en" else f"{lang}/"
            text = entry(site, folder, search_words.location(key))["text"]
            assert all(word in text for word in listed), f"{folder}{key}: {listed}"
