"""What the theme writes into every page for features this site does not use, left out.

Every page's HTML has to arrive in the first round trip of a connection: 10 TCP segments,
14,600 bytes, of which the response headers take about 780. A page just over it makes a
slow phone (and Lighthouse's model of one) wait one more round trip, 150 ms, before its
stylesheet can even be asked for: es/glossary at 14,741 bytes painted at 1.05 s, a copy
2 KB smaller at 0.90 s. tests/test_budget.py holds every page's HTML to 13,800 bytes
gzip. This step cuts what repeats on every page and serves no reader:

- the inline script that opens a content tab named in the address: the site has no
  content tabs, so it goes when no page has a `__tabbed_` input. The CSP step, after this
  one, hashes the finished pages, so its hash leaves the policy and `_headers`;
- `<meta name="generator">`: no reader uses it, and it tells an attacker the exact
  versions of MkDocs and Material;
- Material's `__config` translations for features the config leaves off: `clipboard.*`
  unless `content.code.copy` is on or a page marks code `.copy` (the two cases in which
  Material draws a copy button), `select.version` unless the config sets a `version`.
  Every other key stays, search.* included (the search box and its results use them);
  with no copy button, the dialog Material says "Copied to clipboard" in goes too;
- the table-of-contents sidebar of a page that hides it (`hide: toc`, as the glossary
  does, with its own list of words): hidden and empty, it only took bytes.

Works on MkDocs and Zensical pages alike: what a page does not have is left alone.
Read and edited with selectolax, as every finish step is (ARCHITECTURE.md).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from iopguide.finish.pages import Page, Pages, parsed

TABS = "input[name^='__tabbed_']"  # pymdownx.tabbed's inputs
# Where Material draws a copy button without the feature, and what the button carries.
COPY = ".copy code, code.copy, [data-clipboard-target], [data-clipboard-text]"
CONFIG = "script#__config"
DIALOG = "div.md-dialog[data-md-component=dialog]"  # only Material's clipboard alerts use it
HIDDEN_TOC = "div.md-sidebar--secondary[hidden]"
# The characters Jinja's |tojson escapes, so no text can end the <script> early.
_SAFE_JSON = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"})


@dataclass(frozen=True)
class Uses:
    """What the built pages use of the features this step would cut."""

    tabs: bool = False
    copy: bool = False


def site_uses(html: Mapping[str, Page]) -> Uses:
    """Whether any page has content tabs, or code Material would give a copy button (the
    config turns the feature on, or the page marks code `.copy`)."""
    tabs = copy = False
    for page in html.values():
        tree = parsed(page)
        tabs = tabs or tree.css_first(TABS) is not None
        config = tree.css_first(CONFIG)
        copy = copy or tree.css_first(COPY) is not None
        copy = copy or (config is not None and "content.code.copy" in config.text(deep=True))
        if tabs and copy:
            break
    return Uses(tabs, copy)


def _opens_tabs(script: LexborNode) -> bool:
    """Material's inline script that checks the `__tabbed_` input named in the address."""
    text = script.text(deep=True)
    return "src" not in script.attributes and "__tabbed_" in text and "location.hash" in text


def trimmed_config(text: str, uses: Uses) -> str:
    """Material's `__config` JSON without the translations of features left off."""
    config = json.loads(text)
    translations = config.get("translations")
    if not isinstance(translations, dict):
        return text
    features = set(config.get("features") or [])
    copy = uses.copy or "content.code.copy" in features

    def keep(key: str) -> bool:
        if key.startswith("clipboard."):
            return copy
        return key != "select.version" or bool(config.get("version"))

    if all(keep(key) for key in translations):
        return text
    config["translations"] = {key: value for key, value in translations.items() if keep(key)}
    return json.dumps(config, ensure_ascii=False, separators=(",", ":")).translate(_SAFE_JSON)


def trim_page(page: str, uses: Uses) -> str:
    """`page` without the theme's unused boilerplate (module docstring)."""
    tree = LexborHTMLParser(page)
    return (tree.html or page) if trim_tree(tree, uses) else page


def trim_tree(tree: LexborHTMLParser, uses: Uses) -> bool:
    """`trim_page`, in place on a parsed page; whether anything was cut."""
    cut = list(tree.css('meta[name="generator"]'))
    if not uses.tabs:
        cut += [node for node in tree.css("script") if _opens_tabs(node)]
    if not uses.copy:
        cut += [node for node in tree.css(DIALOG) if not node.text(deep=True).strip()]
    cut += [node for node in tree.css(HIDDEN_TOC) if node.css_first("a") is None]
    config = tree.css_first(CONFIG)
    trimmed = trimmed_config(config.text(deep=True), uses) if config is not None else ""
    if not cut and (config is None or trimmed == config.text(deep=True)):
        return False
    for node in cut:
        node.decompose()
    if config is not None:
        config.inner_html = trimmed
    return True


def apply(html: Pages) -> None:
    """Every page through `trim_page`, in place, with what the whole site uses."""
    uses = site_uses(html)
    for tree in html.values():
        trim_tree(tree, uses)
