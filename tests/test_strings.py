"""Every interface string is written once, in docs/.data/strings.yml (issue 26 item 5).

Each language has every key, with the same `{placeholders}`; no template, finish step or
assets/a11y.js writes any of those words itself; a11y.js has no table of words of its own
(it reads the names the build writes into the page); and the templates' words reach the
page from the file."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from iopguide import strings
from iopguide.finish import a11y_markup
from sitetools import ROOT

A11Y_JS = ROOT / "docs" / "assets" / "a11y.js"
# Where interface words used to be typed: templates (Material's words we replace included,
# overrides/partials/language.html), finish steps, the script.
WRITERS = [
    *sorted((ROOT / "overrides").rglob("*.html")),
    *sorted((ROOT / "scripts" / "iopguide" / "finish").glob("*.py")),
    A11Y_JS,
]
# Values too short or too common to tell a copy from another use (a locale, one word).
SHORT = 2  # words


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_every_key_with_the_same_placeholders() -> None:
    tables = strings.load(ROOT)
    english = tables[strings.DEFAULT]
    for lang, words in tables.items():
        assert set(words) == set(english), f"strings.yml: {lang}: {set(words) ^ set(english)}"
        for key, value in words.items():
            assert _fields(value) == _fields(english[key]), f"strings.yml: {lang}.{key}"


def code_text(path: Path) -> str:
    """What `path` writes, without its comments and docstrings (which may quote the words)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return re.sub(r"\{#.*?#\}", "", text, flags=re.S)
    if path.suffix == ".js":
        return re.sub(r"^\s*//.*$", "", text, flags=re.M)
    tree = ast.parse(text)
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return "\n".join(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    )


def test_no_interface_string_is_written_outside_the_strings_file() -> None:
    values = {
        value
        for words in strings.load(ROOT).values()
        for value in words.values()
        if len(value.split()) > SHORT and not _fields(value)
    }
    found = [
        f"{path.relative_to(ROOT)}: {value!r}: read it from strings.yml"
        for path in WRITERS
        for value in values
        if value in code_text(path)
    ]
    assert found == []


def test_a11y_js_has_no_words_of_its_own() -> None:
    text = A11Y_JS.read_text(encoding="utf-8")
    assert not re.search(r"\b(en|es)\s*:\s*\{", text), "a11y.js: a table of words by language"
    code = re.sub(r"^\s*//.*$", "", text, flags=re.M)
    literals = set(re.findall(r'"((?:[^"\\]|\\.)*)"', code)) - {"use strict"}
    words = [s for s in literals if re.search(r"[A-Za-zÀ-ÿ]{2,} [A-Za-zÀ-ÿ]{2,}", s)]
    assert words == [], f"a11y.js: words a reader would meet, not read from the page: {words}"


def test_the_build_names_the_header_buttons_in_the_pages_language() -> None:
    page = LexborHTMLParser(
        '<html lang="es"><body><header><label class="md-header__button md-icon" for="__drawer">'
        '</label><label class="md-header__button md-icon" for="__search"></label></header>'
        '<article class="md-content__inner"><h2>Costos</h2><table><tr><td>1</td></tr></table>'
        "</article></body></html>"
    )
    a11y_markup.apply(page)
    spanish = strings.words("es")
    names = [b.attributes.get("aria-label") for b in page.css("button.iop-header-button")]
    assert names == [spanish["menu"], spanish["search"]]
    table = page.css_first("table")
    assert table is not None
    assert table.attributes.get(a11y_markup.LABEL) == spanish["table_label"].format(name="Costos")


def test_the_templates_read_the_strings_file() -> None:
    partial = (ROOT / "overrides" / "partials" / "iop-strings.html").read_text(encoding="utf-8")
    assert "config.extra.strings" in partial
    assert Path(ROOT / strings.FILE).is_file()
