"""The `rendered-html` gate reads what the build made of a page (checks/rendered_html.py,
allowed_html.py): every hostile variant fails on its file and line, with no traceback,
whatever way it reached the page, on MkDocs and on Zensical's steps; the real pages pass.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fixtures_builds import ATTR_LIST, FIGURE, HIDDEN_ES, Broken
from iopguide import editions, project, steps
from iopguide.checks import rendered_html
from iopguide.finish.edition import EditionBuild
from iopguide.render import page_html
from sitetools import ROOT, copy_project

# What an outside pull request could try, as the generator renders it.
HOSTILE = [
    '<form action="/x"><input name="q"></form>',
    '<iframe src="../"></iframe>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    "<script>alert(1)</script>",
    "<style>.md-banner{display:none}</style>",
    '<meta http-equiv="refresh" content="0;url=https://example.org">',
    '<base href="https://example.org/">',
    '<link rel="stylesheet" href="x.css">',
    '<button type="submit">Go</button>',
    '<video src="x.mp4"></video>',
    '<svg><use href="#crisis"/></svg>',
    '<svg><image href="https://example.org/x.png"/></svg>',
    "<svg><foreignObject><p>x</p></foreignObject></svg>",
    "<svg><style>rect{fill:red}</style></svg>",
    "<math><mi>x</mi></math>",
    '<input type="submit">',
    '<input type="checkbox" formaction="https://example.org">',
    '<p onclick="x()">Text</p>',
    '<p style="position:fixed;top:0">Text</p>',
    '<p data-md-component="announce">Text</p>',
    '<div class="md-banner">Text</div>',
    '<div class="admonition md-header">Text</div>',
    '<body onload="x()">',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="data:text/html,x">x</a>',
    '<a href="//example.org/">x</a>',
    '<a href="ftp://example.org/">x</a>',
    '<a href="http://127.0.0.1:8080/">x</a>',
    '<a href="https://intranet/">x</a>',
    '<img src="https://example.org/x.png" alt="x">',
    '<img src="//example.org/x.png" alt="x">',
    "<!-- a --!><form></form>",
    # MkDocs prints a heading's id unescaped into the sidebar's table of contents
    '<h2 id="x&quot;&gt;&lt;a/href=&quot;https://example.org/&quot;/class=&quot;md-top&quot;">T</h2>',
    '<h2 id="a b">T</h2>',
    # ids the theme and the site's scripts look up
    '<h2 id="__drawer">T</h2>',
    '<p id="main-content">x</p>',
    '<h2 id="source-1">T</h2>',
    '<label for="__search">x</label>',
    # ahead of the skip link and the crisis strip, for the keyboard and screen readers
    '<a href="https://example.org/" tabindex="1">x</a>',
    '<p role="alertdialog" aria-label="Call 1-900-555-0100">x</p>',
    '<p aria-live="assertive">x</p>',
    # Material's tooltips show a title, and a cut-short heading, as HTML (a hover redirects)
    '<span title="&lt;meta http-equiv=&quot;refresh&quot; content=&quot;0;url=/x/&quot;&gt;">'
    "x</span>",
    '<a href="https://x.org/" title="&lt;img src=&quot;/a.svg&quot; class=&quot;md-top&quot;&gt;">'
    "x</a>",
    '<abbr title="Intensive &lt;b&gt;outpatient&lt;/b&gt;">IOP</abbr>',
    '<h2 id="x">Use &lt;meta/http-equiv="refresh"/content="0;url=/x/"&gt; here</h2>',
    "<h3>Code <code>&lt;b&gt;</code></h3>",
    # a number shown in another order than it is written
    "<p>Call \u202e0010-555-009-1\u202c now.</p>",
    "<p>Call <span>\u2067x\u2069</span></p>",
]

# What the site's pages really use.
ALLOWED = [
    '<p>Text <a href="what-is-an-iop/#schedule">link</a> <a href="tel:988">988</a></p>',
    '<a href="sms:988">text</a> <a href="mailto:a@b.org">mail</a> <a href="https://x.org">x</a>',
    '<div class="admonition crisis"><p class="admonition-title">If</p></div>',
    '<ul class="task-list"><li class="task-list-item"><label class="task-list-control">'
    '<input type="checkbox"><span class="task-list-indicator"></span></label> Ask</li></ul>',
    '<figure class="iop-figure"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9" '
    'role="img" aria-labelledby="t"><title id="t">x</title><desc>y</desc>'
    '<rect class="iop-fig-box" x="1" y="1" width="2" height="2" rx="1"/>'
    '<text class="iop-fig-text" x="1" y="1" font-size="9">x</text></svg>'
    "<figcaption>x</figcaption></figure>",
    '<p>See<sup class="iop-cite"><a href="#source-1" aria-label="Source 1">1</a></sup></p>',
    '<abbr title="Intensive outpatient program">IOP</abbr>',
    '<textarea id="w" rows="3" aria-describedby="h" autocomplete="off" spellcheck="true">'
    "</textarea>",
    '<details class="note" open><summary>More</summary><p>x</p></details>',
    '<img src="../assets/favicon.svg" alt="" class="decorative">',
    '<div class="highlight"><pre><span></span><code><span class="nt">&lt;p&gt;</span>'
    "</code></pre></div>",
]


@pytest.mark.parametrize("html", HOSTILE)
def test_what_pages_never_use_is_found(html: str) -> None:
    assert rendered_html.findings(html), html


@pytest.mark.parametrize("html", ALLOWED)
def test_what_pages_use_is_allowed(html: str) -> None:
    assert rendered_html.findings(html) == []


PAGE = """---
title: The form page
description: x
---

# The form page

Text.
{: .md-banner }

```
code, and the fence is never closed

<form action="https://example.org/"></form>
"""


TOC_ATTACK = """---
title: T
description: x
---

# T

## More {: id='x"><a/href="https://example.org/"/class="md-top"/title="<">Call 1-900<b/title="' }
"""


def test_a_heading_id_that_would_write_html_into_the_sidebar_is_found() -> None:
    config = editions.config_data(editions.editions(ROOT)[0], ROOT)
    html = page_html.renderer(config, ROOT)(TOC_ATTACK)
    problems = rendered_html.check(html, [("docs/x.md", TOC_ATTACK)], "docs/x.md")
    assert [(p.path, p.line) for p in problems] == [("docs/x.md", 8)], problems
    assert "an id is letters, digits" in problems[0].message


def test_each_finding_is_on_its_source_line_after_the_front_matter() -> None:
    html = '<p class="md-banner">Text.</p><form action="https://example.org/"></form>'
    problems = rendered_html.check(html, [("docs/x.md", PAGE)], "docs/x.md")
    assert [(p.path, p.line, p.rule) for p in problems] == [
        ("docs/x.md", 9, "rendered-html"),
        ("docs/x.md", 14, "rendered-html"),
    ]
    assert "code fence left open" in problems[1].message


def test_a_finding_from_a_snippet_names_the_snippet() -> None:
    sources = [("docs/x.md", PAGE), ("docs/.snippets/figures/f.svg", "<svg>\n<use href='#a'/>")]
    problems = rendered_html.check("<svg><use href='#a'/></svg>", sources, "docs/x.md")
    assert [(p.path, p.line) for p in problems] == [("docs/.snippets/figures/f.svg", 2)]
    assert rendered_html.check("<svg><use/></svg>", sources, "docs/x.md", {sources[1][0]}) == []


def test_markup_in_a_title_or_heading_is_found_on_its_line() -> None:
    page = (
        '# T\n\nUse "x" and y.\n\n## Use &lt;b&gt; here\n\n'
        '[x](https://x.org/ "&lt;img src=x&gt;")\n'
    )
    html = (
        '<h1 id="t">T</h1><p>Use "x" and y.</p><h2 id="u">Use &lt;b&gt; here</h2>'
        '<p><a href="https://x.org/" title="&lt;img src=x&gt;">x</a></p>'
    )
    problems = rendered_html.check(html, [("docs/x.md", page)], "docs/x.md")
    assert [(p.path, p.line) for p in problems] == [("docs/x.md", 5), ("docs/x.md", 7)]


def test_a_value_is_found_on_the_line_that_sets_it() -> None:
    page = "# T\n\n1 2 3\n\n[Go](https://example.org/){: tabindex=1 }\n"
    html = '<p><a href="https://example.org/" tabindex="1">Go</a></p>'
    problems = rendered_html.check(html, [("docs/x.md", page)], "docs/x.md")
    assert [(p.path, p.line) for p in problems] == [("docs/x.md", 5)]


def test_a_finding_found_nowhere_is_on_line_one() -> None:
    problems = rendered_html.check("<iframe></iframe>", [("docs/x.md", "# T\n")], "docs/x.md")
    assert [(p.path, p.line) for p in problems] == [("docs/x.md", 1)]
    assert "a snippet it includes" in problems[0].message


def _hostile_copy(tmp_path: Path) -> Path:
    """The project with three ways past the Markdown rules: a Spanish page with HTML after
    a fence left open, an SVG figure with a <use>, attr_list on an English page (as in the
    shared broken copy the MkDocs build reads, tests/fixtures_builds.py)."""
    project_dir = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "docs-es", project_dir / "docs-es")
    shutil.copy2(ROOT / "mkdocs.es.yml", project_dir / "mkdocs.es.yml")
    spanish = project_dir / "docs-es" / "benefits.md"
    spanish.write_text(spanish.read_text(encoding="utf-8") + HIDDEN_ES, encoding="utf-8")
    figure = project_dir / "docs" / ".snippets" / "figures" / "levels-of-care.svg"
    figure.write_text(FIGURE, encoding="utf-8")
    english = project_dir / "docs" / "glossary.md"
    english.write_text(english.read_text(encoding="utf-8") + ATTR_LIST, encoding="utf-8")
    return project_dir


def _expected(project_dir: Path) -> set[tuple[str, int]]:
    def line_of(path: str, needle: str) -> int:
        text = (project_dir / path).read_text(encoding="utf-8")
        return text[: text.index(needle)].count("\n") + 1

    return {
        ("docs-es/benefits.md", line_of("docs-es/benefits.md", "<iframe")),
        ("docs/.snippets/figures/levels-of-care.svg", 2),
        ("docs/glossary.md", line_of("docs/glossary.md", "md-header")),
    }


def test_mkdocs_build_fails_on_each_way_past_the_markdown_rules(broken_build: Broken) -> None:
    """The shared broken copy (tests/fixtures_builds.py) has the same three."""
    assert not broken_build.ok and not broken_build.out.exists()
    assert "Traceback" not in broken_build.output
    lines = broken_build.lines(": rendered-html: ")
    found = set()
    for line in lines:
        path, number, _ = line.split(" -  ", 1)[-1].split(":", 2)
        found.add((path, int(number)))
    assert found == _expected(broken_build.project)
    assert len(lines) == len(set(lines)) == 3, "each finding once, a figure on many pages too"


@pytest.mark.slow
def test_zensical_steps_read_the_same_rendering(tmp_path: Path) -> None:
    project_dir = _hostile_copy(tmp_path)
    found: set[tuple[str, int]] = set()
    said: set[str] = set()
    for edition in editions.editions(project_dir):
        settings = editions.settings(edition, project_dir, "/")
        build = EditionBuild(
            edition.lang, edition.folder, settings, project.source_pages(settings.docs_dir)
        )
        found |= {(p.path, p.line) for p in steps.check_rendered(edition, project_dir, build, said)}
    assert found == _expected(project_dir)
