"""What the crisis file must hold, each mistake as `path:line: crisis-line: what to do`.

`read` parses the YAML with the line of every key and checks its shape (known fields,
a name in every language, numbers a phone can dial, https addresses, a `checked` date or
a `note`, plain words where pages show words). The wording is checked as filled in,
once the data is built (wording.py). A bad file gives problems, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any

import yaml

from iopguide.checks.problem import Problem

RULE = "crisis-line"
TOP = ("languages", "lines", "wording")
PER_LANGUAGE = ("name", "keyword", "whatsapp", "hours")
LINE_FIELDS = ("name", "kind", "call", "also", "tty", "text", "text_in", "keyword")
LINE_FIELDS += ("whatsapp", "options", "hours", "web", "source", "checked", "note")
KINDS = ("crisis", "emergency", "helpline")
REFERENCE = re.compile(r"\{([a-z0-9-]+)\.([a-z0-9.-]+)\}")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NUMBER = re.compile(r"^(?:\d{3,6}|(?:1-)?\d{3}-\d{3}-\d{4})$")
_SHOWN = re.compile(r"^(?:1-)?\d{3}-[\dA-Z]{3}-[\dA-Z]{4,}$|^\d{3}-[A-Z]+$")
_WORD = re.compile(r"^[A-Za-z]+$")
_URL = re.compile(r"^https://[^\s/()<>\[\]{}\"'`]+\.[^\s/()<>\[\]{}\"'`]+(/[^\s()<>\[\]{}\"'`]*)?$")
_LINK = re.compile(r"\]\(\s*([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)")  # one ( ) deep
# Shown as words (a name, hours, a source's title): no Markdown, HTML or web address.
_NOT_WORDS = re.compile(r"[<>\[\]{}`]|\b[A-Za-z][\w+.-]*:(?=\S)|\bwww\.", re.I)
LINKS_TO = ("tel:", "sms:", "https://")


def did_you_mean(word: str, known: list[str] | tuple[str, ...], shown: str = "`{}`") -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f" (did you mean {shown.format(close[0])}?)" if close else ""


def unsafe(text: str) -> str | None:
    """What is wrong with words that reach every page as they are (slots are filled after
    the page checks): they may hold Markdown, but no HTML or image, and link only to a
    phone, a text or an https:// site, so a pull request cannot hide or restyle crisis
    help, or load a tracker, through them."""
    if "<" in text or ">" in text:
        return "HTML is not allowed here: write plain words and Markdown links"
    if "![" in text:
        return "an image is not allowed here: crisis words are text and links"
    for target in _LINK.findall(text):
        if not target.startswith(LINKS_TO):
            return f"the link `{target}` must start with tel:, sms: or https://"
    return None


def _where(node: yaml.Node, path: tuple, found: dict[tuple, int]) -> None:
    """The line (1-based) of every key, and of every list item, by its path."""
    found.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            found[path + (key.value,)] = key.start_mark.line + 1
            _where(value, path + (key.value,), found)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _where(item, path + (index,), found)


def read(path: Path, shown: str) -> tuple[dict | None, dict[tuple, int], list[Problem]]:
    """The file's data (None when unreadable), the line of each key, and its problems."""
    if not path.is_file():
        return None, {}, [Problem(shown, 1, RULE, "the crisis file is missing: restore it")]
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        fix = "the file is not UTF-8 text: save it as UTF-8 (fix this line's accents)"
        return None, {}, [Problem(shown, line, RULE, fix)]
    loader = yaml.SafeLoader(text)  # one parse: the nodes give lines, then the values
    try:
        node = loader.get_single_node()
        raw = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        what = getattr(error, "problem", None) or "cannot be read"
        return None, {}, [Problem(shown, line, RULE, f"not valid YAML ({what}): fix this line")]
    finally:
        loader.dispose()
    where: dict[tuple, int] = {}
    if node is not None:
        _where(node, (), where)
    problems = _Shape(shown, where).check(raw)
    return (raw if not problems else None), where, problems


class _Shape:
    def __init__(self, shown: str, where: dict[tuple, int]) -> None:
        self.shown, self.where, self.problems = shown, where, []  # type: list[Problem]
        self.languages: list[str] = []

    def say(self, path: tuple, message: str) -> None:
        line = next(
            (self.where[path[:n]] for n in range(len(path), -1, -1) if path[:n] in self.where), 1
        )
        self.problems.append(Problem(self.shown, line, RULE, message))

    def check(self, raw: Any) -> list[Problem]:
        if not isinstance(raw, dict):
            self.say((), f"the file must be a mapping with {', '.join(TOP)}")
            return self.problems
        for key in raw:
            if key not in TOP:
                self.say(
                    (key,),
                    f"unknown key `{key}`{did_you_mean(str(key), TOP)}: use {', '.join(TOP)}",
                )
        languages = raw.get("languages")
        if not isinstance(languages, list) or "en" not in languages:
            self.say(
                ("languages",), "`languages` must list the site's languages, en first: [en, es]"
            )
            return self.problems
        self.languages = [str(lang) for lang in languages]
        for top in ("lines", "wording"):
            if not isinstance(raw.get(top), dict) or not raw[top]:
                self.say((top,), f"`{top}` must be a mapping of entries: see the file's header")
                return self.problems
        for key, entry in raw["lines"].items():
            self.line(("lines", key), key, entry)
        for key, entry in raw["wording"].items():
            self.wording(("wording", key), key, entry)
        self.plain(raw["lines"], ("lines",))  # the wording: as filled in (wording.py)
        return self.problems

    def plain(self, value: Any, path: tuple) -> None:
        """Every value of the lines, as `unsafe` asks."""
        if isinstance(value, dict):
            for key, item in value.items():
                self.plain(item, path + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self.plain(item, path + (index,))
        elif isinstance(value, str) and unsafe(value):
            self.say(path, str(unsafe(value)))

    def words(self, path: tuple, value: Any) -> None:
        """A name, hours or title: pages show it as words, and a wording may put it anywhere."""
        for lang, text in value.items() if isinstance(value, dict) else ():
            if _NOT_WORDS.search(str(text)):
                self.say(
                    path + (lang,),
                    f"`{path[-1]}` is shown as words: no brackets, braces, backticks, tags "
                    "or web addresses",
                )

    def per_language(self, path: tuple, value: Any, every: bool) -> None:
        if not isinstance(value, dict):
            self.say(path, f"`{path[-1]}` must give each language: en: ..., es: ...")
            return
        for lang in value:
            if lang not in self.languages:
                self.say(
                    path + (lang,),
                    f"`{lang}` is not one of the languages ({', '.join(self.languages)})",
                )
        missing = [lang for lang in self.languages if lang not in value] if every else []
        if missing:
            self.say(path, f"`{path[-1]}` has no {', '.join(missing)}: add it")

    def line(self, path: tuple, key: Any, entry: Any) -> None:
        if not _ID.match(str(key)):
            self.say(
                path,
                f"the line `{key}` needs a name in lower case with dashes, like crisis-text-line",
            )
        if not isinstance(entry, dict):
            self.say(path, f"the line `{key}` must be a mapping of its fields")
            return
        for name in entry:
            if name not in LINE_FIELDS:
                self.say(
                    path + (name,), f"unknown field `{name}`{did_you_mean(str(name), LINE_FIELDS)}"
                )
        for name in ("name", "kind", "source"):
            if name not in entry:
                self.say(path, f"the line `{key}` has no `{name}`: add it")
        if not any(entry.get(name) for name in ("call", "text")):
            self.say(path, f"the line `{key}` has no `call` or `text` number: add one")
        if "checked" not in entry and not entry.get("note"):
            self.say(
                path,
                f"the line `{key}` has no `checked` date: check its facts at the source and "
                "add `checked: YYYY-MM-DD`, or say in `note` what is not confirmed",
            )
        for name in PER_LANGUAGE:
            if name in entry:
                self.per_language(path + (name,), entry[name], every=name == "name")
        for name in ("name", "hours"):
            self.words(path + (name,), entry.get(name))
        self.fields(path, entry)

    def fields(self, path: tuple, entry: dict) -> None:
        if "kind" in entry and entry["kind"] not in KINDS:
            self.say(path + ("kind",), f"`kind` must be one of {', '.join(KINDS)}")
        for name in ("call", "tty", "text"):
            if name in entry and not _NUMBER.match(str(entry[name])):
                self.say(
                    path + (name,),
                    f"`{name}: {entry[name]}` is not a number a phone dials: write a short "
                    'code ("988") or 1-800-662-4357',
                )
        also, text_in = entry.get("also") or [], entry.get("text_in") or []
        for name, value, like in (("also", also, "[1-800-662-HELP]"), ("text_in", text_in, "[en]")):
            if not isinstance(value, list):
                self.say(path + (name,), f"`{name}` is a list: {name}: {like}")
        whatsapp = entry.get("whatsapp") if isinstance(entry.get("whatsapp"), dict) else {}
        shown = [
            (("also", n), value) for n, value in enumerate(also if isinstance(also, list) else [])
        ]
        shown += [(("whatsapp", lang), value) for lang, value in whatsapp.items()]
        for where, value in shown:
            if not _SHOWN.match(str(value)) and not _NUMBER.match(str(value)):
                self.say(
                    path + where,
                    f"`{value}` is not a phone number as pages show it (1-800-662-HELP)",
                )
        for lang, word in (
            (entry.get("keyword") or {}).items() if isinstance(entry.get("keyword"), dict) else ()
        ):
            if not _WORD.match(str(word)):
                self.say(
                    path + ("keyword", lang), f"the keyword `{word}` must be one word of letters"
                )
        for lang in text_in if isinstance(text_in, list) else ():
            if lang not in self.languages:
                self.say(path + ("text_in",), f"`text_in` lists `{lang}`, not one of the languages")
        options = entry.get("options") or {}
        if not isinstance(options, dict) or any(
            not isinstance(d, int) or isinstance(d, bool) or not 0 < d < 10
            for d in options.values()
        ):
            self.say(
                path + ("options",),
                "`options` names each menu choice and its key, 1 to 9: veterans: 1",
            )
        web = entry.get("web")
        for url in web.values() if isinstance(web, dict) else [web] if web else []:
            if not _URL.match(str(url)):
                self.say(path + ("web",), f"`{url}` must be an https:// address")
        source = entry.get("source")
        if "source" in entry and not (
            isinstance(source, dict) and _URL.match(str(source.get("url", "")))
        ):
            self.say(
                path + ("source",),
                "`source` needs `url: https://...` and a `title` in each language",
            )
        elif isinstance(source, dict):
            self.per_language(path + ("source", "title"), source.get("title"), every=True)
            self.words(path + ("source", "title"), source.get("title"))
        checked = entry.get("checked")
        day = checked if type(checked) is dt.date else None  # a datetime is no day
        if "checked" in entry and (day is None or day > dt.date.today()):
            self.say(
                path + ("checked",),
                "`checked` must be the day the facts were checked, as YYYY-MM-DD, not in "
                "the future",
            )

    def wording(self, path: tuple, key: Any, entry: Any) -> None:
        if not _ID.match(str(key)):
            self.say(path, f"the wording `{key}` needs a name in lower case with dashes")
        self.per_language(path, entry, every=True)
        for lang, text in entry.items() if isinstance(entry, dict) else ():
            if not isinstance(text, str) or "\n" in text.strip():
                self.say(path + (lang,), "each wording is one line of text: join its lines")
