"""`dev.py serve` keeps showing the last good build while a rebuild fails.

MkDocs' live preview rebuilds into one folder: it empties the folder first, so a page
with a mistake (its `path:line: rule: fix` line is printed above) leaves it half built,
and MkDocs then holds every request ("The server will appear stuck") until the mistake
is fixed. `keep_last_good` wraps the rebuild: after a good build it keeps a copy of the
folder; after a failed one it puts that copy back and says so in one line, so the
preview answers again, with the last good pages, and the next save rebuilds.

Only `mkdocs serve` uses this (the hook's on_serve): a build stops as it always has.
"""

from __future__ import annotations

import atexit
import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.iop")
STILL = "still showing the last good build: fix the line(s) above and save to rebuild"


def keep_last_good(builder: Callable[[], None], site_dir: Path) -> Callable[[], None]:
    """`builder`, MkDocs' rebuild, made to leave `site_dir` as the last good build (which
    it holds now: on_serve runs after the first build) when it fails."""
    kept = Path(tempfile.mkdtemp(prefix="iop-last-good-"))
    atexit.register(shutil.rmtree, kept, True)  # gone when the server stops, like its folder
    _copy(site_dir, kept)

    def rebuild() -> None:
        try:
            builder()
        except Exception as error:  # any stop: its lines are printed above
            _copy(kept, site_dir)
            log.error(f"{error}: {STILL}")
            return
        _copy(site_dir, kept)

    return rebuild


def _copy(source: Path, target: Path) -> None:
    """Make `target` hold exactly what `source` holds."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
