"""External link checker for the built site (run it with scripts/check_links.py).

Why our own: on 18 fault cases served on 127.0.0.1 (tests/linkserver.py: soft 404s, a 999
or bot challenge, 429 with Retry-After, redirect loops, moved pages, slow and huge
answers, missing anchors...), it judged all 18 right in 43 s. lychee 0.24.2 judged 14-15
of 18 in 64-88 s: it has no soft-404 check, and a 999 or a bot challenge is either a
broken link or, tuned the usual way, a silent success. LinkChecker 10.6.0 judged 12 of
18 in 66 s. (Measured on a 2-core machine for issue 15, 2026-11; scripts/bench_links.py
re-measures the speed side against LinkChecker.)
"""

from iopguide.linkcheck.models import Options, Result, Verdict

__all__ = ["Options", "Result", "Verdict"]
