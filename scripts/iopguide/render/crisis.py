"""`{crisis:KEY}` on a page: the crisis file's wording or value, in the page's language.

Listed under `markdown_extensions` in mkdocs.yml (English) and mkdocs.es.yml (`lang: es`),
so MkDocs and Zensical fill placeholders the same way, before any other Markdown is read
(after snippets, so a snippet may use them too). Placeholders in code stay as typed. One
the file cannot fill also stays as typed: the `crisis-line` rule (checks/crisis_lines.py)
names it, and a mistake in the file itself, and the build fails.

    markdown_extensions:
      - iopguide.render.crisis            # mkdocs.es.yml: - iopguide.render.crisis: {lang: es}
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from iopguide import crisis


class _Fill(Preprocessor):
    def __init__(self, md: Markdown, lang: str) -> None:
        super().__init__(md)
        self.lang = lang

    def run(self, lines: list[str]) -> list[str]:
        data, _ = crisis.load()  # the folder the generator runs in (else this checkout)
        if data is None:
            return lines
        text, _ = data.expand("\n".join(lines), self.lang)
        return text.split("\n")


class CrisisExtension(Extension):
    def __init__(self, **kwargs: object) -> None:
        self.config = {"lang": ["en", "The pages' language: en, es"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # After pymdownx.snippets (32), before whitespace (30), fences (25) and HTML (20).
        md.preprocessors.register(_Fill(md, str(self.getConfig("lang"))), "iop-crisis", 31)


def makeExtension(**kwargs: object) -> CrisisExtension:
    return CrisisExtension(**kwargs)
