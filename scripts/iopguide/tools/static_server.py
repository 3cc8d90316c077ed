"""Serve a built site as Cloudflare Pages would: gzip, the site's `_headers`, its 404 pages.

The one static server: scripts/lighthouse.py, scripts/bench.py, scripts/screenshots.py
and the tests all use it, so what they measure is what readers get from the deploy host,
not a bare file server. As on Cloudflare Pages, every answer gets the `_headers` rules
that match its path (a 404 and a redirect too), an unknown path gets the nearest
`404.html` up its folders (`/es/...` the Spanish one) with status 404, and a folder
asked for without its slash is a 308 redirect. Tests that want a plain host serve without
`_headers` (headers=False).

    python3 scripts/dev.py host site --port 8000
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import mimetypes
import posixpath
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from iopguide.finish import site_headers
from iopguide.tools.page_weight import COMPRESSIBLE

TYPES = {
    ".js": "text/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml",
    ".map": "application/json",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".woff2": "font/woff2",
}


class SiteHandler(http.server.BaseHTTPRequestHandler):
    """GET and HEAD for files under `directory`, with the rules of its `_headers`."""

    directory: Path
    rules: list[site_headers.Rule]
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def do_GET(self) -> None:
        self._serve(body=True)

    def _serve(self, body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        normal = posixpath.normpath(path)
        if ".." in path.split("/") or not path.startswith("/"):
            self._send(400, path, b"bad path", "text/plain; charset=utf-8", body)
            return
        target = self.directory / normal.lstrip("/")
        if target.is_dir() and not path.endswith("/"):
            self._send(308, path, b"", "text/plain; charset=utf-8", body, location=path + "/")
            return
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file() or target.name == "_headers":
            page = self._not_found_page(path)
            data = page.read_bytes() if page else b"Not found"
            self._send(404, path, data, "text/html; charset=utf-8", body, ".html")
            return
        suffix = target.suffix.lower()
        kind = (
            TYPES.get(suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        )
        if kind.startswith("text/") or kind in (
            "application/json",
            "image/svg+xml",
            "application/xml",
        ):
            kind += "; charset=utf-8"
        self._send(200, path, target.read_bytes(), kind, body, suffix)

    def _not_found_page(self, path: str) -> Path | None:
        """The nearest 404.html up the asked path's folders, as Cloudflare Pages looks:
        `/es/a/b` tries /es/a/404.html, /es/404.html, then /404.html."""
        folder = path
        while folder:
            folder = folder[: folder.rfind("/")]
            page = self.directory / folder.lstrip("/") / "404.html"
            if page.is_file():
                return page
        return None

    def _send(
        self,
        status: int,
        path: str,
        data: bytes,
        kind: str,
        body: bool,
        suffix: str = "",
        location: str = "",
    ) -> None:
        gzipped = suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            data = _gzip(data)
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        if suffix in COMPRESSIBLE:
            self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        for name, value in site_headers.headers_for(self.rules, path).items():
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(data)


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on now, for a server whose address must be known first."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


@functools.lru_cache(maxsize=512)
def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def handler_for(directory: Path, headers: bool = True) -> type[SiteHandler]:
    headers_file = directory / "_headers"
    rules = (
        site_headers.parse(headers_file.read_text(encoding="utf-8"))
        if headers and headers_file.is_file()
        else []
    )
    return type("BoundSiteHandler", (SiteHandler,), {"directory": directory, "rules": rules})


@contextlib.contextmanager
def serve(
    directory: Path,
    port: int = 0,
    host: str = "127.0.0.1",
    handler: Callable[..., http.server.BaseHTTPRequestHandler] | None = None,
    headers: bool = True,
) -> Iterator[str]:
    """Serve `directory` in a background thread (with `handler`, else as a host would,
    with gzip and, unless `headers` is False, its `_headers`); yields the base URL."""
    handler = handler or handler_for(directory, headers)
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    with serve(args.directory.resolve(), args.port) as url:
        print(f"serving {args.directory} at {url} (Ctrl+C stops)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
