"""What is made from a built site: embeds, feed, CSP, _headers, robots, page fixes.

It reads the built folder and docs/, so it works the same after MkDocs or Zensical; the
steps find their way in Material's markup (ARCHITECTURE.md, "What the code depends on").
Built HTML is read and edited with selectolax, never with regexes. This docstring is the
package's map (tests/test_module_map.py fails on a module it leaves out):

The order and the shared trees
- `run.py`: the order of the steps, for the whole site (`finish_site`).
- `edition.py`: the steps that belong to one language's folder: which pages get embeds, the
  boxes templates leave to fill, reading ease or grade, the clinics gallery, feed entries.
- `pages.py`: each built HTML file parsed once into one tree that every step edits, and
  written once.

The pages
- `html_fixes.py`: small repairs to the HTML that Markdown extensions and Material write.
- `crisis_slots.py`: the crisis wording the templates leave `data-iop-crisis` slots for, the
  Call/Text 988 and Call 911 buttons that open every crisis box, and the crisis sources a
  page relies on.
- `back_links.py`: an id on each citation marker (`cite-3`) and "Back to text" under each
  source it cites.
- `print_links.py`: marks each external link whose words are already its address, so the
  print CSS does not print the address twice.
- `page_navigation.py`: "On this page" on long pages, "Back to top", and "Get help now"
  first in the menu, on full pages only.
- `languages.py`: each page paired with its translation: `hreflang`, the visible switch,
  sitemap alternates.
- `favicon.py`: the small SVG favicon inside each page.
- `a11y_markup.py`: the header buttons, names and labels a11y.js used to add at each load,
  written once in the page's language.
- `theme_boilerplate.py`: leaves out what the theme writes on every page for features the
  site leaves off (the content-tabs script, `<meta name=generator>`, unused `__config`
  translations), so every page's HTML fits the first round trip.
- `lazy_bundle.py`: holds Material's JavaScript bundle as `type=text/plain` and boxes the
  tables as Material would, so `docs/assets/lazy-bundle.js` loads it on the reader's first
  touch (MkDocs builds only).

Files made from the site
- `embed.py`: the clinics' embeddable copies of content pages, and the clinics page's
  previews, links until `docs/assets/embed-preview.js` makes each a frame when opened.
- `feed.py`: the content feed, /api/pages.json, with sanitized bodies.
- `qr.py`: QR codes for printed handouts, as inline SVG.
- `robots.py`: robots.txt, naming the sitemap when the site's address is known.
- `search_words.py`: the search-only words of `docs/.data/search-words.yml`, added to
  Material's search index (`docs/assets/search-worker.js` reads the reader's query).

The theme's files, made smaller
- `palette_css.py`: Material's palette stylesheet cut to the colours the pages name.
- `material_css.py`: Material's main stylesheet cut to the rules the built pages and their
  scripts can match (scripts/css_check.py proves the pages look the same).
- `css_rules.py`: the small reader of minified CSS that both share.
- `shared_assets.py`: the Spanish pages use the root `/assets/` copy of every file both
  editions share; `es/assets/` keeps only what differs.
- `source_maps.py`: the theme's source maps left out of the published site.

Security headers (last)
- `csp.py`: the Content-Security-Policy, computed from the built site.
- `csp_pins.py`: the inline script and `<style>` hashes it allows, pinned in
  `csp-inline-hashes.txt` (a maintainer reviews every change: .github/CODEOWNERS).
- `csp_sources.py`: names an unpinned inline script's page or snippet line, or the theme when
  its templates wrote it.
- `site_headers.py`: `_headers`, security and cache headers as Cloudflare Pages reads them.
"""
