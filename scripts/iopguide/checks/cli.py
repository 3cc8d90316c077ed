"""The page checks from the command line: what pre-commit runs on the files it changes.

    python3 scripts/dev.py check docs/benefits.md ...

Each problem prints as `path:line: rule: what to do`, the same line the build prints,
and the command exits 1 when any problem is an error. It also runs the same-title and
same-description check against every page in docs/. The reading grade needs the built
page, so only the build checks it. Needs only PyYAML and markdown-it-py.
"""

from __future__ import annotations

import sys
from pathlib import Path

from iopguide.checks import content


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__, file=sys.stderr)
        return 2
    problems = content.check_files([Path(arg) for arg in argv])
    for problem in problems:
        print(problem if problem.severity == "error" else f"{problem} (warning)")
    return 1 if any(p.severity == "error" for p in problems) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
