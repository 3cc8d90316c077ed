"""MkDocs' own link, anchor and menu warnings, swapped for our one-line form for one build.

`SaidPlainly` is a logging filter on the two MkDocs loggers that say them. The plugin
adds it when a build starts (`install`) and takes it off when that build ends, however
it ends (`remove`: after on_post_build, on a failed build and at shutdown), so two
builds in one process (`mkdocs serve`, tests) never stack filters, and a filter never
outlives the build whose pages it describes.
"""

from __future__ import annotations

import logging

from iopguide.mkdocs_plugin import messages

LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")


class SaidPlainly(logging.Filter):
    """Swaps a message messages.py knows for our lines, logged on `log` at the same level
    (so a strict build still fails); a message it does not know passes unchanged."""

    def __init__(self, log: logging.Logger) -> None:
        super().__init__()
        self.log = log
        self.site: messages.Site | None = None  # set once the build has listed its files

    def filter(self, record: logging.LogRecord) -> bool:
        site = self.site
        problems = messages.rewrite(record.getMessage(), site) if site else None
        if problems is None:
            return True
        for problem in problems:
            self.log.log(record.levelno, str(problem))
        return False

    def install(self) -> None:
        for name in LOGGERS:
            logging.getLogger(name).addFilter(self)  # a no-op if it is there already

    def remove(self) -> None:
        for name in LOGGERS:
            logging.getLogger(name).removeFilter(self)  # a no-op if it is not
