"""The site's interface words, docs/.data/strings.yml: one table per language.

    words("es")["menu"]        # "Menú"; a key the language lacks is the English one
    with_strings(config, "es") # the settings, with config.extra.strings for the templates

Templates read them as `config.extra.strings` (overrides/partials/iop-strings.html), which
`with_strings` adds to an edition's settings (editions.py, for Zensical and the other
languages' MkDocs builds) and the MkDocs plugin adds in `on_config`. The finish steps call
`words`; assets/a11y.js has none of its own and reads what the build wrote into the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from iopguide.paths import ROOT

FILE = Path("docs/.data/strings.yml")
DEFAULT = "en"


def load(root: Path = ROOT) -> dict[str, dict[str, str]]:
    """Every language's table, as written."""
    text = (root / FILE).read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    return {lang: {k: str(v) for k, v in table.items()} for lang, table in data.items()}


def words(lang: str, root: Path = ROOT) -> dict[str, str]:
    """The words in `lang`, each missing one in English."""
    tables = load(root)
    return tables.get(DEFAULT, {}) | tables.get(lang, {})


def with_strings(config: dict[str, Any], lang: str, root: Path = ROOT) -> dict[str, Any]:
    """`config` (a settings mapping) with `extra.strings`: the words in `lang`."""
    extra = config.get("extra")
    if not isinstance(extra, dict):
        extra = config["extra"] = {}
    extra["strings"] = words(lang, root)
    return config
