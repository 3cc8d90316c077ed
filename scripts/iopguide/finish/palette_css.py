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

from iopguide.finish.css_rules import SOURCE_MAP, blocks, split_top

COLOUR_ATTRIBUTE = re.compile(r'data-md-color-(primary|accent)=["\']?([\w-]+)')


def used_colours(pages: Iterable[str]) -> set[str]:
    """Every `primary:NAME` and `accent:NAME` the pages name."""
    return {f"{kind}:{name}" for text in pages for kind, name in COLOUR_ATTRIBUTE.findall(text)}


def _unused(selector: str, keep: set[str]) -> bool:
    return any(f"{kind}:{name}" not in keep for kind, name in COLOUR_ATTRIBUTE.findall(selector))


def trim(css: str, keep: set[str]) -> str:
    """`css` without the rules (and selectors) for colours not in `keep`."""
    out = []
    for prelude, body in blocks(SOURCE_MAP.sub("", css)):
        if not body and prelude.endswith(";"):
            out.append(prelude)
        elif prelude.startswith("@"):
            inner = trim(body, keep) if prelude.startswith(("@media", "@supports")) else body
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        else:
            selectors = [s for s in split_top(prelude, ",") if not _unused(s, keep)]
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
