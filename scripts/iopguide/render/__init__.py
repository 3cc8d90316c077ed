"""Python-Markdown extensions that MkDocs and Zensical both load from mkdocs.yml."""
