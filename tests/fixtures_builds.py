"""Builds of broken project copies that several test files share (one build, many
assertions): a full strict build costs about 15-20 s of CPU.

`broken_build` is one copy of the project, both languages, broken in several independent
ways, each of which the strict build reports and then goes on: MkDocs counts the
warnings and fails only at the end, after `finish` (mkdocs_hooks.py), so one build prints
every line. Each test asserts its own lines in the shared output. What stops a build
early cannot join it: a YAML error in mkdocs.yml, a symbolic link or a page that is not
UTF-8 (on_config), an include that cannot be read (on_env, before any template or
`finish`); those tests build on their own. `marked_build` is one good build of both
languages with a changed crisis file, for publishing under a sub-path address a host
gives: two changes that touch nothing the other's tests read. Each is built once for all
xdist workers: the first to ask builds while the others wait on a lock, as the `site`
fixture does.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from iopguide import crisis, site_address
from sitetools import ROOT, Built, build_once, build_site, copy_project, shared_folder

WORKER = "export default { fetch: () => Response.redirect('https://example.org/', 302) };\n"
# A hidden <style> in a snippet of either language (tests/test_csp_sources.py).
HIDE = "<style>.iop-crisis{display:none!important}</style>"
# Three ways past the Markdown rules (tests/test_rendered_html.py).
HIDDEN_ES = '\n```\nsin cerrar\n\n<iframe src="../"></iframe>\n'
FIGURE = '<svg xmlns="http://www.w3.org/2000/svg">\n<use href="#crisis"/>\n</svg>\n'
ATTR_LIST = "\nText.\n{: .md-header }\n"
# An unknown page in the nav (tests/test_bad_pages.py), right after Home.
HOME_ENTRY = "  - Home: index.md\n"
LOST_ENTRY = "  - Lost: no-such-page.md\n"
# The page each front matter test breaks (tests/test_build.py, tests/test_frontmatter.py).
NO_REVIEWED = "docs/work-school-privacy.md"
BAD_NEXT_REVIEW = "docs/about/accessibility.md"
SOURCES_FIVE = "docs/benefits.md"
SCRIPT_PAGE = "docs/stories.md"  # a <script> in a page (tests/test_engines.py)
SCRIPT = "\n<script>alert(1)</script>\n"
MARK = "Zqx"  # put into every crisis wording (tests/test_crisis.py)
SUB_PATH = "https://example.org/iop-guide/"  # the address of the marked build


@dataclass(frozen=True)
class Broken:
    """A shared build: the changed copy, its output folder and what it printed."""

    project: Path  # the changed copy, to find the lines a test expects
    out: Path  # where the build would have written the site
    ok: bool
    output: str

    def text(self, path: str) -> str:
        return (self.project / path).read_text(encoding="utf-8")

    def line_of(self, path: str, needle: str) -> int:
        """The line of `path` (in the copy) where `needle` first appears."""
        text = self.text(path)
        return text[: text.index(needle)].count("\n") + 1

    def lines(self, about: str) -> list[str]:
        """The output's lines that contain `about`."""
        return [line for line in self.output.splitlines() if about in line]


def material_script_changed() -> str:
    """Material's palette.html with its inline script changed, as after an upgrade
    (tests/test_csp.py): the build must name the new hash. (Not content.html's script,
    which finish/theme_boilerplate.py leaves out on a site without content tabs.)"""
    material = Path(__import__("material").__file__).parent / "templates"
    original = (material / "partials" / "javascripts" / "palette.html").read_text()
    changed = original.replace("if(palette&&palette.color)", "if(palette&&palette.color&&1)")
    assert changed != original
    return changed


def _edit(project: Path, path: str, old: str, new: str, regex: bool = False) -> None:
    target = project / path
    text = target.read_text(encoding="utf-8")
    if regex:
        changed = re.sub(old, new, text, count=1, flags=re.M | re.S)
    else:
        changed = text.replace(old, new, 1)
    assert changed != text, f"could not change {path}"
    target.write_text(changed, encoding="utf-8")


def _append(project: Path, path: str, text: str) -> None:
    target = project / path
    target.parent.mkdir(parents=True, exist_ok=True)
    old = target.read_text(encoding="utf-8") if target.exists() else ""
    target.write_text(old + text, encoding="utf-8")


def break_copy(project: Path) -> Path:
    """Every independent breakage the shared build reports (see the module docstring)."""
    shutil.copytree(ROOT / "docs-es", project / "docs-es")
    shutil.copy2(ROOT / "mkdocs.es.yml", project / "mkdocs.es.yml")
    # tests/test_build.py and tests/test_frontmatter.py: front matter.
    _edit(project, NO_REVIEWED, r"^reviewed:.*?\n", "", regex=True)
    _edit(project, BAD_NEXT_REVIEW, r"^next_review:.*?$", "next_review: next year", regex=True)
    _edit(project, SOURCES_FIVE, r"^sources:\n.*?(?=^---)", "sources: 5\n", regex=True)
    # tests/test_published_files.py: a file the host would run.
    _append(project, "docs/_worker.js", WORKER)
    # tests/test_rendered_html.py: HTML after an open fence (Spanish), a figure's <use>,
    # attr_list on an English page.
    _append(project, "docs-es/benefits.md", HIDDEN_ES)
    (project / "docs/.snippets/figures/levels-of-care.svg").write_text(FIGURE, encoding="utf-8")
    _append(project, "docs/glossary.md", ATTR_LIST)
    # tests/test_csp_sources.py: a <style> in the glossary snippet and in a Spanish figure.
    _append(project, "docs/.snippets/glossary.md", HIDE + "\n")
    figure = "docs-es/.snippets/figures/sample-week.svg"
    _edit(project, figure, "</svg>", "<style>.iop-crisis{color:red}</style></svg>")
    # tests/test_csp.py: Material's inline script changed.
    override = project / "overrides" / "partials" / "javascripts" / "palette.html"
    override.parent.mkdir(parents=True, exist_ok=True)
    override.write_text(material_script_changed(), encoding="utf-8")
    # tests/test_engines.py: a <script> in a page.
    _append(project, SCRIPT_PAGE, SCRIPT)
    # tests/test_bad_pages.py: the nav names a page that is not in docs/.
    _edit(project, "mkdocs.yml", HOME_ENTRY, HOME_ENTRY + LOST_ENTRY)
    return project


def marked(text: str) -> str:
    """The crisis file with MARK put into every wording, inside a link's words when the
    wording is one link, and the NAMI HelpLine's number changed."""
    head, _, wording = text.partition("\nwording:\n")
    wording = re.sub(r'^(    [a-z]{2}: ")(\[?)', rf"\1\2{MARK} ", wording, flags=re.M)
    head = head.replace("call: 1-800-950-6264", "call: 1-800-950-6265")
    return head + "\nwording:\n" + wording


def mark_copy(project: Path) -> Path:
    """Both languages, the crisis file marked (tests/test_crisis.py)."""
    shutil.copytree(ROOT / "docs-es", project / "docs-es")
    shutil.copy2(ROOT / "mkdocs.es.yml", project / "mkdocs.es.yml")
    path = project / crisis.FILE
    path.write_text(marked(path.read_text(encoding="utf-8")), encoding="utf-8")
    return project


def _once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Path], **env: str):
    """Build `make(copy of the project)` once for every xdist worker: the first to ask
    builds while the others wait on a lock, as the `site` fixture does."""
    shared = shared_folder(factory, name)
    project, out = shared / "project", shared / "out"

    def build_it() -> Built:
        if project.exists():  # a worker that died half-way
            shutil.rmtree(project)
        return build_site(make(copy_project(project)), out, **env)

    ok, output = build_once(shared, build_it)
    return Broken(project, out, ok, output)


@pytest.fixture(scope="session")
def broken_build(tmp_path_factory: pytest.TempPathFactory) -> Broken:
    """The broken copy (break_copy), built once for every test file that reads it."""
    return _once(tmp_path_factory, "broken-build", break_copy)


@pytest.fixture(scope="session")
def marked_build(tmp_path_factory: pytest.TempPathFactory) -> Broken:
    """A good build for publishing, of both languages, from a copy whose crisis file
    changed (mark_copy), on a host that gives a sub-path address as Netlify does (`URL`,
    no final slash, no SITE_URL): tests/test_crisis.py reads the crisis wording, and
    tests/test_build.py and tests/test_site_url.py the address, neither of which the
    other changes."""
    with pytest.MonkeyPatch.context() as patch:  # as on Netlify: its URL and nothing else
        for name in site_address.VARIABLES:
            patch.delenv(name, raising=False)
        built = _once(
            tmp_path_factory, "marked-build", mark_copy, site_url=None, URL=SUB_PATH.rstrip("/")
        )
    if not built.ok:
        pytest.fail(f"the build with a changed crisis file failed:\n{built.output}", pytrace=False)
    return built
