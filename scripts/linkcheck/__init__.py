"""External link checker for the built site (see scripts/check_links.py)."""

from linkcheck.models import Options, Result, Verdict

__all__ = ["Options", "Result", "Verdict"]
