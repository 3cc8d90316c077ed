"""Where the project's parts are, found from this file rather than the working directory."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # scripts/iopguide/paths.py -> the project
DOCS = ROOT / "docs"
CONFIG = ROOT / "mkdocs.yml"
GLOSSARY = DOCS / ".snippets" / "glossary.md"
