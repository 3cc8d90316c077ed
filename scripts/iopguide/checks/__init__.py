"""Editor rules: what `check` runs on docs/ (front matter, Markdown, claims, reading grade).

One concern a module, and none imports a generator. This docstring is the package's map
(ARCHITECTURE.md; tests/test_module_map.py fails on a module it leaves out):

Running the rules
- `content.py`: runs the Markdown rules on a page and lists every rule in `RULES`.
- `cli.py`: the page checks from the command line, what pre-commit runs (`dev.py check`).
- `quick_inputs.py`: what the quick check is given (files, folders, a misspelt name, a file
  that is not UTF-8, an include it cannot read), made into pages or one-line problems.
- `snippets.py`: the fragment rules on each snippet file (`docs*/.snippets/`), and an
  include `pymdownx.snippets` cannot read, named before the generator stops on it.
- `site.py`: the rules that need more than one page's Markdown: the built page's grade and
  hard sentences, duplicate titles or descriptions, the menu's files.
- `problem.py`: `Problem`, printed as `path:line: rule: what to do` everywhere.
- `reported.py`: what one build has already told the editor, so no later check says it again.

Reading a page
- `markdown_tokens.py`: a page's Markdown as markdown-it-py tokens with source lines, read
  the way the site's Python-Markdown reads it.
- `markdown_scan.py`: the links, images, raw HTML tags and headings in those tokens.
- `raw_html.py`: what a piece of raw HTML holds: start tags, comments, `<a>` texts.
- `urls.py`: an address read as a browser reads it, for every rule on a scheme or host.

Front matter
- `frontmatter.py`: find a page's front matter, read it once (`parse`: its values, nodes
  and each key's line, kept as `project.SourcePage.front`), check it against the schema.
- `frontmatter_fields.py`: what each field must hold (the `kind:` values among them).
- `frontmatter_text.py`: front matter is plain text.
- `review_dates.py`: `reviewed` and `next_review` (`front-matter`, `review-overdue`).
- `translations.py`: `translated_from:`, a translation in step with its English page.

Rules on the Markdown
- `links.py`: where a link goes and what it says (`link-https`, `link-tracking`, ...).
- `link_hosts.py`: `link-host`, no link to an IP address or a private name.
- `local_files.py`: `image-local`, pictures and media are the site's own files.
- `images.py`: `image-alt`, every picture says what it shows or is marked as decoration.
- `unsafe_html.py`: `unsafe-html`, nothing in a page runs code or loads another website.
- `headings.py`: `one-title` and `heading-level`.
- `abbreviations.py`: `abbr-first-use` and `abbr-unknown`.
- `phone_links.py`: `phone-link`, every `tel:` and `sms:` link dials the number it shows.
- `crisis_lines.py`: `crisis-line`, crisis numbers and keywords agree with the crisis file;
  `{crisis:...}` is filled in before every rule.
- `crisis_box.py`: `crisis-box-cite`, no source marker inside a crisis box.
- `claims.py`: `cite-claim` and `cite-source`, a number or a coverage or legal claim is
  tied to an entry of the page's sources.
- `coverage.py`: which sentences are coverage or legal claims; `coverage_words.py`, the
  words it reads them by, in English and Spanish.

Rules on files and on the rendered page
- `symlinks.py`: `symlink`, no symbolic link where the build reads files (checked first).
- `published_files.py`: `published-file`, a docs folder publishes no file a host or the theme
  runs, no web page beside the built ones, no SVG past the allow-list, no page not UTF-8.
- `rendered_html.py`: `rendered-html`, each page as the generator rendered it, read with an
  HTML5 parser against the allow-list in `allowed_html.py` (the MkDocs plugin's
  `on_page_content`; `steps.check_rendered` on Zensical).
- `unrendered.py`: `cite-unrendered`, no marker or placeholder shown as typed on a built page.

Reading grade (on the built page)
- `readability.py`: the grade of a page's main text, and its hardest sentences.
- `reading_es.py`: a Spanish page's reading ease (INFLESZ).
- `pronouncing.py`: the CMU Pronouncing Dictionary for textstat, offline.
"""
