"""Builds the suite has already made, kept for the next run of the same inputs.

A build is a function of its inputs: the project's files, the package that builds it, the
installed generators, the environment, the day (review dates fall due) and the git objects
a Spanish page's `translated_from` names. `cached_build` keys each build by all of them;
a run that finds the key gets the same folder and the same messages the build gave, and
any change to any input builds again. A fresh clone, and so CI, has no cache and builds
everything; `IOPGUIDE_TEST_CACHE=0` turns the cache off.

Only a build into a folder that does not exist yet is kept: one that replaces an earlier
site (a failed build must leave it as it was) always runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from iopguide.tools.build import Built

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "test-builds"
KEEP = 100  # entries (a full run makes about 40); the least recently used go first
# Never part of what a build reads: where the tests run, and what each run names anew.
VOLATILE = ("PYTEST_", "COV_", "OLDPWD", "PWD", "SHLVL", "_", "TERM", "SSH_", "DISPLAY")
SKIPPED = {"__pycache__", ".git", ".venv", ".cache", ".pytest_cache", ".ruff_cache", "site"}
SKIPPED_PREFIXES = (".site-", "node_modules")  # a build's scratch folder; Lighthouse's tools
# The package that builds every project copy, whatever the copy holds.
PACKAGE_PARTS = ("scripts", "overrides", "mkdocs.yml", "mkdocs.es.yml", "pyproject.toml")
# What a build of this checkout reads (a copy is read whole).
ROOT_PARTS = (*PACKAGE_PARTS, "docs", "docs-es", "requirements.txt")


def enabled() -> bool:
    return os.environ.get("IOPGUIDE_TEST_CACHE", "1") != "0"


def cached_build(
    project: Path, out: Path, engine: str, env: dict[str, str], build: Callable[[], Built]
) -> Built:
    """`build()`, or what it gave last time for exactly these inputs."""
    if not enabled() or out.exists():
        return build()
    entry = CACHE / _key(project, out, engine, env)
    saved = entry / "result.json"
    if saved.is_file():
        result = json.loads(saved.read_text(encoding="utf-8"))
        if result["ok"]:
            shutil.copytree(entry / "site", out, symlinks=True)
        os.utime(entry)
        output = result["output"].replace("{PROJECT}", str(project))
        return Built(result["ok"], output.replace("{OUT}", str(out.parent)), 0.0)
    built = build()
    _keep(entry, project, out, built)
    return built


def _keep(entry: Path, project: Path, out: Path, built: Built) -> None:
    scratch = entry.with_name(entry.name + f".{os.getpid()}")
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    if built.ok:
        shutil.copytree(out, scratch / "site", symlinks=True)
    output = built.output.replace(str(project), "{PROJECT}").replace(str(out.parent), "{OUT}")
    (scratch / "result.json").write_text(
        json.dumps({"ok": built.ok, "output": output}), encoding="utf-8"
    )
    try:
        scratch.rename(entry)  # another worker may have kept the same build first
    except OSError:
        shutil.rmtree(scratch, ignore_errors=True)
    _prune()


def _prune() -> None:
    entries = sorted(
        (p for p in CACHE.iterdir() if p.is_dir() and "." not in p.name),
        key=lambda p: p.stat().st_mtime,
    )
    for old in entries[:-KEEP]:
        shutil.rmtree(old, ignore_errors=True)


def _key(project: Path, out: Path, engine: str, env: dict[str, str]) -> str:
    digest = hashlib.sha256()
    facts = {
        "engine": engine,
        "env": env,
        "environ": {k: v for k, v in os.environ.items() if not k.startswith(VOLATILE)},
        "python": sys.version,
        "installed": _installed(),
        "today": dt.date.today().isoformat(),
        "git": _git_state(),
    }
    digest.update(json.dumps(facts, sort_keys=True).encode())
    for name in ROOT_PARTS if project.resolve() == ROOT else PACKAGE_PARTS:
        _add_tree(digest, ROOT / name, ROOT, out)
    if project.resolve() != ROOT:
        _add_tree(digest, project, project, out)
    return digest.hexdigest()[:32]


def _installed() -> list[str]:
    return sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()
    )


def _git_state() -> str:
    """HEAD and the index's time: the objects `translated_from` can name (git show)."""
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()
    index = ROOT / ".git" / "index"
    return f"{head} {index.stat().st_mtime_ns if index.exists() else 0}"


def _add_tree(digest, top: Path, base: Path, out: Path) -> None:
    """Every file under `top` (or `top` itself): its path, kind and bytes, in order."""
    if not top.exists() and not top.is_symlink():
        return
    paths = [top] if not top.is_dir() or top.is_symlink() else sorted(_walk(top, out))
    for path in paths:
        digest.update(str(path.relative_to(base)).encode() + b"\0")
        if path.is_symlink():
            digest.update(b"link\0" + os.readlink(path).encode() + b"\0")
        elif path.is_file():
            digest.update(b"file\0" + path.read_bytes() + b"\0")


def _walk(top: Path, out: Path):
    for folder, names, files in os.walk(top, followlinks=False):
        here = Path(folder)
        names[:] = [
            n
            for n in names
            if n not in SKIPPED and not n.startswith(SKIPPED_PREFIXES) and here / n != out
        ]
        for name in names:
            if (here / name).is_symlink():
                yield here / name
        for name in files:
            yield here / name
