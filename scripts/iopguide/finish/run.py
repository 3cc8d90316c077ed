"""`finish`: everything made from a built site, whichever generator built it.

Reads the built folder and docs/ (for each page's front matter), never the generator's
internals, so `mkdocs build` (through the hook in scripts/mkdocs_hooks.py) and
`dev.py build --engine zensical` (which calls `finish_site` itself) end the same way:

1. every page: the small HTML repairs, the header buttons and names assets/a11y.js
   used to add at each load (a11y_markup.py), and a QR code in its print header; external links
   whose words are their address marked, so print leaves them (print_links.py);
2. the reading grade of every page, and any source marker left as typed
   (`cite-unrendered`), reported on its Markdown source;
3. the crisis wording the templates leave slots for, and the crisis sources a page relies
   on (crisis_slots.py, from docs/.data/crisis.yml); an id on each source marker and a
   "Back to text" link under each source it cites (back_links.py);
4. the clinics page's gallery, an embed per topic page and the feed, api/pages.json;
   then, on the full pages only, "On this page", "Back to top" and the menu's help
   item (page_navigation.py);
5. Material's palette stylesheet cut to the colours the pages use (palette_css.py),
   its main stylesheet to the rules the pages and scripts can match (material_css.py),
   the theme's source maps left out (source_maps.py),
   Material's bundle held until the reader's first touch (lazy_bundle.py),
   the theme's boilerplate for features the site leaves off (theme_boilerplate.py),
   robots.txt with the sitemap, the icon inlined, the other languages' pages pointed at
   the root's copy of each asset they share (shared_assets.py), then the CSP, which hashes the
   finished pages, so it comes last, and `_headers`;
6. the search-only words of docs/.data/search-words.yml, added to each edition's search
   index (search_words.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from iopguide import site_address
from iopguide.checks import unrendered
from iopguide.checks.problem import Problem
from iopguide.finish import (
    a11y_markup,
    back_links,
    crisis_slots,
    csp,
    csp_sources,
    embed,
    favicon,
    feed,
    html_fixes,
    languages,
    lazy_bundle,
    material_css,
    page_navigation,
    palette_css,
    print_links,
    robots,
    search_words,
    shared_assets,
    source_maps,
    theme_boilerplate,
)
from iopguide.finish.edition import EditionBuild, feed_entry, fill, gallery_items, reading

__all__ = ["EditionBuild", "Report", "finish_site"]


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)  # each names its Markdown source
    warnings: list[str] = field(default_factory=list)  # about the built site; fail the build
    notes: list[str] = field(default_factory=list)  # shown, not fatal


def finish_site(
    site_dir: Path,
    editions: list[EditionBuild],
    excused: frozenset[str] = frozenset(),
    generator: str = "mkdocs",
) -> Report:
    """Finish the site `generator` built into `site_dir`, one edition per language (the
    first is the default, at the root). `excused` built files are not reported by the CSP
    check (their raw HTML was already reported on their source)."""
    report = Report()
    html = csp.read_pages(site_dir)  # each file parsed once, written once (pages.py)
    for tree in html.values():
        html_fixes.fix_tree(tree)
        a11y_markup.apply(tree)  # what assets/a11y.js did at each load
        print_links.mark_tree(tree)
    for edition in editions:
        for page in edition.pages:  # unreadable front matter is reported once, by its check
            if page.meta and edition.built(page) in html:
                report.problems += reading(html[edition.built(page)], page, edition.lang)
                report.problems += unrendered.problems(
                    html[edition.built(page)], page.text, page.src
                )
    default = editions[0].settings
    gallery = [item for edition in editions for item in gallery_items(edition, html)]
    for path, tree in html.items():
        fill(tree, path, gallery, default.site_url + "embed.js")
    root = default.config_path.parent
    warnings, crisis_sources = crisis_slots.apply(html, editions, root)
    for tree in html.values():
        back_links.link_back_tree(tree)
    report.warnings += warnings
    indexes = [(edition.lang, edition.folder) for edition in editions]
    report.problems += search_words.apply(site_dir, indexes, root)
    for edition in editions:
        entries = []
        for page in edition.embeddable(html):
            target = edition.folder + embed.embed_url(page.url) + "index.html"
            source = html[edition.built(page)]
            html[target] = source.clone()  # a copy of the page's tree, not parsed again
            embed.cut_embed(html[target], page.url, edition.settings.site_name, edition.lang)
            more = crisis_sources.get(edition.built(page), [])
            entries.append(feed_entry(page, source, edition.settings, edition.lang, more))
        data = feed.feed(entries, edition.settings.site_url, default.site_url)
        (site_dir / edition.folder / "api").mkdir(parents=True, exist_ok=True)
        (site_dir / edition.folder / "api" / "pages.json").write_text(
            json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8"
        )
    # After the embeds and the feed, which leave out in-page jumps: full pages only.
    page_navigation.apply(html, frozenset(edition.folder + "index.html" for edition in editions))
    languages.link_editions(html, editions, site_dir)
    palette_css.trim_site(site_dir, [tree.html or "" for tree in html.values()])
    material_css.trim_site(site_dir, html)
    source_maps.drop(site_dir)  # after both trims; before shared_assets compares files
    lazy_bundle.apply(html, generator)  # Material's bundle loads on first touch
    theme_boilerplate.apply(html)  # unused tabs script, generator, translations
    folders = tuple(edition.folder for edition in editions)
    report.notes += site_address.notes(default.site_url)  # one line: what is left out
    problem = robots.write_robots(site_dir, default.site_url, folders)
    if problem:
        report.warnings.append(problem)
    for path, tree in html.items():
        favicon.inline_tree(tree, path, site_dir)
    shared_assets.share(site_dir, html, folders[1:], default.site_url)  # es/ uses /assets/
    for path in html:
        (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
    # A page whose raw HTML `unsafe-html` named is not reported again, nor is its embed.
    embeds = {embed.embed_url(path.removesuffix("index.html")) + "index.html" for path in excused}
    pinned = csp.read_pinned(generator=generator)
    styles = csp.read_pinned(generator=generator, kind="style")
    others = tuple(edition.folder for edition in editions if edition.folder)
    origins = csp_sources.origins(editions)  # names an unpinned script's or style's source
    applied = csp.apply_to_site(site_dir, html, pinned, excused | embeds, styles, others, origins)
    report.problems += applied.problems
    report.warnings += applied.warnings
    report.notes += applied.notes
    return report
