"""The project as both generators see it: settings from mkdocs.yml and the pages in docs/.

MkDocs and Zensical read the same mkdocs.yml. The steps that do not belong to either
(`check` on docs/, `finish` on the built folder) read it here, so they work the same
after either build.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from iopguide.checks import frontmatter
from iopguide.paths import CONFIG


class Loader(yaml.SafeLoader):
    """YAML with MkDocs' `!ENV [NAME, default]` and Python-name tags tolerated."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    *keys, default = names if len(names) > 1 else [*names, None]
    for key in keys:
        if key in os.environ:
            return os.environ[key]
    return default


Loader.add_constructor("!ENV", _env)
Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)


@dataclass(frozen=True)
class Settings:
    site_name: str
    site_url: str  # always ends with "/"; just "/" when the address is unknown (site_address)
    docs_dir: Path
    config_path: Path
    config_text: str = field(repr=False)


def settings(config_path: Path = CONFIG) -> Settings:
    text = config_path.read_text(encoding="utf-8-sig")
    data = yaml.load(text, Loader=Loader) or {}  # a SafeLoader subclass
    return Settings(
        site_name=str(data.get("site_name", "")),
        site_url=(str(data.get("site_url") or "/")).rstrip("/") + "/",
        docs_dir=config_path.parent / str(data.get("docs_dir", "docs")),
        config_path=config_path,
        config_text=text,
    )


@dataclass(frozen=True)
class SourcePage:
    """One Markdown page in docs/ and where it is built, its front matter read once: every
    rule and later step takes `front` (values, nodes, each key's line), never the text's
    YAML again."""

    src: str  # from the project root, e.g. docs/benefits.md: what problems name
    uri: str  # from docs/, e.g. benefits.md
    url: str  # from the site root, e.g. benefits/ ("" for the home page)
    text: str = field(repr=False)
    front: frontmatter.Parsed = field(repr=False)

    def __str__(self) -> str:  # names the page in test ids and messages
        return self.src

    @property
    def meta(self) -> dict:
        """The front matter's values ({} when it cannot be read: the check reports it)."""
        return self.front.meta

    @property
    def built(self) -> str:
        """The built file, from the site root: benefits/index.html."""
        return self.url + "index.html"

    @property
    def is_content(self) -> bool:
        return self.meta.get("kind", "content") == "content"


def page_url(uri: str) -> str:
    """`benefits.md` -> `benefits/`, `about/index.md` -> `about/`, `index.md` -> ``."""
    parts = uri.removesuffix(".md").split("/")
    if parts[-1] in ("index", "README"):
        parts = parts[:-1]
    return "".join(f"{part}/" for part in parts)


def source_page(path: Path, docs_dir: Path, src: str | None = None) -> SourcePage:
    """The page at `path` in `docs_dir`, read and its front matter parsed; `src` names it
    in problems (default: from the folder holding `docs_dir`)."""
    uri = path.relative_to(docs_dir).as_posix()
    text = path.read_text(encoding="utf-8-sig")
    if src is None:
        src = os.path.relpath(path, docs_dir.parent).replace(os.sep, "/")
    return SourcePage(src, uri, page_url(uri), text, frontmatter.parse(text))


def source_pages(docs_dir: Path, known: dict[str, SourcePage] | None = None) -> list[SourcePage]:
    """Every Markdown page in `docs_dir` (dot-folders such as .snippets are not pages);
    `known`: pages already read this build, by uri, taken as they are."""
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        uri = path.relative_to(docs_dir).as_posix()
        if any(part.startswith(".") for part in uri.split("/")):
            continue
        page = (known or {}).get(uri)
        pages.append(page if page is not None else source_page(path, docs_dir))
    return pages
