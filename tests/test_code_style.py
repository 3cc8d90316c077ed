"""The Python code passes ruff's lint and format checks with the project's settings
(pyproject.toml), and keeps the shape ARCHITECTURE.md describes: a few commands in
scripts/, small modules in one package, imports found through pyproject.toml."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from sitetools import ROOT

PATH_EDIT = re.compile(r"sys\.path\s*(?:\.\w+\(|\[|\+?=)")  # insert, append, [:], =, +=
MAX_COMMANDS = 10
MAX_LINES = 300
PYTHON_FILES = sorted((ROOT / "scripts").rglob("*.py"))


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "scripts", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_ruff_finds_nothing() -> None:
    result = ruff("check", "--no-cache", "--output-format", "concise")
    assert result.returncode == 0, f"ruff check (fix with `ruff check --fix`):\n{result.stdout}"


@pytest.mark.slow
def test_code_is_formatted() -> None:
    result = ruff("format", "--check", "--no-cache")
    assert result.returncode == 0, f"run `.venv/bin/ruff format scripts tests`:\n{result.stdout}"


def test_scripts_holds_only_the_commands() -> None:
    commands = sorted(path.name for path in (ROOT / "scripts").glob("*.py"))
    assert len(commands) <= MAX_COMMANDS, (
        f"scripts/ has {len(commands)} files: {commands}. Put shared code in scripts/iopguide/ "
        "(see ARCHITECTURE.md); scripts/ is for the commands a person runs."
    )


@pytest.mark.parametrize("path", PYTHON_FILES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_module_is_short(path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines < MAX_LINES, (
        f"{path.relative_to(ROOT)} has {lines} lines: split it by concern, "
        f"each module one job, under {MAX_LINES}"
    )


def test_nothing_edits_the_import_path() -> None:
    """iopguide is installed in place from pyproject.toml (by dev.py, after the hashed
    requirements)."""
    offenders = [
        path.relative_to(ROOT).as_posix()
        for folder in ("scripts", "tests")
        for path in (ROOT / folder).rglob("*.py")
        if PATH_EDIT.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], f"these files edit sys.path: {offenders}"
