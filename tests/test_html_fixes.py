"""The build's small HTML repairs (scripts/html_fixes.py), on the markup they target."""

from __future__ import annotations

import re
from pathlib import Path

from iopguide.finish import html_fixes
from sitetools import all_pages

TASK = (
    '<li class="task-list-item"><label class="task-list-control"><input type="checkbox"/>'
    '<span class="task-list-indicator"></span></label> Is it licensed?</li>'
)


def test_checklist_text_becomes_the_checkbox_label() -> None:
    assert html_fixes.label_checklists(TASK) == (
        '<li class="task-list-item"><label class="task-list-control"><input type="checkbox"/>'
        '<span class="task-list-indicator"></span> Is it licensed?</label></li>'
    )


def test_empty_tabindex_is_dropped_in_both_spellings() -> None:
    assert html_fixes.drop_empty_tabindex('<label tabindex="" for=x>') == "<label for=x>"
    assert html_fixes.drop_empty_tabindex("<label tabindex for=x>") == "<label for=x>"
    assert html_fixes.drop_empty_tabindex("<a tabindex=-1 href=x>") == "<a tabindex=-1 href=x>"


def test_a_toc_label_without_its_toggle_loses_for() -> None:
    dangling = '<label class="md-nav__title" for="__toc">Contents</label>'
    assert (
        html_fixes.drop_dangling_toc_label(dangling)
        == '<label class="md-nav__title">Contents</label>'
    )
    kept = '<input id="__toc">' + dangling
    assert html_fixes.drop_dangling_toc_label(kept) == kept


def test_only_the_first_use_of_each_abbreviation_is_marked() -> None:
    html = (
        '<p><abbr title="Intensive outpatient program">IOP</abbr> and '
        '<abbr title="Partial hospitalization program">PHP</abbr>; an '
        '<abbr title="Intensive outpatient program">IOP</abbr> again.</p>'
    )
    assert html_fixes.first_abbr_only(html) == (
        '<p><abbr title="Intensive outpatient program">IOP</abbr> and '
        '<abbr title="Partial hospitalization program">PHP</abbr>; an IOP again.</p>'
    )


def test_built_pages_mark_each_abbreviation_once(site: Path) -> None:
    for page in all_pages():
        html = (site / page.url / "index.html").read_text(encoding="utf-8")
        article = html.split("<article", 1)[1].split("</article>", 1)[0]
        terms = re.findall(r"<abbr\b[^>]*>(.*?)</abbr>", article)
        assert len(terms) == len(set(terms)), f"{page.src}: an abbreviation is marked twice"
        assert terms or not page.is_content, f"{page.src}: no abbreviation tooltips at all"


def test_each_table_cell_is_labelled_with_its_column_heading() -> None:
    table = (
        "<table><thead><tr><th>Level</th><th>Hours <em>a week</em></th></tr></thead>"
        "<tbody><tr><td>IOP</td><td>9 or more</td></tr></tbody></table>"
    )
    assert html_fixes.stack_tables(table) == (
        "<table data-iop-cards><thead><tr><th>Level</th><th>Hours <em>a week</em></th></tr>"
        '</thead><tbody><tr><td data-label="Level">IOP</td>'
        '<td data-label="Hours a week">9 or more</td></tr></tbody></table>'
    )
    assert "role=" not in html_fixes.stack_tables(table)  # HTML forbids roles on cells
