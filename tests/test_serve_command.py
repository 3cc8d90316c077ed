"""The README's first command serves the home page at http://127.0.0.1:8000."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request

from sitetools import ROOT

URL = "http://127.0.0.1:8000/"


def test_the_serve_command_serves_the_home_page() -> None:
    process = subprocess.Popen(
        [sys.executable, "scripts/dev.py", "serve"], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, start_new_session=True, text=True)
    try:
        deadline = time.monotonic() + 90
        body = ""
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise AssertionError(f"the serve command stopped:\n{process.stdout.read()}")
            try:
                with urllib.request.urlopen(URL, timeout=2) as response:
                    body = response.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(0.5)
        assert "tel:988" in body, f"no page at {URL} within 90 s"
        assert "<title>" in body and "IOP Guide" in body
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
