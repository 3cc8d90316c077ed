"""What readers get from the deploy host, over real HTTP on 127.0.0.1: `dev.py host`
answers like Cloudflare Pages with the built `_headers`, so a page, an embed, a redirect
and a 404 for an unknown path (English or Spanish) each carry the right headers.

A page and a 404 can be framed by the site itself only; an embed by any site, with one
policy (no second CSP joined to it)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from iopguide.tools import static_server
from sitetools import LIMIT_S, ROOT, wait_until


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url: str) -> tuple[int, dict[str, str], str]:
    """Status, headers and body of one GET, without following a redirect."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
    try:
        with OPENER.open(request, timeout=LIMIT_S) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def ancestors(headers: dict[str, str]) -> str:
    policy = headers.get("Content-Security-Policy", "")
    assert policy.count("default-src") == 1, f"not one policy: {policy}"
    return re.search(r"frame-ancestors ([^;]+)", policy).group(1).strip()


@pytest.fixture(scope="module")
def host(site: Path) -> Iterator[str]:
    """`python3 scripts/dev.py host SITE --port N`, the command a person runs."""
    port = static_server.free_port()
    process = subprocess.Popen(
        [sys.executable, "scripts/dev.py", "host", str(site), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:

        def answers() -> bool:
            try:
                fetch(url)
            except OSError:
                assert process.poll() is None, process.stdout.read()
                return False
            return True

        wait_until(answers, "answer from dev.py host")
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=LIMIT_S)


def test_a_page_can_be_framed_by_the_site_only(host: str) -> None:
    status, headers, _ = fetch(host + "benefits/")
    assert status == 200
    assert ancestors(headers) == "'self'"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in headers["Permissions-Policy"]


def test_an_embed_can_be_framed_by_any_site_with_one_policy(host: str) -> None:
    for path in ("embed/benefits/", "es/embed/benefits/"):
        status, headers, _ = fetch(host + path)
        assert status == 200, path
        assert ancestors(headers) == "*", path
        assert headers["X-Content-Type-Options"] == "nosniff", path


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("no-such-page/", "en"),
        ("benefits/no-such-part", "en"),
        ("assets/no-such-file.js", "en"),
        ("es/no-such-page/", "es"),
    ],
)
def test_an_unknown_path_gets_the_nearest_404_page_with_its_headers(
    host: str, path: str, language: str
) -> None:
    status, headers, body = fetch(host + path)
    assert status == 404
    assert f'<html lang="{language}"' in body, f"{path} did not get the {language} 404 page"
    assert ancestors(headers) == "'self'", path
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"


def test_a_folder_without_its_slash_redirects_with_the_headers(host: str) -> None:
    status, headers, _ = fetch(host + "benefits")
    assert status == 308
    assert headers["Location"] == "/benefits/"
    assert ancestors(headers) == "'self'"


def test_the_content_feed_may_be_fetched_from_other_sites(host: str) -> None:
    status, headers, _ = fetch(host + "api/pages.json")
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in fetch(host + "benefits/")[1]
