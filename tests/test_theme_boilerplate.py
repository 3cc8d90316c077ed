"""finish/theme_boilerplate.py: what the theme writes for features the site leaves off is
left out of every page (issue 25: every page's HTML in the first round trip)."""

from __future__ import annotations

import json
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from iopguide.finish import csp, theme_boilerplate
from iopguide.finish.theme_boilerplate import Uses, trim_page, trimmed_config

TABS_SCRIPT = (
    "<script>var target=document.getElementById(location.hash.slice(1));target&&target.name"
    '&&(target.checked=target.name.startsWith("__tabbed_"))</script>'
)
TRANSLATIONS = {
    "clipboard.copied": "Copied to clipboard",
    "clipboard.copy": "Copy to clipboard",
    "search.result.none": "No matching documents",
    "search.result.placeholder": "Type to start searching",
    "select.version": "Select version",
}


def _config(features: list[str], version: object = None, words: dict | None = None) -> str:
    config = {"base": ".", "features": features, "translations": words or TRANSLATIONS}
    return json.dumps({**config, "version": version})


def _page(config: str, body: str = "<p>Hi</p>") -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.2">'
        f"<title>T</title></head><body>{body}{TABS_SCRIPT}"
        f'<script id="__config" type="application/json">{config}</script></body></html>'
    )


def apply(pages: dict[str, str]) -> dict[str, str]:
    """theme_boilerplate.apply on these pages, parsed; the finished HTML."""
    trees = {path: LexborHTMLParser(page) for path, page in pages.items()}
    theme_boilerplate.apply(trees)
    return {path: tree.html or "" for path, tree in trees.items()}


def _translations(page: str) -> dict[str, str]:
    node = LexborHTMLParser(page).css_first("script#__config")
    assert node is not None
    return json.loads(node.text())["translations"]


def test_a_site_without_tabs_copy_buttons_or_versions_loses_their_boilerplate() -> None:
    out = apply({"index.html": _page(_config(["search.suggest"]))})["index.html"]
    assert "generator" not in out and "__tabbed_" not in out
    assert set(_translations(out)) == {"search.result.none", "search.result.placeholder"}
    assert csp.scan_html(out).scripts == [], "no inline script is left to hash"


def test_what_a_page_uses_stays() -> None:
    tabs = '<input type="radio" name="__tabbed_1" id="__tabbed_1_1">'
    copy = '<pre><code class="copy">x = 1</code></pre>'
    pages = {
        "a.html": _page(_config(["search.suggest"], version={"provider": "mike"}), tabs),
        "b.html": _page(_config([]), copy),
    }
    out = apply(pages)
    assert all(TABS_SCRIPT in page for page in out.values()), "another page has tabs"
    assert set(_translations(out["a.html"])) == set(TRANSLATIONS), "copy in b, versions in a"
    assert "select.version" not in _translations(out["b.html"])


def test_the_empty_dialog_and_a_hidden_empty_toc_go_a_shown_toc_stays() -> None:
    dialog = '<div class="md-dialog" data-md-component="dialog"><div></div></div>'
    hidden = '<div class="md-sidebar md-sidebar--secondary" hidden><nav></nav></div>'
    shown = '<div class="md-sidebar md-sidebar--secondary"><nav><a href="#a">A</a></nav></div>'
    out = apply({"a.html": _page(_config([]), dialog + hidden + shown)})["a.html"]
    assert "md-dialog" not in out and "hidden" not in out and 'href="#a"' in out
    kept = apply({"a.html": _page(_config(["content.code.copy"]), dialog)})["a.html"]
    assert "md-dialog" in kept, "a copy button says 'Copied' in the dialog"


def test_the_copy_feature_keeps_the_clipboard_words() -> None:
    text = _config(["content.code.copy"])
    assert "clipboard.copy" in json.loads(trimmed_config(text, Uses()))["translations"]


def test_the_config_stays_safe_inside_its_script() -> None:
    words = {"search.result.none": "</script><b>&'", "select.version": "v"}
    out = trimmed_config(_config([], words=words), Uses())
    assert "<" not in out and ">" not in out and "&" not in out and "'" not in out
    assert json.loads(out)["translations"] == {"search.result.none": "</script><b>&'"}


def test_a_page_with_nothing_to_cut_is_returned_as_it_was() -> None:
    page = "<!doctype html><html><head><title>T</title></head><body><p>x</p></body></html>"
    assert trim_page(page, Uses()) is page


def test_the_built_pages_carry_none_of_it(site: Path) -> None:
    for name in ("index.html", "es/glossary/index.html", "embed/benefits/index.html"):
        page = (site / name).read_text(encoding="utf-8")
        assert 'name="generator"' not in page and "__tabbed_" not in page, name
    assert "clipboard." not in (site / "index.html").read_text(encoding="utf-8")
