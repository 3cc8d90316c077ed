"""Read the per-host policy file (hosts that block automated clients)."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from iopguide.linkcheck.models import PolicyEntry

DEFAULT_POLICY = Path(__file__).with_name("link-policy.toml")
_KEYS = {"host", "reason", "expires"}


class PolicyError(Exception):
    """The policy file is missing, malformed or has an expired entry."""


def _parse_date(value: object, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PolicyError(f"{where}: 'expires' must be an ISO date like 2026-12-31, got {value!r}")


def load_policy(path: Path, today: dt.date | None = None) -> dict[str, PolicyEntry]:
    """Return host -> entry; raise PolicyError with a one-line message on any problem."""
    today = today or dt.date.today()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PolicyError(f"{path}: policy file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"{path}: cannot read policy file ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{path}: not valid TOML ({exc})") from None
    extra = set(data) - {"hosts"}
    if extra:
        raise PolicyError(
            f"{path}: unknown top-level key(s) {sorted(extra)}; only [[hosts]] is allowed"
        )
    entries = data.get("hosts", [])
    if not isinstance(entries, list):
        raise PolicyError(f"{path}: 'hosts' must be an array of tables ([[hosts]])")
    policy: dict[str, PolicyEntry] = {}
    for number, item in enumerate(entries, 1):
        where = f"{path}: [[hosts]] entry {number}"
        if not isinstance(item, dict):
            raise PolicyError(f"{where}: must be a table")
        if set(item) != _KEYS:
            missing, unknown = sorted(_KEYS - set(item)), sorted(set(item) - _KEYS)
            raise PolicyError(
                f"{where}: needs exactly host, reason, expires "
                f"(missing {missing}, unknown {unknown})"
            )
        host, reason = item["host"], item["reason"]
        if not isinstance(host, str) or not host.strip() or "/" in host or " " in host.strip():
            raise PolicyError(
                f"{where}: 'host' must be a bare host name like www.example.org, got {host!r}"
            )
        if not isinstance(reason, str) or not reason.strip():
            raise PolicyError(f"{where}: 'reason' must be a non-empty string")
        host = host.strip().lower().rstrip(".")
        expires = _parse_date(item["expires"], f"{where} ({host})")
        if expires < today:
            raise PolicyError(
                f"{path}: the entry for {host} expired on {expires.isoformat()}; "
                "re-check the host by hand and renew or delete the entry"
            )
        if host in policy:
            raise PolicyError(f"{where}: host {host} is listed twice")
        policy[host] = PolicyEntry(host=host, reason=reason.strip(), expires=expires.isoformat())
    return policy


def match_policy(host: str | None, policy: dict[str, PolicyEntry]) -> PolicyEntry | None:
    """Find the entry for host or for a parent domain of it."""
    if not host:
        return None
    host = host.lower().rstrip(".")
    while host:
        if host in policy:
            return policy[host]
        _, _, host = host.partition(".")
    return None
