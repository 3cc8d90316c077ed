"""The `symlink` rule: nothing the build reads may be a symbolic link.

A link under docs/ (or docs-es/, overrides/, a snippet folder) lets a pull request
publish any file the build machine can read: pymdownx.snippets tests a snippet's path,
not where its link leads, and MkDocs copies a linked file or folder out as plain files.
So every link there, to a file or to a folder, fails the build before anything reads it.

    problems(root)   # one `path:1: symlink: ...` per link; root is the project folder

The folders are each edition's docs folder, the theme's `custom_dir` and every snippet
`base_path`, as mkdocs.yml and mkdocs.<lang>.yml set them (iopguide/editions.py). Both
generators run it once per build, before they read a page (mkdocs_hooks.on_config,
iopguide/steps.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from iopguide import editions
from iopguide.checks.problem import Problem

RULE = "symlink"


def _snippet_paths(data: dict) -> list[str]:
    found: list[str] = []
    for entry in data.get("markdown_extensions") or ():
        if isinstance(entry, dict) and isinstance(entry.get("pymdownx.snippets"), dict):
            base = entry["pymdownx.snippets"].get("base_path", ".")
            found += [base] if isinstance(base, str) else [str(path) for path in base or ()]
    return found


def folders(root: Path) -> list[Path]:
    """Every folder (or snippet file) the build reads pages, templates or snippets from."""
    found = [root / "docs", root / "overrides"]
    for edition in editions.editions(root):
        found.append(edition.docs_dir)
        try:
            data = editions.config_data(edition, root)
        except (OSError, yaml.YAMLError):  # MkDocs says what is wrong with the file
            continue
        theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
        if theme.get("custom_dir"):
            found.append(root / str(theme["custom_dir"]))
        found += [root / path for path in _snippet_paths(data)]
    return list(dict.fromkeys(found))


def _problem(link: Path, root: Path) -> Problem:
    shown = os.path.relpath(link, root).replace(os.sep, "/")
    what = "folder" if link.is_dir() else "file"
    return Problem(
        shown,
        1,
        RULE,
        f"it is a symbolic link (to {os.readlink(link)}): replace it with the {what} itself, "
        "or remove it",
    )


def _links(top: Path) -> list[Path]:
    """Every symbolic link at or under `top`, without following any."""
    if top.is_symlink():
        return [top]
    found: list[Path] = []
    for folder, subfolders, files in os.walk(top):
        for name in sorted(subfolders + files):
            if (Path(folder) / name).is_symlink():
                found.append(Path(folder) / name)
    return found


def problems(root: Path) -> list[Problem]:
    """One problem for each symbolic link in a folder the build reads."""
    links: dict[Path, None] = {}
    for top in folders(root):
        for parent in [top, *top.parents]:  # docs/.snippets itself, or a folder it is in
            if parent == root or root not in parent.parents:
                break
            if parent.is_symlink():
                links[parent] = None
        if top.exists() and not top.is_symlink():
            links.update(dict.fromkeys(_links(top)))
    return [_problem(link, root) for link in sorted(links)]
