"""The `rendered-html` rule: what a page renders to, read as a browser reads it.

The Markdown rules (unsafe_html.py, local_files.py, link_hosts.py) read the page's text
and name the line early. This rule reads the HTML the generator made of the page (its
snippets pasted in, attr_list's `{: ...}` applied, whatever an unclosed code fence let
through), with an HTML5 parser, and allows only the tags, attributes and classes in
allowed_html.py. Each finding is put on the first line of the page, or of a snippet file
it can include, that holds the tag, attribute or value; found nowhere, on line 1.

The MkDocs hook runs it on each page's content as MkDocs renders it; `steps.py` runs it
on Zensical's build with the same extensions (render/page_html.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from iopguide.checks import allowed_html, snippets
from iopguide.checks.problem import Problem
from iopguide.checks.snippets import snippet_files
from iopguide.checks.urls import host, private_host, scheme, shown

RULE = "rendered-html"
ASK = 'to use something new, ask a developer (CONTRIBUTING.md, "Allowed HTML")'
FENCE_HINT = "; if you did not mean it as HTML, look for a code fence left open above it"
# The Markdown-side rules that already name these findings on their own line.
SAID_BEFORE = ("unsafe-html", "image-local", "link-host", "link-https", "front-matter")


@dataclass(frozen=True)
class Finding:
    """One thing on the rendered page that is not allowed."""

    token: str  # what to look for in the source: a tag name, an attribute, a value
    message: str
    also: tuple[str, ...] = ()  # what else to look for, when the source lacks `token`


def findings(html: str) -> list[Finding]:
    """Everything in the rendered `html` that the allow-list does not allow."""
    found: list[Finding] = []
    tree = LexborHTMLParser(f"<body>{html}</body>")
    for node in tree.root.traverse() if tree.root else ():
        tag = (node.tag or "").lower()
        if not tag or tag.startswith("-"):  # text, comments
            continue
        words = [node.text(deep=False) or "", *(value or "" for value in node.attributes.values())]
        if mark := _BIDI.search(" ".join(words)):
            found.append(Finding(mark.group(0), _BIDI_MESSAGE))
        if tag not in allowed_html.TAGS:
            found.append(
                Finding(f"<{tag}", f"<{tag}> is not allowed in a page: remove it{FENCE_HINT}")
            )
            continue
        for name, value in node.attributes.items():
            found += _attribute(tag, name.lower(), value or "")
        if tag in _HEADINGS and "<" in (text := node.text(deep=True)):
            found.append(_markup(f"<{tag}> text", text))
    return found


# Bidirectional overrides and isolates show text in another order than it is written:
# `Call \u202e0010-555-009-1` reads as a phone number that is not the one in the text.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BIDI_MESSAGE = (
    "the text has an invisible character that reverses the order readers see "
    "(U+202A to U+202E, U+2066 to U+2069): delete it and type the text as it should read"
)

# Material's tooltips (content.tooltips) show a `title`, and a heading's text when its
# table-of-contents entry is cut short, as HTML: `&lt;meta http-equiv=refresh ...&gt;`
# there is a redirect, any other tag markup this allow-list never sees.
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _markup(what: str, value: str) -> Finding:
    """A `<` in a title or a heading; found in the source as written, words before it
    first (a heading's `Use &lt;b&gt;`)."""
    before, _, after = value.partition("<")
    word = re.match(r"[^\s/>]*", after)
    tag = word.group(0) if word else ""
    lead = before.split("\n")[-1].lstrip()
    forms = [f"{start}{tag}" for start in ("<", "&lt;", "&#60;", "&#x3c;")]
    message = (
        f"the {what} `{shown(value, 40)}` has `<`, which the theme's tooltips show as HTML: "
        'write "less than" in words, or leave the tag out'
    )
    also = (*(lead + form for form in forms[1:]), *forms) if lead else tuple(forms[1:])
    return Finding(lead + forms[0], message, also)


def _attribute(tag: str, name: str, value: str) -> list[Finding]:
    if not allowed_html.allowed_attr(tag, name):
        return [Finding(name, f"the <{tag}> tag's `{name}` attribute is not allowed: remove it")]
    allowed_values = allowed_html.VALUES.get((tag, name), allowed_html.GLOBAL_VALUES.get(name))
    if allowed_values is not None and value.strip().lower() not in allowed_values:
        message = f'<{tag} {name}="{shown(value, 30)}"> is not allowed: remove it'
        written = (f"{name}='{value}'", f"{name}={value}", value)
        return [Finding(f'{name}="{value}"', message, written)]
    if name in allowed_html.ID_ATTRS:
        return _id(tag, name, value)
    if name == "title" and "<" in value:
        return [_markup(f"<{tag}> title", value)]
    if name == "class":
        return [
            Finding(word, f"the class `{word}` is not one pages may use: remove it")
            for word in value.split()
            if word not in allowed_html.CLASSES and not allowed_html.CLASS_PATTERN.fullmatch(word)
        ]
    if name in allowed_html.URL_ATTRS:
        return _address(tag, name, value)
    return []


def _id(tag: str, name: str, value: str) -> list[Finding]:
    if not allowed_html.ID_PATTERN.fullmatch(value):
        message = (
            f'<{tag} {name}="{shown(value, 30)}"> is not allowed: an id is letters, digits, '
            "- and _ only, like {#next-steps}"
        )
        return [Finding(_needle(value), message)]
    if allowed_html.RESERVED_ID.fullmatch(value):
        message = (
            f'<{tag} {name}="{value}">: the theme or the site uses that id: '
            "choose another, like {#next-steps}"
        )
        return [Finding(value, message)]
    return []


def _address(tag: str, name: str, value: str) -> list[Finding]:
    kind = scheme(value)
    if tag == "a" and kind in allowed_html.LINK_SCHEMES:
        why = private_host(host(value)) if kind in ("http", "https") else ""
        if why:
            message = f"the link `{shown(value, 40)}` goes to {why}: link to a public https:// page"
            return [Finding(host(value), message)]
        return []
    if tag != "a" and kind == "":
        return []  # an image of the site's own
    what = "link" if tag == "a" else f"<{tag} {name}>"
    return [Finding(_needle(value), f"the {what} `{shown(value, 40)}` is not allowed: {_fix(tag)}")]


def _fix(tag: str) -> str:
    if tag == "a":
        return "link to an https:// page, a phone number (tel:) or an email address"
    return "use a file of this site (in docs/assets/)"


def _needle(value: str) -> str:
    """A piece of an address that the source holds as written (entities and tabs aside)."""
    return re.split(r"[\s&]", value.strip(), maxsplit=1)[0][:40] or value


def page_sources(path: str, docs_dir: Path, root: Path) -> list[tuple[str, str]]:
    """The page at `path` (from the project `root`) and every snippet file its language
    (`docs_dir`) can include, as (path as shown, text): where its rendered HTML came from."""
    found = [(path, (root / path).read_text(encoding="utf-8-sig", errors="replace"))]
    for snippet in snippet_files(docs_dir):  # a file that is not UTF-8: snippets.py says so
        shown_path = os.path.relpath(snippet, root).replace(os.sep, "/")
        found.append((shown_path, snippet.read_text(encoding="utf-8-sig", errors="replace")))
    return found


def include_problem(
    text: str, options: dict | None, path: str, sources: Sequence[tuple[str, str]]
) -> Problem | None:
    """The first `--8<--` include of the page `text` at `path` (or of a snippet it pulls
    in) that pymdownx.snippets (settings `options`, None without it) cannot read, on the
    line of `sources` (page_sources) that names it (snippets.include_problem): the
    generator would stop there with a traceback."""
    if options is None:
        return None
    return snippets.include_problem(text, options, path, lambda name: locate(name, sources))


def check(
    html: str,
    sources: Sequence[tuple[str, str]],
    page: str,
    said: Collection[str] = (),
) -> list[Problem]:
    """`rendered-html` problems of the rendered `html` of `page`, each on the first source
    that holds it: `sources` are (path as shown, text), the page's Markdown first. A
    finding in a file named in `said` (one a Markdown-side rule already failed) is left
    out: the editor has its line already."""
    problems: dict[tuple[str, int, str], Problem] = {}
    for finding in findings(html):
        tokens = (finding.token, *finding.also)
        where = next(filter(None, (locate(token, sources) for token in tokens)), None)
        path, line = where or (page, 1)
        if path in said:
            continue
        message = f"{finding.message}; {ASK}"
        if where is None:
            message = f"{finding.message} (in this page or a snippet it includes); {ASK}"
        problems.setdefault((path, line, message), Problem(path, line, RULE, message))
    return list(problems.values())


def locate(token: str, sources: Sequence[tuple[str, str]]) -> tuple[str, int] | None:
    """The first (path, line) whose text holds `token`, ignoring case and front matter."""
    edge = r"\b" if token[-1:].isalnum() else ""
    pattern = re.compile(
        ("" if token[:1] == "<" else r"(?<![\w-])") + re.escape(token) + edge, re.I
    )
    for path, text in sources:
        match = pattern.search(text, _body_start(text))
        if match:
            return path, text.count("\n", 0, match.start()) + 1
    return None


def _body_start(text: str) -> int:
    """Where the text after a page's front matter starts (0 without front matter)."""
    match = re.match(r"---\r?\n.*?^---[ \t]*$", text, re.S | re.M)
    return match.end() if match else 0
