"""scripts/screenshots.py takes real phone screenshots of the built site, light and dark."""

from __future__ import annotations

import struct
from pathlib import Path

import screenshots
from sitetools import in_own_thread


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_first_screens_are_phone_sized_in_both_palettes(
    site: Path, tmp_path: Path, chromium_path: str, monkeypatch
) -> None:
    monkeypatch.setenv("CHROME_PATH", chromium_path)
    # screenshots.py starts a Playwright of its own: off the thread the session's one runs in.
    written = in_own_thread(
        screenshots.shoot, site, ["", "staying-safe/"], tmp_path, full_page=False
    )
    assert sorted(p.name for p in written) == [
        "home-dark.png",
        "home-light.png",
        "staying-safe-dark.png",
        "staying-safe-light.png",
    ]
    for path in written:
        assert png_size(path) == (360, 740), f"{path.name} is not 360x740"
    assert (tmp_path / "home-light.png").read_bytes() != (tmp_path / "home-dark.png").read_bytes()


def test_every_page_is_taken_and_embeds_are_not(site: Path) -> None:
    pages = screenshots.all_pages(site)
    assert "" in pages and "staying-safe/" in pages and "about/privacy/" in pages
    assert not [page for page in pages if page.startswith(("embed", "api", "assets"))]


def test_a_changed_page_is_taken_alone_and_a_shared_file_takes_all() -> None:
    pages = ["", "cost-and-insurance/", "about/privacy/"]
    assert screenshots.pages_for(["docs/cost-and-insurance.md", "README.md"], pages) == [
        "cost-and-insurance/"
    ]
    assert screenshots.pages_for(["docs/about/privacy.md"], pages) == ["about/privacy/"]
    assert screenshots.pages_for(["docs/index.md"], pages) == [""]
    assert screenshots.pages_for(["docs/assets/site.css"], pages) == pages
    assert screenshots.pages_for(["overrides/main.html"], pages) == pages
    assert screenshots.pages_for(["tests/test_search.py"], pages) == []
