"""A page's Markdown as HTML, with the site's own Markdown extensions.

MkDocs hands each rendered page to the hook (`on_page_content`); Zensical runs no hooks,
so `steps.py` renders the pages here, with the `markdown_extensions` of the language's
settings and the same Python-Markdown, for the `rendered-html` rule to read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import markdown

from iopguide.checks import snippets

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*$\r?\n?", re.S | re.M)


def renderer(config: dict, root: Path) -> Callable[[str], str]:
    """A function from a page's text (front matter and all) to its HTML, as the
    settings `config` (a language's full mkdocs.yml) render it from the project `root`."""
    names: list[str] = []
    options: dict[str, dict] = {}
    for entry in config.get("markdown_extensions") or ():
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(str(name))
        options[str(name)] = dict(settings or {})
    included = snippets.options_of(config, root)  # base paths from the project, wherever
    if included is not None:  # this runs
        options["pymdownx.snippets"] = included

    def render(text: str) -> str:
        body = _FRONT_MATTER.sub("", text, count=1)
        return markdown.Markdown(extensions=names, extension_configs=options).convert(body)

    return render
