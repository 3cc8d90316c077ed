"""The build's scratch folder, `.site-XXXXXXXX` beside the output, and what an
interrupted build left of one.

    with scratch.folder(out.parent) as (path, lock):  # removed on the way out
        ...                                          # `lock` stays open while in use

A build holds an exclusive lock on `.lock` in its folder for as long as it (or the
generator it started, which inherits the lock) runs. The next build removes every
`.site-XXXXXXXX` folder in the same place whose lock nobody holds: one a killed build
left. A folder without a lock file is removed only when it is over an hour old (left by
an older version of this module); a build that is running is never touched.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no locks, so only folders over an hour old are removed
    fcntl = None  # type: ignore[assignment]

PREFIX = ".site-"
NAME = re.compile(r"^\.site-[a-z0-9_]{8}$")  # tempfile.mkdtemp(prefix=PREFIX)
LOCK = ".lock"
OLD = 3600  # seconds: a folder without a lock file this old is left over


def _lock(folder: Path) -> int:
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def _unused(folder: Path, started: float) -> bool:
    """True when no build uses `folder`: its lock is free, or it has none and is old."""
    try:
        fd = os.open(folder / LOCK, os.O_RDWR)
    except FileNotFoundError:
        return folder.stat().st_mtime < started - OLD
    try:
        if fcntl is None:
            return folder.stat().st_mtime < started - OLD
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    finally:
        os.close(fd)


def remove_stale(parent: Path, started: float | None = None) -> list[Path]:
    """Remove the scratch folders in `parent` that an interrupted build left; the list
    of those removed."""
    started = time.time() if started is None else started
    removed = []
    for path in sorted(parent.glob(PREFIX + "*")):
        try:
            if not NAME.match(path.name) or path.is_symlink() or not path.is_dir():
                continue
            if path.stat().st_mtime >= started or not _unused(path, started):
                continue
        except OSError:  # removed meanwhile by another build
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


@contextmanager
def folder(parent: Path) -> Iterator[tuple[Path, int]]:
    """A new locked scratch folder in `parent`, after removing stale ones; removed on
    the way out, however the build ends (the caller turns SIGTERM into an exception)."""
    started = time.time()
    remove_stale(parent, started)
    path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=parent))
    lock = _lock(path)
    try:
        yield path, lock
    finally:
        shutil.rmtree(path, ignore_errors=True)
        os.close(lock)  # after the folder is gone, so no other build removes it first
