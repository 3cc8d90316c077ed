"""Editor rules: what `check` runs on docs/ (front matter, Markdown, claims, reading grade)."""
