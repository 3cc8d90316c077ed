"""Every Markdown-level check of a page, and the checks pre-commit runs on changed files.

    python3 scripts/dev.py check docs/benefits.md ...   # what pre-commit runs (cli.py)

Each problem prints as `path:line: rule: what to do`, the same line the build prints.
`check_markdown` runs the rules on one page's Markdown, each from its own module:

- image-alt (images.py), image-local (local_files.py), unsafe-html (unsafe_html.py);
- link-https, link-tracking, link-text (links.py), link-host (link_hosts.py),
  phone-link (phone_links.py),
  crisis-line (crisis_lines.py: numbers and keywords agree with docs/.data/crisis.yml);
- one-title, heading-level (headings.py);
- abbr-first-use, abbr-unknown (abbreviations.py), cite-claim, cite-source (claims.py,
  with coverage.py for the claims that state no number), crisis-box-cite (crisis_box.py:
  no marker inside a crisis box).

`check_files` adds the front-matter checks (frontmatter.py) and the same-title and
same-description check against every page in docs/ (site.py). Reading grade and
`cite-unrendered` (a marker shown as typed) need the built page, so only the build
checks them.

Line numbers are real source lines, front matter included; code and HTML comments are
skipped (markdown_scan.py). Nothing here imports MkDocs: the hook in mkdocs_hooks.py
calls these functions. Every rule is listed in RULES and explained, with its fix, in
CONTRIBUTING.md.
"""

from __future__ import annotations

from pathlib import Path

from iopguide import crisis
from iopguide.checks import (
    abbreviations,
    claims,
    crisis_box,
    crisis_lines,
    frontmatter,
    headings,
    images,
    link_hosts,
    links,
    local_files,
    markdown_scan,
    phone_links,
    quick_inputs,
    snippets,
    translations,
    unsafe_html,
)
from iopguide.checks import site as site_checks
from iopguide.checks.problem import Problem
from iopguide.paths import ROOT

# Every rule the build can report, in the order CONTRIBUTING.md explains them.
RULES = (
    "front-matter",
    "review-overdue",
    "review-due-soon",  # frontmatter.py, review_dates.py
    "image-alt",  # images.py
    "image-local",  # local_files.py
    "unsafe-html",  # unsafe_html.py
    "rendered-html",  # rendered_html.py, allowed_html.py: on the page as rendered
    "link-https",
    "link-tracking",
    "link-text",  # links.py
    "link-host",  # link_hosts.py
    "heading-level",
    "one-title",  # headings.py
    "phone-link",  # phone_links.py
    "crisis-line",  # crisis_lines.py, with docs/.data/crisis.yml (iopguide/crisis/)
    "abbr-first-use",
    "abbr-unknown",  # abbreviations.py
    "cite-claim",
    "cite-source",  # claims.py (coverage.py: which sentences are coverage or legal claims)
    "crisis-box-cite",  # crisis_box.py: no source marker inside a crisis box
    "cite-unrendered",  # unrendered.py: on the built page
    "csp",  # finish/csp.py, csp_sources.py: an unpinned inline script or style
    "reading-grade",
    "reading-ease",  # reading_es.py: the Spanish pages' INFLESZ
    "translation-stale",  # translations.py
    "hard-sentence",
    "duplicate-title",
    "duplicate-description",  # site.py
    "nav-file",
    "link-target",
    "link-anchor",
    "not-in-nav",  # MkDocs' own checks (mkdocs_plugin/messages.py)
    "symlink",  # symlinks.py: a symbolic link where the build reads files
    "published-file",  # published_files.py: a host, theme or web-page file in docs/
    "snippet",  # snippets.py: an include it cannot read, a snippet that is not UTF-8
    "check-file",  # quick_inputs.py: the quick check was given a name that is no file
)


def check_markdown(
    text: str, path: str, root: Path | None = None, front: frontmatter.Parsed | None = None
) -> list[Problem]:
    """Every Markdown-level problem of one page, sorted by line. Its `{crisis:...}`
    placeholders are filled in first (line for line), so every rule reads what the build
    shows; `root` is the project, whose crisis file fills them (else the working folder);
    `front`: the page's `frontmatter.parse(text)`, when the caller has it."""
    if frontmatter.unfinished(text):  # empty, or no end to its front matter: one line says so
        return []
    data, _ = crisis.load(root)  # the file's own problems: crisis_lines.file_problems
    text, problems = crisis_lines.expand(text, path, data)
    found = markdown_scan.links(text)
    front = frontmatter.parse(text) if front is None else front
    block = front.block  # filling placeholders in keeps every line where it was
    problems += (
        images.check(found, path)
        + local_files.check(text, found, path)
        + unsafe_html.check(text, found, path)
        + links.check_external_links(found, path)
        + link_hosts.check(found, path)
        + links.check_link_text(text, found, path)
        + phone_links.check(found, path)
        + headings.check(text, path, block.body_line if block else 1)
        + abbreviations.check(text, path)
        + translations.check(text, path, meta=front.meta)
        + crisis_lines.check(text, found, path, data)
        + crisis_box.check(text, path)
    )
    meta = front.meta
    # Pages about the site cite nothing. Without a readable crisis file (its own lines say
    # why), crisis numbers would each ask for a marker: cite once the file is fixed.
    if meta.get("kind", "content") == "content" and data is not None:
        exempt = crisis_lines.exempt(data, crisis.language(path))
        problems += claims.check(text, path, source_count(meta), exempt=exempt)
    return sorted(problems, key=lambda problem: problem.line)


def source_count(meta: dict) -> int:
    sources = meta.get("sources")
    return len(sources) if isinstance(sources, list) else 0


def check_files(paths: list[Path], docs: Path = ROOT / "docs") -> list[Problem]:
    """What pre-commit runs: front matter, Markdown, includes and duplicates, for the given
    files; a snippet file (under .snippets/) gets the fragment rules of snippets.py. A name
    that is no file, or a folder, or a page that is not UTF-8: quick_inputs.py."""
    paths, problems = quick_inputs.expand([str(path) for path in paths])
    pages = {}
    for page in sorted(docs.rglob("*.md")):
        if not any(part.startswith(".") for part in page.relative_to(docs).parts):
            pages[page.resolve()] = page
    shown: dict[Path, Path] = {}
    keys: dict[Path, site_checks.PageKeys] = {}
    for path in paths:
        text, unreadable = quick_inputs.read(path)
        if text is None:
            problems += [unreadable] if unreadable else []
            continue
        if snippets.is_snippet(path):  # a fragment: its own rules, no front matter
            problems += snippets.check_snippet(text, str(path))
            continue
        shown[path.resolve()] = path
        pages.setdefault(path.resolve(), path)
        front = frontmatter.parse(text)  # once: every rule and the duplicates read it
        keys[path.resolve()] = site_checks.page_keys(text, str(path), front)
        problems += frontmatter.check_page(text, str(path), front=front)
        problems += check_markdown(text, str(path), front=front)
        include = quick_inputs.include_problem(text, path, ROOT)
        problems += [include] if include else []
    for resolved, page in pages.items():  # the pages not given: only their title and description
        if resolved not in keys:
            text = page.read_text(encoding="utf-8-sig", errors="replace")
            keys[resolved] = site_checks.page_keys(text, _shown(page, shown))
    wanted = {str(path) for path in shown.values()}
    every = [keys[resolved] for resolved in pages]
    problems += [p for p in site_checks.duplicates(every) if p.path in wanted]
    return problems + crisis_lines.file_problems()


def _shown(page: Path, shown: dict[Path, Path]) -> str:
    if page.resolve() in shown:
        return str(shown[page.resolve()])
    try:
        return str(page.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(page)
