"""One problem with a page, as every check reports it and editors read it.

Printed as `path:line: rule: what to do`, the same line in the build, in pre-commit and
in the tests. A rule's problems are errors (the strict build fails) unless the rule says
it is only a warning (a review due soon).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a page, printed as `path:line: rule: what to do`."""

    path: str
    line: int
    rule: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule}: {self.message}"
