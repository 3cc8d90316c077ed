"""The Content-Security-Policy, computed from the built site.

The site loads only its own files, so the policy starts from `default-src 'none'` and
allows `'self'` for each kind of file the pages really use. Material writes a few small
inline scripts into every page; each is allowed by its sha256 hash, never by
'unsafe-inline'. Those hashes, and those of any inline <style>, are pinned in
finish/csp-inline-hashes.txt: only pinned hashes enter the policy. An unpinned one fails
the build, named on its source when the page's content brought it (csp_sources.py), or
with the "Material's inline script changed" wording when the theme's templates did (a
Material upgrade), instead of shipping pages whose scripts the browser silently blocks.

`site_policy` scans every built page (read once by finish/run.py, with `read_pages`);
`apply_to_site` writes the result into each page as a <meta> tag (without
frame-ancestors, which browsers ignore there) and into _headers.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from iopguide.checks.problem import Problem
from iopguide.checks.urls import URL_ATTRS, scheme
from iopguide.finish import site_headers
from iopguide.finish.csp_pins import read_pinned
from iopguide.finish.csp_sources import InlineScript, Origin, report_unpinned
from iopguide.finish.pages import Page, Pages, parsed

# Script types a browser runs; anything else (application/json, application/ld+json)
# is data, which CSP does not govern.
_JS_TYPES = {
    "",
    "text/javascript",
    "application/javascript",
    "module",
    "text/ecmascript",
    "application/ecmascript",
}
_CSS_DATA_URL = re.compile(r"url\(\s*[\"']?data:", re.I)


def sha256_source(text: str) -> str:
    """The CSP hash source of an inline script or style: 'sha256-<base64>'."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _attrs(node: LexborNode) -> dict[str, str]:
    return {name.lower(): value or "" for name, value in node.attributes.items()}


def _runs(script: LexborNode) -> bool:
    """An inline script a browser runs (not data such as application/ld+json)."""
    attrs = _attrs(script)
    return "src" not in attrs and attrs.get("type", "").strip().lower() in _JS_TYPES


@dataclass
class PageScan:
    """What one HTML file needs from the policy, and what it does that CSP would block."""

    scripts: list[InlineScript] = field(default_factory=list)
    styles: set[str] = field(default_factory=set)  # hashes of <style> elements
    style_elements: list[InlineScript] = field(default_factory=list)
    frames: bool = False  # frames one of the site's own pages
    problems: list[str] = field(default_factory=list)


def scan_html(html: Page) -> PageScan:
    """What the page `html` needs from the policy. An inline script or style is hashed
    over its exact text, as the browser reads it (the parser's raw text of the element)."""
    scan = PageScan()
    tree = parsed(html)
    for script in tree.css("script"):
        if _runs(script):
            text = script.text(deep=True)
            inside = _in_article(script)
            scan.scripts.append(InlineScript(sha256_source(text), text, "script", inside))
    for style in tree.css("style"):
        text = style.text(deep=True)
        found = InlineScript(sha256_source(text), text, "style", _in_article(style))
        scan.styles.add(found.hash)
        scan.style_elements.append(found)
    # Attributes CSP blocks without 'unsafe-inline' / 'unsafe-hashes': say so plainly.
    for node in tree.root.traverse() if tree.root else ():
        tag, attrs = node.tag or "", _attrs(node)
        if tag == "iframe" and attrs.get("src"):
            if re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", attrs["src"], re.I):
                scan.problems.append(
                    f"<iframe src={attrs['src'][:60]}>: frames another site; "
                    "the site loads nothing from elsewhere"
                )
            else:
                scan.frames = True
        elif tag == "a" and "data-iop-preview" in attrs:  # embed-preview.js frames it
            scan.frames = True
        if tag == "base" or (
            tag == "meta" and attrs.get("http-equiv", "").strip().lower() == "refresh"
        ):
            scan.problems.append(
                f"<{tag}>: it sends readers to another address; remove it and link instead"
            )
        for name, value in attrs.items():
            if name == "style":
                scan.problems.append(
                    f'<{tag} style="{value[:40]}">: an inline style attribute, '
                    "which the CSP blocks; give it a class in site.css"
                )
            elif name.startswith("on"):
                scan.problems.append(
                    f"<{tag} {name}=...>: an inline event handler, which the "
                    "CSP blocks; attach it from a script file"
                )
            elif name in URL_ATTRS and scheme(value) == "javascript":
                scan.problems.append(f"<{tag} {name}=javascript:...>: the CSP blocks it")
    return scan


def _in_article(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.tag != "article":
        parent = parent.parent
    return parent is not None


@dataclass(frozen=True)
class Policy:
    directives: tuple[tuple[str, tuple[str, ...]], ...]

    def text(self, frame_ancestors: str | None = None) -> str:
        parts = [f"{name} {' '.join(sources)}" for name, sources in self.directives]
        if frame_ancestors:
            parts.append(f"frame-ancestors {frame_ancestors}")
        return "; ".join(parts)


def build_policy(
    script_hashes: Iterable[str],
    style_hashes: Iterable[str],
    *,
    css_data_images: bool,
    fonts: bool,
    frames: bool = False,
) -> Policy:
    """The policy for pages that need these inline hashes and resource kinds."""
    img = ("'self'", "data:") if css_data_images else ("'self'",)
    directives: list[tuple[str, tuple[str, ...]]] = [
        ("default-src", ("'none'",)),
        ("script-src", ("'self'", *sorted(set(script_hashes)))),
        ("style-src", ("'self'", *sorted(set(style_hashes)))),
        ("img-src", img),
    ]
    if fonts:
        directives.append(("font-src", ("'self'",)))
    if frames:
        directives.append(("frame-src", ("'self'",)))  # the clinics page previews embeds
    directives += [
        ("connect-src", ("'self'",)),  # search/search_index.json
        ("worker-src", ("'self'",)),  # Material's search worker
        ("manifest-src", ("'self'",)),
        ("base-uri", ("'self'",)),
        ("form-action", ("'self'",)),
    ]
    return Policy(tuple(directives))


@dataclass
class SiteScan:
    policy: Policy
    pages: dict[str, PageScan]  # path from the site root -> its scan
    unpinned: dict[str, list[tuple[str, InlineScript]]]  # hash -> [(page, script or style)]
    stale: set[str]  # pinned hashes no page uses


def read_pages(site_dir: Path) -> Pages:
    """Every built HTML file under `site_dir`, parsed: path from the site root -> tree."""
    return {
        path.relative_to(site_dir).as_posix(): LexborHTMLParser(path.read_text("utf-8"))
        for path in sorted(site_dir.rglob("*.html"))
    }


def site_policy(
    site_dir: Path,
    html: Mapping[str, Page],
    pinned: set[str] | None = None,
    pinned_styles: set[str] = frozenset(),
) -> SiteScan:
    """Scan the built pages (`html`, as from `read_pages`) and the CSS files under
    `site_dir` into one policy. Only pinned hashes enter it: `pinned` scripts and
    `pinned_styles` (read_pinned(kind="style"), such as the <style> the theme's own
    JavaScript adds, which no built page shows); every other one is `unpinned`."""
    pinned = read_pinned() if pinned is None else pinned
    pages: dict[str, PageScan] = {}
    unpinned: dict[str, list[tuple[str, InlineScript]]] = {}
    scripts: set[str] = set()
    for relative, text in html.items():
        scan = scan_html(text)
        pages[relative] = scan
        for script in scan.scripts + scan.style_elements:
            if script.tag == "script":
                scripts.add(script.hash)
            if script.hash not in (pinned if script.tag == "script" else pinned_styles):
                unpinned.setdefault(script.hash, []).append((relative, script))
    css = [p.read_text(encoding="utf-8", errors="replace") for p in site_dir.rglob("*.css")]
    policy = build_policy(
        scripts & pinned,
        pinned_styles,
        css_data_images=any(_CSS_DATA_URL.search(text) for text in css),
        fonts=any("@font-face" in text for text in css),
        frames=any(scan.frames for scan in pages.values()),
    )
    return SiteScan(policy, pages, unpinned, pinned - scripts)


def _csp_metas(tree: LexborHTMLParser) -> list[LexborNode]:
    return [
        meta
        for meta in tree.css("meta[http-equiv]")
        if (meta.attributes.get("http-equiv") or "").strip().lower() == "content-security-policy"
    ]


def with_meta(html: Page, policy_text: str) -> str:
    """`html` with the policy as its first <meta> after the charset (replacing any); a
    parsed page gets it in place."""
    tree = parsed(html)
    for old in _csp_metas(tree):
        old.decompose()
    meta = tree.create_node("meta")
    meta.attrs["http-equiv"] = "Content-Security-Policy"
    meta.attrs["content"] = policy_text
    charset = tree.css_first("meta[charset]")
    if charset is not None:
        charset.insert_after(meta, move=True)
    elif tree.head is not None and tree.head.first_child is not None:
        tree.head.first_child.insert_before(meta, move=True)
    elif tree.head is not None:
        tree.head.insert_child(meta, move=True)
    return tree.html or ""


def meta_policy(html: str) -> str | None:
    """The policy in a page's CSP <meta> tag, if it has one."""
    metas = _csp_metas(LexborHTMLParser(html))
    return _attrs(metas[0]).get("content") if metas else None


@dataclass
class Report:
    warnings: list[str] = field(default_factory=list)  # fail a strict build
    problems: list[Problem] = field(default_factory=list)  # on a source file; fail too
    notes: list[str] = field(default_factory=list)  # shown, not fatal


def apply_to_site(
    site_dir: Path,
    html: Pages,
    pinned: set[str] | None = None,
    excused: set[str] = frozenset(),
    pinned_styles: set[str] = frozenset(),
    editions: tuple[str, ...] = (),
    origins: dict[str, Origin] | None = None,
) -> Report:
    """Write every page of `html` (path from the site root -> its finished tree but the
    policy) with the policy in it, and `_headers`; return what is wrong, except on the
    `excused` pages (whose raw HTML another check has already reported). `origins` (built file ->
    its sources, csp_sources.origins) names an unpinned element's source."""
    report = Report()
    scan = site_policy(site_dir, html, pinned, pinned_styles)
    report.problems, report.warnings = report_unpinned(scan.unpinned, excused, origins or {})
    for page, page_scan in scan.pages.items():
        for problem in dict.fromkeys(page_scan.problems if page not in excused else ()):
            report.warnings.append(f"csp: {page}: {problem}")
    for digest in sorted(scan.stale):
        report.notes.append(
            f"csp: pinned inline-script hash {digest} is no longer used by "
            "any page; remove it from scripts/iopguide/finish/csp-inline-hashes.txt"
        )
    text = scan.policy.text()
    for page, tree in html.items():
        (site_dir / page).write_text(with_meta(tree, text), encoding="utf-8")
    comment = (
        "Security and cache headers, as Cloudflare Pages reads them (README: Deploying).\n"
        "Generated by scripts/iopguide/finish/csp.py and site_headers.py at every build: "
        "do not edit here."
    )
    headers = site_headers.render(site_headers.site_rules(site_dir, text, editions), comment)
    report.warnings += site_headers.problems(headers)  # fail a strict build
    (site_dir / "_headers").write_text(headers, encoding="utf-8")
    return report
