"""One copy of the assets every language shares: the other editions' pages use the root's.

Each other language is built as a child site (es/), with its own copy of the theme's and
our assets in es/assets/. Most are byte for byte the root's, so a reader who switches
language would download Material's CSS and JavaScript, site.css and our scripts again.
Here each file under es/assets/ that is identical to the one under assets/ is deleted,
and every URL in the edition's pages (and embeds) that named it names the root copy, in
the form it had: relative URLs stay relative (one more "../"), so a site under a
sub-path keeps working; root-relative and full URLs keep the site's own prefix.
A file that differs stays where it is; a file the edition has no copy of comes from
the root too (an asset only the root's build or finish wrote). URLs are read in
attributes and in the strings of Material's `__config` (its search worker's address;
the search index stays the edition's own, found from `base`). The search worker finds
its language files beside itself, and they are shared too. Runs after every step that
changes an asset, before the CSP and `_headers`, which then name only the files left.
"""

from __future__ import annotations

import filecmp
import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from iopguide.finish.pages import Pages

ASSETS = "assets/"
_CONFIG = "script#__config"


def _files(folder: Path) -> set[str]:
    """Every file under `folder`, as a path from it."""
    found = folder.rglob("*") if folder.is_dir() else ()
    return {path.relative_to(folder).as_posix() for path in found if path.is_file()}


def identical(site_dir: Path, folder: str) -> set[str]:
    """Paths under `folder`assets/ (from assets/) whose root copy has the same bytes."""
    own, root = site_dir / folder / ASSETS, site_dir / ASSETS
    return {
        name
        for name in _files(own) & _files(root)
        if filecmp.cmp(own / name, root / name, shallow=False)
    }


def root_only(site_dir: Path, folder: str) -> set[str]:
    """Paths under assets/ that `folder`assets/ has no copy of."""
    return _files(site_dir / ASSETS) - _files(site_dir / folder / ASSETS)


class Rewriter:
    """Turns a URL in one built page of an edition into the root copy's, when shared."""

    def __init__(self, site_url: str, folder: str, shared: set[str]) -> None:
        """`shared`: the paths under assets/ the edition's pages take from the root."""
        parts = urlsplit(site_url)
        origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else "http://site.invalid"
        path = parts.path if parts.path.endswith("/") else parts.path + "/"
        self.root = origin + path  # the site's root, as a full URL
        self.folder = folder
        self.shared = shared

    def url(self, value: str, page: str) -> str:
        """`value`, met in the built file `page` (a path from the site root), pointing at
        the root copy of a shared asset; any other value as it is."""
        text = value.strip()
        if ASSETS not in text or any(char.isspace() for char in text):
            return value
        parts = urlsplit(urljoin(self.root + page, text))
        full = f"{parts.scheme}://{parts.netloc}{parts.path}"
        name = full.removeprefix(self.root + self.folder + ASSETS)
        if name == full or name not in self.shared:
            return value
        tail = (f"?{parts.query}" if parts.query else "") + (
            f"#{parts.fragment}" if parts.fragment else ""
        )
        if urlsplit(text).scheme:
            return self.root + ASSETS + name + tail
        if text.startswith("/"):
            return urlsplit(self.root).path + ASSETS + name + tail
        return "../" * page.count("/") + ASSETS + name + tail

    def page(self, html: str, page: str) -> str:
        """The built page `html` with every shared asset's URL naming the root copy."""
        tree = LexborHTMLParser(html)
        return (tree.html or html) if self.tree(tree, page) else html

    def tree(self, tree: LexborHTMLParser, page: str) -> bool:
        """`page`, in place on a parsed page; whether any URL changed."""
        changed = False
        for node in tree.root.traverse() if tree.root else ():
            for name, value in list(node.attributes.items()):
                if value and (new := self.url(value, page)) != value:
                    node.attrs[name] = new
                    changed = True
        config = tree.css_first(_CONFIG)
        if config is not None:
            text = config.text(deep=True)
            new = self._config(text, page)
            if new != text:
                config.inner_html = new
                changed = True
        return changed

    def _config(self, text: str, page: str) -> str:
        """Material's settings with each shared asset's address (its search worker's)
        naming the root copy; the JSON is edited in place, its other text as it was."""
        try:
            data = json.loads(text)
        except ValueError:
            return text
        for value in _strings(data):
            new = self.url(value, page)
            if new != value:
                text = text.replace(json.dumps(value), json.dumps(new))
        return text


def _strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in _strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return []


def share(site_dir: Path, html: Pages, folders: tuple[str, ...], site_url: str) -> int:
    """Point the pages of each edition in `folders` ("es/") at the root copy of every asset
    it shares with the root, and delete its own copy. Edits `html` (path from the site
    root -> tree) in place; returns the bytes deleted."""
    removed = 0
    for folder in folders:
        shared = identical(site_dir, folder)
        rewriter = Rewriter(site_url, folder, shared | root_only(site_dir, folder))
        for path, tree in html.items():
            if path.startswith(folder):
                rewriter.tree(tree, path)
        own = site_dir / folder / ASSETS
        if not shared:
            continue
        for name in sorted(shared):
            removed += (own / name).stat().st_size
            (own / name).unlink()
        for directory in sorted((p for p in own.rglob("*") if p.is_dir()), reverse=True):
            if not any(directory.iterdir()):
                directory.rmdir()
        if not any(own.iterdir()):
            own.rmdir()
    return removed
