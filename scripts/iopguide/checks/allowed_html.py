"""The HTML a page may render to: every tag, attribute and class the site's pages use.

This is an allow-list, not a deny-list: anything not named here fails the build
(rendered_html.py), whatever way it reached the page (raw HTML, a snippet, attr_list's
`{: ...}`, an unclosed code fence). To use one more, a developer adds it here with the
reason beside it, after checking it cannot run code, load another site or cover the
crisis strip (CONTRIBUTING.md, "Allowed HTML").
"""

from __future__ import annotations

import re

from pygments.token import STANDARD_TYPES

# Attributes any allowed tag may carry. No `style` (the CSP blocks it), no `on...`
# (code), no `data-...` (Material's and our scripts read those: data-md-component marks
# the crisis strip).
GLOBAL_ATTRS = frozenset({"id", "class", "title", "lang", "dir", "role", "hidden", "tabindex"})
ARIA_ATTR = re.compile(r"aria-(?:label|labelledby|describedby|hidden|live|current|expanded)")

_TEXT = (
    "abbr b blockquote br caption cite code dd del dfn div dl dt em figcaption figure h1 h2 h3"
    " h4 h5 h6 hr i ins kbd li mark nav p pre q s section small span strong sub summary sup"
    " table tbody tfoot thead tr u ul"
).split()
# SVG figures (docs/.snippets/figures/): shapes and text, never <use>, <image>,
# <foreignObject>, <a> or <style>, which can load, link or restyle.
_SVG_SHAPE = ("class", "fill", "stroke", "stroke-width", "stroke-dasharray", "transform")
_SVG_TEXT = ("x", "y", "dx", "dy", "font-size", "font-weight", "text-anchor")

TAGS: dict[str, frozenset[str]] = {
    **{tag: frozenset() for tag in _TEXT},
    "a": frozenset({"href"}),
    "details": frozenset({"open"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding"}),
    "ol": frozenset({"start", "reversed"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "time": frozenset({"datetime"}),
    # pymdownx.tasklist's checklists and the safety plan's write-in boxes.
    "input": frozenset({"type", "checked", "disabled"}),
    "label": frozenset({"for"}),
    "textarea": frozenset({"rows", "cols", "autocomplete", "spellcheck", "placeholder"}),
    # The parser's own wrapper around the page's HTML: never with attributes.
    "html": frozenset(),
    "head": frozenset(),
    "body": frozenset(),
    "svg": frozenset({"xmlns", "viewbox", "width", "height", "focusable", "preserveaspectratio"}),
    "g": frozenset(_SVG_SHAPE),
    "path": frozenset({*_SVG_SHAPE, "d"}),
    "rect": frozenset({*_SVG_SHAPE, "x", "y", "width", "height", "rx", "ry"}),
    "circle": frozenset({*_SVG_SHAPE, "cx", "cy", "r"}),
    "ellipse": frozenset({*_SVG_SHAPE, "cx", "cy", "rx", "ry"}),
    "line": frozenset({*_SVG_SHAPE, "x1", "y1", "x2", "y2"}),
    "polyline": frozenset({*_SVG_SHAPE, "points"}),
    "polygon": frozenset({*_SVG_SHAPE, "points"}),
    "text": frozenset({*_SVG_SHAPE, *_SVG_TEXT}),
    "tspan": frozenset({*_SVG_SHAPE, *_SVG_TEXT}),
    "title": frozenset(),  # an SVG's accessible name
    "desc": frozenset(),
}

# Attribute values that are not free text.
VALUES: dict[tuple[str, str], frozenset[str]] = {
    ("input", "type"): frozenset({"checkbox"}),  # never submit, image, file...
    ("svg", "xmlns"): frozenset({"http://www.w3.org/2000/svg"}),
}

# The same on any tag: a positive tabindex, an alert role or an assertive live region
# would put the page's own words before the skip link and the crisis strip, for the
# keyboard and for screen readers.
GLOBAL_VALUES: dict[str, frozenset[str]] = {
    "tabindex": frozenset({"-1", "0"}),
    "role": frozenset("img region note group list listitem figure presentation none".split()),
    "aria-live": frozenset({"off", "polite"}),
}

# Classes a page may use. Material's and ours style the page around the content
# (md-... on the header, the drawer, the crisis strip); a page that borrowed one could
# cover the crisis strip, so only these content classes are allowed.
CLASSES = frozenset(
    {
        # Python-Markdown, pymdownx and Material's content styles
        "admonition",
        "admonition-title",
        "headerlink",
        "task-list",
        "task-list-item",
        "task-list-control",
        "task-list-indicator",
        "decorative",  # an image with no alt text on purpose (images.py)
        # admonition kinds (`!!! note`): Material's, then ours
        *"note abstract info tip success question warning failure danger bug example quote".split(),
        *"crisis key-points script".split(),
        "emergency",  # `!!! crisis emergency`: the box's Call 911 button comes first
        # ours, in docs/assets/site.css
        "iop-az",
        "iop-cite",
        "iop-embed-gallery",
        "iop-figure",
        "iop-hub",
        "iop-plan-danger",
        "iop-write-in",
        *(f"iop-fig-{n}" for n in range(1, 7)),
        *"iop-fig-bold iop-fig-box iop-fig-line iop-fig-mark iop-fig-text".split(),
        # code blocks: pymdownx.highlight's wrappers and Pygments' token classes ("nt", "p")
        *"highlight highlighttable linenos filename".split(),
        *(name for name in STANDARD_TYPES.values() if name),
    }
)
CLASS_PATTERN = re.compile(r"language-[a-z0-9+#-]+")  # a fence's language: ```html

# An id (`{#next-steps}`, a heading's slug, a write-in box): letters, digits, - and _.
# MkDocs prints a heading's id unescaped into the table of contents (`href="#..."`), so
# a quote or `<` in one would put HTML in every reader's sidebar, past this allow-list.
ID_PATTERN = re.compile(r"[A-Za-z0-9_-]+")
# Ids the theme and the site's scripts look up (`__drawer`, `__search`, `__palette_0`,
# `main-content`, `iop-...`, a source's `source-3`, a marker's `cite-3` or `cite-3-2`, given
# by finish/back_links.py after this check): a page's own would take their place.
RESERVED_ID = re.compile(r"__.*|md-.*|iop-.*|main-content|source-\d+|cite-\d+(?:-\d+)?", re.I)
ID_ATTRS = frozenset({"id", "for"})  # `for` names a box's id

# Where an address may point, for the attributes a browser reads as one.
LINK_SCHEMES = frozenset({"", "https", "http", "mailto", "tel", "sms"})  # a's href
URL_ATTRS = frozenset({"href", "src"})  # the only address attributes allowed above


def allowed_attr(tag: str, name: str) -> bool:
    """May `tag` carry the attribute `name` (lower case)?"""
    if tag in ("html", "head", "body"):
        return False
    return name in GLOBAL_ATTRS or bool(ARIA_ATTR.fullmatch(name)) or name in TAGS.get(tag, ())
