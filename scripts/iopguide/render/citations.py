"""Citation markers: `[^3]` after a claim shows as a small link to entry 3 of Sources.

Listed under `markdown_extensions` in mkdocs.yml, so MkDocs and Zensical render it the
same way. Code spans keep `[^3]` as typed (Python-Markdown handles them first); the
markers in raw HTML, such as a figure's `<figcaption>`, are linked too (html_markers.py). A
marker past the end of the page's Sources list is reported by the `cite-source` rule
(checks/claims.py), which fails the build, so it is rendered like any other here.

Screen readers hear each marker as "<label> N": the `label` option, "Source" unless a
language's settings name it (mkdocs.es.yml: `label: Fuente`).
"""

from __future__ import annotations

from html import escape
from re import Match

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

from iopguide.checks.claims import MARKER
from iopguide.render.html_markers import PRIORITY, MarkersInHtml


class _Marker(InlineProcessor):
    def __init__(self, pattern: str, md: Markdown, label: str = "Source") -> None:
        super().__init__(pattern, md)
        self.label = escape(label, quote=True)

    def handleMatch(  # type: ignore[override]
        self, m: Match[str], data: str
    ) -> tuple[str, int, int]:
        number = m.group(1)
        markup = (
            f'<sup class="iop-cite"><a href="#source-{number}" '
            f'aria-label="{self.label} {number}">{number}</a></sup>'
        )
        # Stored as raw HTML, as a page's own HTML is: `#source-N` is the Sources list the
        # theme adds after the content, which MkDocs' anchor check cannot see.
        return self.md.htmlStash.store(markup), m.start(0), m.end(0)


class CitationsExtension(Extension):
    def __init__(self, **kwargs: object) -> None:
        self.config = {"label": ["Source", "What a screen reader says before the number"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        marker = _Marker(MARKER.pattern, md, str(self.getConfig("label")))
        # Above links (160), so `[^3]` is never read as the start of a link.
        md.inlinePatterns.register(marker, "iop-citation", 175)
        md.preprocessors.register(MarkersInHtml(md, marker), "iop-citation-html", PRIORITY)


def makeExtension(**kwargs: object) -> CitationsExtension:
    return CitationsExtension(**kwargs)
