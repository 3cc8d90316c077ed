"""One way to start Chromium, for the tests and every command that drives it.

Debian's /usr/bin/chromium (or CHROME_PATH), never a downloaded browser. The flags keep a
headless Chromium, run as root on a machine without internet, from stalling while it
tries to reach Google's services.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

BROWSER_ARGS = [
    "--no-sandbox",  # needed as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",  # small /dev/shm in containers
]


def chromium_path() -> str | None:
    """CHROME_PATH, then `chromium` on the PATH, then Debian's /usr/bin/chromium."""
    for candidate in (os.environ.get("CHROME_PATH"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@contextlib.contextmanager
def launch(path: str | None = None) -> Iterator[Any]:
    """A headless Chromium through Playwright (a playwright Browser), closed on exit."""
    from playwright.sync_api import sync_playwright

    executable = path or chromium_path()
    if executable is None:
        raise RuntimeError("Chromium not found: install it or set CHROME_PATH")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        try:
            yield browser
        finally:
            browser.close()
