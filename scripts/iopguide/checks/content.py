"""Checks on a page's Markdown: images, raw HTML, links and headings.

    python3 scripts/dev.py check docs/benefits.md ...   # what pre-commit runs

Each problem prints as `path:line: rule: what to do`, the same line the build
prints, and the command exits 1 when any problem is an error. The command also
runs the front-matter checks and the same-title/description check against every
page in docs/. Reading grade needs the built page, so only the build checks it.

Line numbers are real source lines, front matter included; fenced code, inline
code and HTML comments are skipped. Nothing here imports MkDocs: the hook in
mkdocs_hooks.py calls these functions. Every rule is listed in RULES and
explained, with its fix, in CONTRIBUTING.md.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from iopguide.checks import abbreviations, claims, frontmatter, markdown_scan, phone_links
from iopguide.checks import site as site_checks
from iopguide.checks.frontmatter import Problem
from iopguide.paths import ROOT

# Every rule the build can report, in the order CONTRIBUTING.md explains them.
RULES = (
    "front-matter",
    "review-overdue",
    "review-due-soon",  # frontmatter.py
    "image-alt",
    "unsafe-html",
    "link-https",
    "link-tracking",
    "link-text",  # this module
    "heading-level",
    "one-title",
    "phone-link",  # phone_links.py
    "abbr-first-use",
    "abbr-unknown",  # abbreviations.py
    "cite-claim",
    "cite-source",  # claims.py
    "reading-grade",
    "hard-sentence",
    "duplicate-title",
    "duplicate-description",  # site_checks
    "nav-file",
    "link-target",
    "link-anchor",
    "not-in-nav",  # MkDocs' own checks (mkdocs_messages.py)
)
UNSAFE_TAGS = {"script", "iframe", "object", "embed", "style", "form"}
SAFE_SCHEMES = {"https", "tel", "sms", "mailto"}
CODE_SCHEMES = {"javascript", "data", "vbscript"}
TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid)$", re.I)
VAGUE_TEXT = {
    "click here",
    "here",
    "read more",
    "more",
    "this page",
    "link",
    "this link",
    "click",
    "learn more",
    "click this link",
    "go here",
    "this",
}
BARE_URL = re.compile(r"^(https?://|www\.)\S+$", re.I)
DECORATIVE = re.compile(r"(^|[\s{])\.decorative([\s}]|$)")


def _scheme(target: str) -> str:
    match = re.match(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):", target)
    if match:
        return match.group(1).lower()
    return "//" if target.startswith("//") else ""


def _plain(text: str) -> str:
    """Link text as a reader hears it: no emphasis marks, spaces or end punctuation."""
    text = re.sub(r"[*_~`]", "", re.sub(r"<[^>]+>", "", text))
    return " ".join(text.split()).strip(" .:;,!?…").lower()


def _own_targets(links: list[markdown_scan.Link]) -> list[markdown_scan.Link]:
    """Links whose target is written where they are (a reference's is at its definition)."""
    return [link for link in links if not link.attrs.startswith("reference")]


def check_images(links: list[markdown_scan.Link], path: str) -> list[Problem]:
    problems = []
    for link in links:
        if not link.image:
            continue
        if link.attrs.startswith("html"):
            decorative = "decorative" in link.attrs.split("=", 1)[1].split()
            if link.text is None or (not link.text.strip() and not decorative):
                problems.append(
                    Problem(
                        path,
                        link.line,
                        "image-alt",
                        f"the <img> `{link.target}` "
                        'has no alt text: add alt="what the picture shows", or '
                        'alt="" class="decorative" if it is only decoration',
                    )
                )
        elif (
            not (link.text or "").strip()
            and not DECORATIVE.search(link.attrs)
            and link.attrs != "definition"
        ):
            problems.append(
                Problem(
                    path,
                    link.line,
                    "image-alt",
                    f"the image `{link.target}` has "
                    "no alt text: describe it inside the brackets, "
                    "![What the picture shows](...), or, if it is only "
                    "decoration, add { .decorative } right after it",
                )
            )
    return problems


def check_html(body: str, links: list[markdown_scan.Link], path: str) -> list[Problem]:
    problems = []
    for tag in markdown_scan.tags(body):
        if tag.name in UNSAFE_TAGS:
            problems.append(
                Problem(
                    path,
                    tag.line,
                    "unsafe-html",
                    f"<{tag.name}> is not allowed "
                    "in a page: remove it (for anything beyond text, links and "
                    "images, ask a developer)",
                )
            )
        for name in sorted(attr for attr in tag.attrs if re.fullmatch(r"on[a-z]+", attr)):
            problems.append(
                Problem(
                    path,
                    tag.line,
                    "unsafe-html",
                    f"the <{tag.name}> tag has the attribute `{name}`, which runs code: remove it",
                )
            )
    for link in _own_targets(links):
        if _scheme(link.target) in CODE_SCHEMES:
            problems.append(
                Problem(
                    path,
                    link.line,
                    "unsafe-html",
                    f"the link "
                    f"`{link.target[:40]}` is a {_scheme(link.target)}: address, "
                    "which runs code or hides content: link to an https:// page",
                )
            )
    return problems


def check_external_links(links: list[markdown_scan.Link], path: str) -> list[Problem]:
    problems = []
    for link in _own_targets(links):
        scheme = _scheme(link.target)
        if not scheme or scheme in CODE_SCHEMES or scheme in {"tel", "sms", "mailto"}:
            continue
        if scheme == "http":
            problems.append(
                Problem(
                    path,
                    link.line,
                    "link-https",
                    f"the link `{link.target}` is "
                    "not secure: change http:// to https:// (and check the page "
                    "still opens)",
                )
            )
        elif scheme not in SAFE_SCHEMES:
            problems.append(
                Problem(
                    path,
                    link.line,
                    "link-https",
                    f"the link `{link.target}` "
                    "must start with https:// (tel:, sms: and mailto: are fine "
                    "too)",
                )
            )
        query = parse_qsl(urlsplit(link.target).query, keep_blank_values=True)
        params = sorted({key for key, _ in query if TRACKING.match(key)})
        if params:
            problems.append(
                Problem(
                    path,
                    link.line,
                    "link-tracking",
                    f"the link "
                    f"`{link.target}` carries tracking ({', '.join(params)}): "
                    "delete those parameters and keep the rest of the address",
                )
            )
    return problems


def check_link_text(body: str, links: list[markdown_scan.Link], path: str) -> list[Problem]:
    texts = [
        (link.line, link.text)
        for link in links
        if not link.image
        and link.text is not None
        and link.attrs != "definition"
        and not link.attrs.startswith("html")
    ]
    texts += markdown_scan.html_link_texts(body)
    problems = []
    for line, text in texts:
        plain = _plain(text)
        if BARE_URL.match(plain):
            problems.append(
                Problem(
                    path,
                    line,
                    "link-text",
                    f"the link text is a bare address "
                    f"(`{' '.join(text.split())}`): use words that name the "
                    "page, e.g. [SAMHSA's treatment locator](https://...)",
                )
            )
        elif plain in VAGUE_TEXT or not plain:
            said = f'"{" ".join(text.split())}"' if plain else "empty"
            problems.append(
                Problem(
                    path,
                    line,
                    "link-text",
                    f"the link text is {said}, which "
                    "does not say where it goes: use words that name the page, "
                    "e.g. [how to pay for an IOP](cost-and-insurance.md)",
                )
            )
    return problems


def check_headings(body: str, path: str, body_line: int) -> list[Problem]:
    found = markdown_scan.headings(body)
    problems = []
    titles = [heading for heading in found if heading.level == 1]
    if not titles:
        problems.append(
            Problem(
                path,
                body_line,
                "one-title",
                "the page has no `# Title` "
                "heading: add one line `# Page title` right after the front "
                "matter",
            )
        )
    for extra in titles[1:]:
        problems.append(
            Problem(
                path,
                extra.line,
                "one-title",
                f"a second top-level heading "
                f"(`# {extra.text}`; the first is on line {titles[0].line}): a "
                f"page has one `# Title`, so make this one `## {extra.text}`",
            )
        )
    for previous, heading in zip(found, found[1:], strict=False):
        if heading.level > previous.level + 1:
            want = "#" * (previous.level + 1)
            problems.append(
                Problem(
                    path,
                    heading.line,
                    "heading-level",
                    f"the heading "
                    f"`{'#' * heading.level} {heading.text}` jumps from level "
                    f"{previous.level} to {heading.level}: make it "
                    f"`{want} {heading.text}` (headings go down one level at a "
                    "time)",
                )
            )
    return problems


def check_markdown(text: str, path: str) -> list[Problem]:
    """Every Markdown-level problem of one page, sorted by line."""
    body = markdown_scan.masked(text)
    links = markdown_scan.links(body)
    block = frontmatter.split(text)
    problems = (
        check_images(links, path)
        + check_html(body, links, path)
        + check_external_links(links, path)
        + check_link_text(body, links, path)
        + phone_links.check(links, path)
        + check_headings(body, path, block.body_line if block else 1)
        + abbreviations.check(text, path)
    )
    meta = frontmatter.meta(text)
    if meta.get("kind", "content") == "content":  # pages about the site cite nothing
        problems += claims.check(text, path, source_count(meta))
    return sorted(problems, key=lambda problem: problem.line)


def source_count(meta: dict) -> int:
    sources = meta.get("sources")
    return len(sources) if isinstance(sources, list) else 0


def check_files(paths: list[Path], docs: Path = ROOT / "docs") -> list[Problem]:
    """What pre-commit runs: front matter, Markdown and duplicates, for the given files."""
    problems: list[Problem] = []
    pages = {}
    for page in sorted(docs.rglob("*.md")):
        if not any(part.startswith(".") for part in page.relative_to(docs).parts):
            pages[page.resolve()] = page
    shown = {}
    for path in paths:
        shown[path.resolve()] = path
        pages.setdefault(path.resolve(), path)
        text = path.read_text(encoding="utf-8-sig")
        problems += frontmatter.check_page(text, str(path)) + check_markdown(text, str(path))
    keys = [
        site_checks.page_keys(page.read_text(encoding="utf-8-sig"), _shown(page, shown))
        for resolved, page in pages.items()
    ]
    wanted = {str(path) for path in shown.values()}
    problems += [p for p in site_checks.duplicates(keys) if p.path in wanted]
    return problems


def _shown(page: Path, shown: dict[Path, Path]) -> str:
    if page.resolve() in shown:
        return str(shown[page.resolve()])
    try:
        return str(page.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(page)
