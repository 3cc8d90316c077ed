"""Front matter is plain text. Its strings reach templates (the <title>, the description
<meta>, og: tags, the header, the nav, the Sources list, embeds, the feed), and Material's
templates print some of them unescaped, so no field may hold `<`, `>` or a control
character (a tab or line break in a one-line field included). Quotes and `&` are fine in
titles and descriptions: the templates escape them (overrides/main.html). A source `url`
has its own, stricter test; the few fields Material prints into an attribute or a path
(`status`, `icon`, `template`) must be simple names.

Every problem here is the `front-matter` rule. frontmatter_fields.check calls `check`.
"""

from __future__ import annotations

import html
import importlib.util
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import yaml

from iopguide.checks.problem import Problem
from iopguide.checks.urls import host, private_host

# Bidirectional overrides and isolates reorder the text a reader sees.
_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_CONTROL_NAMES = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}
# Material prints these into a class attribute, an include path or a template name.
NAMES = {
    "status": (re.compile(r"^[a-z0-9-]+$"), "one word, like `new` or `deprecated`"),
    "icon": (
        re.compile(r"^[a-z0-9-]+(/[a-z0-9-]+)+$"),
        "one of the theme's icons, like `material/heart-pulse`",
    ),
    # Only the page template: Material's base.html has no crisis strip, a partial or
    # redirect.html is no page at all (the embed step would stop with a traceback).
    "template": (
        re.compile(r"^main\.html$"),
        "`main.html`, the page template (another one needs a developer: CONTRIBUTING.md)",
    ),
}
_URL_FIXES = {'"': "%22", "'": "%27", "<": "%3C", ">": "%3E", " ": "%20"}
# Fields the theme reads as a list or a mapping: another shape stops the build with a
# traceback (Material's search plugin calls `search.get`, its templates test `"toc" in
# hide`), and an unknown icon is a missing template.
HIDE = ("navigation", "toc", "footer", "path", "feedback", "tags")
SEARCH = {"boost": "a number from 0 to 10, like `boost: 2`", "exclude": "`true` or `false`"}


def shown(value: str) -> str:
    """`value` safe to print in a message: invisible characters as `\\uXXXX`."""
    return "".join(c if c.isprintable() and c not in _BIDI else f"\\u{ord(c):04x}" for c in value)


def _is_control(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in _BIDI


def text_problem(value: str, field: str) -> str | None:
    """Why `value` is not plain one-line text, or None. Trailing line breaks (from a
    YAML `>` block) are ignored: nothing prints them. Read as a browser reads it, with
    its entities decoded: Material prints the title in its header unescaped, so `&lt;`
    there is a `<` to the reader, and `&#x202e;` an invisible character."""
    for char in html.unescape(value.rstrip("\n")):
        if char in "<>":
            return (
                f"{field} has `{char}`: front matter is plain text, not HTML: remove the "
                f'tag, or write "{"less than" if char == "<" else "more than"}" in words'
            )
        if _is_control(char):
            name = _CONTROL_NAMES.get(char, "a control character")
            return (
                f"{field} has {name} (U+{ord(char):04X}): write it on one line with "
                "plain spaces, and no invisible characters"
            )
    return None


def url_problem(url: str) -> str | None:
    """Why a source `url` cannot be printed into an `href`, or None. Like a page's links
    (link_hosts.py), it must lead to a public website: the link checker would otherwise
    reach a machine inside the network it runs in (169.254.169.254, 10.0.0.5...)."""
    why = private_host(host(url))
    if why:
        return (
            f"source url `{shown(url)}` goes to {why}, not a public website: use the "
            "source's public address, such as https://www.samhsa.gov/..."
        )
    for char in url:
        if char in _URL_FIXES or char.isspace() or _is_control(char):
            fix = _URL_FIXES.get(char, f"%{ord(char):02X}" if ord(char) < 0x80 else "nothing")
            return (
                f"source url `{shown(url)}` has `{shown(char)}` (U+{ord(char):04X}): "
                f"write it as {fix} (copy the address from the browser's address bar)"
            )
    return None


def _scalars(node: yaml.Node, field: str) -> Iterator[tuple[yaml.ScalarNode, str]]:
    """Every string in the front matter with the name to give it in a message. Source
    urls are left to url_problem."""
    if isinstance(node, yaml.ScalarNode):
        yield node, field
    elif isinstance(node, yaml.SequenceNode):
        for number, item in enumerate(node.value, start=1):
            if field == "`sources`" and isinstance(item, yaml.MappingNode):
                for key, value in item.value:
                    if key.value != "url":
                        yield from _scalars(value, f"the `{key.value}` of source {number}")
            else:
                yield from _scalars(item, field)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = f"`{key.value}`" if field == "" else f"{field[:-1]}.{key.value}`"
            yield from _scalars(key, "a field name")
            yield from _scalars(value, name)


def _icon_exists(name: str) -> bool:
    """Is `name` (`material/heart-pulse`) one of the installed themes' icons?"""
    for theme in ("material", "zensical"):
        spec = importlib.util.find_spec(theme)
        if spec and spec.origin:
            icons = Path(spec.origin).parent / "templates" / ".icons"
            if (icons / f"{name}.svg").is_file():
                return True
    return False


def _shape_problem(field: str, node: yaml.Node) -> tuple[yaml.Node, str] | None:
    """Why a field the theme reads as a list, a mapping or an icon has another shape
    (and the node to name the line of)."""
    if field == "hide":
        words = node.value if isinstance(node, yaml.SequenceNode) else None
        if words is None or any(str(word.value) not in HIDE for word in words):
            return node, f"`hide` must be a list of {', '.join(HIDE)}, like `hide: [toc]`"
    if field == "search":
        if not isinstance(node, yaml.MappingNode):
            return node, "`search` must hold `boost:` or `exclude:` on lines of its own"
        for key, value in node.value:
            if key.value not in SEARCH:
                return key, f"`search.{key.value}` is not a search setting: use boost or exclude"
            tag = value.tag.rsplit(":", 1)[-1]
            number = tag in ("int", "float") and 0 <= float(value.value) <= 10
            if not (number if key.value == "boost" else tag == "bool"):
                return key, f"`search.{key.value}` must be {SEARCH[key.value]}"
    if field == "icon" and isinstance(node, yaml.ScalarNode) and not _icon_exists(node.value):
        return node, f"`icon` is `{shown(str(node.value))}`, which is not one of the theme's icons"
    return None


def _repeated(root: yaml.Node) -> yaml.Node | None:
    """The first value that a YAML alias (`*name`) repeats, or None. An alias can hold
    its own anchor (a list inside itself) or repeat a list of lists a billion times: every
    walk through the values (these checks, the templates, the feed) would never end."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return node
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
    return None


def check(root: yaml.MappingNode, first_line: int, path: str) -> list[Problem]:
    """Markup or control characters in any string of the front matter, names that are
    not simple names, and fields the theme reads in a shape it cannot read."""
    repeated = _repeated(root)
    if repeated is not None:
        line = first_line + repeated.start_mark.line
        fix = "a YAML alias (`*name`) repeats the value set here (`&name`): write it out"
        return [Problem(path, line, "front-matter", fix)]
    problems = []
    for node, field in _scalars(root, ""):
        message = text_problem(str(node.value), field)
        if message is None and field.strip("`") in NAMES:
            pattern, what = NAMES[field.strip("`")]
            if not pattern.match(str(node.value)):
                message = f"{field} is `{shown(str(node.value))}`: it must be {what}"
        if message:
            problems.append(
                Problem(path, first_line + node.start_mark.line, "front-matter", message)
            )
    for key, value in root.value:
        found = _shape_problem(str(key.value), value)
        if found:
            line = first_line + found[0].start_mark.line
            problems.append(Problem(path, line, "front-matter", found[1]))
    return problems
