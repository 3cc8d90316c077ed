"""Every module under scripts/ is named on a map, and every module a map names exists.

The maps: ARCHITECTURE.md's "Where things live" table names the commands (its
`scripts/*.py` row) and the package's rooms (`iopguide/checks/`, ...); each room's
`__init__.py` docstring is that room's map, one line a module saying what it is for, and
scripts/iopguide/__init__.py's maps the modules at the top of the package. A module left
off its map is one the next maintainer meets with no word on what it is for; a name left
on a map after its module moved or went sends them nowhere. Each failure names the module
and the file to add it to (or the stale name and the file it is in).

A module counts as named when its file name is written in backticks on its map
(`` `raw_html.py` ``); a path with a folder in it is tests/test_repo_paths.py's to check.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import NamedTuple

from sitetools import ROOT

NAMED = re.compile(r"`([\w-]+\.py)`")  # a module named by its file name alone
COMMANDS_ROW = re.compile(r"^\| `scripts/\*\.py` \|.*$", re.MULTILINE)


def docstring(init: Path) -> str:
    """The docstring of a package's `__init__.py` (empty when it has none)."""
    return ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""


class Map(NamedTuple):
    file: str  # the file that holds the map
    where: str  # where in it, in words
    text: str


def maps(root: Path) -> dict[Path, Map]:
    """Each folder of modules -> its map."""
    architecture = (root / "ARCHITECTURE.md").read_text(encoding="utf-8")
    row = COMMANDS_ROW.search(architecture)
    where = 'the `scripts/*.py` row of ARCHITECTURE.md\'s "Where things live" table'
    found = {root / "scripts": Map("ARCHITECTURE.md", where, row.group() if row else "")}
    for init in sorted((root / "scripts" / "iopguide").rglob("__init__.py")):
        name = init.relative_to(root).as_posix()
        found[init.parent] = Map(name, f"the docstring of {name}", docstring(init))
    return found


def problems(root: Path) -> list[str]:
    """One line for each module off its map, each stale name, and each room unnamed."""
    package = root / "scripts" / "iopguide"
    architecture = (root / "ARCHITECTURE.md").read_text(encoding="utf-8")
    found = maps(root)
    lines = []
    for module in sorted((root / "scripts").rglob("*.py")):
        if "__pycache__" in module.parts or module.name == "__init__.py":
            continue
        name = module.relative_to(root)
        if module.parent not in found:
            lines.append(
                f"{name}: its folder has no __init__.py: add one whose docstring maps "
                "the folder's modules, one line each"
            )
            continue
        home = found[module.parent]
        if module.name not in NAMED.findall(home.text):
            lines.append(
                f"{name}: not on its map: add `{module.name}` and what it is for to {home.where}"
            )
    for folder, home in found.items():
        lines += [
            f"{home.file}: names `{stale}`, which is not in {folder.relative_to(root)}/: "
            "give the module's new name or take it off"
            for stale in sorted(set(NAMED.findall(home.text)))
            if not (folder / stale).is_file()
        ]
        if folder.parent == package:
            if f"`iopguide/{folder.name}/`" not in architecture:
                lines.append(
                    f'ARCHITECTURE.md: add a row for `iopguide/{folder.name}/` to "Where '
                    f'things live": what the room holds, and that {home.where} is its map'
                )
        elif folder.parent in found and folder.parent != root / "scripts":
            parent = found[folder.parent]
            if f"`{folder.name}/`" not in parent.text:
                lines.append(
                    f"{folder.relative_to(root)}/: not on its map: add `{folder.name}/` "
                    f"and what it holds to {parent.where}"
                )
    return lines


def test_a_map_names_its_modules_and_nothing_else(tmp_path: Path) -> None:
    # A made-up tree; its paths are written from `pkg` and `room` so that
    # tests/test_repo_paths.py does not take them for paths in this repository.
    pkg, room = "scripts/iopguide", "room"
    (tmp_path / pkg / room).mkdir(parents=True)
    (tmp_path / "ARCHITECTURE.md").write_text("| `scripts/*.py` | `dev.py`, `gone.py` |\n")
    (tmp_path / "scripts" / "dev.py").write_text("")
    (tmp_path / pkg / "__init__.py").write_text('"""Top."""\n')
    (tmp_path / pkg / "top.py").write_text("")
    (tmp_path / pkg / room / "__init__.py").write_text('"""Room.\n\n- `kept.py`: kept.\n"""\n')
    (tmp_path / pkg / room / "kept.py").write_text("")
    (tmp_path / pkg / room / "new.py").write_text("")
    assert problems(tmp_path) == [
        f"{pkg}/{room}/new.py: not on its map: add `new.py` and what it is for "
        f"to the docstring of {pkg}/{room}/__init__.py",
        f"{pkg}/top.py: not on its map: add `top.py` and what it is for "
        f"to the docstring of {pkg}/__init__.py",
        "ARCHITECTURE.md: names `gone.py`, which is not in scripts/: give the module's new "
        "name or take it off",
        f'ARCHITECTURE.md: add a row for `iopguide/{room}/` to "Where things live": what the '
        f"room holds, and that the docstring of {pkg}/{room}/__init__.py is its map",
    ]


def test_every_module_is_on_its_map() -> None:
    found = problems(ROOT)
    assert not found, "keep the maps true (ARCHITECTURE.md):\n" + "\n".join(found)
