"""A real HTTP server on 127.0.0.1 with one route per link-checker scenario.

Not a test module (no test_ prefix): tests/test_check_links.py and
scripts/bench_links.py import it.
"""

from __future__ import annotations

import email.utils
import socket
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = (
    "<!doctype html><html><head><title>{title}</title></head><body>"
    '<h1>{title}</h1><h2 id="present">Present</h2><a name="named">named</a>'
    "</body></html>"
)
BIG_SIZE = 50 * 1024 * 1024
CHUNK = 64 * 1024


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 256

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that hang up early (timeouts, capped reads) are expected: stay quiet."""


class LinkServer:
    """Serves the scenarios; counts hits per (method, path) and bytes of /big sent."""

    def __init__(self, soft404: bool = False, delay: float = 0.0) -> None:
        self.soft404 = soft404
        self.delay = delay
        self.hits: Counter[tuple[str, str]] = Counter()
        #: Extra 302 redirects a test sets up: path -> absolute Location.
        self.redirects: dict[str, str] = {}
        self.lock = threading.Lock()
        self.big_sent = 0
        self.big_done = threading.Event()
        self.stopping = threading.Event()
        self.httpd = _Server(("127.0.0.1", 0), self._handler_class())
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def url(self, path: str) -> str:
        """Absolute URL of path on this server."""
        return f"http://127.0.0.1:{self.port}{path}"

    def count(self, path: str, method: str | None = None) -> int:
        """Requests seen for path (any method unless given)."""
        with self.lock:
            return sum(n for (m, p), n in self.hits.items() if p == path and method in (None, m))

    def total(self) -> int:
        """All requests seen."""
        with self.lock:
            return sum(self.hits.values())

    def start(self) -> LinkServer:
        """Start serving in a background thread."""
        self.thread.start()
        return self

    def stop(self) -> None:
        """Stop serving (slow handlers are abandoned)."""
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_HEAD(self) -> None:
                self._route("HEAD")

            def do_GET(self) -> None:
                self._route("GET")

            def _send(
                self,
                status: int,
                body: bytes = b"",
                ctype: str = "text/html; charset=utf-8",
                headers: dict[str, str] | None = None,
                method: str = "GET",
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                if method == "GET" and body:
                    self.wfile.write(body)

            def _page(self, title: str, method: str, status: int = 200) -> None:
                if self.headers.get("If-None-Match") == '"v1"':
                    self._send(304, headers={"ETag": '"v1"'}, method=method)
                    return
                self._send(
                    status,
                    PAGE.format(title=title).encode(),
                    method=method,
                    headers={"ETag": '"v1"'},
                )

            def _redirect(self, status: int, location: str, method: str) -> None:
                self._send(status, b"", headers={"Location": location}, method=method)

            def _big(self, method: str) -> None:
                if method == "HEAD":
                    self._send(405, method=method)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(BIG_SIZE))
                self.end_headers()
                chunk = b"<p>" + b"x" * (CHUNK - 7) + b"</p>\n"
                # A small send buffer keeps big_sent close to what the client really read.
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, CHUNK)
                try:
                    while server.big_sent < BIG_SIZE and not server.stopping.is_set():
                        self.wfile.write(chunk)
                        with server.lock:
                            server.big_sent += len(chunk)
                except OSError:
                    pass
                finally:
                    server.big_done.set()
                    self.close_connection = True

            def _route(self, method: str) -> None:
                path = self.path.split("?")[0]
                with server.lock:
                    server.hits[(method, path)] += 1
                    seen = sum(n for (_m, p), n in server.hits.items() if p == path)
                if server.delay:
                    time.sleep(server.delay)
                if path in server.redirects:
                    self._redirect(302, server.redirects[path], method)
                elif path in ("/", "/ok", "/search") or path.startswith("/page/"):
                    self._page("Search" if path == "/search" else "A fine page", method)
                elif path == "/robots.txt":
                    self._send(200, b"User-agent: *\nAllow: /\n", "text/plain", method=method)
                elif path == "/plain.txt":
                    self._send(200, b"just text\n", "text/plain", method=method)
                elif path == "/notfound":
                    self._send(404, b"<title>Not here</title>", method=method)
                elif path == "/gone":
                    self._send(410, method=method)
                elif path == "/forbidden":
                    self._send(403, method=method)
                elif path == "/nohead":
                    self._send(405, method=method) if method == "HEAD" else self._page(
                        "GET only", method
                    )
                elif path == "/flaky":
                    self._send(500, method=method) if seen <= 2 else self._page("Flaky", method)
                elif path == "/unavailable":
                    self._send(503, method=method)
                elif path == "/ratelimited":
                    if seen == 1:
                        self._send(429, method=method, headers={"Retry-After": "1"})
                    else:
                        self._page("Rate limited", method)
                elif path == "/ratelimited-date":
                    if seen == 1:
                        when = email.utils.formatdate(time.time() + 2, usegmt=True)
                        self._send(429, method=method, headers={"Retry-After": when})
                    else:
                        self._page("Rate limited by date", method)
                elif path == "/moved":
                    self._redirect(301, "/ok", method)
                elif path == "/moved-permanently-308":
                    self._redirect(308, server.url("/ok"), method)
                elif path == "/found":
                    self._redirect(302, "/ok", method)
                elif path == "/loop-a":
                    self._redirect(302, "/loop-b", method)
                elif path == "/loop-b":
                    self._redirect(302, "/loop-a", method)
                elif path.startswith("/chain/"):
                    left = int(path.rsplit("/", 1)[1])
                    self._redirect(302, f"/chain/{left - 1}", method) if left > 0 else self._page(
                        "End", method
                    )
                elif path == "/slow":
                    server.stopping.wait(3.0)
                    self._page("Slow", method)
                elif path == "/old-page":
                    self._redirect(301, "/", method)
                elif path == "/titled-404":
                    self._page("Page Not Found | Example", method)
                elif path == "/big":
                    self._big(method)
                elif server.soft404:
                    self._redirect(302, "/search", method)
                else:
                    self._send(404, b"<title>404</title>", method=method)

        return Handler
