"""Crisis wording in the built pages, from docs/.data/crisis.yml, for both generators.

Templates leave a slot for each crisis sentence: `<a data-iop-crisis="bar-call"></a>` in
the crisis bar, `<span data-iop-crisis="footer"></span>` in the footer, and so on (print
header, 404 page); every crisis box on a page (`!!! crisis`) gets the three actions of the
bar as big buttons first (ACTIONS). `fill` puts in the wording of the page's language
(`<html lang>`): an `<a>` takes the wording's one link (crisis/wording.py LINK_SLOTS: a
call or a text, and nothing else), its address and its words; any other element takes the
wording as HTML.
`add_sources` lists, under a content page's Sources, the file's source for each crisis
line the page names without a marker (the cite-claim rule let it; pages about the site
cite nothing). finish/run.py runs both on every page before the embeds, which are cut
from these pages, and the CSP, which hashes them.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
from selectolax.lexbor import LexborHTMLParser, LexborNode

from iopguide.checks import crisis_lines
from iopguide.crisis import Data, load
from iopguide.crisis.schema import did_you_mean
from iopguide.crisis.wording import LINK_SLOTS
from iopguide.finish.edition import EditionBuild
from iopguide.finish.pages import Pages

SLOT = "[data-iop-crisis]"
ATTRIBUTE = "data-iop-crisis"
# Every crisis box on a page (`!!! crisis`) opens with the same three actions as big buttons,
# in the NHS urgent-card manner: the page's words follow them. Filled like the bar's links.
# A box for an emergency (`!!! crisis emergency`: an overdose) puts Call 911 first.
CALL, TEXT = (f'<a class="iop-action" data-iop-crisis="bar-{key}"></a>' for key in ("call", "text"))
EMERGENCY = '<a class="iop-action iop-action--emergency" data-iop-crisis="bar-911"></a>'
ACTIONS = f'<p class="iop-actions">{CALL}{TEXT}{EMERGENCY}</p>'
EMERGENCY_FIRST = f'<p class="iop-actions">{EMERGENCY}{CALL}{TEXT}</p>'


def apply(
    html: Pages, editions: list[EditionBuild], root: Path
) -> tuple[list[str], dict[str, list[dict[str, str]]]]:
    """Fill every page's slots and add the crisis sources its text relies on (in place).
    Returns the build's warnings (a slot the file cannot fill) and each page's added
    sources, by its built file (for the feed)."""
    data, _ = load(root)
    unknown: set[str] = set()
    for tree in html.values():
        unknown |= fill_tree(tree, data)
    added: dict[str, list[dict[str, str]]] = {}
    for edition in editions:
        for page in edition.pages:
            built = edition.built(page)
            listed = page.meta.get("sources") if page.meta else None
            if built not in html or not page.is_content or not isinstance(listed, list):
                continue  # cite-claim runs on content pages only: only they rely on the file
            extra = new_sources(listed, crisis_lines.sources(page.text, page.src, data))
            add_sources(html[built], extra, len(listed))
            added[built] = extra
    if data is None and unknown:  # one line: the file's own lines say what to fix
        return [unknown_message(sorted(unknown)[0], None, root / "overrides")], added
    return [unknown_message(key, data, root / "overrides") for key in sorted(unknown)], added


def render(text: str) -> str:
    """One line of the file's Markdown as inline HTML."""
    out = markdown.markdown(text)
    return re.sub(r"^<p>(.*)</p>$", r"\1", out.strip(), flags=re.S)


def fill(text: str, data: Data | None) -> tuple[str, set[str]]:
    """The page with its crisis boxes' actions added, its crisis slots filled, and the keys
    the file has no wording for."""
    if ATTRIBUTE not in text and "admonition crisis" not in text:
        return text, set()
    tree = LexborHTMLParser(text)
    unknown = fill_tree(tree, data)
    return tree.html or text, unknown


def fill_tree(tree: LexborHTMLParser, data: Data | None) -> set[str]:
    """`fill`, in place on a parsed page; the keys the file has no wording for."""
    for box in tree.css(".admonition.crisis"):
        title = box.css_first(".admonition-title")
        emergency = "emergency" in (box.attrs.get("class") or "").split()
        if title is not None and box.css_first(".iop-actions") is None:
            title.insert_after(_fragment(EMERGENCY_FIRST if emergency else ACTIONS))
    root = tree.css_first("html")
    lang = (root.attrs.get("lang") if root else None) or "en"
    unknown: set[str] = set()
    for slot in tree.css(SLOT):
        key = slot.attrs.get(ATTRIBUTE) or ""
        phrase = data.phrase(key, lang) if data else None
        if phrase is None:
            unknown.add(key)
            continue
        rendered = render(phrase)
        if slot.tag == "a":
            link = _link(rendered)
            if key not in LINK_SLOTS or link is None:  # the file's check passed these only
                unknown.add(key)
                continue
            slot.attrs["href"], slot.inner_html = link
        else:
            slot.inner_html = rendered
        del slot.attrs[ATTRIBUTE]
    return unknown


def _link(rendered: str) -> tuple[str, str] | None:
    """The address and the words of the first link in `rendered` (a wording's HTML)."""
    link = LexborHTMLParser(f"<body>{rendered}</body>").css_first("a")
    return None if link is None else (link.attrs.get("href") or "", link.inner_html or "")


def _fragment(markup: str) -> LexborNode:
    """The first element of `markup` (one of the module's own constants), parsed."""
    node = LexborHTMLParser(f"<body>{markup}</body>").body
    assert node is not None and node.child is not None
    return node.child


def template_of(key: str, overrides: Path) -> str:
    """Where a template asks for `key`: `overrides/partials/x.html:7`."""
    for path in sorted(overrides.rglob("*.html")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if f'{ATTRIBUTE}="{key}"' in line:
                return f"{path.relative_to(overrides.parent).as_posix()}:{number}"
    return f"{overrides.name}:1"


def unknown_message(key: str, data: Data | None, overrides: Path) -> str:
    """The build's line for a slot the file cannot fill."""
    where = template_of(key, overrides)
    if data is None:
        return (
            f"{where}: crisis-line: the crisis bar, footer, print header and 404 page were "
            "left without their crisis wording, because docs/.data/crisis.yml has mistakes: "
            "fix the lines named above"
        )
    if key in data.wording:  # on an <a>: a wording that is not one link to call or text
        return (
            f"{where}: crisis-line: a link in a template takes one of {', '.join(LINK_SLOTS)}, "
            f'not `{key}`: put `{ATTRIBUTE}="{key}"` on a <span> or <p>'
        )
    hint = did_you_mean(key, list(data.wording))
    return (
        f'{where}: crisis-line: `{ATTRIBUTE}="{key}"` names no wording in {data.path}{hint}: '
        "fix the name, or add the wording to the file in every language"
    )


def _same(url: str) -> str:
    return url.rstrip("/")


def new_sources(listed: list, wanted: list[dict[str, str]]) -> list[dict[str, str]]:
    """The sources in `wanted` that the page's own `sources` do not list yet."""
    have = {_same(str(s.get("url", ""))) for s in listed if isinstance(s, dict)}
    return [source for source in wanted if _same(source["url"]) not in have]


def add_sources(tree: LexborHTMLParser, sources: list[dict[str, str]], after: int) -> None:
    """Add `sources` to the page's Sources list, numbered after its own `after` entries
    (a content page always has the list: its front matter must name a source)."""
    if not sources:
        return
    items = "".join(
        f'<li id="source-{after + n}"><a href="{html.escape(s["url"])}">'
        f"{html.escape(s['title'])}</a></li>"
        for n, s in enumerate(sources, start=1)
    )
    listing = tree.css_first("section.iop-sources ol")
    if listing is not None:
        listing.inner_html = (listing.inner_html or "") + items
