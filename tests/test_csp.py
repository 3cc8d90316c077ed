"""Content-Security-Policy and security headers, in the built files and in Chromium.

The browser tests here serve the site with iopguide/tools/static_server.py, which applies
the built `_headers` as Cloudflare Pages (the deploy host) does, so the header policy (with
frame-ancestors) and the <meta> policy are both in force. The content pages are checked in
the visit the per-page tests share, served as a plain host serves them (the <meta> policy
alone): the header policy is the same plus frame-ancestors (checked below), which only
decides who may frame a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import visits
from browser import CSP_WATCH, DESKTOP, PHONE, new_context, open_page, settle
from fixtures_builds import Broken, material_script_changed
from iopguide.finish import csp, site_headers
from iopguide.tools import page_weight, static_server
from sitetools import every_page

CHANGED = "Material's inline script changed: review it and update scripts/iopguide/finish/"
PERMISSIONS = (
    "camera=()",
    "microphone=()",
    "geolocation=()",
    "interest-cohort=()",
    "browsing-topics=()",
)


def directives(policy: str) -> dict[str, list[str]]:
    found = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        found[name] = sources
    return found


@pytest.fixture(scope="module")
def rules(site: Path) -> list[site_headers.Rule]:
    return site_headers.parse((site / "_headers").read_text(encoding="utf-8"))


# Paths the site does not have: the host answers 404 with the nearest 404.html.
UNKNOWN = ("/no-such-page/", "/benefits/no-such-part", "/es/nada/", "/assets/x.js", "/a/b/c")


def site_paths(site: Path) -> list[str]:
    """Every path a host serves: each file, each folder that has an index.html, and some
    unknown paths (their 404 answers get headers too)."""
    paths = ["/", *UNKNOWN]
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.name != "_headers":
            relative = path.relative_to(site).as_posix()
            paths.append("/" + relative)
            if path.name == "index.html":
                paths.append("/" + relative.removesuffix("index.html"))
    return paths


# --- The policy in the built pages -------------------------------------------------


def test_every_page_carries_the_policy_in_a_meta_tag(site: Path, rules) -> None:
    header_policy = site_headers.headers_for(rules, "/")["Content-Security-Policy"]
    hashes_per_page = set()
    for page in page_weight.html_pages(site):
        html = (site / page).read_text(encoding="utf-8")
        meta = csp.meta_policy(html)
        assert meta, f"{page} has no CSP <meta> tag"
        assert html.find("Content-Security-Policy") < html.find("<script"), (
            f"{page}: the CSP <meta> must come before the first script"
        )
        assert "frame-ancestors" not in meta, "browsers ignore frame-ancestors in <meta>"
        assert header_policy == meta + "; frame-ancestors 'self'", page
        scan = csp.scan_html(html)
        hashes = {script.hash for script in scan.scripts}
        assert hashes <= set(directives(meta)["script-src"]), f"{page}: unlisted inline script"
        if "/embed/" not in "/" + page:  # embeds (in any language) drop Material's scripts
            hashes_per_page.add(frozenset(hashes))
    assert len(hashes_per_page) == 1, "inline scripts differ between pages: check extra.scope"


def test_the_policy_is_strict(site: Path) -> None:
    meta = csp.meta_policy((site / "index.html").read_text(encoding="utf-8"))
    found = directives(meta)
    assert found["default-src"] == ["'none'"]
    assert "'unsafe-inline'" not in meta and "'unsafe-eval'" not in meta
    assert "'unsafe-hashes'" not in meta
    for name in ("connect-src", "worker-src", "manifest-src", "base-uri", "form-action"):
        assert found[name] == ["'self'"], name
    assert found["style-src"] == ["'self'"], "no inline styles: none are needed"
    assert found["img-src"] == ["'self'", "data:"], "data: is for Material's CSS icons"
    assert found.get("frame-src", ["'self'"]) == ["'self'"], "frames only the site's own embeds"
    assert "font-src" not in found, "the site uses system fonts"
    for sources in found.values():
        for source in sources:
            assert source.startswith("'") or source == "data:", f"a host in the policy: {source}"


def test_every_inline_script_is_pinned(site: Path) -> None:
    pinned = csp.read_pinned()
    scan = csp.site_policy(site, csp.read_pages(site), pinned)
    assert scan.unpinned == {} and scan.stale == set()
    assert 1 <= len(pinned) <= 5, "Material writes only a few inline scripts"


def test_the_scanner_flags_what_csp_would_block() -> None:
    scan = csp.scan_html(
        '<p style="color:red">x</p><a href="javascript:go()">y</a>'
        '<button onclick="go()">z</button><script type="application/ld+json">'
        "{}</script><script>go()</script>"
    )
    assert len(scan.problems) == 3
    assert [s.text for s in scan.scripts] == ["go()"], "data blocks need no hash"
    page = "<!doctype html><head><meta charset=utf-8><script>a<b&&go()</script>"
    assert [s.text for s in csp.scan_html(page).scripts] == ["a<b&&go()"], "hashed as written"
    assert csp.meta_policy(csp.with_meta(csp.with_meta(page, "x"), "y")) == "y"


def test_a_changed_material_inline_script_fails_the_build(broken_build: Broken) -> None:
    """As after a Material upgrade: the build names the new hash and what to do (the
    shared broken copy, tests/fixtures_builds.py, overrides palette.html)."""
    output = broken_build.output
    assert not broken_build.ok, "the strict build passed with an unpinned inline script"
    assert CHANGED in output, output
    changed = material_script_changed()
    new_hash = csp.sha256_source(re.findall(r"<script>(.*?)</script>", changed, re.S)[-1])
    assert new_hash in output, output


# --- The _headers file --------------------------------------------------------------


def test_headers_frame_embeds_for_anyone_and_nothing_else(site: Path, rules) -> None:
    for path in site_paths(site):
        policy = site_headers.headers_for(rules, path).get("Content-Security-Policy")
        assert policy, f"{path} gets no Content-Security-Policy header"
        ancestors = directives(policy)["frame-ancestors"]
        expected = ["*"] if "/embed/" in path else ["'self'"]  # /embed/, /es/embed/
        assert ancestors == expected, f"{path}: frame-ancestors {ancestors}"


def test_every_path_gets_one_value_of_each_header(site: Path, rules) -> None:
    """The host joins a header set by two matching rules with a comma: two CSPs would
    both be enforced. A rule that sets a header again drops the earlier one first."""
    written = {(name, value) for rule in rules for name, value in rule.headers}
    for path in site_paths(site):
        for name, value in site_headers.headers_for(rules, path).items():
            assert (name, value) in written, f"{path}: {name} joins two rules: {value}"


def test_headers_for_applies_rules_as_cloudflare_pages_does() -> None:
    rules = site_headers.parse(
        "/*\n  A: 1\n  B: 1\n\n/x/*\n  ! A\n  A: 2\n  B: 2\n\n/x/y\n  ! c\n  C: 3\n"
    )
    assert site_headers.headers_for(rules, "/z") == {"A": "1", "B": "1"}
    assert site_headers.headers_for(rules, "/x/z") == {"A": "2", "B": "1, 2"}
    assert site_headers.headers_for(rules, "/x/y") == {"A": "2", "B": "1, 2", "C": "3"}


def test_the_headers_file_fits_cloudflare_pages_limits(site: Path) -> None:
    text = (site / "_headers").read_text(encoding="utf-8")
    assert site_headers.problems(text) == []
    too_many = "".join(f"/p{n}\n  A: 1\n" for n in range(site_headers.MAX_RULES + 1))
    assert site_headers.problems(too_many) == [
        f"_headers:{2 * site_headers.MAX_RULES + 1}: headers: {site_headers.MAX_RULES + 1} "
        f"rules, and Cloudflare Pages reads only the first {site_headers.MAX_RULES}: cover "
        "more paths with one splat rule (scripts/iopguide/finish/site_headers.py)"
    ]
    assert site_headers.problems("/*\n  A: " + "x" * 2000 + "\n")[0].startswith(
        "_headers:2: headers: a line of 2005 characters"
    )


def test_headers_set_privacy_and_safety_for_every_path(site: Path, rules) -> None:
    for path in site_paths(site):
        found = site_headers.headers_for(rules, path)
        assert found.get("Referrer-Policy") == "no-referrer", path
        assert found.get("X-Content-Type-Options") == "nosniff", path
        permissions = found.get("Permissions-Policy", "")
        for feature in PERMISSIONS:
            assert feature in permissions, f"{path}: Permissions-Policy lacks {feature}"


def test_fingerprinted_assets_cache_for_a_year_and_pages_briefly(site: Path, rules) -> None:
    fingerprinted = [p for p in site_paths(site) if site_headers.FINGERPRINTED.search(p)]
    assert any(p.endswith(".min.css") for p in fingerprinted)
    assert any(p.endswith(".min.js") for p in fingerprinted)
    for path in fingerprinted:
        assert (
            site_headers.headers_for(rules, path).get("Cache-Control")
            == "public, max-age=31536000, immutable"
        ), path
    for path in site_paths(site):
        if path.endswith((".html", "/")) or path.endswith(".json"):
            cache = site_headers.headers_for(rules, path).get("Cache-Control", "")
            age = re.search(r"max-age=(\d+)", cache)
            assert "no-cache" in cache or (age and int(age.group(1)) <= 600), (
                f"{path}: pages need a short cache life, got {cache!r}"
            )
            assert "immutable" not in cache, path


# --- In Chromium, with the headers applied --------------------------------------------


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    with static_server.serve(site) as url:
        yield url


def _visit(browser, url: str, viewport: dict = PHONE):
    context = new_context(browser, viewport=viewport)
    context.add_init_script(CSP_WATCH)
    tab = context.new_page()
    console: list[str] = []
    requests: list[str] = []
    tab.on("console", lambda m: console.append(m.text))
    context.on("request", lambda r: requests.append(r.url))
    return context, tab, console, requests


def _violations(tab, console: list[str]) -> list[str]:
    found = list(tab.evaluate("window.__csp || []"))
    found += [m for m in console if "Content Security Policy" in m or "Refused to" in m]
    return found


def test_the_server_applies_headers_and_gzip(served: str) -> None:
    import urllib.request

    request = urllib.request.Request(served + "benefits/", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]
        assert response.headers["Referrer-Policy"] == "no-referrer"


# Every built page loads under the policy, and what Chromium loads on a first view is what
# bench.py's model counts: at least every eager resource, at most the model (lazy frames
# may or may not load). The pages the per-page tests visit anyway are read from that
# visit (tests/visits.py; every tab records violations, browser.CSP_WATCH); the rest
# (embeds, the 404 page) load one after another in a warm tab, in shards the workers share.
FIRST_VIEW_JS = """() => ({
    violations: window.__csp || [],
    loaded: [...performance.getEntriesByType("navigation"),
             ...performance.getEntriesByType("resource")].map(e => e.name),
})"""
FIRST_VIEW = visits.probe("first view", visits.PHONE_LIGHT, js=FIRST_VIEW_JS)
SHARDS = 3


def _first_view_problems(site: Path, page: str, violations, loaded) -> list[str]:
    problems = [f"{page}: {v}" for v in violations]
    if page != "404.html":  # Chromium's must-load set <= what it loaded <= the model's
        load = page_weight.first_view(site, page)
        model = {r.url.removesuffix("index.html") for r in load.resources}
        eager = {r.url.removesuffix("index.html") for r in load.resources if not r.lazy}
        got = {urlsplit(u).path for u in loaded if not u.startswith("data:")}
        if not eager <= got <= model:
            problems.append(f"{page}: Chromium loaded {sorted(got)}, the model {sorted(model)}")
    return problems


@pytest.mark.parametrize("page", visits.by_page(every_page()), ids=str)
def test_the_page_keeps_the_policy_and_its_first_view_matches_the_model(
    browser, site: Path, base_url: str, page
) -> None:
    found = visits.measured(browser, base_url + page.url, visits.PHONE_LIGHT, FIRST_VIEW)
    html = page.url + "index.html"
    assert _first_view_problems(site, html, found["violations"], found["loaded"]) == []


def _not_visited(site: Path) -> list[str]:
    visited = {page.url + "index.html" for page in every_page()}
    return [page for page in page_weight.html_pages(site) if page not in visited]


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_other_page_breaks_the_policy_and_first_views_match_the_model(
    browser, site: Path, served: str, shard: int
) -> None:
    problems = []
    for page in _not_visited(site)[shard::SHARDS]:
        url = served + ("missing-page/" if page == "404.html" else page.removesuffix("index.html"))
        with open_page(browser, url) as (tab, _):
            found = tab.evaluate(FIRST_VIEW_JS)
        problems += _first_view_problems(site, page, found["violations"], found["loaded"])
    assert problems == [], "\n".join(problems)


def test_every_tab_records_what_the_policy_blocks(browser, tmp_path: Path) -> None:
    """The per-page check reads window.__csp: a blocked inline script must land there."""
    (tmp_path / "index.html").write_text(
        "<!doctype html><meta http-equiv=Content-Security-Policy content=\"script-src 'self'\">"
        "<title>t</title><script>document.title = 'ran'</script>"
    )
    with static_server.serve(tmp_path) as url, open_page(browser, url) as (tab, _):
        assert tab.title() == "t"
        assert tab.evaluate("window.__csp")[0].startswith("script-src")


def test_every_built_page_is_checked_once(site: Path) -> None:
    pages = page_weight.html_pages(site)
    assert "404.html" in _not_visited(site) and len(_not_visited(site)) < len(pages)
    assert {page.url + "index.html" for page in every_page()} <= set(pages)


def test_search_works_under_the_policy(browser, served: str) -> None:
    context, tab, console, requests = _visit(browser, served, DESKTOP)
    try:
        tab.goto(served, wait_until="load")
        settle(tab)
        assert not [u for u in requests if re.search(r"search_index|/workers/", u)], (
            "search loaded before the reader opened it"
        )
        tab.keyboard.press("/")
        tab.locator(".md-search__input").press_sequentially("insurance")
        tab.wait_for_function("""() => /matching/.test(
            document.querySelector('.md-search-result__meta').textContent)""")
        assert tab.locator(".md-search-result__item").count() > 0
        assert any(u.endswith("search/search_index.json") for u in requests)
        assert _violations(tab, console) == []
    finally:
        context.close()


def test_only_embeds_can_be_framed_by_another_site(browser, served: str, tmp_path: Path) -> None:
    """A page on another origin frames one embed and one ordinary page."""
    (tmp_path / "index.html").write_text(
        f"<!doctype html><title>clinic</title>"
        f'<iframe id=embed src="{served}embed/benefits/"></iframe>'
        f'<iframe id=page src="{served}benefits/"></iframe>'
    )
    with static_server.serve(tmp_path) as clinic:
        context = new_context(browser)
        tab = context.new_page()
        try:
            tab.goto(clinic, wait_until="load")  # `load` waits for both frames too
            settle(tab)
            by_id = {
                frame.frame_element().get_attribute("id"): frame
                for frame in tab.frames
                if frame.parent_frame
            }
            assert by_id["embed"].url.endswith("/embed/benefits/")
            assert by_id["embed"].locator("h1").count() == 1, "the embed did not load"
            assert (
                not by_id["page"].url.endswith("/benefits/")
                or by_id["page"].locator("h1").count() == 0
            ), "another site framed a full page"
        finally:
            context.close()


def test_the_content_feed_may_be_fetched_by_patient_portals(site: Path, rules) -> None:
    headers = site_headers.headers_for(rules, "/api/pages.json")
    assert headers.get("Access-Control-Allow-Origin") == "*"
    assert "Access-Control-Allow-Origin" not in site_headers.headers_for(rules, "/benefits/")
