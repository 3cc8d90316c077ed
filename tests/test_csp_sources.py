"""Inline <style> is pinned like inline scripts, and an unpinned script or style is named
on its source: the page's Markdown or a snippet file, or, only when the theme's templates
wrote it, with the "Material's inline script changed" wording (finish/csp_sources.py).
Snippet files are checked like pages (checks/snippets.py)."""

from __future__ import annotations

import re
from pathlib import Path

from fixtures_builds import HIDE, Broken, material_script_changed
from iopguide.checks import snippets
from iopguide.finish import csp, csp_sources

PAGE = "---\ntitle: T\n---\n\n# T\n\nText.\n\n```\n\n" + HIDE + "\n"  # an unclosed fence


def built(article: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><article>{article}</article></body></html>"


def unpinned(html: dict[str, str], origins: dict[str, csp_sources.Origin]):
    scan = csp.site_policy(Path("/nonexistent"), html, pinned=set())
    return scan, csp_sources.report_unpinned(scan.unpinned, (), origins)


def test_a_style_in_a_page_is_named_on_its_line_and_kept_out_of_the_policy() -> None:
    origins = {"x/index.html": csp_sources.Origin("docs/x.md", (("docs/x.md", PAGE),))}
    scan, (problems, warnings) = unpinned({"x/index.html": built(HIDE)}, origins)
    assert [str(p) for p in problems] == [
        "docs/x.md:11: csp: an inline style in docs/x.md:11 is not allowed: remove it; "
        "give the element a class and style it in docs/assets/site.css"
    ]
    assert warnings == [] and "sha256" not in scan.policy.text()


def test_a_style_found_nowhere_is_named_on_line_one_or_a_snippet() -> None:
    origins = {"x/index.html": csp_sources.Origin("docs/x.md", (("docs/x.md", "# T\n"),))}
    _, (problems, warnings) = unpinned({"x/index.html": built(HIDE)}, origins)
    assert [(p.path, p.line) for p in problems] == [("docs/x.md", 1)]
    assert "(or a snippet it includes)" in problems[0].message and warnings == []


def test_only_what_the_templates_wrote_gets_the_material_wording() -> None:
    page = PAGE + "</article><script>alert(1)</script>\n"  # leaves the <article>
    origins = {"x/index.html": csp_sources.Origin("docs/x.md", (("docs/x.md", page),))}
    html = {
        "x/index.html": built("", head="<script>__md_new()</script>") + "<script>alert(1)</script>",
        "404.html": built("", head="<script>__md_new()</script>"),
    }
    _, (problems, warnings) = unpinned(html, origins)
    assert [str(p).split(" is not")[0] for p in problems] == [
        "docs/x.md:12: csp: an inline script in docs/x.md:12"
    ]
    assert len(warnings) == 1 and csp_sources.CHANGED in warnings[0], warnings
    assert "__md_new()" in warnings[0]


def test_a_pinned_style_enters_the_policy() -> None:
    digest = csp.sha256_source(".iop-x{}")
    scan = csp.site_policy(
        Path("/nonexistent"),
        {"a.html": built("<style>.iop-x{}</style>")},
        pinned=set(),
        pinned_styles={digest},
    )
    assert scan.unpinned == {} and digest in scan.policy.text()


def test_snippet_files_get_the_fragment_rules() -> None:
    text = "*[X]: y\n" + HIDE + "\n[click here](http://example.org/)\n"
    found = [str(p).split(": ")[0:2] for p in snippets.check_snippet(text, "docs/.snippets/g.md")]
    assert ["docs/.snippets/g.md:2", "unsafe-html"] in found
    assert ["docs/.snippets/g.md:3", "link-https"] in found
    assert snippets.is_snippet("docs-es/.snippets/figures/a.svg")
    assert not snippets.is_snippet("docs/benefits.md")


def test_a_style_in_a_snippet_of_either_language_fails_the_build(broken_build: Broken) -> None:
    """The review's F1: a <style> in the glossary (appended to every page) hid the crisis
    bar with a green build. Here in English, and in a Spanish figure (the shared broken
    copy, tests/fixtures_builds.py)."""
    output = broken_build.output
    assert not broken_build.ok, "a snippet's <style> passed the strict build"
    name = "docs/.snippets/glossary.md"
    line = broken_build.line_of(name, HIDE)
    assert f"{name}:{line}: unsafe-html: <style> is not allowed" in output, output
    assert f"{name}:{line}: csp: an inline style in {name}:{line} is not allowed" in output
    assert re.search(r"docs-es/\.snippets/figures/sample-week\.svg:\d+: unsafe-html", output)
    assert "Traceback" not in output, output
    # The copy also changes one of Material's own scripts (tests/test_csp.py): that one
    # line is the only one to name Material; a snippet's style is never blamed on it.
    changed = re.findall(r"<script>(.*?)</script>", material_script_changed(), re.S)[-1]
    blamed = broken_build.lines("Material's")
    assert len(blamed) == 1 and csp.sha256_source(changed) in blamed[0], blamed
