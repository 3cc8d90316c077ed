"""The suite's own machinery: `--dist loadgroup` keeps each `xdist_group` on one worker.

Shared page visits (tests/visits.py) and one-file builds rely on it. With pytest 9.2 and
pytest-xdist 3.8 the marks silently stopped grouping (pytest-dev/pytest-xdist#1386): nothing
failed, the suite only got slower. This runs pytest the way pyproject.toml does on a tiny
folder of tests and reads which worker ran each one.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitetools import LIMIT_S, tool_env

pytestmark = pytest.mark.slow

GROUPED = """
import pytest

@pytest.mark.xdist_group("together")
@pytest.mark.parametrize("i", range(6))
def test_grouped(i):
    pass

@pytest.mark.parametrize("i", range(6))
def test_free(i):
    pass
"""


def test_each_group_runs_on_one_worker(tmp_path: Path) -> None:
    (tmp_path / "test_grouped.py").write_text(GROUPED, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-n", "2"]
        + ["--dist", "loadgroup", "-v", "test_grouped.py"],
        cwd=tmp_path,
        env=tool_env(),
        capture_output=True,
        text=True,
        timeout=LIMIT_S,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    workers = set(
        re.findall(r"\[(gw\d+)\][^\n]*PASSED test_grouped\.py::test_grouped", result.stdout)
    )
    assert len(workers) == 1, f"the group ran on {sorted(workers)}:\n{result.stdout}"
