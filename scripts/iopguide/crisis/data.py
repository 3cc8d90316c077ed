"""The crisis file as the build uses it: each line's values in a language, the wording with
those values put in, and `{crisis:...}` placeholders on a page expanded.

    data, problems = load(root)                  # None when the file has a mistake
    data.value("nami.call-link", "es")           # "[1-800-950-6264](tel:+18009506264)"
    data.phrase("bar-text", "es")                # "[Envíe AYUDA al 988](sms:988?body=AYUDA)"
    text, unknown = data.expand(page_text, "es")  # same lines, placeholders filled

The file is read where the build runs (the project folder), else in this checkout, and
read again only when it changes. Nothing here imports MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from iopguide.checks import markdown_scan
from iopguide.checks.problem import Problem
from iopguide.crisis import schema, wording
from iopguide.paths import ROOT

FILE = Path("docs/.data/crisis.yml")
# On a page: {crisis:danger} (a wording) or {crisis:nami.call-link} (one value).
PLACEHOLDER = re.compile(r"\{crisis:([^{}\s]*)\}")
REFERENCE = schema.REFERENCE  # in the file's wording: {lifeline.call}
_LANG_FOLDER = re.compile(r"^docs-([a-z]{2})$")
DERIVED = ("tel", "sms", "tty-tel", "call-link", "text-link", "tty-link", "web-link")


def language(path: str) -> str:
    """The language of a page from its folder: docs-es/x.md is "es", anything else "en"."""
    for part in path.replace("\\", "/").split("/"):
        found = _LANG_FOLDER.match(part)
        if found:
            return found.group(1)
    return "en"


def dial(number: str) -> str:
    """What a phone dials for a number as pages show it: 988, or +1 and 10 digits."""
    digits = re.sub(r"\D", "", number)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return "+1" + digits if len(digits) == 10 else digits


@dataclass(frozen=True)
class Line:
    id: str
    raw: dict
    line: int  # where its entry starts in the file

    def get(self, name: str, lang: str) -> str | None:
        """A field in a language: a per-language mapping gives that language's value. A
        list (`also`) or a mapping (`source`) is no one value: None."""
        value = self.raw.get(name)
        if isinstance(value, dict):
            value = value.get(lang)
        return None if value is None or isinstance(value, (list, dict)) else str(value)

    def dials(self, scheme: str) -> set[str]:
        """What a tel: (call, tty) or sms: (text) link to this line dials."""
        names = ("call", "tty") if scheme == "tel" else ("text",)
        return {dial(str(self.raw[name])) for name in names if self.raw.get(name)}

    def keywords(self) -> dict[str, str]:
        found = self.raw.get("keyword")
        return {lang: str(word) for lang, word in found.items()} if isinstance(found, dict) else {}

    def shown(self) -> list[str]:
        """Every way pages write this line's numbers."""
        names = ("call", "tty", "text")
        found = [str(self.raw[name]) for name in names if self.raw.get(name)]
        found += [str(value) for value in (self.raw.get("whatsapp") or {}).values()]
        return found + [str(value) for value in self.raw.get("also") or ()]

    def options(self) -> dict[str, int]:
        found = self.raw.get("options")
        return dict(found) if isinstance(found, dict) else {}


@dataclass
class Data:
    path: str  # as problems name it: docs/.data/crisis.yml
    languages: tuple[str, ...]
    lines: dict[str, Line]
    wording: dict[str, dict[str, str]]
    where: dict[tuple, int] = field(default_factory=dict)  # (key, ...) -> line in the file

    def value(self, reference: str, lang: str) -> str | None:
        """`lifeline.call`, `lifeline.sms`, `lifeline.keyword.es`, `lifeline.options.spanish`:
        the value in `lang`, or None when there is none."""
        line_id, _, name = reference.partition(".")
        line = self.lines.get(line_id)
        if line is None or not name:
            return None
        head, _, tail = name.rpartition(".")
        if head and tail in self.languages:  # keyword.es: that language's value
            name, lang = head, tail
        if name.startswith("options."):
            digit = line.options().get(name.removeprefix("options."))
            return None if digit is None else str(digit)
        if name in DERIVED:
            return self._derived(line, name, lang)
        if name == "source":
            return str((line.raw.get("source") or {}).get("url") or "") or None
        return line.get(name, lang) if name in schema.LINE_FIELDS else None

    def _derived(self, line: Line, name: str, lang: str) -> str | None:
        shown = {"tel": "call", "call-link": "call", "tty-tel": "tty", "tty-link": "tty"}
        shown |= {"sms": "text", "text-link": "text", "web-link": "web"}
        number = line.get(shown[name], lang)
        if number is None:
            return None
        if name == "web-link":
            host = urlsplit(number).netloc.removeprefix("www.")
            return f"[{host}]({number})"
        target = "sms:" + dial(number) if shown[name] == "text" else "tel:" + dial(number)
        keyword = line.get("keyword", lang)
        if shown[name] == "text" and keyword:
            target += "?body=" + keyword
        return target if name in ("tel", "sms", "tty-tel") else f"[{number}]({target})"

    def phrase(self, key: str, lang: str) -> str | None:
        """A wording in `lang` with its `{line.field}` values put in (None: no such wording,
        or not in that language)."""
        text = self.wording.get(key, {}).get(lang)
        if text is None:
            return None
        return REFERENCE.sub(lambda m: self.value(m[1] + "." + m[2], lang) or m[0], text)

    def keys(self) -> list[str]:
        """Everything a page may write after `{crisis:`, for "did you mean": each wording,
        and each line's fields that have a value in some language."""
        found = list(self.wording)
        for line in self.lines.values():
            names = list(schema.LINE_FIELDS) + list(DERIVED)
            names += [f"options.{option}" for option in line.options()]
            found += [
                f"{line.id}.{name}"
                for name in names
                if any(self.value(f"{line.id}.{name}", lang) for lang in self.languages)
            ]
        return found

    def expand(self, text: str, lang: str) -> tuple[str, list[tuple[int, str]]]:
        """The page with each `{crisis:...}` outside code replaced by its wording or value
        in `lang`, on the same line. Also returns each placeholder it could not fill, with
        its line, left as typed (the crisis-line rule names it)."""
        if "{crisis:" not in text:
            return text, []
        masked = markdown_scan.masked(text)
        out, last, unknown = [], 0, []
        for match in PLACEHOLDER.finditer(masked):
            key = match.group(1)
            filled = self.phrase(key, lang) if key in self.wording else self.value(key, lang)
            if filled is None:
                unknown.append((markdown_scan.line_of(text, match.start()), key))
                continue
            out += [text[last : match.start()], filled]
            last = match.end()
        return "".join(out) + text[last:], unknown


def locate(root: Path | None = None) -> tuple[Path, str]:
    """The crisis file of the project in `root` (else the folder the build runs in, else
    this checkout), and the path problems name it by."""
    for folder in ([root] if root else []) + [Path.cwd(), ROOT]:
        if (folder / FILE).is_file():
            return folder / FILE, FILE.as_posix()
    return (root or ROOT) / FILE, FILE.as_posix()


_cache: dict[Path, tuple[int, Data | None, list[Problem]]] = {}


def load(root: Path | None = None) -> tuple[Data | None, list[Problem]]:
    """The crisis file, and its problems (each `path:line: crisis-line: fix`). The data is
    None when any problem would make a value wrong; nothing here raises on a bad file."""
    path, shown = locate(root)
    stamp = path.stat().st_mtime_ns if path.is_file() else -1
    cached = _cache.get(path)
    if cached and cached[0] == stamp:
        return cached[1], list(cached[2])
    raw, where, problems = schema.read(path, shown)
    data = None
    if raw is not None:
        lines = {
            str(key): Line(str(key), value, where.get(("lines", key), 1))
            for key, value in raw["lines"].items()
        }
        data = Data(shown, tuple(raw["languages"]), lines, raw["wording"], where)
        problems += wording.problems(data)
    if problems:
        data = None
    _cache[path] = (stamp, data, problems)
    return data, list(problems)
