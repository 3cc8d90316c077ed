"""An interrupted build cleans up after itself (issue 28, F12).

`python -m iopguide.tools.build OUT` (what `dev.py build` runs) builds into a scratch
folder `.site-XXXXXXXX` beside OUT. SIGTERM or Ctrl-C stops the generator and every
process it started, removes that folder and leaves OUT as it was; a folder a killed
build left behind (SIGKILL runs no cleanup) is removed by the next build, and a folder
another build is using is not.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from iopguide.tools import build, scratch
from sitetools import LIMIT_S, ROOT, tool_env, wait_until

# Builds, servers or tools that run for seconds: not in the quick lane.
pytestmark = pytest.mark.slow

HOUR = 3600


def _processes_using(path: Path) -> list[str]:
    """The command lines of the processes that name `path` (the generator and its children)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            line = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if str(path) in line:
            found.append(line)
    return found


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_during_a_build_removes_its_scratch_folder(tmp_path: Path, sig: int) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the last good build", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "iopguide.tools.build", str(out)],
        cwd=ROOT,
        env=tool_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        # The generator is writing: its site folder is there.
        found = wait_until(lambda: list(tmp_path.glob(".site-*/site")), "scratch folder")
        folder = found[0].parent
        process.send_signal(sig)
        output, _ = process.communicate(timeout=LIMIT_S)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 128 + sig, output
    assert "Traceback" not in output, output
    assert "the build was stopped, so site/ was left as it was" in output
    assert not folder.exists() and not list(tmp_path.glob(".site-*")), "scratch folder left"
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "the last good build"
    wait_until(lambda: not _processes_using(folder), "end of the generator's processes")


def _scratch(parent: Path, name: str, lock: bool = True, age: float = 0) -> Path:
    folder = parent / name
    (folder / "site").mkdir(parents=True)
    (folder / "site" / "index.html").write_text("half a site", encoding="utf-8")
    if lock:
        (folder / scratch.LOCK).touch()
    then = time.time() - age
    os.utime(folder, (then, then))
    return folder


def test_the_next_build_removes_only_what_killed_builds_left(tmp_path: Path) -> None:
    killed = _scratch(tmp_path, ".site-k1lled00")  # a lock nobody holds: its build is gone
    older = _scratch(tmp_path, ".site-0ld00000", lock=False, age=2 * HOUR)  # no lock, old
    young = _scratch(tmp_path, ".site-y0ung000", lock=False)  # no lock yet: may be starting
    busy = _scratch(tmp_path, ".site-busy0000", age=2 * HOUR)  # a build is using it
    other = _scratch(tmp_path, ".site-notours", age=2 * HOUR)  # not a name the build gives
    (tmp_path / ".site-l1nk0000").symlink_to(other, target_is_directory=True)
    held = os.open(busy / scratch.LOCK, os.O_RDWR)
    fcntl.flock(held, fcntl.LOCK_EX)
    try:
        project = tmp_path / "project"  # the smallest site MkDocs builds
        (project / "docs").mkdir(parents=True)
        (project / "docs" / "index.md").write_text("# Hello\n", encoding="utf-8")
        (project / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
        built = build.build_site(tmp_path / "site", project=project)
    finally:
        os.close(held)
    assert built.ok, built.output
    assert not killed.exists() and not older.exists()
    assert young.exists() and busy.exists() and other.exists()
    assert (tmp_path / ".site-l1nk0000").is_symlink() and (other / "site").is_dir()
    assert (tmp_path / "site" / "index.html").is_file()
    left = sorted(p.name for p in tmp_path.glob(".site-*"))
    assert left == [".site-busy0000", ".site-l1nk0000", ".site-notours", ".site-y0ung000"]
