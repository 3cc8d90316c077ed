"""Shared fixtures: one real strict build, a real HTTP server and a real Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from iopguide.tools import browser as chromium
from sitetools import ROOT, build_once, build_site, serve_directory, shared_folder

# Fixtures for the builds of broken project copies that several test files share.
pytest_plugins = ["fixtures_builds"]


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with the strict settings of mkdocs.yml, and shared by
    every xdist worker: the first worker to ask builds it while the others wait on a file
    lock, then all read the same folder (tests must not write into it)."""
    out = shared_folder(tmp_path_factory, "site-build") / "site"
    ok, output = build_once(out.parent, lambda: build_site(ROOT, out))
    if not ok:
        pytest.fail(f"the strict build failed:\n{output}", pytrace=False)
    return out


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built site served over real HTTP on 127.0.0.1."""
    with serve_directory(site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = chromium.chromium_path()
    if path is None:
        pytest.fail(
            "Chromium not found: run the tests through `python3 scripts/dev.py test`, "
            "which finds or installs it, or set CHROME_PATH",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def browser(chromium_path: str):
    """One Chromium per worker for the whole run (a launch and its first page cost about
    1.5 s). Playwright's sync API keeps an asyncio loop running while it is open, so code
    that calls asyncio.run() (the link checker) runs in a thread of its own in the tests
    (sitetools.in_own_thread)."""
    with chromium.launch(chromium_path) as browser:
        yield browser


# A test that uses one of these (directly or through another fixture) waits for a full
# build or a browser, so it is not in the quick lane (`dev.py test --quick`).
SLOW_FIXTURES = {
    *("site", "base_url", "browser", "chromium_path"),
    *("broken_build", "marked_build"),  # fixtures_builds.py
    *("outputs", "bilingual_build", "damaged", "project"),  # one test file's own builds
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if "browser" in names:
            item.add_marker(pytest.mark.browser)
        if names & SLOW_FIXTURES:
            item.add_marker(pytest.mark.slow)
