"""No English interface string on a Spanish page: the words the site's own templates,
scripts and finish steps print, and the theme's, as a reader or a screen reader meets
them (text, aria-label, title, placeholder, alt), in every page under /es/ as built
(embeds and the 404 included) and in the Spanish feed's page bodies.

The English strings are collected from where they are written, so a new one is checked
without editing this file: docs/.data/strings.yml's "en" table (the templates', the
finish steps' and assets/a11y.js's words), Material's (and Zensical's) English
translations, the crisis file's wording, mkdocs.yml's colour-toggle names and the
citation label.
A string that is the same in the Spanish table (a number, a shared word) is not English.

Runs when the project has a Spanish edition (mkdocs.es.yml and docs-es/)."""

from __future__ import annotations

import functools
import html
import importlib.util
import json
import re
from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser, LexborNode

from browser import open_page
from iopguide import editions, project, strings
from iopguide.crisis import data as crisis
from iopguide.render.citations import CitationsExtension
from sitetools import ROOT

SPANISH = next((e for e in editions.editions(ROOT) if e.lang == "es"), None)
pytestmark = pytest.mark.skipif(SPANISH is None, reason="no Spanish edition in this checkout")

READ = ("aria-label", "title", "placeholder", "alt", "aria-description", "aria-roledescription")
# Keys of strings.yml whose values are not a Spanish page's words: a locale code, each
# language's own name (the switch marks it with its lang), and how the English clinics page
# names an edition.
NOT_WORDS = {"locale", "language_name", "named_in_english"}
# Material's keys that are settings, not words.
MATERIAL_SETTINGS = re.compile(r"^(language|direction|search\.config\..*)$")

# Allowed on Spanish pages although English: each is what the reader must type or look
# for. They are content, not interface strings, so none is in the lists this test builds;
# they are named here so that a future interface string equal to one of them is not
# mistaken for a leak. Text marked lang="en" (the "English" switch) is skipped anyway.
ALLOWED = {
    "home": "Crisis Text Line's keyword for its English service, named beside AYUDA",
    "helpline": "the NAMI HelpLine's texting keyword, typed as is",
    "the joint commission": "a proper name, the accrediting body's own",
}


def norm(text: str) -> str:
    """Compare text as a reader hears it: entities read, spaces collapsed, any number read
    as "#" (Material's own placeholder), no case, no punctuation at either end."""
    text = re.sub(r"\d+", "#", " ".join(html.unescape(text).split()))
    return text.strip(" .,:;·|()¿?¡!…\"'").casefold()


def pieces(text: str) -> set[str]:
    """The value and its parts between colons, brackets and bars ("Anterior: Beneficios")."""
    parts = {norm(text)} | {norm(part) for part in re.split(r"[:()|·]", text)}
    return {part for part in parts if re.search(r"[^\W\d_]{2}", part)}


def html_texts(markup: str) -> list[str]:
    """The text pieces a reader meets in an HTML string (a table value with markup)."""
    body = LexborHTMLParser(f"<body>{markup}</body>").body
    return [
        node.text_content or "" for node in body.traverse(include_text=True) if node.is_text_node
    ]


def _english_only(english: dict[str, str], spanish: dict[str, str], where: str) -> dict[str, str]:
    """English text -> where it is written, for each piece of text a key's Spanish lacks
    (a link text such as "988lifeline.org" is the same in both)."""
    found = {}
    for key, value in english.items():
        if key in NOT_WORDS:
            continue
        shared = {norm(text) for text in html_texts(spanish.get(key, ""))}
        for text in html_texts(value):
            if pieces(text) and norm(text) not in shared:
                found[norm(text)] = f"{where}: {key}"
    return found


def interface_strings() -> tuple[dict[str, str], dict[str, str]]:
    """docs/.data/strings.yml's "en" and "es" tables, `{site}` and `{name}` filled in as the
    build fills them."""
    tables = strings.load(ROOT)
    en, es = (tables["en"], tables["en"] | tables["es"])
    return tuple(  # type: ignore[return-value]
        {
            key: value.format(site="IOP Guide", name=words["table"] + " 1")
            for key, value in words.items()
            if value and key != "date_format"  # "": Material's own word; a date's pattern
        }
        for words in (en, es)
    )


def theme_strings(package: str, lang: str) -> dict[str, str]:
    """The translations a theme package ships for `lang` (partials/languages/<lang>.html)."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).parent / "templates" / "partials" / "languages" / f"{lang}.html"
    pairs = re.findall(r'^\s*"([\w.]+)": "(.*)",?$', path.read_text(encoding="utf-8"), re.M)
    return {
        key: json.loads(f'"{value}"') for key, value in pairs if not MATERIAL_SETTINGS.match(key)
    }


def crisis_strings(lang: str) -> dict[str, str]:
    """docs/.data/crisis.yml's wording in `lang`, as HTML. Not the lines' names: an English
    name is a proper name, which a Spanish page may give beside its own ("(NAMI HelpLine)")."""
    found, _ = crisis.load(ROOT)
    if found is None:
        return {}  # a mistake in the file fails the build, with its own message
    return {key: markdown.markdown(found.phrase(key, lang) or "") for key in found.wording}


def palette_names(config: Path) -> list[str]:
    theme = yaml.load(config.read_text(encoding="utf-8"), project.Loader).get("theme", {})
    return [entry["toggle"]["name"] for entry in theme.get("palette", [])]


def english_interface_strings() -> dict[str, str]:
    """Every English interface string the site can print -> where it is written."""
    found: dict[str, str] = {}
    english, spanish = interface_strings()
    found |= _english_only(english, spanish, "strings.yml")
    for package in ("material", "zensical"):
        found |= _english_only(theme_strings(package, "en"), theme_strings(package, "es"), package)
    found |= _english_only(crisis_strings("en"), crisis_strings("es"), "crisis.yml")
    for name in palette_names(ROOT / "mkdocs.yml"):
        found[norm(name)] = "mkdocs.yml: theme.palette toggle.name"
    found[norm(CitationsExtension().getConfig("label") + " 1")] = "render/citations.py: label"
    return {text: where for text, where in found.items() if text not in ALLOWED}


def language(node: LexborNode) -> str:
    """The language a node is read in: its own or its nearest ancestor's lang."""
    while node is not None and node.tag != "-document":
        if node.attributes.get("lang") is not None:
            return node.attributes["lang"] or ""
        node = node.parent
    return ""


def read_strings(markup: str) -> Iterator[str]:
    """What a reader or screen reader meets in Spanish: each text node and read attribute
    of elements not marked as another language, and Material's translations for its
    scripts (script#__config); other scripts and styles are code."""
    tree = LexborHTMLParser(markup)
    config = tree.css_first("script#__config")
    if config is not None:
        yield from json.loads(config.text()).get("translations", {}).values()
    root = tree.root if tree.root is not None else tree.body
    for node in root.traverse(include_text=True):
        if node.is_text_node:
            parent = node.parent
            if parent is not None and parent.tag not in ("script", "style"):
                if language(parent).startswith("es") or language(parent) == "":
                    yield node.text_content or ""
        elif language(node).startswith("es") or language(node) == "":
            for name in READ:
                value = node.attributes.get(name)
                if value:
                    yield value


def leaks(markup: str, english: dict[str, str]) -> list[str]:
    """The English interface strings in `markup`, each with where it is written."""
    found = []
    phrases = _phrases(tuple(english))
    for value in read_strings(markup):
        whole, parts = norm(value), pieces(value)
        for text, where in english.items():
            if text in parts or (text in phrases and phrases[text].search(whole)):
                found.append(f"{' '.join(value.split())[:70]!r} ({where})")
    return found


@functools.cache
def _phrases(texts: tuple[str, ...]) -> dict[str, re.Pattern[str]]:
    """A whole-word pattern for each English string of more than one word, made once (the
    check reads about 100,000 strings of a build)."""
    return {text: re.compile(rf"\b{re.escape(text)}\b") for text in texts if " " in text}


def spanish_documents(site: Path) -> dict[str, str]:
    """Every Spanish HTML document of the build: pages, embeds, the 404 and the feed's bodies."""
    docs = {
        str(path.relative_to(site)): path.read_text(encoding="utf-8")
        for path in sorted((site / "es").rglob("*.html"))
    }
    feed = json.loads((site / "es" / "api" / "pages.json").read_text(encoding="utf-8"))
    for entry in feed["pages"]:
        docs[f"es/api/pages.json: {entry['url']}"] = f'<div lang="es">{entry["body_html"]}</div>'
    return docs


def english_on_spanish_pages(site: Path) -> list[str]:
    """Each English interface string in the Spanish documents of a build, with its place."""
    english = english_interface_strings()
    return [
        f"{name}: {leak}"
        for name, markup in spanish_documents(site).items()
        for leak in leaks(markup, english)
    ]


def skip_links(site: Path) -> list[str]:
    """Each page of a build (embeds aside: no header to skip) without exactly one skip
    link, ours."""
    wrong = []
    for path in sorted(site.rglob("*.html")):
        if "embed" not in path.relative_to(site).parts:
            links = LexborHTMLParser(path.read_text(encoding="utf-8")).css("a.md-skip")
            classes = [link.attributes.get("class") for link in links]
            if classes != ["md-skip iop-skip"]:
                wrong.append(f"{path.relative_to(site)}: skip links {classes}")
    return wrong


def test_the_english_list_is_read_from_every_source() -> None:
    english = english_interface_strings()
    expected = {"switch to dark mode", "source #", "skip to content", "skip to main content"}
    expected |= {"table of contents", "could not copy: select the text and copy it instead"}
    assert expected <= set(english), f"missing from the English strings: {expected - set(english)}"
    assert NOT_WORDS <= set(interface_strings()[0]), "NOT_WORDS names a key strings.yml lacks"
    assert leaks('<p lang="es"><a aria-label="Source 3">3</a></p>', english)
    assert not leaks(
        '<p lang="es">Envíe HOME al 741741 <span lang="en">Skip to content</span></p>', english
    )


def test_no_english_interface_string_on_a_spanish_page(site: Path) -> None:
    found = english_on_spanish_pages(site)
    assert found == [], f"{len(found)} English strings on Spanish pages:\n" + "\n".join(
        sorted(set(found))[:40]
    )


def test_materials_stiff_spanish_is_replaced(site: Path) -> None:
    """Material's Spanish wording we replace (overrides/partials/language.html), and its
    skip link, which finish/html_fixes.py removes."""
    stiff = {"búsqueda", "inicializando búsqueda", "teclee para comenzar búsqueda"}
    stiff |= {"tabla de contenidos", "saltar a contenido"}
    plainer = {"buscar en la guía", "preparando la búsqueda", "escriba para buscar"}
    page = (site / "es" / "benefits" / "index.html").read_text(encoding="utf-8")
    said = {piece for value in read_strings(page) for piece in pieces(value)}
    assert said & stiff == set()
    assert plainer | {"en esta página"} <= said


def test_each_page_has_one_skip_link_ours(site: Path) -> None:
    assert skip_links(site) == []


def test_the_strings_and_the_settings_speak_every_language_alike() -> None:
    """The colour buttons' names (strings.yml, dark and light) are the palettes'."""
    english, spanish = strings.load(ROOT)["en"], strings.load(ROOT)["es"]
    for words, config in ((english, ROOT / "mkdocs.yml"), (spanish, SPANISH.differences)):
        assert palette_names(config) == [words["dark"], words["light"]], config.name
    base = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), project.Loader)
    theirs = yaml.load(SPANISH.differences.read_text(encoding="utf-8"), project.Loader)
    for ours, other in zip(base["theme"]["palette"], theirs["theme"]["palette"], strict=True):
        assert {**ours, "toggle": {}} == {**other, "toggle": {}}, "the palettes differ beyond names"
        assert ours["toggle"]["icon"] == other["toggle"]["icon"]


def test_what_the_scripts_add_to_a_spanish_page_is_spanish(browser, base_url: str) -> None:
    """After a11y.js and Material's scripts have run (buttons named, tables wrapped), and
    when copying fails, the page still has no English interface string."""
    english = english_interface_strings()
    url = base_url + "es/choosing-a-program/"
    with open_page(browser, url) as (tab, _):
        tab.evaluate(
            "() => { navigator.clipboard.writeText = () => Promise.reject(new Error('no')); }"
        )
        tab.locator("button.iop-copy").first.click()
        tab.wait_for_function("() => document.querySelector('.iop-copy-status').textContent")
        assert "No se pudo copiar" in tab.locator(".iop-copy-status").first.inner_text()
        names = tab.eval_on_selector_all(
            ".iop-header-button", "buttons => buttons.map(b => b.getAttribute('aria-label'))"
        )
        assert set(palette_names(SPANISH.differences)) <= set(names), names
        found = leaks(tab.content(), english)
    assert found == [], "\n".join(found)
