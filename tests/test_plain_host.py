"""A plain MkDocs host builds the site: a fresh virtual environment, `pip install -r
requirements.txt` (every file checked against its hash), the project's own package in
place (`pip install --no-deps --no-build-isolation -e .`: a folder has no hash, so it
cannot be a line of a hash-checked file), then `mkdocs build --strict`, offline.

That is how Netlify, Cloudflare Pages, Read the Docs and a clinic's own CI build a
MkDocs site. Nothing from dev.py is used, HOME is an empty folder (so no ~/nltk_data),
NLTK_DATA is unset, and every HTTP request fails at once through a dead proxy, so a
download at build time would fail the build. The host sets no address variable, so this is
also the build with no address (iopguide/site_address.py): it says so in one line and
leaves out what would be wrong."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from iopguide import site_address
from sitetools import ROOT, content_pages
from test_site_url import PAGES, canonical, leaks, page_tree

pytestmark = [pytest.mark.xdist_group("plain-host"), pytest.mark.slow]
DEAD_PROXY = "http://127.0.0.1:9"  # the discard port: nothing listens, connections fail


@dataclass(frozen=True)
class PlainBuild:
    venv: Path
    home: Path
    out: Path
    output: str  # what `mkdocs build` printed


@pytest.fixture(scope="module")
def plain_host(tmp_path_factory: pytest.TempPathFactory) -> PlainBuild:
    """The plain host's install and build, once for this module's tests."""
    tmp_path = tmp_path_factory.mktemp("plain-host")
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

    # A host that sets no address variable: the build must say so and leave out what would
    # be wrong (iopguide/site_address.py).
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NLTK", "PYTHON", "VIRTUAL_ENV"))
        and key != "PATH"
        and key not in site_address.VARIABLES
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
    return PlainBuild(venv, home, out, build.stdout + build.stderr)


def test_pip_install_requirements_then_mkdocs_build_strict(plain_host: PlainBuild) -> None:
    out, home, venv = plain_host.out, plain_host.home, plain_host.venv
    for page in content_pages():
        assert (out / page.url / "index.html").is_file(), f"{page.src} was not built"
    assert (out / "api" / "pages.json").is_file() and (out / "_headers").is_file()
    downloaded = [str(p) for p in (*home.rglob("nltk_data"), *venv.rglob("nltk_data"))]
    assert downloaded == [], f"the build fetched NLTK data: {downloaded}"


# --- With no address: one line, and nothing wrong -------------------------------------


def test_no_address_says_so_once(plain_host: PlainBuild) -> None:
    assert plain_host.output.count(site_address.NOTE) == 1, plain_host.output
    assert "WARNING" not in plain_host.output


def test_no_address_leaves_out_what_would_be_wrong(plain_host: PlainBuild) -> None:
    site = plain_host.out
    assert leaks(site) == []
    for url in PAGES:
        tree = page_tree(site, url)
        assert canonical(tree) == [], f"{url}: a canonical link without an address"
        assert tree.css(".iop-qr-box, .iop-qr") == [], f"{url}: a QR code to nowhere"
        printed = tree.css_first(".iop-print-only")
        assert printed is not None and "http" not in printed.text(), f"{url}: an address"
    for folder in ("", "es/"):
        assert not (site / folder / "sitemap.xml").exists()
        assert not (site / folder / "sitemap.xml.gz").exists()
    robots = (site / "robots.txt").read_text(encoding="utf-8").lower().splitlines()
    assert not [line for line in robots if line.startswith("sitemap:")]
    feed = json.loads((site / "es" / "api" / "pages.json").read_text(encoding="utf-8"))
    assert all(p["url"].startswith("/es/") for p in feed["pages"])


def test_no_address_keeps_the_spanish_404_in_spanish(plain_host: PlainBuild) -> None:
    tree = LexborHTMLParser((plain_host.out / "es" / "404.html").read_text(encoding="utf-8"))
    links = [a.attrs.get("href") or "" for a in tree.css("nav a[href^='/']")]
    assert "/es/benefits/" in links, links
    assert "/benefits/" not in links
