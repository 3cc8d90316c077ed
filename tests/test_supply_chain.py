"""What the project takes from elsewhere is pinned: every GitHub Action to a commit SHA
(a tag can be moved to other code; a SHA cannot), kept fresh by Dependabot."""

from __future__ import annotations

import json
import re
import tomllib

import yaml

from lighthouse import LIGHTHOUSE, LOCK
from sitetools import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
USES = re.compile(r"^\s*(?:-\s*)?uses:\s*(\S+)", re.M)
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def test_every_action_is_pinned_to_a_commit_sha() -> None:
    assert WORKFLOWS
    found = [
        (path.name, ref)
        for path in WORKFLOWS
        for ref in USES.findall(path.read_text(encoding="utf-8"))
    ]
    assert found
    loose = [f"{name}: {ref}" for name, ref in found if not PINNED.match(ref)]
    assert not loose, (
        "pin these to a 40-character commit SHA (version in a comment):\n" + "\n".join(loose)
    )


def test_dependabot_keeps_actions_and_python_packages_fresh() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"] for update in config["updates"]}
    assert {"github-actions", "pip"} <= ecosystems


def test_the_build_backend_is_pinned_exactly() -> None:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requires = data["build-system"]["requires"]
    assert requires and all(re.fullmatch(r"[\w.-]+==[\w.]+", item) for item in requires), requires


def test_lighthouse_comes_from_a_lockfile_with_integrity_hashes() -> None:
    lock = json.loads((LOCK / "package-lock.json").read_text(encoding="utf-8"))
    version = LIGHTHOUSE.rsplit("@", 1)[1]
    packages = lock["packages"]
    assert packages["node_modules/lighthouse"]["version"] == version
    assert json.loads((LOCK / "package.json").read_text())["dependencies"] == {
        "lighthouse": version
    }
    loose = [name for name, entry in packages.items() if name and "integrity" not in entry]
    assert not loose, loose
