"""External link checker for the built site (run it with scripts/check_links.py).

Why our own: on 18 fault cases served on 127.0.0.1 (tests/linkserver.py: soft 404s, a 999
or bot challenge, 429 with Retry-After, redirect loops, moved pages, slow and huge
answers, missing anchors...), it judged all 18 right in 43 s. lychee 0.24.2 judged 14-15
of 18 in 64-88 s: it has no soft-404 check, and a 999 or a bot challenge is either a
broken link or, tuned the usual way, a silent success. LinkChecker 10.6.0 judged 12 of
18 in 66 s. (Measured on a 2-core machine for issue 15, 2026-11; scripts/bench_links.py
re-measures the speed side against LinkChecker.)

This docstring is the package's map (ARCHITECTURE.md; tests/test_module_map.py fails on a
module it leaves out):

- `cli.py`: the command line: options, gather links, check them, report, exit 0/1/2.
- `extract.py`: the external links in built HTML pages or in a URL list file.
- `run.py`: every check at once, within one deadline.
- `classify.py`: one URL to a verdict: syntax, policy, cache, then the network.
- `syntax.py`: offline checks of mailto:, tel: and sms: links.
- `policy.py`: the per-host policy file (hosts that block automated clients).
- `cache.py`: a JSON cache of successful checks, so repeat runs skip fresh links.
- `fetch.py`: HTTP requests with per-host limits, retries, backoff and a run deadline.
- `follow.py`: a redirect chain followed by hand, HEAD first, and soft-404 probes.
- `guard.py`: no public link may lead the checker into loopback, private or link-local
  addresses.
- `pages.py`: a look inside a capped HTML body: is it HTML, its title, its anchors.
- `report.py`: the results as JSON, a summary table, GitHub annotations, a progress bar.
- `models.py`: the data types and constants they share.
"""

from iopguide.linkcheck.models import Options, Result, Verdict

__all__ = ["Options", "Result", "Verdict"]
