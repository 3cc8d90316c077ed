"""The site's editions: English from mkdocs.yml, and each other language from a small
file of differences (mkdocs.es.yml), merged onto it and built into a folder of the site.

    for edition in editions(root): ...          # English first
    write_config(edition, settings, folder)     # a full config a generator can build

Merge rules, as a reader of mkdocs.es.yml would expect: a setting replaces the English
one, a mapping merges key by key, `markdown_extensions` and `plugins` merge by name (an
entry replaces the English entry of that name, others are kept), and `nav` replaces.
The edition's site_url is the English one plus its folder; None when the address is
unknown (iopguide/site_address.py), so no generator writes a relative canonical link.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from iopguide import project, site_address, strings

BY_NAME = ("markdown_extensions", "plugins")
SHARED = "assets"  # docs/assets/: every edition's CSS, scripts and icon


@dataclass(frozen=True)
class Edition:
    lang: str  # "en", "es"
    folder: str  # where it is built in the site: "" for English, "es/"
    docs_dir: Path
    differences: Path | None  # mkdocs.es.yml; None for English

    @property
    def is_default(self) -> bool:
        return self.differences is None


def editions(root: Path) -> list[Edition]:
    """English, then every language with a mkdocs.<lang>.yml and its docs-<lang>/ folder."""
    found = [Edition("en", "", root / "docs", None)]
    for path in sorted(root.glob("mkdocs.*.yml")):
        lang = path.name.split(".")[1]
        if (root / f"docs-{lang}").is_dir():
            found.append(Edition(lang, f"{lang}/", root / f"docs-{lang}", path))
    return found


def _name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def _merge_by_name(base: list, extra: list) -> list:
    names = [_name(entry) for entry in extra]
    merged = [extra[names.index(_name(e))] if _name(e) in names else e for e in base]
    return merged + [e for e in extra if _name(e) not in {_name(b) for b in base}]


def merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        if key in BY_NAME and isinstance(out.get(key), list):
            out[key] = _merge_by_name(out[key], value)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def config_data(edition: Edition, root: Path, site_url: str | None = None) -> dict:
    """The edition's full settings, with !ENV values read now; its site_url is the English
    one (`site_url`, else mkdocs.yml's) ending in "/", plus its folder, or None if unknown."""
    base = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8-sig"), project.Loader)
    english = site_address.full(site_url or base.get("site_url"))
    base["site_url"] = english
    if edition.differences is None:
        return strings.with_strings(base, edition.lang)
    extra = yaml.load(edition.differences.read_text(encoding="utf-8-sig"), project.Loader)
    data = merge(base, extra or {})
    data["docs_dir"] = edition.docs_dir.name  # docs-es: the pages are found by language
    data["site_url"] = english + edition.folder if english else None
    return strings.with_strings(data, edition.lang)  # the templates' words (strings.py)


def error_page_context(context: dict, template_name: str, config: Any) -> dict:
    """MkDocs' `on_template_context` (the hook): another language's 404 page links into
    its folder (docs-es/ -> /es/). MkDocs takes that folder from site_url, and with the
    site's address unknown (site_address.py) there is none."""
    name = Path(config.docs_dir).name
    if template_name == "404.html" and not config.site_url and name.startswith("docs-"):
        context["base_url"] = "/" + name.removeprefix("docs-") + "/"
    return context


def write_config(
    edition: Edition, root: Path, target: Path, site_url: str | None = None, absolute: bool = True
) -> Path:
    """Write the edition's full mkdocs.yml to `target`. With `absolute`, paths (docs,
    overrides, hooks, snippets, watch) point into `root`, so the file builds from anywhere."""
    data = config_data(edition, root, site_url)
    if absolute:
        data["docs_dir"] = str(root / data.get("docs_dir", "docs"))
        theme = data.get("theme") or {}
        if "custom_dir" in theme:
            theme["custom_dir"] = str(root / theme["custom_dir"])
        data["hooks"] = [str(root / hook) for hook in data.get("hooks") or ()]
        data["watch"] = [str(root / path) for path in data.get("watch") or ()]
        for entry in data.get("markdown_extensions") or ():
            if isinstance(entry, dict) and "pymdownx.snippets" in entry:
                snippets = entry["pymdownx.snippets"]
                snippets["base_path"] = [str(root / p) for p in snippets.get("base_path", [])]
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def settings(edition: Edition, root: Path, site_url: str) -> project.Settings:
    """What `finish` needs of the edition, under the English `site_url`."""
    data = config_data(edition, root)
    config = edition.differences or root / "mkdocs.yml"
    return project.Settings(
        str(data.get("site_name", "")),
        site_url.rstrip("/") + "/" + edition.folder,
        root / str(data.get("docs_dir", "docs")),
        config,
        config.read_text(encoding="utf-8-sig"),
    )
