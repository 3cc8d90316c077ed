"""MkDocs' own warnings, said again as our one plain line: file, line, rule, fix.

MkDocs checks links, anchors and the menu itself, and says so in its own words:
"Doc file 'x.md' contains a link 'nope.md', but the target is not found among
documentation files." That names no line, calls an image a link and gives no fix. The
plugin's log filter (said_plainly.py) passes each such message to `rewrite`, which
returns our lines instead (printed at the same level, so a strict build still fails),
`[]` when one of our own checks has already reported the same cause, or None for a
message it does not know, which MkDocs then prints unchanged: nothing is ever lost.

This is MkDocs' log adapter: it matches MkDocs' English wording (in mkdocs/structure/
pages.py and nav.py), so a message MkDocs rewords passes unchanged, never lost. It imports
nothing of MkDocs: the plugin describes the site with a `Site`.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from iopguide.checks import markdown_scan
from iopguide.checks import site as site_checks
from iopguide.checks.problem import Problem

IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif"}
_MISSING = re.compile(
    r"^Doc file '(?P<src>.+?)' contains a link '(?P<url>.+?)', but the target(?: '.+?')? is "
    r"not found among documentation files\.(?: Did you mean '(?P<suggest>.+?)'\?)?$",
    re.S,
)
_UNRECOGNIZED = re.compile(
    r"^Doc file '(?P<src>.+?)' contains an? (?P<kind>unrecognized relative|absolute) link "
    r"'(?P<url>.+?)', it was left as is\.(?: Did you mean '(?P<suggest>.+?)'\?)?$",
    re.S,
)
_ANCHOR = re.compile(
    r"^Doc file '(?P<src>.+?)' contains a link '(?P<url>.+?)', but (?:the doc '(?P<doc>.+?)' "
    r"does not contain an anchor '#(?P<anchor>.+?)'|there is no such anchor on this page)\.",
    re.S,
)
_OMITTED = re.compile(
    r"^The following pages exist in the docs directory, but are not included "
    r"in the \"nav\" configuration:\n(?P<pages>(?:  - .+(?:\n|$))+)$"
)
_NAV_MISSING = re.compile(
    r"^A reference to '(?P<url>.+?)' is included in the 'nav' "
    r"configuration, which is not found in the documentation files\.$"
)


@dataclass(frozen=True)
class Site:
    """What the rewrites need to know, given by the plugin (paths are posix, from docs/)."""

    docs_path: str  # docs/ as shown to editors, e.g. "docs"
    config_path: str  # mkdocs.yml as shown to editors
    config_text: str
    pages: tuple[str, ...]  # every Markdown page, e.g. "about/privacy.md"
    files: tuple[str, ...]  # every other file in docs/, e.g. "assets/favicon.svg"
    source: Callable[[str], str]  # a page's Markdown
    anchors: Callable[[str], set[str]]  # a page's section anchors, once it is built
    title: Callable[[str], str]  # a page's title from its front matter ("" if none)


def rewrite(message: str, site: Site) -> list[Problem] | None:
    """Our lines for one of MkDocs' messages; [] to drop it; None to leave it as it is."""
    for pattern, handler in (
        (_MISSING, _missing),
        (_UNRECOGNIZED, _unrecognized),
        (_ANCHOR, _anchor),
        (_OMITTED, _omitted),
        (_NAV_MISSING, _nav_missing),
    ):
        match = pattern.match(message)
        if match:
            return handler(match, site)
    return None


def _shown(site: Site, src: str) -> str:
    return f"{site.docs_path}/{src}"


def link_line(source: str, url: str) -> int:
    """The source line of the first link or image whose target is `url` (1 if none)."""
    for link in markdown_scan.links(source):
        if link.target in (url, f"<{url}>"):
            return link.line
    for number, line in enumerate(source.splitlines(), start=1):
        if url in line:
            return number
    return 1


def _relative(src: str, target: str) -> str:
    """`target` (from docs/) as a link written in the page `src`."""
    return posixpath.relpath(target, posixpath.dirname(src) or ".")


def _resolved(src: str, url: str) -> str:
    path = url.split("#", 1)[0].split("?", 1)[0]
    return posixpath.normpath(posixpath.join(posixpath.dirname(src), path)).lstrip("./")


def _closest(src: str, url: str, candidates: tuple[str, ...]) -> str:
    """The likeliest intended target, written as a link from `src`, or ""."""
    wanted = _resolved(src, url)
    by_name = [c for c in candidates if posixpath.basename(c) == posixpath.basename(wanted)]
    found = by_name or difflib.get_close_matches(wanted, candidates, n=1, cutoff=0.8)
    return _relative(src, found[0]) if found else ""


def _missing(match: re.Match[str], site: Site) -> list[Problem]:
    src, url = match["src"], match["url"]
    line = link_line(site.source(src), url)
    path = url.split("#", 1)[0]
    extension = posixpath.splitext(path)[1].lower()
    if extension == ".md":
        guess = match["suggest"] or _closest(src, url, site.pages)
        fix = (
            f"did you mean `{guess}`? Link to a page by its file name from this page"
            if guess
            else "link to a page by its file name from this page, such as "
            f"`{_relative(src, 'cost-and-insurance.md')}`"
        )
        return [
            Problem(
                _shown(site, src),
                line,
                "link-target",
                f"the link `{url}` goes to a "
                f"page that is not in {site.docs_path}/: {fix}, or create the page",
            )
        ]
    kind = "image" if extension in IMAGE_TYPES else "file"
    guess = _closest(src, url, site.files)
    name = posixpath.basename(path) or "picture.svg"
    fix = (
        f"did you mean `{guess}`?"
        if guess
        else f"put the {kind} in {site.docs_path}/assets/ and write its path from this page, "
        f"`{_relative(src, 'assets/' + name)}`"
    )
    return [
        Problem(
            _shown(site, src),
            line,
            "link-target",
            f"the {kind} `{url}` is not in {site.docs_path}/: {fix}",
        )
    ]


def _unrecognized(match: re.Match[str], site: Site) -> list[Problem]:
    src, url = match["src"], match["url"]
    line = link_line(site.source(src), url)
    folder = _resolved(src, url.lstrip("/") if match["kind"] == "absolute" else url)
    candidates = [c for c in (f"{folder}.md", f"{folder}/index.md") if c in site.pages]
    guess = match["suggest"] or (_relative(src, candidates[0]) if candidates else "")
    why = (
        "starts with /, which breaks when the site lives under a sub-path"
        if match["kind"] == "absolute"
        else "is a web address, not a file"
    )
    fix = f"write `{guess}`" if guess else "write the page's file name, such as `benefits.md`"
    return [
        Problem(
            _shown(site, src),
            line,
            "link-target",
            f"the link `{url}` {why}: link to the page's file instead: {fix}",
        )
    ]


def _anchor(match: re.Match[str], site: Site) -> list[Problem]:
    src, url = match["src"], match["url"]
    doc = match["doc"] or src
    anchor = match["anchor"] or url.split("#", 1)[1]
    line = link_line(site.source(src), url)
    known = sorted(site.anchors(doc))
    near = difflib.get_close_matches(anchor, known, n=3, cutoff=0.4) or known[:3]
    page = "this page" if doc == src else f"`{_relative(src, doc)}`"
    prefix = "" if doc == src else _relative(src, doc)
    fix = (
        "use one of its sections, such as " + ", ".join(f"`{prefix}#{a}`" for a in near)
        if near
        else "link to the page without `#...`"
    )
    return [
        Problem(
            _shown(site, src),
            line,
            "link-anchor",
            f"the link `{url}` goes to a "
            f"section `#{anchor}` that {page} does not have: {fix} (a section's name "
            "is its heading in lower case, with - for spaces)",
        )
    ]


def _omitted(match: re.Match[str], site: Site) -> list[Problem]:
    problems = []
    for item in match["pages"].splitlines():
        src = item.strip()[2:].strip().replace("\\", "/")
        after, anchor_text, entry = nav_suggestion(site.config_text, src, site.title(src))
        problems.append(
            Problem(
                _shown(site, src),
                1,
                "not-in-nav",
                "the page is not in the "
                f"menu: in {site.config_path}, add the line `{entry}` after "
                f"line {after} (`{anchor_text.strip()}`), with the same "
                "indentation, or in the section where it belongs",
            )
        )
    return problems


def _nav_missing(match: re.Match[str], site: Site) -> list[Problem] | None:
    # site_checks.nav_files reports a nav entry naming a missing page, with its line.
    url = match["url"]
    return [] if url.endswith(".md") and "://" not in url else None


def nav_suggestion(config_text: str, src: str, title: str) -> tuple[int, str, str]:
    """Where a page belongs in the nav: (line to add it after, that line, the line to add).

    After the last entry in the page's own folder, or the last entry of all."""
    lines = config_text.splitlines()
    entries = [
        (node.start_mark.line + 1, str(node.value))
        for node in site_checks.nav_values(config_text)
        if str(node.value).endswith(".md")
    ]
    if not entries:
        return len(lines), lines[-1] if lines else "", f"  - {src}"
    folder = posixpath.dirname(src)
    same = [entry for entry in entries if posixpath.dirname(entry[1]) == folder]
    number = (same or entries)[-1][0]
    text = lines[number - 1]
    prefix = re.match(r"^\s*-\s+", text)
    key = title or posixpath.splitext(posixpath.basename(src))[0].replace("-", " ").capitalize()
    item = yaml.safe_dump({key: src}, allow_unicode=True, width=10**6).strip()
    return number, text, (prefix.group(0) if prefix else "  - ") + item
