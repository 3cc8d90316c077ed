"""The README's first command: `dev.py serve` previews the site, on a free port when 8000
is taken, and stops cleanly; `dev.py` explains itself."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from sitetools import LIMIT_S, ROOT, wait_until

# Builds, servers or tools that run for seconds: not in the quick lane.
pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            return True
    except OSError:
        return False


def _as_from_a_terminal() -> None:
    """Ctrl+C as a terminal delivers it: a suite started in the background (`... &` in a
    script, as CI may) hands its children SIGINT ignored, and Python then never turns it
    into KeyboardInterrupt, so the server would wait out the test's limit."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@contextmanager
def serving(*args: str) -> Iterator[tuple[subprocess.Popen, list[str]]]:
    """`dev.py serve ARGS` in the background; yields the process and its output so far."""
    process = subprocess.Popen(
        [sys.executable, "scripts/dev.py", "serve", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        preexec_fn=_as_from_a_terminal,
    )
    lines: list[str] = []
    try:
        yield process, lines
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def wait_for_page(process: subprocess.Popen, lines: list[str]) -> tuple[str, str]:
    """Read the output until the server says where it is; fetch the home page there."""
    url = ""
    while not url:  # each line ends the wait for it; a stopped server ends the output
        line = process.stdout.readline()
        if not line:
            raise AssertionError("the serve command stopped:\n" + "".join(lines))
        lines.append(line)
        found = re.search(r"Serving on (http://127\.0\.0\.1:\d+/)", line)
        url = found.group(1) if found else ""
    with urllib.request.urlopen(url, timeout=LIMIT_S) as response:
        return url, response.read().decode("utf-8")


def stop_and_check_the_port_is_freed(
    process: subprocess.Popen, port: int, stop: signal.Signals
) -> None:
    os.kill(process.pid, stop)  # the process id only, as `kill PID` would
    process.wait(timeout=LIMIT_S)
    wait_until(lambda: not answers(port), f"closed port {port} after {stop.name}")


def test_serve_previews_on_the_port_asked_for_and_sigterm_stops_it() -> None:
    port = free_port()
    with serving("--port", str(port)) as (process, lines):
        url, body = wait_for_page(process, lines)
        assert url == f"http://127.0.0.1:{port}/"
        assert "tel:988" in body and "<title>" in body and "IOP Guide" in body
        stop_and_check_the_port_is_freed(process, port, signal.SIGTERM)


def test_a_taken_port_is_named_in_one_line_another_is_used_and_ctrl_c_stops_it() -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        taken = holder.getsockname()[1]
        with serving("--port", str(taken)) as (process, lines):
            url, body = wait_for_page(process, lines)
            said = [line for line in lines if f"port {taken} is in use" in line]
            assert len(said) == 1, "".join(lines)
            assert url != f"http://127.0.0.1:{taken}/" and "tel:988" in body
            stop_and_check_the_port_is_freed(
                process, int(url.rsplit(":", 1)[1].strip("/")), signal.SIGINT
            )


def run_dev(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "scripts/dev.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=LIMIT_S,
    )


def test_an_unknown_command_is_named_and_the_commands_are_listed() -> None:
    result = run_dev("frobnicate")
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == "unknown command: frobnicate"
    for command in ("serve", "test", "build"):
        assert f"scripts/dev.py {command}" in result.stderr


def test_help_exits_0() -> None:
    for flag in ("--help", "-h"):
        result = run_dev(flag)
        assert result.returncode == 0, result.stderr
        assert "scripts/dev.py serve" in result.stdout
