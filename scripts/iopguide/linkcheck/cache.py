"""A JSON cache of successful checks, so repeat runs skip fresh links."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

VERSION = 1
#: Entries older than this are dropped on save (stale ones are kept a while for their ETag).
KEEP_FOR = 90 * 86400.0


@dataclass
class CacheEntry:
    """One remembered success."""

    checked: float  # Unix time
    etag: str | None = None
    final_url: str | None = None
    status: int | None = None

    @property
    def checked_text(self) -> str:
        """The check time as an ISO date-time in UTC."""
        when = dt.datetime.fromtimestamp(self.checked, dt.UTC)
        return when.strftime("%Y-%m-%d %H:%M UTC")


class LinkCache:
    """Successes keyed by URL; failures are never stored."""

    def __init__(self, path: Path, ttl: float) -> None:
        self.path = path
        self.ttl = ttl
        self.entries: dict[str, CacheEntry] = {}

    def load(self) -> None:
        """Read the cache file; a missing or unreadable file means an empty cache."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            raw = data["entries"] if data.get("version") == VERSION else {}
            self.entries = {
                url: CacheEntry(
                    checked=float(item["checked"]),
                    etag=item.get("etag"),
                    final_url=item.get("final_url"),
                    status=item.get("status"),
                )
                for url, item in raw.items()
            }
        except FileNotFoundError:
            self.entries = {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            print(f"warning: ignoring unreadable link cache {self.path} ({exc})", file=sys.stderr)
            self.entries = {}

    def fresh(self, url: str, now: float) -> CacheEntry | None:
        """The entry for url if it is younger than the TTL."""
        entry = self.entries.get(url)
        if entry and 0 <= now - entry.checked < self.ttl:
            return entry
        return None

    def stale(self, url: str) -> CacheEntry | None:
        """The entry for url whatever its age (for If-None-Match)."""
        return self.entries.get(url)

    def remember(self, url: str, entry: CacheEntry) -> None:
        """Record a success."""
        self.entries[url] = entry

    def forget(self, url: str) -> None:
        """Drop a URL that is no longer OK."""
        self.entries.pop(url, None)

    def save(self) -> None:
        """Write atomically (temp file + rename), dropping very old entries."""
        cutoff = time.time() - max(KEEP_FOR, self.ttl)
        self.entries = {url: e for url, e in self.entries.items() if e.checked >= cutoff}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "version": VERSION,
            "entries": {
                url: {
                    "checked": e.checked,
                    "etag": e.etag,
                    "final_url": e.final_url,
                    "status": e.status,
                }
                for url, e in sorted(self.entries.items())
            },
        }
        tmp = self.path.with_name(self.path.name + f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, self.path)
