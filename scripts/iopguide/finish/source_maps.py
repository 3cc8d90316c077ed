"""The theme's source maps left out of the published site.

Material ships a `.map` beside each of its minified files, and each file names its map in
a last-line comment. Readers never load them (a browser asks only when its developer tools
are open), they hold Material's own sources (one of which mentions 127.0.0.1), and two of
the files they describe are cut by this build (material_css.py, palette_css.py), so the
maps would be wrong anyway. Each map goes, and so does the comment that names it.
"""

from __future__ import annotations

import re
from pathlib import Path

COMMENT = re.compile(r"\n?(?://# sourceMappingURL=[^\n]*|/\*# sourceMappingURL=[^*]*\*/)\s*$")


def drop(site_dir: Path) -> list[Path]:
    """Remove every `*.map` under `site_dir`, and the comment naming it from the file it
    maps; return the maps removed."""
    removed = sorted(site_dir.rglob("*.map"))
    for source_map in removed:
        mapped = source_map.with_suffix("")  # bundle.x.min.js.map -> bundle.x.min.js
        if mapped.is_file() and mapped.suffix in (".js", ".css"):
            text = mapped.read_text(encoding="utf-8")
            cut = COMMENT.sub("", text)
            if cut != text:
                mapped.write_text(cut, encoding="utf-8")
        source_map.unlink()
    return removed
