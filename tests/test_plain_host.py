"""A plain MkDocs host builds the site: a fresh virtual environment, `pip install -r
requirements.txt` (every file checked against its hash), the project's own package in
place (`pip install --no-deps --no-build-isolation -e .`: a folder has no hash, so it
cannot be a line of a hash-checked file), then `mkdocs build --strict`, offline.

That is how Netlify, Cloudflare Pages, Read the Docs and a clinic's own CI build a
MkDocs site. Nothing from dev.py is used, HOME is an empty folder (so no ~/nltk_data),
NLTK_DATA is unset, and every HTTP request fails at once through a dead proxy, so a
download at build time would fail the build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitetools import ROOT, content_pages

pytestmark = [pytest.mark.xdist_group("plain-host"), pytest.mark.slow]
DEAD_PROXY = "http://127.0.0.1:9"  # the discard port: nothing listens, connections fail


def test_pip_install_requirements_then_mkdocs_build_strict(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    home = tmp_path / "home"
    home.mkdir()
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    # A bare environment, filled by this suite's own pip (`pip --python`): what lands in it
    # is what a host's pip installs from the same file, without bootstrapping a second pip
    # or compiling byte code, which took half of this test's time.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    pip = [sys.executable, "-m", "pip", "--python", str(bin_dir / "python"), "install"]
    pip += ["--quiet", "--disable-pip-version-check", "--no-compile"]
    for step in (
        ["-r", str(ROOT / "requirements.txt")],  # hash-checking mode: every line has a hash
        ["--no-deps", "--no-build-isolation", "-e", "."],  # with the pinned setuptools
    ):
        install = subprocess.run(
            [*pip, *step], cwd=ROOT, capture_output=True, text=True, timeout=900
        )
        assert install.returncode == 0, install.stdout + install.stderr

    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NLTK", "PYTHON", "VIRTUAL_ENV")) and key != "PATH"
    }
    env.update(
        HOME=str(home),
        PATH=f"{bin_dir}{os.pathsep}/usr/bin:/bin",
        NO_MKDOCS_2_WARNING="1",
        http_proxy=DEAD_PROXY,
        https_proxy=DEAD_PROXY,
        HTTP_PROXY=DEAD_PROXY,
        HTTPS_PROXY=DEAD_PROXY,
        no_proxy="",
        NO_PROXY="",
    )
    out = tmp_path / "site"
    build = subprocess.run(
        ["mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    for page in content_pages():
        assert (out / page.url / "index.html").is_file(), f"{page.src} was not built"
    assert (out / "api" / "pages.json").is_file() and (out / "_headers").is_file()
    downloaded = [str(p) for p in (*home.rglob("nltk_data"), *venv.rglob("nltk_data"))]
    assert downloaded == [], f"the build fetched NLTK data: {downloaded}"
