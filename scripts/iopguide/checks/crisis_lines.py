"""The `crisis-line` rule: a crisis number or keyword on a page agrees with the crisis file.

docs/.data/crisis.yml (iopguide/crisis/) holds every line the site names. On a page:

- `{crisis:KEY}` is a wording or a value of the file (`expand` fills it in, on the same
  line, before every other rule reads the page); an unknown KEY is named, with "did you
  mean";
- every `tel:` and `sms:` link dials a number the file knows, texts it the keyword of the
  page's language (a Spanish page's `sms:741741` sends AYUDA), and its text says what it
  does ("Text 988" is not a `tel:` link, "AYUDA al 988" sends AYUDA);
- a sentence that names a line's number and another language's keyword names this one's
  too (HOME reaches Crisis Text Line's English service), and "press 3" after 988 names a
  key its menu has.

Links that do not dial a valid number are the `phone-link` rule's (phone_links.py). The
file's own mistakes, and its wording's links, are checked by `file_problems`. Nothing here
imports MkDocs; content.py calls `expand` and `check`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs

from iopguide.checks import claims, markdown_scan, phone_links
from iopguide.checks.markdown_scan import Link
from iopguide.checks.problem import Problem
from iopguide.crisis import RULE, Data, Line, language, load
from iopguide.crisis.data import dial
from iopguide.crisis.schema import did_you_mean

NAMES = {"en": "English", "es": "Spanish"}


def _page(lang: str) -> str:
    name = NAMES.get(lang, lang)
    return ("an " if name[:1] in "AEIOU" else "a ") + name + " page"


_TEXT_VERB = re.compile(r"\b(?:text|envíe|envie|escriba|mensaje)\b", re.I)
_CALL_VERB = re.compile(r"\b(?:call|llame|llamar|marque)\b", re.I)
_PRESS = re.compile(r"\b(?:press|oprima(?:\s+el)?|marque(?:\s+el)?)\s+(\d)\b", re.I)
_HOW = '(CONTRIBUTING.md, "Crisis lines")'


def expand(text: str, path: str, data: Data | None) -> tuple[str, list[Problem]]:
    """The page with its `{crisis:...}` filled in, line for line, and a problem for each
    placeholder the file cannot fill."""
    if data is None:
        return text, []
    lang = language(path)
    expanded, unknown = data.expand(text, lang)
    problems = []
    for line, key in unknown:
        if key in data.wording:
            fix = f"{data.path} has no {NAMES.get(lang, lang)} wording for it: add `{lang}:` there"
        else:
            hint = did_you_mean(key, data.keys(), "{{crisis:{}}}")
            fix = f"it is not in {data.path}{hint}: write a wording or a line.field it has"
        problems.append(Problem(path, line, RULE, f"`{{crisis:{key}}}`: {fix}"))
    return expanded, problems


def _words(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def _link_problem(link: Link, data: Data, lang: str) -> str | None:
    scheme, _, rest = link.target.partition(":")
    scheme = scheme.lower()
    number, _, query = rest.strip().partition("?")
    digits = dial(number)
    found = [line for line in data.lines.values() if digits in line.dials(scheme)]
    if not found:
        other = "sms" if scheme == "tel" else "tel"
        if any(digits in line.dials(other) for line in data.lines.values()):
            how = "text" if other == "sms" else "call"
            wrong = "call" if how == "text" else "text"
            return f"{number} is a number to {how}, not to {wrong}: write {other}:{number}"
        return (
            f"`{link.target}` dials a number {data.path} does not have: add the line there "
            f"with its source {_HOW}, or fix the number"
        )
    text = link.text or ""
    if scheme == "tel" and _TEXT_VERB.search(text) and not _CALL_VERB.search(text):
        return f'the link text "{text}" says to text, but `{link.target}` calls: use sms:{number}'
    if scheme == "sms" and _CALL_VERB.search(text) and not _TEXT_VERB.search(text):
        return (
            f'the link text "{text}" says to call, but `{link.target}` sends a text: '
            f"use tel:{number}"
        )
    return _keyword_problem(link, found[0], lang, query, data.path) if scheme == "sms" else None


def _keyword_problem(link: Link, line: Line, lang: str, query: str, shown: str) -> str | None:
    body = (parse_qs(query).get("body") or [""])[0].strip()
    words = line.keywords()
    expected = words.get(lang)
    target = f"sms:{dial(str(line.raw['text']))}"
    right = f"{target}?body={expected}" if expected else target
    text = link.text or ""
    said = [
        word for word in words.values() if _words(text, word) and word.casefold() != body.casefold()
    ]
    if said:
        return (
            f"the link text says {said[0]} but `{link.target}` does not send it: "
            f"write {target}?body={said[0]}"
        )
    if body and body.casefold() not in {word.casefold() for word in words.values()}:
        return (
            f"`{link.target}` sends {body}, which is not a keyword of the "
            f"{line.get('name', lang)} in the crisis file: write {right}"
        )
    if body and (expected or "").casefold() != body.casefold() and not _words(text, body):
        reaches = [
            NAMES.get(other, other)
            for other, word in words.items()
            if word.casefold() == body.casefold()
        ]
        return (
            f"`{link.target}` sends {body}, which reaches the {' and '.join(reaches)} service, "
            f"from {_page(lang)}: write {right}, or show {body} in the link text"
        )
    if expected and not body:
        return (
            f"a text to {line.raw['text']} from {_page(lang)} sends "
            f"{expected}, the word {shown} gives for {NAMES.get(lang, lang)}: write {right}"
        )
    return None


def _sentence_problem(sentence: str, data: Data, lang: str) -> str | None:
    dialled = {dial(number) for number in claims.numbers(sentence) if number.isdigit()}
    plain = claims.seen_words(sentence)
    for line in data.lines.values():
        if not (line.dials("sms") | line.dials("tel")) & dialled:
            continue
        expected = line.keywords().get(lang)
        for other, word in line.keywords().items():
            if (
                expected
                and word != expected
                and _words(plain, word)
                and not _words(plain, expected)
            ):
                return (
                    f"{word} reaches the {line.get('name', lang)}'s {NAMES.get(other, other)} "
                    f"service; {_page(lang)} says {expected}, as {data.path} does"
                )
        options = line.options()
        calls = line.dials("tel") & dialled
        for press in _PRESS.finditer(plain) if options and calls else ():
            if int(press[1]) not in options.values():
                menu = ", ".join(f"press {digit} ({name})" for name, digit in options.items())
                return (
                    f'"{press[0]}": {line.get("call", lang)} has no key {press[1]}; its menu is '
                    f"{menu} ({data.path})"
                )
    return None


def check(
    text: str, links: list[Link], path: str, data: Data | None, lang: str | None = None
) -> list[Problem]:
    """The rule on a page whose placeholders are already filled (`expand`)."""
    if data is None:
        return []
    lang = lang or language(path)
    problems = []
    for link in links:
        if link.kind == "reference" or not phone_links.dials(link.target):
            continue
        if phone_links.check([link], path):  # the phone-link rule names it already
            continue
        found = _link_problem(link, data, lang)
        if found:
            problems.append(Problem(path, link.line, RULE, found))
    named = {problem.line for problem in problems}  # one line per mistake: links first
    for sentence in claims.sentences(text):
        found = _sentence_problem(sentence.text, data, lang)
        if found and sentence.line not in named:
            problems.append(Problem(path, sentence.line, RULE, found))
    return problems


def file_problems(root: Path | None = None) -> list[Problem]:
    """The crisis file's own problems, and its wording checked like a page's text."""
    data, problems = load(root)
    if data is None:
        return problems
    for key, texts in data.wording.items():
        for lang in texts:
            phrase = data.phrase(key, lang) or ""
            line = data.where.get(("wording", key, lang), 1)
            found = check(phrase, markdown_scan.links(phrase), data.path, data, lang)
            problems += [Problem(data.path, line, RULE, p.message) for p in found]
    return problems


def exempt(data: Data | None, lang: str) -> Callable[[str], set[str]]:
    """For cite-claim: the numbers of a sentence that are crisis lines the file sources (a
    line's numbers, and the keys of its menu when the sentence names its number)."""
    if data is None:
        return lambda sentence: set()
    owned = [(line, _numbers(line, lang)) for line in data.lines.values()]

    def covered(sentence: str) -> set[str]:
        stated = set(claims.numbers(sentence))
        found: set[str] = set()
        for line, numbers in owned:
            if numbers & stated:
                found |= numbers & stated
                found |= {str(digit) for digit in line.options().values()} & stated
        return found

    return covered


def _numbers(line: Line, lang: str) -> set[str]:
    shown = [
        value for value in line.shown() if value not in (line.raw.get("whatsapp") or {}).values()
    ]
    shown += [line.get("whatsapp", lang) or ""]
    return {number for value in shown for number in claims.numbers(value)}


def sources(text: str, path: str, data: Data | None) -> list[dict[str, str]]:
    """The file's sources for the lines a page names without a marker (a page's text as
    written): what finish adds to its Sources list, each as {title, url}."""
    if data is None:
        return []
    lang = language(path)
    expanded, _ = data.expand(text, lang)
    relied: set[str] = set()
    claims.check(expanded, path, 0, exempt=exempt(data, lang), relied=relied)
    found: dict[str, dict[str, str]] = {}
    for line in data.lines.values():
        if _numbers(line, lang) & relied:
            source = line.raw["source"]
            found.setdefault(source["url"], {"title": source["title"][lang], "url": source["url"]})
    return list(found.values())
