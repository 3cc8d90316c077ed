"""One way to build the site, for every caller: dev.py, the benchmarks, the reports, the tests.

    build_site(out)                      # MkDocs: its hook runs check and finish
    build_site(out, engine="zensical")   # check, `zensical build`, then finish
    python -m iopguide.tools.build [--engine zensical] [OUT]   # what `dev.py build` runs

Both are strict: a problem fails the build and `out` is not written. Every caller but
`dev.py build` builds for this machine: SITE_URL is http://127.0.0.1:8000/ unless the
caller or the environment sets it; `dev.py build` builds for publishing, so its address
comes from SITE_URL or the host's own variables (iopguide/site_address.py). The Zensical
build runs the steps MkDocs' hook runs (iopguide/steps.py) around a generator that has
no hooks. The generator writes into a scratch folder beside `out` (tools/scratch.py);
SIGTERM or Ctrl-C stops it and removes that folder, and `out` stays as it was.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from iopguide.paths import ROOT
from iopguide.site_address import LOCAL
from iopguide.tools import scratch

ENGINES = ("mkdocs", "zensical")


@dataclass(frozen=True)
class Built:
    ok: bool
    output: str  # everything the build printed, stdout then stderr
    seconds: float

    @property
    def returncode(self) -> int:
        return 0 if self.ok else 1


def tool_env(**extra: str) -> dict[str, str]:
    """The environment the generators run in: no MkDocs 2.0 banner, UTF-8 everywhere."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUTF8="1")
    env.update(extra)
    return env


def build_site(
    out: Path,
    engine: str = "mkdocs",
    project: Path = ROOT,
    quiet: bool = False,
    strict: bool = True,
    site_url: str | None = LOCAL,
    **env: str,
) -> Built:
    """A strict build of `project` into `out`, with `env` (e.g. SITE_URL) set. Only a
    report on a broken tree (page_report.py) builds MkDocs with `strict=False`.
    `site_url` is SITE_URL when neither `env` nor the environment sets it; None builds
    for publishing, with the address the host gives, or none.

    The generator writes into a scratch folder beside `out`, which replaces `out` only
    when every step succeeds: a failed build publishes nothing and keeps the last site."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with scratch.folder(out.parent) as (folder, lock):
        fresh = folder / "site"
        command = [sys.executable, "-m", "iopguide.steps", "build", str(fresh)]
        if engine == "mkdocs":
            flags = ["--strict" if strict else "--no-strict", *(["--quiet"] if quiet else [])]
            command = [sys.executable, "-m", "mkdocs", "build", *flags, "--site-dir", str(fresh)]
        (folder / "tmp").mkdir()  # the generator's own scratch files go with the folder
        if site_url and "SITE_URL" not in {**os.environ, **env}:
            env = {"SITE_URL": site_url, **env}
        result = _run(command, project, tool_env(**{"TMPDIR": str(folder / "tmp"), **env}), lock)
        if result.returncode == 0:
            with _signals_held():  # a stop between the two renames would lose `out`
                if out.exists():
                    out.rename(folder / "old")
                fresh.rename(out)
    seconds = time.perf_counter() - started
    return Built(result.returncode == 0, result.stdout + result.stderr, seconds)


STOPS = (signal.SIGTERM, signal.SIGINT)


def _run(
    command: list[str], cwd: Path, env: dict[str, str], lock: int
) -> subprocess.CompletedProcess[str]:
    """Run the generator in its own process group, holding the scratch folder's lock
    (`lock`). If anything stops the build (a signal, the 10-minute limit), the whole
    group is stopped before the scratch folder is removed."""
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        pass_fds=(lock,),
    )
    try:
        stdout, stderr = process.communicate(timeout=600)
    except BaseException:
        _stop(process)
        raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def _stop(process: subprocess.Popen[str]) -> None:
    """Stop the generator and every process it started: SIGTERM, then SIGKILL."""
    if not hasattr(os, "killpg"):  # Windows: no process groups
        process.kill()
        process.communicate()
        return
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, sig)
        try:
            process.communicate(timeout=5)
            break
        except subprocess.TimeoutExpired:
            continue
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # a child of the generator still running


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGTERM and SIGINT back until the block is done (POSIX)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _stop_on_signal(signum: int, frame: object) -> None:
    """SIGTERM and Ctrl-C end the build like an error, so its cleanup runs."""
    for sig in STOPS:
        signal.signal(sig, signal.SIG_IGN)  # a second signal must not cut the cleanup short
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dev.py build", description=__doc__.split("\n")[0])
    parser.add_argument("--engine", choices=ENGINES, default="mkdocs")
    parser.add_argument("out", nargs="?", type=Path, default=Path("site"))
    args = parser.parse_args(argv)
    out = args.out.resolve()
    for sig in STOPS:
        signal.signal(sig, _stop_on_signal)
    try:
        built = build_site(out, args.engine, Path.cwd(), site_url=None)  # for publishing
    except SystemExit:
        print(f"[dev] the build was stopped, so {out.name}/ was left as it was", file=sys.stderr)
        raise
    print(built.output, end="", file=sys.stderr)
    if not built.ok:
        print(f"[dev] the build failed, so {out.name}/ was left as it was", file=sys.stderr)
        return 1
    print(
        f"[dev] built the site with {args.engine} into {out} in {built.seconds:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
