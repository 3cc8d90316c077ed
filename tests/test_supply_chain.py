"""What the project takes from elsewhere is pinned: every GitHub Action to a commit SHA
(a tag can be moved to other code; a SHA cannot), every Python package to a version and the
sha256 of its files (pip's hash-checking mode), kept fresh by Dependabot."""

from __future__ import annotations

import json
import re
import tomllib

import pytest
import yaml

from lighthouse import LIGHTHOUSE, LOCK
from sitetools import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
USES = re.compile(r"^\s*(?:-\s*)?uses:\s*(\S+)", re.M)
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
REQUIREMENTS = ("requirements.txt", "requirements-dev.txt")
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")


def entries(name: str) -> list[str]:
    """The requirement lines of a requirements file, continuation lines joined."""
    text = (ROOT / name).read_text(encoding="utf-8").replace("\\\n", " ")
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def pins(lines: list[str]) -> dict[str, str]:
    found = {}
    for line in lines:
        if match := re.match(r"([A-Za-z0-9][\w.-]*)==([\w.]+)", line):
            found[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    return found


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


@pytest.mark.parametrize("name", REQUIREMENTS)
def test_every_requirement_is_pinned_with_the_hashes_of_its_files(name: str) -> None:
    lines = entries(name)
    assert len(lines) > 20, lines
    loose = [line for line in lines if not re.match(r"[\w.-]+==[\w.]+ ", line)]
    unhashed = [line.split()[0] for line in lines if not HASH.search(line)]
    assert not loose, f"{name}: not one exact pin each (no -e, -r or ranges): {loose}"
    assert not unhashed, f"{name}: no --hash for {unhashed}: recompile (requirements.in)"


@pytest.mark.parametrize("name", REQUIREMENTS)
def test_each_file_is_compiled_from_its_in_file_with_the_same_pins(name: str) -> None:
    """Dependabot recompiles with the command in the header; a pin changed by hand in
    only one of the two files would be lost."""
    text = (ROOT / name).read_text(encoding="utf-8")
    source = name.replace(".txt", ".in")
    assert re.search(rf"#\s+pip-compile .*--generate-hashes .*{re.escape(source)}\n", text)
    wanted = pins(entries(source))
    got = pins(entries(name))
    assert wanted and {key: got.get(key) for key in wanted} == wanted


def test_the_dev_set_pins_the_build_set_alike() -> None:
    build, dev = pins(entries("requirements.txt")), pins(entries("requirements-dev.txt"))
    assert {key: dev.get(key) for key in build} == build


def test_the_build_backend_is_installed_from_the_hashed_pins() -> None:
    """dev.py installs the project with --no-build-isolation, so with this setuptools."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (backend,) = data["build-system"]["requires"]
    name, version = backend.split("==")
    assert pins(entries("requirements.txt"))[name] == version
