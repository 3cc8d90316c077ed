"""A docs folder publishes pages, pictures and the site's own files, nothing a host or the
theme runs (checks/published_files.py). Each of these got through a green strict build
and into site/: Cloudflare Pages would have run `_worker.js` and obeyed `_redirects` for
every reader, a theme file's copy replaced Material's bundle or style sheet on every
page (docs-es/assets/site.css replaced the shared one on every Spanish page), and an
`.html` or scripted `.svg` file was published past every page check.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fixtures_builds import Broken
from iopguide.checks import published_files
from sitetools import ROOT, build_site, copy_project

WORKER = "export default { fetch: () => Response.redirect('https://example.org/', 302) };\n"
HOSTILE = {
    "docs/_worker.js": WORKER,
    "docs/_worker.js/index.js": WORKER,
    "docs/_redirects": "/* https://example.org/ 302\n",
    "docs/_routes.json": '{"version": 1, "include": ["/*"], "exclude": []}\n',
    "docs/_headers": "/*\n  X-Frame-Options: ALLOWALL\n",
    "docs-es/_redirects": "/* https://example.org/ 302\n",
    "docs/_worker.js.md": "# W\n",  # built as _worker.js/index.html
    "docs/_Redirects": "/* https://example.org/ 302\n",
    # the Spanish build takes docs/assets/ from English unless it has its own copy
    "docs-es/assets/site.css": ".iop-crisis{display:none!important}\n",
    "docs-es/assets/a11y.js": "document.body.remove();\n",
    "docs/assets/javascripts/bundle.a5f9d56c.min.js": "document.body.remove();\n",
    "docs/assets/stylesheets/main.57a0d79d.min.css": ".md-banner{display:none}\n",
    "docs/404.html": "<p>Call 1-900-555-0100</p>\n",
    "docs/assets/help.html": '<meta http-equiv="refresh" content="0;url=https://example.org">\n',
    "docs/assets/feed.xml": "<rss/>\n",
    "docs/assets/x.svg": '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>\n',
    "docs/assets/y.svg": '<svg xmlns="http://www.w3.org/2000/svg">\n<a href="https://example.org/">'
    "<text>x</text></a><foreignObject/></svg>\n",
}


def _with(project: Path, path: str, text: str) -> None:
    target = project / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project_dir = copy_project(tmp_path_factory.mktemp("published") / "project")
    shutil.copytree(ROOT / "docs-es", project_dir / "docs-es")
    shutil.copy2(ROOT / "mkdocs.es.yml", project_dir / "mkdocs.es.yml")
    return project_dir


def test_the_real_docs_folders_pass(project: Path) -> None:
    assert published_files.problems(project) == []


@pytest.mark.parametrize("path", sorted(HOSTILE))
def test_each_file_a_host_or_theme_would_run_fails(project: Path, path: str) -> None:
    _with(project, path, HOSTILE[path])
    try:
        found = published_files.problems(project)
    finally:
        target = project / path
        target.unlink()
        if path.startswith("docs/_worker.js/"):
            target.parent.rmdir()
    shown = path.removesuffix("/index.js")
    assert [p.path for p in found] == [shown], found
    assert all(p.rule == "published-file" and "\n" not in p.message for p in found)
    if path.endswith(".svg"):
        assert found[0].line == 2


def test_a_picture_that_passes_the_allow_list_is_published(project: Path) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0"/></svg>'
    _with(project, "docs/assets/ok.svg", svg)
    _with(project, "docs/.snippets/figures/x.html", "<p>a snippet: never published</p>")
    try:
        assert published_files.problems(project) == []
    finally:
        (project / "docs/assets/ok.svg").unlink()
        (project / "docs/.snippets/figures/x.html").unlink()


def test_the_strict_build_fails_naming_the_file(broken_build: Broken) -> None:
    """The shared broken copy (tests/fixtures_builds.py) has a docs/_worker.js."""
    assert not broken_build.ok and not broken_build.out.exists()
    assert "docs/_worker.js:1: published-file: " in broken_build.output
    assert "Traceback" not in broken_build.output


def test_a_page_that_is_not_utf8_stops_the_build_on_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "stories.md"
    page.write_bytes(page.read_bytes() + b"\nBad \xff byte.\n")
    line = page.read_bytes().count(b"\n")
    assert [(p.path, p.line) for p in published_files.unreadable(project)] == [
        ("docs/stories.md", line)
    ]
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.output
    assert f"docs/stories.md:{line}: published-file: the page is not UTF-8" in result.output
