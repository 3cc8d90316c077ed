"""Material's palette stylesheet, cut to the colours the pages use.

Material ships one palette file with all of its colours (21 primary and 16 accent colours,
each with its own rules, some inside `@media` blocks); every page downloads it before it can
draw. The pages name the colours they can show in `data-md-color-primary` and
`data-md-color-accent` (on <body> and on each colour-scheme toggle, which Material's script
copies onto <body>), so those names are the safelist: a rule for any other colour can never
match. The schemes (light and dark) are all kept. The file keeps its name; its source map no
longer matches, so the link to it goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

COLOUR_ATTRIBUTE = re.compile(r'data-md-color-(primary|accent)=["\']?([\w-]+)')
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


def used_colours(pages: Iterable[str]) -> set[str]:
    """Every `primary:NAME` and `accent:NAME` the pages name."""
    return {f"{kind}:{name}" for text in pages for kind, name in COLOUR_ATTRIBUTE.findall(text)}


def _unused(selector: str, keep: set[str]) -> bool:
    return any(f"{kind}:{name}" not in keep for kind, name in COLOUR_ATTRIBUTE.findall(selector))


def _split(text: str, at: str) -> list[str]:
    """`text` split at each top-level `at` (not inside brackets, parentheses or strings)."""
    parts, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == at and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _blocks(css: str) -> list[tuple[str, str]]:
    """The top-level statements of `css` as (prelude, body); a statement without a block
    (`@charset ...;`) has an empty body."""
    out, depth, start, prelude_end = [], 0, 0, 0
    for index, char in enumerate(css):
        if char == "{":
            if depth == 0:
                prelude_end = index
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                out.append((css[start:prelude_end].strip(), css[prelude_end + 1 : index]))
                start = index + 1
        elif char == ";" and depth == 0:
            out.append((css[start : index + 1].strip(), ""))
            start = index + 1
    return out


def trim(css: str, keep: set[str]) -> str:
    """`css` without the rules (and selectors) for colours not in `keep`."""
    out = []
    for prelude, body in _blocks(SOURCE_MAP.sub("", css)):
        if not body and prelude.endswith(";"):
            out.append(prelude)
        elif prelude.startswith("@"):
            inner = trim(body, keep) if prelude.startswith(("@media", "@supports")) else body
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        else:
            selectors = [s for s in _split(prelude, ",") if not _unused(s, keep)]
            if selectors:
                out.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(out)


def trim_site(site_dir: Path, pages: Iterable[str]) -> int:
    """Cut every palette stylesheet in the built site to the colours `pages` name. Returns
    the bytes saved (nothing is cut when the pages name no colour: Material changed)."""
    keep = used_colours(pages)
    if not keep:
        return 0
    saved = 0
    for path in sorted(site_dir.glob("**/assets/stylesheets/palette.*.css")):
        css = path.read_text(encoding="utf-8")
        cut = trim(css, keep)
        path.write_text(cut, encoding="utf-8")
        saved += len(css) - len(cut)
    return saved
