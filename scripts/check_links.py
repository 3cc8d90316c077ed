#!/usr/bin/env python3
"""Check the site's external links: dead, moved, blocked or slow.

Usage: python scripts/check_links.py SITE_DIR | --urls FILE [--json PATH]
       [--format text|github] [--strict] ...   (see --help)
Exit status: 0 nothing broken, 1 something broken (or, with --strict, moved or
unverifiable), 2 bad usage or a bad policy file. The logic is in scripts/iopguide/linkcheck/.
"""

from __future__ import annotations

import sys

from iopguide.linkcheck.cli import main

if __name__ == "__main__":
    sys.exit(main())
