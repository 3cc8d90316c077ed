"""Search-engine files written at build time: robots.txt with the sitemap's address.

With the site's address unknown (iopguide/site_address.py), robots.txt names no sitemap
and each edition's sitemap.xml (and .xml.gz) is left out: a sitemap lists full addresses,
and the generator could only write paths."""

from __future__ import annotations

from pathlib import Path

from iopguide import site_address


def robots_txt(template: str, site_url: str, folders: tuple[str, ...] = ("",)) -> str:
    """`template` (docs/robots.txt) with a `Sitemap:` line for `site_url` and for each
    other language's folder (`es/`); none when the address is unknown."""
    lines = [line for line in template.splitlines() if not line.lower().startswith("sitemap:")]
    while lines and not lines[-1].strip():
        lines.pop()
    if site_address.is_known(site_url):
        lines.append("")
        lines += [f"Sitemap: {site_url.rstrip('/')}/{folder}sitemap.xml" for folder in folders]
    return "\n".join(lines) + "\n"


def write_robots(site_dir: Path, site_url: str, folders: tuple[str, ...] = ("",)) -> str | None:
    """Add the Sitemap lines to the built robots.txt; returns a problem, if any."""
    path = site_dir / "robots.txt"
    if not path.is_file():
        return "seo: robots.txt is missing from the build: keep docs/robots.txt"
    if not site_address.is_known(site_url):
        for folder in folders:
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (site_dir / folder / name).unlink(missing_ok=True)
    text = robots_txt(path.read_text(encoding="utf-8"), site_url, folders)
    path.write_text(text, encoding="utf-8")
    return None
