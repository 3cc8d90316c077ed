#!/usr/bin/env python3
"""Benchmark the link checker against a sequential loop and LinkChecker.

Setup: 20 local HTTP servers on 127.0.0.1 (20 ports, so 20 "hosts" to the
checkers), 10 URLs each = 200 URLs. Every request waits 100 ms before its
answer, like a far-away server. 180 URLs answer 200 with a small HTML page; 20
(the last on each port) answer 404, so the verdict counts mean something.
Ours sends HEAD then GET (to read the page title and anchors), i.e. about 400
requests, 2 at a time per host; the others send one GET per URL.

Contenders, each timed wall-clock from start to finish:
  * ours: `scripts/check_links.py --urls FILE --no-cache` as a subprocess with
    default settings (per-host limit 2, 0.05 s pause between starts per host);
  * sequential: one httpx GET after another in a plain loop;
  * linkchecker: LinkChecker 10.6.0 (`pip install linkchecker==10.6.0`) on the
    same URLs given on its command line with -r0 (no recursion), a permissive
    robots.txt served. Run twice: with its defaults (10 threads; a random
    0.1-0.6 s wait between requests to one host, slept under a global lock, so
    it is close to sequential), and tuned (servers send the `LinkChecker`
    header that lifts its per-host floor, maxrequestspersecond=1000, 40 threads).

Usage: python scripts/bench_links.py [--ports 20] [--per-port 10] [--delay 0.1]
No traffic leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
PAGE = (
    b"<!doctype html><html><head><title>Bench page</title></head><body><p>Hello</p></body></html>"
)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 256

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up are fine here."""


def _handler(delay: float) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_HEAD(self) -> None:
            self._answer(send_body=False)

        def do_GET(self) -> None:
            self._answer(send_body=True)

        def _answer(self, send_body: bool) -> None:
            if self.path == "/robots.txt":
                body, status, ctype = b"User-agent: *\nAllow: /\n", 200, "text/plain"
            else:
                time.sleep(delay)
                missing = self.path.endswith("/missing")
                body, status = (b"<title>Missing</title>", 404) if missing else (PAGE, 200)
                ctype = "text/html"
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("LinkChecker", "allow")  # lets LinkChecker's tuned run go full speed
            self.end_headers()
            if send_body:
                self.wfile.write(body)

    return Handler


def start_servers(ports: int, delay: float) -> list[_Server]:
    """Start one threaded server per port."""
    servers = []
    for _ in range(ports):
        httpd = _Server(("127.0.0.1", 0), _handler(delay))
        threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(httpd)
    return servers


def make_urls(servers: list[_Server], per_port: int) -> list[str]:
    """per_port URLs per server; the last on each server is a 404."""
    urls = []
    for httpd in servers:
        port = httpd.server_address[1]
        urls += [f"http://127.0.0.1:{port}/page/{i}" for i in range(per_port - 1)]
        urls.append(f"http://127.0.0.1:{port}/page/missing")
    return urls


def run_ours(urls: list[str], work: Path) -> tuple[float, Counter[str]]:
    """Our checker as a subprocess, default settings, no cache."""
    url_file, report = work / "urls.txt", work / "ours.json"
    url_file.write_text("\n".join(urls) + "\n")
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            str(HERE / "check_links.py"),
            "--urls",
            str(url_file),
            "--no-cache",
            "--json",
            str(report),
        ],
        cwd=work,
        capture_output=True,
        check=False,
    )
    seconds = time.monotonic() - started
    return seconds, Counter(
        "ok" if r["verdict"] == "ok" else r["verdict"] for r in json.loads(report.read_text())
    )


def run_sequential(urls: list[str]) -> tuple[float, Counter[str]]:
    """One GET after another."""
    counts: Counter[str] = Counter()
    started = time.monotonic()
    with httpx.Client(timeout=10, trust_env=False) as client:
        for url in urls:
            try:
                status = client.get(url).status_code
                counts["ok" if status < 400 else "broken"] += 1
            except httpx.HTTPError:
                counts["broken"] += 1
    return time.monotonic() - started, counts


def find_linkchecker() -> str | None:
    """The linkchecker command next to this Python, or on PATH."""
    beside = Path(sys.executable).parent / "linkchecker"
    return str(beside) if beside.exists() else shutil.which("linkchecker")


def run_linkchecker(
    urls: list[str], command: str, work: Path, tuned: bool
) -> tuple[float, Counter[str]]:
    """LinkChecker on the same URLs; verdict from its CSV 'valid' column."""
    extra: list[str] = []
    if tuned:
        config = work / "linkcheckerrc"
        config.write_text("[checking]\nmaxrequestspersecond=1000\nthreads=40\n")
        extra = ["-f", str(config), "-t", "40"]
    started = time.monotonic()
    proc = subprocess.run(
        [command, *extra, "--no-status", "-v", "-r0", "-o", "csv", *urls],
        capture_output=True,
        text=True,
        check=False,
        cwd=work,
    )
    seconds = time.monotonic() - started
    lines = [line for line in proc.stdout.splitlines() if line and not line.startswith("#")]
    counts: Counter[str] = Counter()
    for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"):
        if row.get("urlname", "").endswith("/robots.txt"):
            continue
        counts["ok" if row.get("valid") == "True" else "broken"] += 1
    return seconds, counts


def _fmt(counts: Counter[str]) -> str:
    return ", ".join(f"{counts[k]} {k}" for k in sorted(counts)) or "no results"


def main() -> int:
    """Run the three contenders and print a small table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ports", type=int, default=20)
    parser.add_argument("--per-port", type=int, default=10)
    parser.add_argument("--delay", type=float, default=0.1)
    parser.add_argument("--skip-linkchecker", action="store_true")
    args = parser.parse_args()
    servers = start_servers(args.ports, args.delay)
    urls = make_urls(servers, args.per_port)
    print(
        f"{len(urls)} URLs on {args.ports} local servers, "
        f"each answer after {args.delay * 1000:.0f} ms"
    )
    rows = []
    command = None if args.skip_linkchecker else find_linkchecker()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        ours, ours_counts = run_ours(urls, work)
        rows.append(("check_links.py (ours)", ours, ours_counts))
        seq, seq_counts = run_sequential(urls)
        rows.append(("sequential httpx loop", seq, seq_counts))
        if command:
            for tuned in (False, True):
                seconds, counts = run_linkchecker(urls, command, work, tuned)
                rows.append((f"linkchecker ({'tuned' if tuned else 'defaults'})", seconds, counts))
    for name, seconds, counts in rows:
        same = "same verdicts as ours" if counts == ours_counts else "DIFFERENT verdicts"
        print(f"  {name:<24} {seconds:7.2f} s   {_fmt(counts):<22} {same}")
    for name, seconds, _counts in rows[1:]:
        print(f"  ours is {seconds / ours:.1f}x faster than {name}")
    if not command:
        print("  linkchecker not run (not installed: pip install linkchecker==10.6.0)")
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
