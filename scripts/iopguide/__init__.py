"""Everything the commands in scripts/ share; ARCHITECTURE.md draws the flow.

Each room (subpackage) has its map in its own `__init__.py` docstring: checks/, render/,
finish/, mkdocs_plugin/, crisis/, linkcheck/, tools/. This docstring maps the modules at
the top (tests/test_module_map.py fails on a module it leaves out):

- `steps.py`: the pipeline for any generator, `check` docs/, build, `finish`; run around
  Zensical, which runs no hooks (MkDocs runs them through scripts/mkdocs_hooks.py).
- `project.py`: the project as both generators see it: settings from mkdocs.yml and the
  pages in docs/.
- `editions.py`: the languages: English, and each mkdocs.<lang>.yml with its docs-<lang>/,
  merged into a config a generator can build.
- `site_address.py`: the site's address: SITE_URL, else the variable a host sets (Netlify,
  Cloudflare Pages, Read the Docs); with none, a build for publishing says so in one line
  and leaves out what needs it.
- `paths.py`: where the project's parts are, found from this file, not the working folder.
- `strings.py`: the site's interface words, docs/.data/strings.yml, one table per language,
  that the templates and the finish steps read.
"""
