"""The MkDocs plugin object: one `Build` per build, its log filter on MkDocs' loggers for
that build only, and checks/ free of any generator (issue 26 item 3)."""

from __future__ import annotations

import ast
import logging

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from iopguide.checks.problem import Problem
from iopguide.mkdocs_plugin import plugin
from iopguide.mkdocs_plugin.build import Build
from iopguide.mkdocs_plugin.said_plainly import LOGGERS, SaidPlainly
from sitetools import ROOT

GENERATORS = ("mkdocs", "material", "zensical")
HOOK = "scripts/mkdocs_hooks.py"


def imported(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_no_check_imports_a_generator() -> None:
    checks = ROOT / "scripts" / "iopguide" / "checks"
    found = [
        f"{path.relative_to(ROOT)}: imports {name} (MkDocs' side lives in mkdocs_plugin/)"
        for path in sorted(checks.rglob("*.py"))
        for name in sorted(imported(path) & set(GENERATORS))
    ]
    assert not found, "\n".join(found)


def filters() -> list[SaidPlainly]:
    return [
        found
        for name in LOGGERS
        for found in logging.getLogger(name).filters
        if isinstance(found, SaidPlainly)
    ]


@pytest.fixture(scope="module")
def config() -> MkDocsConfig:
    return load_config(str(ROOT / "mkdocs.yml"))


def test_the_hook_file_forwards_to_one_plugin_object(config: MkDocsConfig) -> None:
    hook = config.plugins[HOOK]
    assert isinstance(hook.on_config.__self__, plugin.IopPlugin)
    assert hook.on_config.__self__ is hook.on_post_build.__self__


def test_each_build_starts_with_nothing_from_the_last(config: MkDocsConfig) -> None:
    events = plugin.IopPlugin()
    events.on_config(config)
    first = events._current()
    first.report([Problem("docs/x.md", 1, "unsafe-html", "said once")])
    first.page_keys.append(None)  # type: ignore[arg-type]
    events.on_config(config)  # `mkdocs serve` rebuilds: a new build, a new Build
    second = events._current()
    assert second is not first and isinstance(second, Build)
    assert not second.reported.pages_with("unsafe-html") and not second.page_keys
    assert filters() == [second.said_plainly] * len(LOGGERS)  # one filter, never stacked
    events.on_build_error(Abort("stopped"))
    assert not filters()


def test_the_filter_goes_when_a_build_ends_however_it_ends(
    config: MkDocsConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Build, config: MkDocsConfig) -> None:
        raise RuntimeError("finish failed")

    monkeypatch.setattr(Build, "finish", broken)
    events = plugin.IopPlugin()
    events.on_config(config)
    assert len(filters()) == len(LOGGERS)
    with pytest.raises(RuntimeError):
        events.on_post_build(config)
    assert not filters()
    events.on_config(config)
    events.on_shutdown()  # `mkdocs serve` stopped mid-build
    assert not filters()
    with pytest.raises(RuntimeError, match="before on_config"):
        events.on_env(None, config, None)  # type: ignore[arg-type]
