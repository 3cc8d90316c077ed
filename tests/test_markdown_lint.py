"""The Markdown linter (pymarkdownlnt, as pre-commit runs it) passes on every page."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from sitetools import ROOT, tool_env

# Builds, servers or tools that run for seconds: not in the quick lane.
pytestmark = pytest.mark.slow

CONFIG = ROOT / ".pymarkdown.yml"
LINT = [
    sys.executable,
    "-m",
    "pymarkdown",
    "--strict-config",
    "scan",
    "-r",
    "-e",
    "docs/.snippets/*",
]


def test_every_page_passes_the_markdown_linter() -> None:
    result = subprocess.run(
        [*LINT, "docs"], cwd=ROOT, env=tool_env(), capture_output=True, text=True, timeout=120
    )
    assert "No module named pymarkdown" not in result.stderr, (
        "pymarkdownlnt is not installed: run `python3 scripts/dev.py test`"
    )
    assert result.returncode == 0, (
        "Fix these lint problems (see .pymarkdown.yml for the settings):\n"
        + result.stdout
        + result.stderr
    )


def test_the_linter_catches_a_real_mistake(tmp_path) -> None:
    # Two blank lines in a row (MD012): a rule of the linter's own. Heading levels are
    # not: scripts/iopguide/checks/headings.py owns them (`heading-level`, `one-title`).
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: T\n---\n\n# T\n\n\nText.\n", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pymarkdown",
            "--strict-config",
            "--config",
            str(CONFIG),
            "scan",
            page.name,
        ],
        cwd=tmp_path,
        env=tool_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "MD012" in result.stdout, result.stdout + result.stderr


def test_every_changed_lint_rule_says_why() -> None:
    lines = CONFIG.read_text(encoding="utf-8").splitlines()
    rules = [i for i, line in enumerate(lines) if re.match(r"^  md\d{3}:", line)]
    assert rules, "no rules are configured"
    for start, end in zip(rules, rules[1:] + [len(lines)], strict=True):
        block = lines[start:end]
        settings = [line for line in block[1:] if re.match(r"^    \w+:", line)]
        assert settings, f"{block[0].strip()} changes nothing"
        assert any("#" in line for line in block[1:]), (
            f".pymarkdown.yml: {block[0].strip()} needs a comment saying why it is changed"
        )


def test_pre_commit_runs_the_checks_with_the_pinned_tools() -> None:
    from importlib.metadata import version

    import yaml

    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["page-checks"]["entry"] == "python scripts/dev.py check"
    assert hooks["markdown-lint"]["entry"].startswith("pymarkdown --strict-config scan")
    pins = [pin for hook in hooks.values() for pin in hook.get("additional_dependencies", [])]
    for pin in pins:
        name, wanted = pin.split("==")
        assert version(name) == wanted, (
            f".pre-commit-config.yaml pins {pin}; the venv has {version(name)}"
        )


def test_the_pre_commit_page_check_needs_only_pyyaml_and_markdown_it() -> None:
    """pre-commit installs only the hook's additional_dependencies, so the page checks
    may import the standard library, PyYAML and markdown-it-py (with its mdurl)."""
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import iopguide.checks.cli, iopguide.checks.content\n"
        "names = {name.split('.')[0] for name in set(sys.modules) - before}\n"
        "from importlib.metadata import packages_distributions\n"
        "owners = packages_distributions()\n"
        "print(' '.join(sorted({dist for name in names for dist in owners.get(name, [])})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT / "scripts", capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert set(result.stdout.split()) <= {"iopguide", "PyYAML", "markdown-it-py", "mdurl"}, (
        "the page checks import more than PyYAML and markdown-it-py: " + result.stdout
    )
