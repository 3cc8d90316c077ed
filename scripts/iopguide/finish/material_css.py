"""Material's main stylesheet, cut to the rules the built site can match.

Every page downloads the theme's main stylesheet before it can draw, and most of its rules
style components this site never shows. The safelist, as PurgeCSS keeps one:

- every tag, attribute name, class and id that appears in any built HTML file of either
  edition (pages, embeds, 404 pages);
- every word in the JavaScript the site ships (Material's bundle, its search worker, our
  scripts, inline scripts) as a tag, attribute name or id: that covers the elements and
  states the scripts add (mark, data-md-state, data-md-color-scheme, hidden...);
- a word of that JavaScript as a class only when its component is on the pages: its BEM
  block (`md-annotation` for `md-annotation__index`; for a class without the `md-` prefix
  the first word, `tabbed` for `tabbed-set`) is the block of a class in the built HTML, or
  one of SCRIPT_BLOCKS, the few components Material's script draws from nothing for the
  features mkdocs.yml turns on. So `md-nav__link--active` stays (the menu is on every
  page) while the bundle's tabs, annotations, versions, tags and code buttons go. A word
  ending in `-` or `_` (`md-tag--${...}`) stands for every class that starts with it.

A rule stays when any selector of its list can match: each tag, attribute name, class and
id it names is in the safelist. Pseudo-classes and pseudo-elements never remove a rule, and
what `:not()`, `:is()`, `:where()` or `:has()` hold is not looked at. Other at-rules
(@font-face, @keyframes, @page...) stay; @media, @supports and @layer blocks are cut in the
same way and go when nothing is left in them. The theme's stylesheet is found by the pages'
<link>s (the first one into `assets/stylesheets/` that is not the palette), not by its
name, so Zensical's copy is cut too; the file keeps its name and loses its source map line.
IOP_KEEP_MATERIAL_CSS=1 leaves it whole (scripts/css_check.py compares the two).
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from iopguide.finish.css_rules import SOURCE_MAP, blocks, split_top
from iopguide.finish.pages import Page, parsed
from iopguide.finish.pages import text as page_text

KEEP_ENV = "IOP_KEEP_MATERIAL_CSS"
NESTING = ("@media", "@supports", "@layer", "@container")
WORD = re.compile(r"[A-Za-z_][\w-]*")
FUNCTION = re.compile(r"::?[\w-]+\(")
PSEUDO = re.compile(r"::?[\w-]+")
ATTRIBUTE = re.compile(r"\[\s*(?:[\w-]*\|)?([\w-]+)[^\]]*\]")
NAME = r"((?:[\w-]|\\.)+)"
CLASS = re.compile(r"\." + NAME)
ID = re.compile(r"#" + NAME)
TAG = re.compile(r"(?:^|[\s>+~])(?:[\w-]*\|)?([A-Za-z][\w-]*)")
PROPERTY = re.compile(r"--[\w-]+")
VAR = re.compile(r"var\(\s*(--[\w-]+)")
# The components Material's script makes from nothing (no page holds one before it runs),
# each kept for the feature that needs it. A block a page already holds (md-header for
# md-header--shadow, md-nav for md-nav__link--active, md-dialog, md-typeset for the
# md-typeset__scrollwrap box around tables) needs no entry; scripts/css_check.py compares
# the menu, search results and a tooltip drawn with the cut file and the whole one.
SCRIPT_BLOCKS = {
    "md-tooltip2": "content.tooltips: the tooltip of an abbreviation or a titled link",
    "md-tooltip": "content.tooltips: the inline tooltip of a titled header button",
    "md-search-result": "search: the result list, its items, terms and 'more' summary",
    "focus": "every page: the focus-visible polyfill marks keyboard focus (.focus-visible)",
}


def block(name: str) -> str:
    """The component (BEM block) a class belongs to: `md-annotation` for
    `md-annotation__index` and `md-tag--new`; `tabbed` for `tabbed-set`."""
    head = re.split(r"__|--", name)[0]
    return head if head.startswith("md-") else head.split("-")[0]


@dataclass
class Names:
    """What the built site can show: the safelist."""

    tags: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    script_classes: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    blocks: set[str] = field(default_factory=lambda: set(SCRIPT_BLOCKS))

    def add_classes(self, names: Iterable[str]) -> None:
        """Classes a page holds, and so their blocks."""
        for name in names:
            self.classes.add(name)
            self.blocks.add(block(name))

    def add_script(self, text: str) -> None:
        """Every word of `text` may be a tag, attribute or id a script adds, or a class of
        a component the pages show (see `has_class`)."""
        for word in set(WORD.findall(text)):
            self.tags.add(word.lower())
            self.attributes.add(word.lower())
            self.script_classes.add(word)
            self.ids.add(word)
            if len(word) > 3 and word.endswith(("-", "_")):
                self.prefixes.add(word)

    def has_class(self, name: str) -> bool:
        """A class a page holds, or one a script may add to a component the pages show."""
        if name in self.classes:
            return True
        scripted = name in self.script_classes or any(name.startswith(p) for p in self.prefixes)
        return scripted and block(name) in self.blocks


def _add_page(names: Names, page: Page) -> None:
    tree = parsed(page)
    for node in tree.root.traverse() if tree.root else ():
        if node.tag in ("-text", "-comment", "-document", "!doctype"):
            continue
        names.tags.add(node.tag.lower())
        for name, value in node.attributes.items():
            names.attributes.add(name.lower())
            if name == "class" and value:
                names.add_classes(value.split())
            elif name == "id" and value:
                names.ids.add(value)
        if node.tag == "script":
            names.add_script(node.text(deep=True))


def site_names(pages: Iterable[Page], scripts: Iterable[str]) -> Names:
    """The safelist of the built `pages` (HTML) and `scripts` (JavaScript)."""
    names = Names()
    for text in pages:
        _add_page(names, text)
    for text in scripts:
        names.add_script(text)
    return names


def _unescape(name: str) -> str:
    return re.sub(r"\\(.)", r"\1", name)


def _without_functions(selector: str) -> str:
    """`selector` without its functional pseudo-classes and what they hold."""
    while match := FUNCTION.search(selector):
        depth, end = 1, match.end()
        while end < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[end], 0)
            end += 1
        selector = selector[: match.start()] + selector[end:]
    return selector


def can_match(selector: str, names: Names) -> bool:
    """Whether every tag, attribute, class and id `selector` names is in `names`."""
    rest = _without_functions(selector)
    attributes = [name.lower() for name in ATTRIBUTE.findall(rest)]
    rest = PSEUDO.sub("", ATTRIBUTE.sub("", rest))
    classes = [_unescape(name) for name in CLASS.findall(rest)]
    ids = [_unescape(name) for name in ID.findall(rest)]
    rest = ID.sub("", CLASS.sub("", rest))
    tags = [tag.lower() for tag in TAG.findall(rest.strip())]
    return (
        all(name in names.attributes for name in attributes)
        and all(names.has_class(name) for name in classes)
        and all(name in names.ids for name in ids)
        and all(tag in names.tags for tag in tags)
    )


def trim(css: str, names: Names) -> str:
    """`css` without the rules (and selectors) that nothing in `names` can match."""
    out = []
    for prelude, body in blocks(SOURCE_MAP.sub("", css)):
        if not body and prelude.endswith(";"):
            out.append(prelude)
        elif prelude.startswith(NESTING):
            inner = trim(body, names)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            selectors = [s for s in split_top(prelude, ",") if can_match(s.strip(), names)]
            if selectors:
                out.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(out)


def _drop_properties(css: str, used: set[str]) -> str:
    """`css` without the custom-property declarations whose names are not in `used`."""
    out = []
    for prelude, body in blocks(css):
        if prelude.startswith(NESTING):
            inner = _drop_properties(body, used)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@") or not body:
            out.append(f"{prelude}{{{body}}}" if body else prelude)
        else:
            kept = [
                declaration
                for declaration in split_top(body, ";")
                if not (name := declaration.strip().split(":")[0]).startswith("--") or name in used
            ]
            if any(declaration.strip() for declaration in kept):
                out.append(f"{prelude}{{{';'.join(kept)}}}")
    return "".join(out)


def unused_properties_dropped(css: str, elsewhere: set[str]) -> str:
    """`css` without the custom properties nothing reads: not `var()` in the rules left,
    nor named `elsewhere` (the site's other stylesheets, pages and scripts)."""
    while True:
        cut = _drop_properties(css, elsewhere | set(VAR.findall(css)))
        if cut == css:
            return css
        css = cut


def theme_stylesheets(site_dir: Path, html: Mapping[str, Page]) -> list[Path]:
    """The theme's main stylesheet each page links (the first <link rel=stylesheet> into
    `assets/stylesheets/` that is not the palette), as files of the built site."""
    found: set[Path] = set()
    for path, page in html.items():
        for link in parsed(page).css('link[rel~="stylesheet"][href]'):
            address = (link.attributes.get("href") or "").split("?")[0].split("#")[0]
            if "assets/stylesheets/" not in address or "://" in address:
                continue
            if posixpath.basename(address).startswith("palette."):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), address))
            if address.startswith("/"):
                target = address.lstrip("/")
            if not target.startswith("..") and (site_dir / target).is_file():
                found.add(site_dir / target)
            break
    return sorted(found)


def shipped_scripts(site_dir: Path) -> list[str]:
    """Every script the site ships, but lunr's language files (they touch no page)."""
    return [
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(site_dir.rglob("*.js"))
        if "lunr" not in path.relative_to(site_dir).parts
    ]


def trim_site(site_dir: Path, html: Mapping[str, Page]) -> int:
    """Cut the theme's main stylesheet of the built site to what `html` (path from the
    site root -> page) and the site's scripts can match. Returns the bytes saved; nothing
    is cut when IOP_KEEP_MATERIAL_CSS is set or no page links the stylesheet."""
    if os.environ.get(KEEP_ENV):
        return 0
    files = theme_stylesheets(site_dir, html)
    if not files:
        return 0
    scripts = shipped_scripts(site_dir)
    names = site_names(html.values(), scripts)
    styles = [p.read_text(encoding="utf-8") for p in site_dir.rglob("*.css") if p not in files]
    texts = [page_text(page) for page in html.values()]
    elsewhere = {name for text in [*texts, *scripts, *styles] for name in PROPERTY.findall(text)}
    saved = 0
    for path in files:
        css = path.read_text(encoding="utf-8")
        cut = unused_properties_dropped(trim(css, names), elsewhere)
        path.write_text(cut, encoding="utf-8")
        saved += len(css) - len(cut)
    return saved
