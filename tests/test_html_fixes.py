"""The build's small HTML repairs (iopguide/finish/html_fixes.py), on the markup they
target: each repair on a fragment, and `fix_page` on a whole (minified) page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from iopguide.finish import html_fixes
from sitetools import all_pages


def fixed(repair: Callable[[html_fixes.Root], None], fragment: str) -> str:
    """`fragment` with one repair applied, as the parser writes it back."""
    tree = LexborHTMLParser(fragment, is_fragment=True)
    repair(tree)
    return tree.html or ""


TASK = (
    '<li class="task-list-item"><label class="task-list-control"><input type="checkbox"/>'
    '<span class="task-list-indicator"></span></label> Is it licensed?</li>'
)


def test_checklist_text_becomes_the_checkbox_label() -> None:
    labelled = (
        '<li class="task-list-item"><label class="task-list-control"><input type="checkbox">'
        '<span class="task-list-indicator"></span> Is it licensed?</label></li>'
    )
    assert fixed(html_fixes.label_checklists, TASK) == labelled
    assert fixed(html_fixes.label_checklists, labelled) == labelled  # once only


def test_checklist_text_stops_at_a_nested_list() -> None:
    nested = TASK.replace(" Is it licensed?", " Is it <b>licensed</b>?\n<ul><li>x</li></ul>")
    assert fixed(html_fixes.label_checklists, nested).endswith(
        '<span class="task-list-indicator"></span> Is it <b>licensed</b>?</label>'
        "<ul><li>x</li></ul></li>"
    )


def test_empty_tabindex_is_dropped_in_both_spellings() -> None:
    drop = html_fixes.drop_empty_tabindex
    assert fixed(drop, '<label tabindex="" for=x>a</label>') == '<label for="x">a</label>'
    assert fixed(drop, "<label tabindex for=x>a</label>") == '<label for="x">a</label>'
    assert fixed(drop, "<a tabindex=-1 href=x>a</a>") == '<a tabindex="-1" href="x">a</a>'


def test_a_toc_label_without_its_toggle_loses_for() -> None:
    dangling = '<label class="md-nav__title" for="__toc">Contents</label>'
    assert (
        fixed(html_fixes.drop_dangling_toc_label, dangling)
        == '<label class="md-nav__title">Contents</label>'
    )
    kept = '<input id="__toc">' + dangling
    assert fixed(html_fixes.drop_dangling_toc_label, kept) == kept


def test_only_the_first_use_of_each_abbreviation_is_marked() -> None:
    html = (
        '<p><abbr title="Intensive outpatient program">IOP</abbr> and '
        '<abbr title="Partial hospitalization program">PHP</abbr>; an '
        '<abbr title="Intensive outpatient program">IOP</abbr> again.</p>'
    )
    assert fixed(html_fixes.first_abbr_only, html) == (
        '<p><abbr title="Intensive outpatient program">IOP</abbr> and '
        '<abbr title="Partial hospitalization program">PHP</abbr>; an IOP again.</p>'
    )


def test_built_pages_mark_each_abbreviation_once(site: Path) -> None:
    for page in all_pages():
        html = (site / page.url / "index.html").read_text(encoding="utf-8")
        article = LexborHTMLParser(html).css_first(html_fixes.CONTENT)
        terms = [abbr.text() for abbr in article.css("abbr")]
        assert len(terms) == len(set(terms)), f"{page.src}: an abbreviation is marked twice"
        assert terms or not page.is_content, f"{page.src}: no abbreviation tooltips at all"


def test_each_table_cell_is_labelled_with_its_column_heading() -> None:
    table = (
        "<table><thead><tr><th>Level</th><th>Hours <em>a week</em></th></tr></thead>"
        "<tbody><tr><td>IOP</td><td>9 or more</td></tr></tbody></table>"
    )
    assert fixed(html_fixes.stack_tables, table) == (
        '<table data-iop-cards=""><thead><tr><th>Level</th><th>Hours <em>a week</em></th></tr>'
        '</thead><tbody><tr><td data-label="Level">IOP</td>'
        '<td data-label="Hours a week">9 or more</td></tr></tbody></table>'
    )
    assert "role=" not in fixed(html_fixes.stack_tables, table)  # HTML forbids roles on cells
    styled = table.replace("<table>", '<table class="x">')  # not Markdown's: left alone
    assert fixed(html_fixes.stack_tables, styled) == styled


def test_no_abbreviation_in_a_heading() -> None:
    html = '<h2>An <abbr title="Intensive outpatient program">IOP</abbr></h2>'
    assert fixed(html_fixes.no_abbr_in_headings, html) == "<h2>An IOP</h2>"


PAGE = (
    "<!doctype html><html lang=en><head><meta charset=utf-8><title>t</title></head><body>"
    "<nav><label class=md-nav__title for=__toc tabindex>Contents</label>"
    "<p><abbr title=x>IOP</abbr></p><table><thead><tr><th>A</th></tr></thead>"
    "<tbody><tr><td>1</td></tr></tbody></table></nav>"
    '<article class="md-content__inner md-typeset"><h1>An <abbr title=x>IOP</abbr></h1>'
    "<p><abbr title=x>IOP</abbr> and <abbr title=x>IOP</abbr></p>"
    "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
    "</article></body></html>"
)


def test_a_page_is_fixed_in_one_pass_and_only_its_content_as_content() -> None:
    page = LexborHTMLParser(html_fixes.fix_page(PAGE))
    nav, article = page.css_first("nav"), page.css_first("article")
    assert nav.css_first("label").attributes == {"class": "md-nav__title"}
    assert nav.css_first("abbr") is not None, "outside the content, abbreviations stay"
    assert nav.css_first("table").attributes == {}, "outside the content, tables stay"
    assert article.css_first("h1").html == "<h1>An IOP</h1>"
    assert [a.text() for a in article.css("abbr")] == ["IOP"]
    assert article.css_first("td").attributes == {"data-label": "A"}
    assert html_fixes.fix_page(html_fixes.fix_page(PAGE)) == html_fixes.fix_page(PAGE)
