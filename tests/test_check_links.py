"""Tests for scripts/check_links.py against real HTTP servers on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import json
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from iopguide.linkcheck import run
from iopguide.linkcheck.cache import LinkCache
from iopguide.linkcheck.fetch import classify_error, parse_retry_after
from iopguide.linkcheck.models import USER_AGENT, Options, PolicyEntry, Verdict
from iopguide.linkcheck.policy import DEFAULT_POLICY, PolicyError, load_policy
from iopguide.linkcheck.syntax import check_syntax
from linkserver import BIG_SIZE, LinkServer
from sitetools import in_own_thread


def check_urls(*args, **kwargs):
    """The checker's synchronous entry point, off the thread Playwright's loop runs in."""
    return in_own_thread(run.check_urls, *args, **kwargs)


ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "check_links.py"
FAST = [
    "--timeout",
    "1",
    "--retries",
    "2",
    "--backoff",
    "0.01",
    "--host-pause",
    "0",
    "--deadline",
    "20",
]


@pytest.fixture
def server() -> Iterator[LinkServer]:
    srv = LinkServer().start()
    yield srv
    srv.stop()


@pytest.fixture
def soft_server() -> Iterator[LinkServer]:
    srv = LinkServer(soft404=True).start()
    yield srv
    srv.stop()


def opts(**overrides: object) -> Options:
    base = dict(
        timeout=1.0, retries=2, backoff=0.01, host_pause=0.0, deadline=20.0, cache_path=None
    )
    base.update(overrides)
    return Options(**base)  # type: ignore[arg-type]


def check_one(url: str, **overrides: object):
    [result] = check_urls([url], opts(**overrides))
    return result


# --- One URL, one verdict --------------------------------------------------------


def test_ok(server: LinkServer) -> None:
    r = check_one(server.url("/ok"))
    assert (r.verdict, r.status, r.final_url) == (Verdict.OK, 200, server.url("/ok"))
    assert "200" in r.message
    assert server.count("/ok", "HEAD") == 1


@pytest.mark.parametrize(
    ("path", "status", "words"), [("/notfound", 404, "not found"), ("/gone", 410, "gone")]
)
def test_not_found_and_gone(server: LinkServer, path: str, status: int, words: str) -> None:
    r = check_one(server.url(path))
    assert (r.verdict, r.status) == (Verdict.BROKEN, status)
    assert f"HTTP {status} {words}" in r.message


def test_head_405_falls_back_to_get(server: LinkServer) -> None:
    r = check_one(server.url("/nohead"))
    assert (r.verdict, r.status) == (Verdict.OK, 200)
    assert server.count("/nohead", "HEAD") == 1 and server.count("/nohead", "GET") == 1


def test_500_twice_then_200_is_retried(server: LinkServer) -> None:
    r = check_one(server.url("/flaky"))
    assert (r.verdict, r.status) == (Verdict.OK, 200)
    assert r.attempts >= 3


def test_503_always_is_unverifiable(server: LinkServer) -> None:
    r = check_one(server.url("/unavailable"), retries=2)
    assert (r.verdict, r.status) == (Verdict.UNVERIFIABLE, 503)
    assert "HTTP 503 server error after 3 attempts" in r.message
    assert server.count("/unavailable") == 3


def test_403_is_unverifiable_not_broken(server: LinkServer) -> None:
    r = check_one(server.url("/forbidden"))
    assert (r.verdict, r.status) == (Verdict.UNVERIFIABLE, 403)
    assert "block automated clients" in r.message
    assert server.count("/forbidden", "GET") == 1


def test_429_retry_after_seconds_is_honoured(server: LinkServer) -> None:
    started = time.monotonic()
    r = check_one(server.url("/ratelimited"))
    assert (r.verdict, r.status) == (Verdict.OK, 200)
    assert time.monotonic() - started >= 0.9
    assert r.attempts >= 2


def test_429_retry_after_http_date_is_honoured(server: LinkServer) -> None:
    started = time.monotonic()
    r = check_one(server.url("/ratelimited-date"))
    assert (r.verdict, r.status) == (Verdict.OK, 200)
    assert time.monotonic() - started >= 0.9


def test_parse_retry_after_both_forms() -> None:
    now = time.time()
    assert parse_retry_after("7") == 7.0
    date = dt.datetime.fromtimestamp(now + 10, dt.UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert 8.5 <= (parse_retry_after(date, now) or 0) <= 10.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now) == 0.0
    assert parse_retry_after("soon") is None


def test_retry_after_is_capped(server: LinkServer) -> None:
    started = time.monotonic()
    r = check_one(server.url("/ratelimited"), retry_after_cap=0.1)
    assert r.verdict is Verdict.OK
    assert time.monotonic() - started < 0.9


@pytest.mark.parametrize("path", ["/moved", "/moved-permanently-308"])
def test_permanent_redirect_is_moved(server: LinkServer, path: str) -> None:
    r = check_one(server.url(path))
    assert (r.verdict, r.status, r.final_url) == (Verdict.MOVED, 200, server.url("/ok"))
    assert f"update the link to {server.url('/ok')}" in r.message


def test_moved_keeps_the_fragment_in_the_new_url(server: LinkServer) -> None:
    r = check_one(server.url("/moved#present"))
    assert (r.verdict, r.final_url) == (Verdict.MOVED, server.url("/ok#present"))


def test_temporary_redirect_is_ok(server: LinkServer) -> None:
    r = check_one(server.url("/found"))
    assert (r.verdict, r.status, r.final_url) == (Verdict.OK, 200, server.url("/ok"))


def test_redirect_loop_is_broken(server: LinkServer) -> None:
    r = check_one(server.url("/loop-a"))
    assert r.verdict is Verdict.BROKEN
    assert "redirect loop" in r.message and "/loop-b" in r.message


def test_twelve_redirects_is_too_many(server: LinkServer) -> None:
    r = check_one(server.url("/chain/12"))
    assert r.verdict is Verdict.BROKEN
    assert "too many redirects" in r.message
    assert server.count("/chain/0") == 0


def test_ten_redirects_is_fine(server: LinkServer) -> None:
    r = check_one(server.url("/chain/10"))
    assert (r.verdict, r.final_url) == (Verdict.OK, server.url("/chain/0"))


def test_slow_response_times_out(server: LinkServer) -> None:
    started = time.monotonic()
    r = check_one(server.url("/slow"), timeout=0.2, retries=1)
    assert r.verdict is Verdict.UNVERIFIABLE
    assert "timed out" in r.message
    assert time.monotonic() - started < 2.5


def test_run_deadline_stops_everything(server: LinkServer) -> None:
    started = time.monotonic()
    results = check_urls(
        [server.url("/slow"), server.url("/unavailable")], opts(timeout=10, deadline=0.5, backoff=5)
    )
    assert time.monotonic() - started < 2.0
    assert all(r.verdict is Verdict.UNVERIFIABLE for r in results)
    assert "deadline" in results[0].message


def test_closed_port_is_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    r = check_one(f"http://127.0.0.1:{port}/")
    assert r.verdict is Verdict.BROKEN
    assert "connection refused" in r.message


def test_tls_error_is_broken(server: LinkServer) -> None:
    r = check_one(f"https://127.0.0.1:{server.port}/ok")  # TLS to a plain-HTTP port
    assert r.verdict is Verdict.BROKEN
    assert r.message.startswith("TLS error")


def test_invalid_host_does_not_resolve() -> None:
    r = check_one("http://nothing.invalid/")
    assert (r.verdict, r.attempts) == (Verdict.BROKEN, 0)
    assert "does not resolve" in r.message


def _wrapped(cause: BaseException) -> httpx.ConnectError:
    try:
        try:
            raise cause
        except OSError as exc:
            raise httpx.ConnectError(str(exc)) from exc
    except httpx.ConnectError as outer:
        return outer


@pytest.mark.parametrize(
    ("cause", "kind"),
    [
        (socket.gaierror(socket.EAI_NONAME, "Name or service not known"), "dns"),
        (
            socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution"),
            "dns-temporary",
        ),
        (ConnectionRefusedError(111, "Connection refused"), "refused"),
        (ConnectionResetError(104, "Connection reset by peer"), "reset"),
        (ssl.SSLCertVerificationError(1, "certificate verify failed"), "tls"),
    ],
)
def test_network_errors_are_classified(cause: OSError, kind: str) -> None:
    """DNS failures cannot be produced offline without traffic, so classify real exception
    chains."""
    assert classify_error(_wrapped(cause))[0] == kind


def test_redirect_to_home_page_is_soft_404(server: LinkServer) -> None:
    r = check_one(server.url("/old-page"))
    assert (r.verdict, r.final_url) == (Verdict.BROKEN, server.url("/"))
    assert "soft 404" in r.message and "home page" in r.message


def test_landing_where_a_random_path_lands_is_soft_404(soft_server: LinkServer) -> None:
    results = check_urls([soft_server.url("/no-such-guide"), soft_server.url("/found")], opts())
    assert results[0].verdict is Verdict.BROKEN
    assert "soft 404" in results[0].message and "nonexistent" in results[0].message
    assert results[1].verdict is Verdict.OK
    probes = [p for (_m, p) in soft_server.hits if p.endswith("-iop-guide-probe")]
    assert len(set(probes)) == 1  # one probe per host, shared by both links


def test_not_found_title_is_soft_404(server: LinkServer) -> None:
    r = check_one(server.url("/titled-404"))
    assert (r.verdict, r.status) == (Verdict.BROKEN, 200)
    assert "soft 404" in r.message and "Page Not Found" in r.message


def test_fragments(server: LinkServer) -> None:
    results = check_urls(
        [
            server.url("/ok#present"),
            server.url("/ok#named"),
            server.url("/ok#absent"),
            server.url("/plain.txt#x"),
        ],
        opts(),
    )
    assert [r.verdict for r in results] == [Verdict.OK, Verdict.OK, Verdict.BROKEN, Verdict.OK]
    assert results[2].message == "missing fragment #absent"


def test_huge_body_is_not_downloaded(server: LinkServer) -> None:
    r = check_one(server.url("/big#nowhere"))
    assert r.verdict is Verdict.BROKEN
    assert "missing fragment #nowhere (within the first 256 KiB)" in r.message
    assert server.big_done.wait(5)
    assert server.big_sent < 4 * 1024 * 1024 < BIG_SIZE  # read capped at 256 KiB


def test_user_agent_names_the_site(server: LinkServer) -> None:
    assert "IOPGuideLinkCheck/" in USER_AGENT and "https://" in USER_AGENT


def test_policy_blocked_host_gets_no_request(server: LinkServer) -> None:
    policy = {"127.0.0.1": PolicyEntry("127.0.0.1", "answers 403 to robots", "2999-01-01")}
    r = check_one(server.url("/ok"), policy=policy)
    assert (r.verdict, r.attempts) == (Verdict.UNVERIFIABLE, 0)
    assert "answers 403 to robots" in r.message
    assert server.total() == 0


def test_policy_file_validation(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text('[[hosts]]\nhost = "WWW.Example.org"\nreason = "403s"\nexpires = 2030-01-01\n')
    assert list(load_policy(good, dt.date(2026, 1, 1))) == ["www.example.org"]
    with pytest.raises(PolicyError, match=r"expired on 2030-01-01.*renew or delete"):
        load_policy(good, dt.date(2030, 1, 2))
    bad = tmp_path / "bad.toml"
    bad.write_text('[[hosts]]\nhost = "x.org"\nreason = "r"\n')
    with pytest.raises(PolicyError, match=r"bad\.toml.*missing \['expires'\]"):
        load_policy(bad)


def test_shipped_policy_file_is_valid() -> None:
    load_policy(DEFAULT_POLICY)  # scripts/iopguide/linkcheck/link-policy.toml


@pytest.mark.parametrize(
    ("url", "valid"),
    [
        ("tel:988", True),
        ("tel:+1-800-662-4357", True),
        ("tel:(800) 662-4357", True),
        ("sms:988?body=HELLO", True),
        ("tel:", False),
        ("tel:call-me", False),
        ("sms:988?subject=x", False),
        ("mailto:help@example.org", True),
        ("mailto:help@example.org?subject=Hi", True),
        ("mailto:", False),
        ("mailto:not-an-address", False),
    ],
)
def test_contact_link_syntax(url: str, valid: bool) -> None:
    assert check_syntax(url)[0] is valid
    [r] = check_urls([url], opts())
    assert (r.verdict, r.attempts) == (Verdict.OK if valid else Verdict.BROKEN, 0)


# --- Cache --------------------------------------------------------------------------


def test_cache_skips_fresh_successes_only(server: LinkServer, tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    urls = [server.url("/ok"), server.url("/notfound")]
    cache = LinkCache(path, 3600)
    check_urls(urls, opts(), cache)
    cache.save()
    cache = LinkCache(path, 3600)
    cache.load()
    assert list(cache.entries) == [server.url("/ok")]  # failures are never cached
    ok_hits, bad_hits = server.count("/ok"), server.count("/notfound")
    second = check_urls(urls, opts(), cache)
    assert second[0].verdict is Verdict.OK and second[0].attempts == 0
    assert second[0].message.startswith("cached (checked ")
    assert server.count("/ok") == ok_hits
    assert server.count("/notfound") > bad_hits


def test_stale_cache_entry_is_revalidated_with_its_etag(server: LinkServer, tmp_path: Path) -> None:
    cache = LinkCache(tmp_path / "links.json", ttl=0)
    first = check_urls([server.url("/ok")], opts(), cache)
    assert first[0].verdict is Verdict.OK and cache.entries[server.url("/ok")].etag == '"v1"'
    [again] = check_urls([server.url("/ok")], opts(), cache)
    assert (again.verdict, again.status, again.attempts) == (Verdict.OK, 304, 1)
    assert "not modified" in again.message


# --- Command line -------------------------------------------------------------------


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def site(tmp_path: Path, server: LinkServer) -> Path:
    root = tmp_path / "site"
    (root / "help").mkdir(parents=True)
    (root / "index.html").write_text(
        f'<a href="{server.url("/ok")}">ok</a> <a href="tel:988">988</a> '
        '<a href="/local/">local</a>'
        f'<link rel="preconnect" href="{server.url("/notfound")}">'
        f'<img src="{server.url("/page/img")}">'
    )
    (root / "help" / "index.html").write_text(
        f'<a href="{server.url("/ok")}">again</a><a href="{server.url("/notfound")}">dead</a>'
        f'<a href="{server.url("/moved")}">moved</a>'
        '<a href="https://iop-guide.example/x/">own site</a>'
    )
    return root


@pytest.mark.slow
def test_cli_site_dir_json_and_exit_1(site: Path, server: LinkServer, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    proc = run_cli(str(site), "--json", str(report), "--no-cache", *FAST, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    rows = {row["url"]: row for row in json.loads(report.read_text())}
    assert set(rows) == {server.url(p) for p in ("/ok", "/notfound", "/moved", "/page/img")} | {
        "tel:988"
    }
    assert set(rows[server.url("/ok")]) == {
        "url",
        "verdict",
        "status",
        "final_url",
        "pages",
        "attempts",
        "message",
    }
    assert rows[server.url("/ok")]["pages"] == ["help/index.html", "index.html"]
    assert rows[server.url("/notfound")]["verdict"] == "broken"
    assert rows[server.url("/notfound")]["pages"] == ["help/index.html"]
    assert rows[server.url("/moved")]["final_url"] == server.url("/ok")
    assert "Broken (1)" in proc.stdout and "Moved (1)" in proc.stdout
    assert "\r[" not in proc.stderr  # no progress bar off a terminal
    forced = run_cli(str(site), "--no-cache", "--progress", *FAST, cwd=tmp_path)
    assert "5/5 links" in forced.stderr
    assert not (tmp_path / ".cache").exists()


@pytest.mark.slow
def test_cli_urls_file_exit_0_and_strict(server: LinkServer, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(
        f"# resources\n\n{server.url('/ok')}\n{server.url('/moved')}\nmailto:a@example.org\n"
    )
    cache = tmp_path / "c.json"
    assert run_cli("--urls", str(urls), "--cache", str(cache), *FAST, cwd=tmp_path).returncode == 0
    assert (
        run_cli(
            "--urls", str(urls), "--cache", str(cache), "--strict", *FAST, cwd=tmp_path
        ).returncode
        == 1
    )


@pytest.mark.slow
def test_cli_cache_and_no_cache(server: LinkServer, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server.url('/ok')}\n{server.url('/notfound')}\n")
    report = tmp_path / "r.json"
    assert run_cli("--urls", str(urls), *FAST, cwd=tmp_path).returncode == 1
    assert (tmp_path / ".cache" / "links.json").is_file()
    ok_hits, bad_hits = server.count("/ok"), server.count("/notfound")
    run_cli("--urls", str(urls), "--json", str(report), *FAST, cwd=tmp_path)
    assert server.count("/ok") == ok_hits and server.count("/notfound") > bad_hits
    rows = {row["url"]: row for row in json.loads(report.read_text())}
    assert rows[server.url("/ok")]["attempts"] == 0
    assert rows[server.url("/ok")]["message"].startswith("cached (checked ")
    run_cli("--urls", str(urls), "--no-cache", *FAST, cwd=tmp_path)
    assert server.count("/ok") > ok_hits
    run_cli("--urls", str(urls), "--cache-ttl", "0s", *FAST, cwd=tmp_path)
    assert server.count("/ok") > ok_hits + 1


@pytest.mark.slow
def test_cli_github_format(site: Path, tmp_path: Path, server: LinkServer) -> None:
    proc = run_cli(str(site), "--format", "github", "--no-cache", *FAST, cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert len(errors) == 1 and len(warnings) == 1
    assert errors[0].startswith(f"::error file={site}/help/index.html,title=Broken link::")
    assert "/notfound" in errors[0] and "404" in errors[0]
    assert "title=Moved link::" in warnings[0] and "update the link to" in warnings[0]
    assert "STATUS" not in proc.stdout


@pytest.mark.slow
def test_cli_policy_blocked_expired_and_malformed(server: LinkServer, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(server.url("/ok") + "\n")
    policy = tmp_path / "policy.toml"
    policy.write_text(
        '[[hosts]]\nhost = "127.0.0.1"\nreason = "blocks bots"\nexpires = 2999-12-31\n'
    )
    report = tmp_path / "r.json"
    proc = run_cli(
        "--urls",
        str(urls),
        "--policy",
        str(policy),
        "--json",
        str(report),
        "--no-cache",
        cwd=tmp_path,
    )
    assert proc.returncode == 0
    [row] = json.loads(report.read_text())
    assert row["verdict"] == "unverifiable" and "blocks bots" in row["message"]
    assert server.total() == 0

    policy.write_text('[[hosts]]\nhost = "old.example.org"\nreason = "r"\nexpires = 2020-01-31\n')
    proc = run_cli("--urls", str(urls), "--policy", str(policy), "--no-cache", cwd=tmp_path)
    assert proc.returncode == 2
    assert (
        "old.example.org" in proc.stderr
        and "2020-01-31" in proc.stderr
        and "renew or delete" in proc.stderr
    )

    policy.write_text("[[hosts]\nhost = ")
    proc = run_cli("--urls", str(urls), "--policy", str(policy), "--no-cache", cwd=tmp_path)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "policy.toml" in proc.stderr


@pytest.mark.slow
def test_cli_bad_usage_exits_2(tmp_path: Path) -> None:
    assert run_cli(cwd=tmp_path).returncode == 2
    assert run_cli(str(tmp_path / "missing"), cwd=tmp_path).returncode == 2
    assert run_cli("--urls", str(tmp_path / "missing.txt"), cwd=tmp_path).returncode == 2
    assert run_cli(str(tmp_path), "--timeout", "-1", cwd=tmp_path).returncode == 2


# --- Live (opt-in: pytest -m live) ---------------------------------------------------


@pytest.mark.live
def test_live_site_links(tmp_path: Path) -> None:
    site_dir = ROOT / "site"
    if not site_dir.is_dir():
        pytest.skip("build the site first (python scripts/dev.py build)")
    report = tmp_path / "live.json"
    proc = run_cli(str(site_dir), "--json", str(report), "--no-cache", cwd=tmp_path)
    broken = [row for row in json.loads(report.read_text()) if row["verdict"] == "broken"]
    assert proc.returncode == 0, json.dumps(broken, indent=2)
