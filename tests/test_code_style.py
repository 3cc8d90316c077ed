"""The Python code passes ruff's lint and format checks with the project's settings
(pyproject.toml): the same habits for every file, checked on every run."""

from __future__ import annotations

import subprocess
import sys

from sitetools import ROOT


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "scripts", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_ruff_finds_nothing() -> None:
    result = ruff("check", "--no-cache", "--output-format", "concise")
    assert result.returncode == 0, f"ruff check (fix with `ruff check --fix`):\n{result.stdout}"


def test_code_is_formatted() -> None:
    result = ruff("format", "--check", "--no-cache")
    assert result.returncode == 0, f"run `.venv/bin/ruff format scripts tests`:\n{result.stdout}"
