"""Shared data types and constants for the link checker."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

#: The public site, named in the User-Agent so site owners can reach us.
SITE_URL = "https://iop-guide.example/about/editorial-policy/"
USER_AGENT = f"IOPGuideLinkCheck/1.0 (+{SITE_URL})"

MAX_REDIRECTS = 10
BODY_CAP = 256 * 1024
RETRY_AFTER_CAP = 30.0


class Verdict(str, Enum):  # noqa: UP042 (StrEnum would change str() in reports)
    """What the checker concluded about one link."""

    OK = "ok"
    MOVED = "moved"
    BROKEN = "broken"
    UNVERIFIABLE = "unverifiable"


@dataclass
class Result:
    """The report row for one URL."""

    url: str
    verdict: Verdict
    status: int | None = None
    final_url: str | None = None
    pages: list[str] = field(default_factory=list)
    attempts: int = 0
    message: str = ""

    def to_json(self) -> dict[str, object]:
        """Return the JSON report object."""
        return {
            "url": self.url,
            "verdict": self.verdict.value,
            "status": self.status,
            "final_url": self.final_url,
            "pages": list(self.pages),
            "attempts": self.attempts,
            "message": self.message,
        }


@dataclass
class Options:
    """Tunable settings; the CLI maps its flags onto these."""

    timeout: float = 10.0
    retries: int = 2
    deadline: float = 120.0
    concurrency: int = 64
    per_host: int = 2
    host_pause: float = 0.05
    backoff: float = 0.5
    retry_after_cap: float = RETRY_AFTER_CAP
    body_cap: int = BODY_CAP
    cache_path: Path | None = Path(".cache/links.json")
    cache_ttl: float = 7 * 24 * 3600.0
    policy: dict[str, PolicyEntry] = field(default_factory=dict)
    user_agent: str = USER_AGENT
    #: host -> its addresses; None is the system resolver (tests inject one).
    resolve: Callable[[str], Awaitable[list[str]]] | None = None


@dataclass(frozen=True)
class PolicyEntry:
    """A host known to block automated clients."""

    host: str
    reason: str
    expires: str
