"""Another language's pages (docs-es/ into site/es/), built by MkDocs in a child process.

The English build's on_post_build runs `python -m mkdocs build` once per other language,
on a merged copy of mkdocs.yml and that language's differences (mkdocs.es.yml) in a
scratch folder. The child runs the same plugin with IOP_EDITION set, so it only checks
its pages (the English build finishes them all), and its problems are shown again in
the parent's log. The relay reads MkDocs' log format (`WARNING -  message`).
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from iopguide import editions, project
from iopguide.finish.run import EditionBuild

EDITION_ENV = "IOP_EDITION"  # set in another language's build: check only, no finish
EDITION_CONFIG_ENV = "IOP_EDITION_CONFIG"  # that language's mkdocs.<lang>.yml
PROBLEM = re.compile(r"^\S+:\d+: [a-z-]+: ")  # `path:line: rule: ...`, as Problem prints


def is_child() -> bool:
    """True in another language's own build (started by `build_edition`)."""
    return bool(os.environ.get(EDITION_ENV))


def config_file(config: MkDocsConfig) -> str:
    """mkdocs.yml, or for another language the file of its differences (mkdocs.es.yml):
    the file an editor changes, which the build's messages name. (Another language is
    built from a merged copy in a scratch folder; see `build_edition`.)"""
    return os.environ.get(EDITION_CONFIG_ENV) or config.config_file_path


def project_path(path: str, config: MkDocsConfig) -> str:
    """`path` as shown to editors: from the folder of the file they change."""
    root = os.path.dirname(os.path.abspath(config_file(config)))
    return os.path.relpath(path, root)


def edition_build(
    edition: editions.Edition,
    root: Path,
    config: MkDocsConfig,
    known: dict[str, project.SourcePage] | None = None,
) -> EditionBuild:
    """One language's pages for `finish`; `known`: those this build already read, by uri."""
    settings = editions.settings(edition, root, config.site_url or "/")  # serve sets its own
    pages = project.source_pages(settings.docs_dir, known)
    return EditionBuild(edition.lang, edition.folder, settings, pages)


def build_edition(
    edition: editions.Edition,
    root: Path,
    site_dir: Path,
    config: MkDocsConfig,
    log: logging.Logger,
) -> None:
    """`mkdocs build` of one more language into `site_dir`, its problems shown on `log`."""
    with tempfile.TemporaryDirectory(prefix="iop-edition-") as scratch:
        merged = Path(scratch) / "mkdocs.yml"
        editions.write_config(edition, root, merged, config.site_url or "/")
        env = dict(os.environ, **{EDITION_ENV: edition.lang})
        env[EDITION_CONFIG_ENV] = str(edition.differences)
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(merged)]
            + ["--site-dir", str(site_dir)],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
        )
    for line in dict.fromkeys((result.stdout + result.stderr).splitlines()):
        level, _, message = line.partition(" -  ")
        if level.strip() in ("WARNING", "ERROR"):
            log.warning(message)
        elif level.strip() == "INFO" and PROBLEM.match(message):  # a warning-only rule
            log.info(message)
    if result.returncode != 0 and "Aborted" not in result.stdout + result.stderr:
        lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
        log.warning(  # the error itself, not Python's traceback
            f"{edition.docs_dir.name}/: the build stopped: {lines[-1] if lines else 'no output'}"
        )
