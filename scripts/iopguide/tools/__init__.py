"""Plumbing the commands and tests share: one build, one server, one browser, one weight.

One way to do each thing. This docstring is the package's map (ARCHITECTURE.md;
tests/test_module_map.py fails on a module it leaves out):

- `build.py`: every build, MkDocs or Zensical; SIGTERM or Ctrl-C stops the generator's whole
  process group and removes its scratch folder.
- `scratch.py`: that `.site-XXXXXXXX` folder, locked while in use; the next build removes
  the ones a killed build left.
- `static_server.py`: every server; it answers as Cloudflare Pages does, the deploy host.
- `browser.py`: every Chromium (Debian's, never a downloaded one).
- `serve_guard.py`: `dev.py serve` keeps showing the last good build while a rebuild fails.
- `page_weight.py`: the first-view model that the budget test and scripts/bench.py share
  (tests/test_csp.py proves it matches what Chromium loads).
- `lighthouse/`: the lockfile scripts/lighthouse.py installs Lighthouse from (no Python).
"""
