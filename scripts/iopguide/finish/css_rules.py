"""A small reader for minified CSS: top-level statements and top-level list items.

Enough for the finish steps that cut a stylesheet rule by rule (palette_css.py,
material_css.py); it does not parse values, only finds where statements and selectors
end, minding brackets, parentheses and strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


def _outside_strings(text: str) -> Iterator[tuple[int, str]]:
    """Each (index, character) of `text` that is not inside a quoted string and not
    escaped with a backslash: where CSS's own punctuation can be."""
    quote, escaped = "", False
    for index, char in enumerate(text):
        if escaped or char == "\\":
            escaped = not escaped
        elif quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        else:
            yield index, char


def split_top(text: str, at: str) -> list[str]:
    """`text` split at each top-level `at` (not inside brackets, parentheses or strings)."""
    parts, depth, start = [], 0, 0
    for index, char in _outside_strings(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == at and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def blocks(css: str) -> list[tuple[str, str]]:
    """The top-level statements of `css` as (prelude, body); a statement without a block
    (`@charset ...;`) has an empty body."""
    out, depth, start, prelude_end = [], 0, 0, 0
    for index, char in _outside_strings(css):
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
