"""URLs read as a browser reads them (checks/urls.py), and the rules built on that:
unsafe-html's scheme test, image-local (local_files.py), link-host (link_hosts.py) and
the built-page CSP scan."""

from __future__ import annotations

import pytest

from iopguide.checks import content as content_checks
from iopguide.checks import urls
from iopguide.finish import csp
from iopguide.finish.embed import make_embed
from sitetools import PAGE_HEAD as HEAD


def rules(body: str, *wanted: str) -> list[str]:
    return [
        str(problem)
        for problem in content_checks.check_markdown(HEAD + body, "docs/x.md")
        if problem.rule in wanted
    ]


@pytest.mark.parametrize(
    "written",
    [
        "java\tscript:alert(1)",  # tab
        "java\nscript:alert(1)",  # newline
        "java\rscript:alert(1)",  # carriage return
        "  javascript:alert(1)",  # leading spaces
        "\x01\x1f javascript:alert(1)\x00",  # leading and trailing C0 controls
        "java&#x09;script:alert(1)",  # an entity-encoded tab, as written in the page
        "java&#9;script:alert(1)",
        "JavaScript:alert(1)",  # upper case
        "JAVA&Tab;SCRIPT:alert(1)",
    ],
)
def test_the_scheme_is_read_as_a_browser_reads_it(written: str) -> None:
    assert urls.scheme(written) == "javascript"


@pytest.mark.parametrize(
    ("written", "scheme"),
    [
        ("https://www.samhsa.gov/", "https"),
        ("HTTPS://www.samhsa.gov/", "https"),
        ("tel:988", "tel"),
        ("//tracker.example/p.gif", "//"),
        (" \t//tracker.example/p.gif", "//"),
        ("assets/chart.png", ""),
        ("../benefits.md#cost", ""),
        ("java script:x", ""),  # a space inside is not removed: not a scheme
    ],
)
def test_other_addresses_keep_their_scheme(written: str, scheme: str) -> None:
    assert urls.scheme(written) == scheme


def test_browser_form_removes_only_what_browsers_remove() -> None:
    assert urls.browser_form(" \x00ht\ttp\n://a.example/b c\r ") == "http://a.example/b c"


@pytest.mark.parametrize(
    "html",
    [
        '<a href="java&#x09;script:alert(1)">Read the crisis guide</a>',
        '<a href=" JAVASCRIPT:alert(1)">Read the crisis guide</a>',
        '<svg><a xlink:href="javascript:alert(1)"><text>Crisis</text></a></svg>',
        '<svg><a xlink:href="java&#x0A;script:alert(1)"><text>Crisis</text></a></svg>',
        '<form><button formaction="javascript:alert(1)">Send</button></form>',
        '<video poster="vbscript:x"></video>',
    ],
)
def test_unsafe_html_sees_every_spelling_and_attribute(html: str) -> None:
    found = rules(html + "\n", "unsafe-html")
    assert any("javascript:" in line or "vbscript:" in line for line in found), found
    assert all(line.startswith("docs/x.md:11: unsafe-html: ") for line in found)
    assert all("\n" not in line for line in found), "one line each, control characters escaped"


@pytest.mark.parametrize(
    "body",
    [
        '[the guide](https://www.samhsa.gov/ "&lt;meta http-equiv=refresh content=0;url=/x/&gt;")',
        '![A chart](assets/a.png "&#60;img src=x&#62;")',
        '<span title="&lt;a href=&quot;https://example.org/&quot;&gt;Call&lt;/a&gt;">x</span>',
    ],
)
def test_a_title_with_markup_is_unsafe(body: str) -> None:
    """Material's tooltips put a title into the page as HTML: a hover redirected."""
    found = rules(body + "\n", "unsafe-html")
    assert len(found) == 1 and found[0].startswith("docs/x.md:11: unsafe-html: the title `<")


def test_the_crisis_file_s_wording_has_no_markup_in_a_title_either() -> None:
    from iopguide.crisis import wording

    said = wording._filled("footer", '[988](https://988lifeline.org/ "&lt;b&gt;hi&lt;/b&gt;")')
    assert said and "the title `<b>hi</b>` has `<`" in said[0], said


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("![A chart](https://tracker.example/p.gif)", "the image `https://tracker.example/p.gif`"),
        ("![A chart](//tracker.example/p.gif)", "the image `//tracker.example/p.gif`"),
        ("![A chart](http://tracker.example/p.gif)", "the image `http://"),
        ('<img src="https://t.example/p.gif" alt="A chart">', "the <img> src"),
        ('<img src="a.png" srcset="a.png 1x, https://t.example/b.png 2x" alt="A">', "srcset"),
        ('<video src="https://t.example/v.mp4"></video>', "the <video> src"),
        ('<video src="v.mp4" poster="https://t.example/p.png"></video>', "poster"),
        ('<audio src="https://t.example/a.mp3"></audio>', "the <audio> src"),
        ('<video><source src="https://t.example/v.mp4"></video>', "the <source> src"),
        ('<video src="v.mp4"><track src="https://t.example/s.vtt"></video>', "<track>"),
        ('<link rel="stylesheet" href="https://t.example/x.css">', "the <link> href"),
        ('<svg><image href="https://t.example/p.png"/></svg>', "the <image> href"),
    ],
)
def test_pictures_and_media_must_be_local(body: str, said: str) -> None:
    found = rules(body + "\n", "image-local", "link-https")
    assert len(found) == 1, found
    assert found[0].startswith("docs/x.md:11: image-local: ") and said in found[0]
    assert "docs/assets/" in found[0]


def test_local_pictures_and_links_to_other_sites_are_fine() -> None:
    body = (
        '![A chart](assets/chart.png) <img src="../assets/a.png" alt="A">\n\n'
        "Read [the SAMHSA helpline page](https://www.samhsa.gov/find-help/national-helpline).\n"
    )
    assert rules(body, "image-local", "link-host") == []


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("https://127.0.0.1/admin", "an IP address"),
        ("https://10.0.0.5/", "an IP address"),
        ("https://192.168.1.20/intake", "an IP address"),
        ("https://169.254.169.254/latest/meta-data/", "an IP address"),
        ("https://[::1]/", "an IP address"),
        ("https://0x7f.1/", "an IP address"),
        ("https://2130706433/", "an IP address"),
        ("https://localhost:8000/", "a private name"),
        ("https://printer.local/", "a private name"),
        ("https://wiki.corp.internal/", "a private name"),
        ("https://intranet/", "a private name"),
        ("https://www.samhsa.gov@127.0.0.1/", "an IP address"),
        ("//localhost/x", "a private name"),
        ("https:\\\\192.168.0.1/", "an IP address"),
        ("https:192.168.0.1/", "an IP address"),
        ("https://%31%32%37.0.0.1/", "an IP address"),
        ("https://127\u30020\u30020\u30021/", "an IP address"),
        ("HTTPS://LOCALHOST./", "a private name"),
    ],
)
def test_links_to_ip_addresses_and_private_names_fail(target: str, why: str) -> None:
    assert urls.private_host(urls.host(target)) == why
    found = rules(f"Open [the intake form]({target}).\n", "link-host")
    assert len(found) == 1 and found[0].startswith("docs/x.md:11: link-host: "), found


@pytest.mark.parametrize(
    "target",
    ["https://www.samhsa.gov/", "https://988lifeline.org/", "tel:988", "mailto:a@b.org", "x.md"],
)
def test_public_hosts_and_other_links_pass(target: str) -> None:
    assert urls.private_host(urls.host(target)) == ""


@pytest.mark.parametrize(
    "attribute",
    [
        'href="java&#x09;script:go()"',
        'xlink:href="javascript:go()"',
        'formaction=" javascript:go()"',
    ],
)
def test_the_built_page_scan_reads_schemes_as_a_browser(attribute: str) -> None:
    tag = "button" if "formaction" in attribute else "a"
    problems = csp.scan_html(f"<p><{tag} {attribute}>x</{tag}></p>").problems
    assert any("javascript:..." in problem for problem in problems), problems


def test_an_svg_link_without_href_does_not_crash_the_embed() -> None:
    page = (
        "<html><head><title>A - Site</title></head><body><div class='md-content'>"
        "<article class='md-content__inner'><h1>A</h1>"
        '<svg><a xlink:href="x.html"><text>x</text></a></svg></article></div></body></html>'
    )
    assert "xlink:href" in make_embed(page, "a/", "Site")


@pytest.mark.parametrize(
    "tag",
    [
        '<meta http-equiv="Refresh" content="0; url=https://evil.example/">',
        '<base href="https://evil.example/">',
    ],
)
def test_the_built_page_scan_stops_a_redirect_wherever_it_came_from(tag: str) -> None:
    """A refresh or base reaching the built page (e.g. behind an unclosed code fence that
    the Markdown checks read as code) still fails the build."""
    problems = csp.scan_html(f"<html><head></head><body><p>x</p>{tag}</body></html>").problems
    assert any("sends readers to another address" in problem for problem in problems), problems
