"""External link checker for the built site (see scripts/check_links.py)."""

from iopguide.linkcheck.models import Options, Result, Verdict

__all__ = ["Options", "Result", "Verdict"]
