"""Shared fixtures: one real strict build, a real HTTP server and a real Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from iopguide.tools import browser as chromium
from sitetools import ROOT, build_site, serve_directory

# Fixtures for the builds of broken project copies that several test files share.
pytest_plugins = ["fixtures_builds"]


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with the strict settings of mkdocs.yml."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = build_site(ROOT, out)
    if result.returncode != 0:
        pytest.fail(f"the strict build failed:\n{result.output}", pytrace=False)
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


@pytest.fixture(scope="module")
def browser(chromium_path: str):
    """One Chromium per test module. Playwright's sync API keeps an asyncio loop running
    while it is open, which would stop the link checker's own asyncio.run() in later
    modules, so it closes with each module."""
    with chromium.launch(chromium_path) as browser:
        yield browser


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
