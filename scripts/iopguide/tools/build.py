"""One way to build the site, for every caller: dev.py, the benchmarks, the reports, the tests.

    build_site(out)                      # MkDocs: its hook runs check and finish
    build_site(out, engine="zensical")   # check, `zensical build`, then finish
    python -m iopguide.tools.build [--engine zensical] [OUT]   # what `dev.py build` runs

Both are strict: a problem fails the build and `out` is not written. The Zensical
build runs the steps MkDocs' hook runs (iopguide/steps.py) around a generator that has
no hooks.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from iopguide.paths import ROOT

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
    **env: str,
) -> Built:
    """A strict build of `project` into `out`, with `env` (e.g. SITE_URL) set. Only a
    report on a broken tree (page_report.py) builds MkDocs with `strict=False`.

    The generator writes into a scratch folder beside `out`, which replaces `out` only
    when every step succeeds: a failed build publishes nothing and keeps the last site."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=".site-", dir=out.parent) as scratch:
        fresh = Path(scratch) / "site"
        command = [sys.executable, "-m", "iopguide.steps", "build", str(fresh)]
        if engine == "mkdocs":
            flags = ["--strict" if strict else "--no-strict", *(["--quiet"] if quiet else [])]
            command = [sys.executable, "-m", "mkdocs", "build", *flags, "--site-dir", str(fresh)]
        result = subprocess.run(
            command, cwd=project, env=tool_env(**env), capture_output=True, text=True, timeout=600
        )
        if result.returncode == 0:
            old = Path(scratch) / "old"
            if out.exists():
                out.rename(old)
            fresh.rename(out)
    seconds = time.perf_counter() - started
    return Built(result.returncode == 0, result.stdout + result.stderr, seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dev.py build", description=__doc__.split("\n")[0])
    parser.add_argument("--engine", choices=ENGINES, default="mkdocs")
    parser.add_argument("out", nargs="?", type=Path, default=Path("site"))
    args = parser.parse_args(argv)
    out = args.out.resolve()
    built = build_site(out, args.engine, Path.cwd())  # the project dev.py runs in
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
