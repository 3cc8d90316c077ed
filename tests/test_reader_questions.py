"""The reader question bank: real questions people ask in public, and the words they type.

`tests/reader-questions.tsv` holds each question with who asked it (patient, parent or
family), the section of the guide that answers it (`in-an-iop/#testing`), two to four
words a reader would type, the same in Spanish, and the public page it came from.
Every answer exists in the built site (in both languages when the row has a Spanish
query), and Material's search, in a real Chromium, shows the answering section among
the first three results: its link is one the reader sees, not one folded away under
"more on this page". A row whose page is still a placeholder ("This page is being
written.") is skipped until its writer fills the page in.

A miss means readers' words are missing: put them in the section's text where natural
(a heading is strongest), or, for words the text should not show, in
`docs/.data/search-words.yml`.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from browser import DESKTOP, new_context, settle
from sitetools import ROOT

pytestmark = pytest.mark.xdist_group("search")  # one worker and one tab for every query

BANK = Path(__file__).with_name("reader-questions.tsv")
COLUMNS = ["question", "who", "answer", "query", "query_es", "source_title", "source_url"]
PLACEHOLDER = "This page is being written."
# Known misses (reader-questions-misses.txt): the answering section lacks the reader's
# words for now. They are expected to fail; delete a line once its query passes.
MISSES = frozenset(
    line.strip()
    for line in BANK.with_name("reader-questions-misses.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


@dataclass(frozen=True)
class Row:
    question: str
    who: str
    answer: str  # "in-an-iop/#testing", or "in-an-iop/" for the whole page
    query: str
    query_es: str
    source_title: str
    source_url: str

    @property
    def page(self) -> str:
        return self.answer.partition("#")[0]

    @property
    def anchor(self) -> str:
        return self.answer.partition("#")[2]


@dataclass(frozen=True)
class Language:
    code: str
    folder: str  # where the edition is built: "" or "es/"
    docs: Path
    placeholder: str  # what Material's result line says while the box is empty
    initializing: str  # ... and while the index loads

    def query(self, row: Row) -> str:
        return row.query if self.code == "en" else row.query_es


ENGLISH = Language("en", "", ROOT / "docs", "Type to start searching", "Initializing")
SPANISH = Language("es", "es/", ROOT / "docs-es", "Escriba para buscar", "Preparando")


@functools.cache
def bank() -> tuple[Row, ...]:
    with BANK.open(encoding="utf-8", newline="") as file:
        reader = csv.reader(file, delimiter="\t")
        header = next(reader)
        assert header == COLUMNS, f"{BANK.name}: the header must be {COLUMNS}, got {header}"
        return tuple(Row(*fields) for fields in reader)


def source(language: Language, row: Row) -> Path:
    name = row.page.rstrip("/") or "index"
    return language.docs / f"{name}.md"


def skip_placeholder(language: Language, row: Row) -> None:
    path = source(language, row)
    if path.is_file() and PLACEHOLDER in path.read_text(encoding="utf-8"):
        pytest.skip(f"{path.relative_to(ROOT)} is still a placeholder")


def cases() -> list:
    return [
        pytest.param(language, row, id=f"{language.code}: {language.query(row)}")
        for language in (ENGLISH, SPANISH)
        for row in bank()
        if language.query(row)
    ]


@functools.cache
def headings(page: Path) -> tuple[tuple[int, str], ...]:
    """(level, id) of each h2-h4 of a built page, in order."""
    nodes = LexborHTMLParser(page.read_text(encoding="utf-8")).css("article [id]")
    return tuple(
        (int(node.tag[1]), node.attributes.get("id") or "")
        for node in nodes
        if node.tag in ("h2", "h3", "h4")
    )


def section_ids(site: Path, language: Language, row: Row) -> set[str]:
    """The answer's heading id and the ids of the headings inside its section."""
    ids: set[str] = set()
    level = 0
    for this, name in headings(site / language.folder / row.page / "index.html"):
        if level and this <= level:
            break
        if level or name == row.anchor:
            level = level or this
            ids.add(name)
    return ids


def test_the_bank_has_80_sourced_questions() -> None:
    rows = bank()
    assert len(rows) >= 80, f"{BANK.name} has {len(rows)} questions; keep at least 80"
    for number, row in enumerate(rows, start=2):
        where = f"{BANK.name}:{number}"
        assert row.question and row.source_title, f"{where}: a question and its source's title"
        assert row.who in {"patient", "parent", "family"}, f"{where}: who is {row.who!r}"
        assert urlsplit(row.source_url).scheme in {"http", "https"}, f"{where}: source_url"
        assert row.page.endswith("/") or not row.page, f"{where}: answer is page/#anchor"
        for words in (row.query, row.query_es):
            assert not words or 2 <= len(words.split()) <= 4, f"{where}: 2-4 words: {words!r}"
    assert len({row.question for row in rows}) == len(rows), "a question is listed twice"
    typed = {f"{lang.code}: {lang.query(row)}" for row in rows for lang in (ENGLISH, SPANISH)}
    assert MISSES <= typed, f"reader-questions-misses.txt: not in the bank: {MISSES - typed}"


@pytest.mark.parametrize(("language", "row"), cases())
def test_the_answer_exists(site: Path, language: Language, row: Row) -> None:
    skip_placeholder(language, row)
    page = site / language.folder / row.page / "index.html"
    assert page.is_file(), f"{BANK.name}: no page {language.folder}{row.page} for {row.question!r}"
    if row.anchor:
        assert row.anchor in section_ids(site, language, row), (
            f"{language.folder}{row.page} has no section #{row.anchor} "
            f"(it answers {row.question!r}); keep the heading's {{#{row.anchor}}}"
        )


# Every query of one language, typed one after another into the open search box in one
# call: the box is emptied and Material's "type to start" line awaited, then the whole
# query goes in with one keyup (the results a reader sees once they stop typing), and
# once the result line changes, and a frame has drawn the list, its links are read.
SEARCH_ALL = """async ([queries, empty, loading]) => {
  const box = document.querySelector('.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  const until = test => new Promise(done => {
    if (test()) return done();
    const watch = new MutationObserver(() => test() && (watch.disconnect(), done()));
    watch.observe(meta, {childList: true, characterData: true, subtree: true});
  });
  const type = text => {
    box.value = text;
    box.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', bubbles: true}));
  };
  const found = {};
  for (const query of queries) {
    type('');
    await until(() => meta.textContent === empty);
    type(query);
    await until(() => meta.textContent !== empty && !meta.textContent.startsWith(loading));
    await new Promise(done => requestAnimationFrame(done));
    found[query] = [...document.querySelectorAll('.md-search-result__item')]
      .map(item => [...item.querySelectorAll(':scope > .md-search-result__link')]
        .map(link => link.href));
  }
  return found;
}"""


class SearchTab:
    """One tab for every query: the first query of a language runs all of that language's
    queries in its edition's search, and the rest read what they showed."""

    def __init__(self, tab, base_url: str) -> None:
        self.tab = tab
        self.base_url = base_url
        self.shown: dict[str, dict[str, list[list[str]]]] = {}

    def results(self, language: Language, query: str) -> list[list[str]]:
        """The links the reader sees in each result group (a page and its best sections),
        in order, after typing `query` into an empty box."""
        if language.code not in self.shown:
            tab = self.tab
            tab.goto(self.base_url + language.folder, wait_until="load")
            settle(tab)
            tab.keyboard.press("/")
            queries = sorted({language.query(row) for row in bank() if language.query(row)})
            self.shown[language.code] = tab.evaluate(
                SEARCH_ALL, [queries, language.placeholder, language.initializing]
            )
        return self.shown[language.code][query]


@pytest.fixture(scope="module")
def search(browser, base_url: str):
    context = new_context(browser, viewport=DESKTOP)
    try:
        yield SearchTab(context.new_page(), base_url)
    finally:
        context.close()


def shown(groups: list[list[str]], base_url: str, language: Language) -> list[str]:
    prefix = urlsplit(base_url).path + language.folder
    return [
        urlsplit(href).path[len(prefix) :] + ("#" + urlsplit(href).fragment if "#" in href else "")
        for group in groups
        for href in group
    ]


@pytest.mark.parametrize(("language", "row"), cases())
def test_search_shows_the_answering_section(
    search: SearchTab, site: Path, base_url: str, language: Language, row: Row, request
) -> None:
    skip_placeholder(language, row)
    query = language.query(row)
    if f"{language.code}: {query}" in MISSES:
        request.applymarker(pytest.mark.xfail(reason="a known miss", strict=False))
    top = search.results(language, query)[:3]
    wanted = {f"{row.page}#{anchor}" for anchor in section_ids(site, language, row)}
    links = shown(top, base_url, language)
    found = any(link in wanted for link in links) if row.anchor else row.page in links
    assert found, (
        f"searching {query!r} ({language.code}) should show {language.folder}{row.answer} "
        f"in the first 3 results (it answers {row.question!r}); the reader sees {links}. "
        "Use the reader's words in that section (a heading is strongest) or add them to "
        "docs/.data/search-words.yml."
    )
