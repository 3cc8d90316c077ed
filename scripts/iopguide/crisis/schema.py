"""What the crisis file must hold, each mistake as `path:line: crisis-line: what to do`.

`read` parses the YAML with the line of every key and checks its shape (known fields,
a name in every language, numbers a phone can dial, https addresses, a `checked` date or
a `note`); `references` checks the wording's `{line.field}` values once the data is
built. A bad file gives problems, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from iopguide.checks.problem import Problem

if TYPE_CHECKING:
    from iopguide.crisis.data import Data

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
_URL = re.compile(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$")
_LINK = re.compile(r"\]\(\s*([^)\s]*)")


def did_you_mean(word: str, known: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f" (did you mean `{close[0]}`?)" if close else ""


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
    text = path.read_text(encoding="utf-8-sig")
    try:
        raw = yaml.safe_load(text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        what = getattr(error, "problem", None) or "cannot be read"
        return None, {}, [Problem(shown, line, RULE, f"not valid YAML ({what}): fix this line")]
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
        self.plain(raw, ())
        return self.problems

    def plain(self, value: Any, path: tuple) -> None:
        """The file's words go into every page as they are (slots are filled after the page
        checks), so they may hold Markdown but no HTML, and link only to a phone, a text or
        an https:// site: a pull request cannot hide or restyle crisis help through them."""
        if isinstance(value, dict):
            for key, item in value.items():
                self.plain(item, path + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self.plain(item, path + (index,))
        elif isinstance(value, str):
            if "<" in value or ">" in value:
                self.say(path, "HTML is not allowed here: write plain words and Markdown links")
            for target in _LINK.findall(value):
                if not target.startswith(("tel:", "sms:", "https://", "{")):
                    self.say(path, f"the link `{target}` must start with tel:, sms: or https://")

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
        for index, shown in enumerate(entry.get("also") or []):
            if not _SHOWN.match(str(shown)):
                self.say(
                    path + ("also", index),
                    f"`{shown}` is not a phone number as pages show it (1-800-662-HELP)",
                )
        for lang, word in (
            (entry.get("keyword") or {}).items() if isinstance(entry.get("keyword"), dict) else ()
        ):
            if not _WORD.match(str(word)):
                self.say(
                    path + ("keyword", lang), f"the keyword `{word}` must be one word of letters"
                )
        for lang in entry.get("text_in") or []:
            if lang not in self.languages:
                self.say(path + ("text_in",), f"`text_in` lists `{lang}`, not one of the languages")
        options = entry.get("options") or {}
        if not isinstance(options, dict) or any(
            not isinstance(d, int) or not 0 < d < 10 for d in options.values()
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
        checked = entry.get("checked")
        if "checked" in entry and (not isinstance(checked, dt.date) or checked > dt.date.today()):
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


def references(data: Data, shown: str) -> list[Problem]:
    """Each `{line.field}` in the wording that names no value, with "did you mean"."""
    problems = []
    keys = [key for key in data.keys() if "." in key]
    for key, texts in data.wording.items():
        for lang, text in texts.items():
            for match in REFERENCE.finditer(text):
                reference = match[1] + "." + match[2]
                if data.value(reference, lang) is None:
                    line = data.where.get(("wording", key, lang), 1)
                    hint = did_you_mean(reference, keys)
                    problems.append(
                        Problem(
                            shown,
                            line,
                            RULE,
                            f"`{{{reference}}}` has no value in {lang}{hint}: name a line "
                            "and one of its fields",
                        )
                    )
    return problems
