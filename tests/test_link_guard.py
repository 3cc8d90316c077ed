"""The link checker never reaches inside from a public link (issue 28, F10).

Real servers on 127.0.0.1. Only the guard's view of which hosts are public is injected
(Options.resolve); the HTTP requests themselves are real.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from iopguide.linkcheck import run
from iopguide.linkcheck.guard import system_resolve, zone
from iopguide.linkcheck.models import Options, Result, Verdict
from iopguide.linkcheck.report import print_github, print_table, write_json
from linkserver import LinkServer
from sitetools import in_own_thread


def check_urls(*args, **kwargs):
    """The checker's synchronous entry point, off the thread Playwright's loop runs in."""
    return in_own_thread(run.check_urls, *args, **kwargs)


ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "check_links.py"
#: A public address (example.com's) that the fake resolver hands out; never contacted.
PUBLIC_IP = "93.184.215.14"


@pytest.fixture
def outside() -> Iterator[LinkServer]:
    srv = LinkServer().start()
    yield srv
    srv.stop()


@pytest.fixture
def inside() -> Iterator[LinkServer]:
    srv = LinkServer().start()
    yield srv
    srv.stop()


def seen_as_public(*hosts: str):
    """A resolver for which `hosts` are public; every other host resolves for real."""

    async def resolve(host: str) -> list[str]:
        return [PUBLIC_IP] if host in hosts else await system_resolve(host)

    return resolve


def check(url: str, *public: str) -> Result:
    opts = Options(timeout=1.0, retries=0, host_pause=0.0, deadline=10.0, cache_path=None)
    opts.resolve = seen_as_public(*public)
    [result] = check_urls([url], opts)
    return result


def report_text(result: Result, tmp_path: Path) -> str:
    """Everything the checker would print or write about the result."""
    table, github = io.StringIO(), io.StringIO()
    print_table([result], 0.1, out=table, verbose=True)
    print_github([result], None, "urls.txt", out=github)
    write_json([result], tmp_path / "report.json")
    return table.getvalue() + github.getvalue() + (tmp_path / "report.json").read_text()


@pytest.mark.parametrize(
    ("start_host", "inside_host"),
    [
        ("localhost", "127.0.0.1"),  # a redirect to a loopback address
        ("127.0.0.1", "localhost"),  # a redirect to a name that resolves to loopback
    ],
)
def test_public_link_is_not_followed_inside(
    outside: LinkServer, inside: LinkServer, tmp_path: Path, start_host: str, inside_host: str
) -> None:
    admin = f"http://{inside_host}:{inside.port}/internal-admin"
    outside.redirects["/start"] = f"{admin}?token=x#frag"
    r = check(f"http://{start_host}:{outside.port}/start", start_host)
    assert outside.count("/start") >= 1
    assert inside.total() == 0
    assert (r.verdict, r.status, r.final_url) == (Verdict.UNVERIFIABLE, 302, admin)
    assert "internal address (loopback)" in r.message
    text = report_text(r, tmp_path)
    assert "token" not in text and "frag" not in text
    assert json.loads((tmp_path / "report.json").read_text())[0]["verdict"] == "unverifiable"


@pytest.mark.parametrize(
    ("target", "kind"),
    [
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://10.1.2.3/admin", "private"),
        ("http://192.168.0.1/", "private"),
        ("http://[fd00::1]/", "private"),
        ("http://[fe80::1]/", "link-local"),
        ("http://[::1]:8080/x", "loopback"),
        ("http://[::ffff:127.0.0.1]/x", "loopback"),
        ("http://0.0.0.0:8080/x", "unspecified"),
        ("http://user:secret@127.0.0.1:9/x", "loopback"),
    ],
)
def test_every_kind_of_inside_is_refused(
    outside: LinkServer, tmp_path: Path, target: str, kind: str
) -> None:
    outside.redirects["/start"] = f"{target}?token=x"
    r = check(f"http://localhost:{outside.port}/start", "localhost")
    assert r.verdict is Verdict.UNVERIFIABLE
    assert f"internal address ({kind})" in r.message
    text = report_text(r, tmp_path)
    assert "token" not in text and "secret" not in text


def test_public_name_resolving_inside_is_not_checked(outside: LinkServer) -> None:
    async def resolve(host: str) -> list[str]:
        return ["127.0.0.1"] if host == "news.example" else await system_resolve(host)

    opts = Options(timeout=1.0, retries=0, host_pause=0.0, deadline=10.0, cache_path=None)
    opts.resolve = resolve
    [r] = check_urls([f"http://news.example:{outside.port}/ok?token=x"], opts)
    assert r.verdict is Verdict.UNVERIFIABLE
    assert "resolves to an internal address (loopback)" in r.message
    assert r.final_url is None and outside.total() == 0


def test_public_to_public_redirect_is_still_followed(
    outside: LinkServer, inside: LinkServer
) -> None:
    outside.redirects["/start"] = inside.url("/ok")
    r = check(f"http://localhost:{outside.port}/start", "localhost", "127.0.0.1")
    assert (r.verdict, r.final_url) == (Verdict.OK, inside.url("/ok"))
    assert inside.count("/ok") >= 1


def test_local_links_move_within_loopback(outside: LinkServer, inside: LinkServer) -> None:
    """The checker's own tests and benchmarks start on 127.0.0.1: they keep working."""
    outside.redirects["/start"] = f"http://localhost:{inside.port}/ok"
    r = check(outside.url("/start"))
    assert r.verdict is Verdict.OK
    assert inside.count("/ok") >= 1


def test_local_link_still_cannot_reach_metadata(outside: LinkServer, tmp_path: Path) -> None:
    """Through the real command line: loopback may not hop to link-local."""
    outside.redirects["/start"] = "http://169.254.169.254/latest/meta-data/?token=x"
    urls = tmp_path / "urls.txt"
    urls.write_text(outside.url("/start") + "\n")
    report = tmp_path / "report.json"
    args = ["--urls", str(urls), "--no-cache", "--json", str(report), "--timeout", "1"]
    run = subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "token" not in run.stdout + run.stderr + report.read_text()
    [row] = json.loads(report.read_text())
    assert row["verdict"] == "unverifiable"
    assert row["final_url"] == "http://169.254.169.254/latest/meta-data/"


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("8.8.8.8", "public"),
        ("2606:4700::1111", "public"),
        ("127.0.0.2", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("::", "unspecified"),
        ("100.64.0.1", "reserved"),
    ],
)
def test_zone(address: str, kind: str) -> None:
    assert zone(address) == kind
