"""Python-Markdown extensions that MkDocs and Zensical both load from mkdocs.yml.

This docstring is the package's map (ARCHITECTURE.md; tests/test_module_map.py fails on a
module it leaves out):

- `citations.py`: citation markers, `[^3]` after a claim shown as a small link to entry 3
  of the page's Sources.
- `html_markers.py`: the same markers inside a page's raw HTML, such as a figure's caption.
- `crisis.py`: `{crisis:...}` filled from the crisis file in the page's language (`lang:` in
  mkdocs.es.yml).
- `page_html.py`: a page rendered with these extensions for the `rendered-html` rule where
  no hook hands over the page (Zensical).
"""
