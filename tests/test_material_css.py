"""Material's main stylesheet ships only the rules the site can match (finish/material_css.py)."""

from __future__ import annotations

import gzip
from pathlib import Path

import material

from iopguide.finish import material_css

PAGE = (
    '<html><body class="md-body" data-md-color-scheme="default">'
    '<header class="md-header" id="top"><a class="md-header__link" href="#">x</a></header>'
    '<input type="checkbox" data-md-toggle="drawer"><table><tr><td>1</td></tr></table>'
    "</body></html>"
)
SCRIPT = 'e.classList.add("md-tooltip");el.className=`md-tag md-tag--${kind}`'


def names() -> material_css.Names:
    return material_css.site_names([PAGE], [SCRIPT])


def test_a_rule_stays_when_any_selector_can_match() -> None:
    css = ".md-header,.md-banner{a:1}.md-banner{b:2}#top{c:3}#gone{d:4}table td{e:5}dl dd{f:6}"
    assert material_css.trim(css, names()) == ".md-header{a:1}#top{c:3}table td{e:5}"


def test_pseudo_classes_and_elements_never_remove_a_rule() -> None:
    css = (
        ".md-header__link:hover:before{a:1}.md-header:not(.md-banner) a{b:2}"
        ".md-header:is(.x,.y){c:3}.md-banner:not(.md-header){d:4}:root{--x:1}*,:after{e:5}"
    )
    kept = material_css.trim(css, names())
    assert kept == (
        ".md-header__link:hover:before{a:1}.md-header:not(.md-banner) a{b:2}"
        ".md-header:is(.x,.y){c:3}:root{--x:1}*,:after{e:5}"
    )


def test_attribute_selectors_need_the_attribute() -> None:
    css = (
        "[data-md-toggle=drawer]:checked~.md-body{a:1}[type=checkbox]{b:2}"
        '[data-md-state=lock] .md-header{c:3}[data-md-component="outdated"]{d:4}'
    )
    names_ = names()
    kept = material_css.trim(css, names_)
    assert kept == "[data-md-toggle=drawer]:checked~.md-body{a:1}[type=checkbox]{b:2}"
    names_.add_script('el.setAttribute("data-md-state","lock")')
    assert "[data-md-state=lock] .md-header{c:3}" in material_css.trim(css, names_)


def test_a_class_only_a_script_names_stays_when_its_block_is_on_a_page_or_listed() -> None:
    css = (
        ".md-header--shadow{a:1}.md-tooltip{b:1}.md-tooltip__inner{c:1}.md-tag{d:1}"
        ".md-tag--new{e:1}.tabbed-set{f:1}.md-dialog{g:1}.md-header__gone{h:1}"
    )
    script = SCRIPT + ';x("div",{class:"md-header--shadow md-tooltip__inner tabbed-set"})'
    names_ = material_css.site_names([PAGE], [script])
    # md-header is on the page, md-tooltip is listed (content.tooltips); the script alone
    # names md-tag (and its md-tag-- family) and tabbed-set: their blocks are on no page.
    assert material_css.trim(css, names_) == (
        ".md-header--shadow{a:1}.md-tooltip{b:1}.md-tooltip__inner{c:1}"
    )
    names_.add_classes(["md-tag", "tabbed-block"])  # a page shows tags and tabs
    assert material_css.trim(css, names_) == (
        ".md-header--shadow{a:1}.md-tooltip{b:1}.md-tooltip__inner{c:1}.md-tag{d:1}"
        ".md-tag--new{e:1}.tabbed-set{f:1}"
    )


def test_each_listed_block_says_which_feature_needs_it() -> None:
    assert material_css.block("md-annotation__index") == "md-annotation"
    assert material_css.block("md-tag--new") == "md-tag"
    assert material_css.block("md-annotation-list__item") == "md-annotation-list"
    assert material_css.block("tabbed-set") == "tabbed"
    assert material_css.block("focus-visible") == "focus"
    for name, why in material_css.SCRIPT_BLOCKS.items():
        assert material_css.block(name) == name and why.strip(), name


def test_media_blocks_are_cut_and_dropped_when_empty_other_at_rules_stay() -> None:
    css = (
        '@charset "UTF-8";@media screen and (max-width:76.234375em){.md-header{a:1}.md-nav{b:2}}'
        "@media print{.md-dialog{c:1}}@supports (x:y){.md-banner{d:1}}"
        "@font-face{font-family:x}@keyframes spin{0%{e:1}to{e:2}}"
        "/*# sourceMappingURL=main.css.map*/"
    )
    assert material_css.trim(css, names()) == (
        '@charset "UTF-8";@media screen and (max-width:76.234375em){.md-header{a:1}}'
        "@font-face{font-family:x}@keyframes spin{0%{e:1}to{e:2}}"
    )


def test_custom_properties_nothing_reads_go() -> None:
    css = ":root{--a:1;--b:var(--c);--c:2;--d:3;--e:4}.x{color:var(--b)}"
    assert material_css.unused_properties_dropped(css, {"--e"}) == (
        ":root{--b:var(--c);--c:2;--e:4}.x{color:var(--b)}"
    )
    assert material_css.unused_properties_dropped(":root{--a:1}", set()) == ""


def test_the_stylesheet_is_found_by_the_pages_links(tmp_path: Path) -> None:
    sheets = tmp_path / "es" / "assets" / "stylesheets" / "classic"
    sheets.mkdir(parents=True)
    (sheets / "main.1.min.css").write_text(".md-header{a:1}.md-dialog{b:1}")
    (sheets / "palette.1.min.css").write_text(".md-dialog{b:1}")
    page = (
        '<link rel="stylesheet" href="../assets/stylesheets/classic/palette.1.min.css">'
        '<link rel="stylesheet" href="../assets/stylesheets/classic/main.1.min.css">'
        '<div class="md-header"></div>'
    )
    found = material_css.theme_stylesheets(tmp_path, {"es/x/index.html": page})
    assert found == [sheets / "main.1.min.css"]
    assert material_css.trim_site(tmp_path, {"es/x/index.html": page}) > 0
    assert (sheets / "main.1.min.css").read_text() == ".md-header{a:1}"
    assert (sheets / "palette.1.min.css").read_text() == ".md-dialog{b:1}"
    assert material_css.trim_site(tmp_path, {"index.html": "<p>no links</p>"}) == 0


def test_the_built_site_ships_the_cut_file(site: Path) -> None:
    files = sorted(site.glob("**/assets/stylesheets/main.*.css"))
    assert files, "no main stylesheet in the build: did Material rename it?"
    theme = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    original = (theme / files[0].name).read_bytes()
    for path in files:
        cut = path.read_bytes()
        assert len(gzip.compress(cut)) < len(gzip.compress(original)) * 0.8, path
        text = cut.decode("utf-8")
        for selector in (".md-header{", ".md-search-result__article", ".md-tooltip{", ".md-nav"):
            assert selector in text, f"{path} lost {selector}"
        for selector in (".tabbed-set", ".md-annotation__index", ".md-version__", ".md-tag"):
            assert selector not in text, f"{path} kept {selector}: no page shows one"
        assert "sourceMappingURL" not in text
