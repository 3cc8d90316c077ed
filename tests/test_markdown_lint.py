"""The Markdown linter (pymarkdownlnt, as pre-commit runs it) passes on every page."""

from __future__ import annotations

import re
import subprocess
import sys

from sitetools import ROOT, tool_env

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
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: T\n---\n\n# T\n\n### Too deep\n", encoding="utf-8")
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
    assert result.returncode == 1 and "MD001" in result.stdout, result.stdout + result.stderr


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
    assert hooks["page-checks"]["entry"] == "python scripts/content_checks.py"
    assert hooks["markdown-lint"]["entry"].startswith("pymarkdown --strict-config scan")
    pins = [pin for hook in hooks.values() for pin in hook.get("additional_dependencies", [])]
    for pin in pins:
        name, wanted = pin.split("==")
        assert version(name) == wanted, (
            f".pre-commit-config.yaml pins {pin}; the venv has {version(name)}"
        )


def test_the_pre_commit_page_check_needs_only_pyyaml() -> None:
    code = (
        "import sys; sys.path.insert(0, 'scripts'); import content_checks; "
        "assert 'textstat' not in sys.modules and 'mkdocs' not in sys.modules"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
