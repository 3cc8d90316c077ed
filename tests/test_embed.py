"""For clinics: embeds that size themselves across origins, accent colours, the feed, handouts."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import jsmin
import jsonschema
import pytest

from browser import PHONE, axe_violations, contrast, open_page
from iopguide import strings
from iopguide.finish import embed, qr
from sitetools import content_pages, hrefs, serve_directory, spanish_pages, tags, wait_until

EMBEDDED = [p for p in content_pages() if p.meta.get("sources") and p.url]  # not the home page
FIRST, SECOND = "what-is-an-iop/", "what-happens/"  # the second has a details block
ROOT_HEIGHT = (
    "Math.ceil(document.querySelector('[data-iop-embed-root]')"
    ".getBoundingClientRect().bottom + scrollY)"
)
DEFAULT_ACCENT = "#3949ab"


@pytest.fixture(scope="module")
def host_url(base_url: str, tmp_path_factory: pytest.TempPathFactory):
    """A clinic's page on another origin (another port) embedding two pages."""
    folder = tmp_path_factory.mktemp("host")
    (folder / "index.html").write_text(
        f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Clinic</title>
<link rel="icon" href="data:,"></head><body>
<h1>Our clinic</h1>
<iframe id="one" data-iop-embed src="{base_url}embed/{FIRST}" title="One"
  style="width:100%;height:600px;border:0"></iframe>
<iframe id="two" data-iop-embed src="{base_url}embed/{SECOND}" title="Two"
  style="width:100%;height:600px;border:0"></iframe>
<script src="{base_url}embed.js" async></script>
</body></html>""",
        encoding="utf-8",
    )
    # A page whose script arrives after its frames have loaded; one frame is hidden.
    (folder / "late.html").write_text(
        f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Late</title>
<link rel="icon" href="data:,"></head><body>
<iframe id="one" data-iop-embed src="{base_url}embed/{FIRST}" title="One"
  style="width:100%;height:600px;border:0"></iframe>
<details><summary>More</summary>
<iframe id="two" data-iop-embed src="{base_url}embed/{SECOND}" title="Two"
  style="width:100%;height:600px;border:0"></iframe></details>
</body></html>""",
        encoding="utf-8",
    )
    with serve_directory(folder) as url:
        yield url


def inner(tab, selector: str):
    """The Frame inside an iframe (evaluate works across origins through the browser)."""
    return tab.locator(selector).first.element_handle().content_frame()


def settled(tab, name: str) -> tuple[float, float]:
    """Wait until the iframe's height matches its content's; return both. Returns as soon
    as they match (the heights come from two documents, so the wait polls both); after the
    suite's ceiling, returns them as they are for the test to report."""
    sizes: tuple[float, float] = (0.0, 0.0)

    def matched() -> bool:
        nonlocal sizes
        content = inner(tab, f"#{name}").evaluate(ROOT_HEIGHT)
        sizes = (tab.locator(f"#{name}").evaluate("e => e.getBoundingClientRect().height"), content)
        return abs(sizes[0] - sizes[1]) <= 2

    with contextlib.suppress(AssertionError):
        wait_until(matched, f"iframe #{name} sized to its content")
    return sizes


@contextlib.contextmanager
def open_host(browser, host_url: str, **kwargs):
    """The clinic's page, once both embedded pages have arrived; yields (page, record)."""
    with open_page(browser, host_url, **kwargs) as (tab, record):
        for name in ("one", "two"):
            inner(tab, f"#{name}").wait_for_selector("[data-iop-embed-root]", state="attached")
        yield tab, record


def test_iframes_size_to_content_on_load_resize_and_details(browser, host_url: str) -> None:
    with open_host(browser, host_url, viewport={"width": 1280, "height": 800}) as (tab, record):
        for name in ("one", "two"):
            height, content = settled(tab, name)
            assert abs(height - content) <= 2, f"{name}: iframe {height}px, content {content}px"
            assert height != 600
        wide = settled(tab, "one")[0]
        tab.set_viewport_size(PHONE)
        for name in ("one", "two"):
            height, content = settled(tab, name)
            assert abs(height - content) <= 2, f"{name} at 360px: {height} vs {content}"
        assert settled(tab, "one")[0] > wide, "narrower text must make a taller frame"
        before = settled(tab, "two")[0]
        inner(tab, "#two").locator("details summary").first.click()
        height, content = settled(tab, "two")
        assert abs(height - content) <= 2 and height != before, "a details block changed size"
        assert record.console_errors == []


def test_a_script_that_starts_late_asks_visible_frames_and_hidden_ones_report_when_shown(
    browser, host_url: str, base_url: str
) -> None:
    with open_page(browser, host_url + "late.html") as (tab, record):
        inner(tab, "#one").wait_for_selector("[data-iop-embed-root]", state="attached")
        tab.wait_for_load_state("load")
        assert tab.locator("#one").evaluate("e => e.getBoundingClientRect().height") == 600
        tab.evaluate(
            """url => { const s = document.createElement("script");
                                 s.src = url; document.body.append(s); }""",
            base_url + "embed.js",
        )
        height, content = settled(tab, "one")
        assert abs(height - content) <= 2, f"asked late: iframe {height}px, content {content}px"
        tab.locator("summary").click()
        inner(tab, "#two").wait_for_selector("[data-iop-embed-root]", state="attached")
        height, content = settled(tab, "two")
        assert abs(height - content) <= 2, f"shown later: iframe {height}px, content {content}px"
        assert record.console_errors == []


BAD_MESSAGES = [
    "'not an object'",
    "{type: 'iop-embed:height', height: '50'}",
    "{type: 'iop-embed:height', height: -5}",
    "{type: 'iop-embed:height', height: NaN}",
    "{type: 'iop-embed:height', height: 1e9}",
    "{type: 'other', height: 50}",
    "{type: 'iop-embed:height', height: 50, code: 'alert(1)'}.code",
]


def test_only_the_sites_own_valid_messages_resize_only_their_own_iframe(
    browser, host_url: str
) -> None:
    with open_host(browser, host_url) as (tab, _):
        settled(tab, "one"), settled(tab, "two")
        # Every height either frame is given from now on, in order.
        tab.evaluate("""() => { window.sizes = {one: [], two: []};
            for (const id of ['one', 'two']) new MutationObserver(() => window.sizes[id].push(
                document.getElementById(id).style.height)).observe(
                document.getElementById(id), {attributes: true, attributeFilter: ['style']}); }""")
        # From the host page itself: the wrong origin.
        tab.evaluate("window.postMessage({type: 'iop-embed:height', height: 50}, '*')")
        for bad in BAD_MESSAGES:  # from the right origin, with a bad payload
            inner(tab, "#one").evaluate(f"parent.postMessage({bad}, '*')")
        # Then a good message from frame one: messages arrive in order, so once it has
        # sized frame one, every bad one before it has been seen and ignored.
        inner(tab, "#one").evaluate(
            "parent.postMessage({type: 'iop-embed:height', height: 321}, '*')"
        )
        tab.wait_for_function("() => document.getElementById('one').style.height === '321px'")
        assert tab.evaluate("window.sizes") == {"one": ["321px"], "two": []}
        assert tab.locator("#one").evaluate("e => e.getBoundingClientRect().height") == 321


def test_without_javascript_the_frame_scrolls_on_its_own(browser, host_url: str) -> None:
    with open_page(browser, host_url, javascript=False) as (tab, _):
        element = tab.locator("#one")
        assert element.evaluate("e => e.getBoundingClientRect().height") == 600
        document = inner(tab, "#one")
        assert document.locator("h1").first.is_visible()
        assert document.evaluate("document.documentElement.scrollHeight") > 600


def accent(browser, base_url: str, value: str) -> tuple[str, str]:
    url = f"{base_url}embed/{FIRST}" + (f"?accent={value}" if value else "")
    with open_page(browser, url) as (tab, _):
        prop = tab.evaluate(
            "getComputedStyle(document.documentElement).getPropertyValue('--iop-accent').trim()"
        )
        link = tab.eval_on_selector(
            "article p:not(.iop-actions) a", "a => getComputedStyle(a).color"
        )
        return prop, link


@pytest.mark.parametrize(
    "value",
    [
        "red",
        "12345",
        "1234567",
        "ggg",
        "javascript:alert(1)",
        "%3Cscript%3E",
        "1a7f5a;color:red",
        "",
    ],
)
def test_a_bad_accent_changes_nothing(browser, base_url: str, value: str) -> None:
    assert accent(browser, base_url, value)[0] == DEFAULT_ACCENT


@pytest.mark.parametrize("value", ["1a7f5a", "%231a7f5a", "fff", "ffd700", "f0a"])
def test_a_good_accent_is_applied_with_readable_contrast(
    browser, base_url: str, value: str
) -> None:
    prop, link = accent(browser, base_url, value)
    assert prop != DEFAULT_ACCENT
    assert contrast(link, "rgb(255, 255, 255)") >= 4.5, f"{value}: link colour {link}"


@pytest.mark.parametrize("page", EMBEDDED, ids=str)
def test_embed_page_keeps_what_matters_and_drops_site_chrome(site: Path, page) -> None:
    url = embed.embed_url(page.url)
    html = (site / url / "index.html").read_text(encoding="utf-8")
    for chrome in ("md-header", "md-sidebar", "md-search", "md-footer"):
        assert f'class="{chrome}' not in html and f"class={chrome}" not in html, chrome
    assert page.meta["title"] in html
    links = hrefs(html, url)
    assert {"tel:988", "sms:988"} <= links
    assert page.meta["reviewed"].isoformat() in [t.get("datetime") for t in tags(html, "time")]
    back = [
        a
        for a in tags(html, "a")
        if "Read the full page" in html
        and a.get("href")
        and a["href"].rstrip("/").endswith(page.url.rstrip("/"))
    ]
    assert back, f"{url}: no 'Read the full page' link to /{page.url}"
    for a in tags(html, "a"):
        href = a.get("href", "")
        if href and not href.startswith(("#", "tel:", "sms:", "mailto:")):
            assert a.get("target") == "_blank" and "noopener" in a.get("rel", ""), a


# axe on the embeds whose pages hold every kind of element (a figure, a details block,
# tables, the glossary's terms, the emergency crisis box): an embed is its page's article,
# which axe checks on every page, in the one embed template.
AXE_EMBEDS = (
    "what-is-an-iop/",
    "what-happens/",
    "cost-and-insurance/",
    "glossary/",
    "overdose-and-withdrawal/",
)


def test_the_axe_sample_names_embedded_pages() -> None:
    assert set(AXE_EMBEDS) <= {page.url for page in EMBEDDED}


@pytest.mark.parametrize("page", [p for p in EMBEDDED if p.url in AXE_EMBEDS], ids=str)
def test_embed_pages_pass_axe(browser, base_url: str, page) -> None:
    with open_page(browser, base_url + embed.embed_url(page.url)) as (tab, _):
        found = axe_violations(tab)
        assert found == [], "\n".join(found)


def test_the_feed_matches_its_schema_and_lists_every_content_page(site: Path) -> None:
    data = json.loads((site / "api" / "pages.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "api" / "pages.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    assert data["version"].startswith("1.")
    listed = {p["url"] for p in data["pages"]}
    for page in EMBEDDED:
        assert "http://127.0.0.1:8000/" + page.url in listed, f"{page.src} is not in the feed"
    for entry in data["pages"]:
        body = entry["body_html"]
        for banned in (
            "<script",
            "<style",
            "<iframe",
            "<form",
            " onclick",
            " class=",
            'href="../',
            "javascript:",
        ):
            assert banned not in body, f"{entry['url']}: {banned} in body_html"


def test_embed_js_stays_within_3_kb_minified(site: Path) -> None:
    size = len(jsmin.jsmin((site / "embed.js").read_text(encoding="utf-8")).encode("utf-8"))
    assert size <= 3 * 1024, f"embed.js is {size} bytes minified"


def test_the_clinics_page_has_a_snippet_and_a_working_live_preview(browser, base_url: str) -> None:
    with open_page(browser, base_url + "for-clinics/") as (tab, record):
        snippets = tab.locator("pre.iop-snippet code").all_inner_texts()
        spanish = [p for p in spanish_pages() if p.is_content and p.url != "es/"]
        assert len(snippets) == len(EMBEDDED) + len(spanish)  # English, then Spanish
        assert all("data-iop-embed" in s and "/embed.js" in s for s in snippets)
        assert tab.locator("details.iop-preview[open]").count() == 0, "previews load on demand"
        tab.locator("details.iop-preview summary").first.click()
        preview = tab.locator("details[open] iframe[data-iop-embed]").first
        document = inner(tab, "details[open] iframe[data-iop-embed]")
        document.wait_for_selector("[data-iop-embed-root]", state="attached")
        sizes = {"content": 0.0, "height": 0.0}

        def matched() -> bool:
            sizes["content"] = document.evaluate(ROOT_HEIGHT)
            sizes["height"] = preview.evaluate("e => e.getBoundingClientRect().height")
            return abs(sizes["content"] - sizes["height"]) <= 2

        with contextlib.suppress(AssertionError):
            wait_until(matched, "live preview sized to its content")
        assert matched(), f"live preview {sizes['height']}px for {sizes['content']}px of content"
        assert preview.get_attribute("aria-label") == "Preview: " + EMBEDDED[0].meta["title"]
        assert record.console_errors == []


def test_the_clinics_page_has_no_frame_until_a_preview_opens(site: Path) -> None:
    """Even unloaded, each <iframe> makes a frame: 46 of them cost ~0.5 s of parsing."""
    html = (site / "for-clinics" / "index.html").read_text(encoding="utf-8")
    assert "<iframe" not in html, "previews are made by assets/embed-preview.js on opening"
    assert html.count("data-iop-preview=") == html.count('class="iop-preview"') > 0


def test_without_javascript_a_preview_is_a_link_to_the_embed(browser, base_url: str) -> None:
    with open_page(browser, base_url + "for-clinics/", javascript=False) as (tab, record):
        tab.locator("details.iop-preview summary").first.click()
        link = tab.locator("details[open] a[data-iop-preview]")
        assert link.inner_text().startswith("Open the preview: ")
        link.click()
        tab.wait_for_url(base_url + "embed/**")
        assert tab.locator("[data-iop-embed-root]").count() == 1
        assert record.failed == []


@pytest.mark.parametrize("page", EMBEDDED, ids=str)
def test_printed_handouts_carry_a_qr_code_to_the_page(site: Path, page) -> None:
    html = (site / page.url / "index.html").read_text(encoding="utf-8")
    expected = qr.qr_svg("http://127.0.0.1:8000/" + page.url, strings.words("en")["qr"])
    path = expected.split(' d="', 1)[1].split('"', 1)[0]
    assert path in html, f"{page.src}: no QR code for its URL in the print header"
