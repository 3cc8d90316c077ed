"""The pull-request summary: which links a change adds, and how the summary reads."""

from __future__ import annotations

from pathlib import Path

import pr_summary
from pr_summary import PageRow

OLD = """---
title: A page
description: A short description.
reviewed: 2026-11-01
next_review: 2027-11-01
sources:
  - title: "SAMHSA: National Helpline"
    url: https://www.samhsa.gov/find-help/national-helpline
---

# A page

Call [988](tel:988). See [NAMI](https://www.nami.org/) and [the glossary](glossary.md).

```
[not a link](https://example.org/in-code)
```
"""


def test_external_urls_cover_body_links_and_sources_but_not_code_or_internal() -> None:
    assert pr_summary.external_urls(OLD) == {
        "https://www.samhsa.gov/find-help/national-helpline",
        "https://www.nami.org/",
    }


def test_unchanged_links_are_not_rechecked() -> None:
    assert pr_summary.added_urls(OLD, OLD + "\nMore words, same links.\n") == []


def test_added_and_changed_links_are_listed_once() -> None:
    new = OLD.replace("https://www.nami.org/", "https://www.nami.org/help") + (
        "\n[NIMH](https://www.nimh.nih.gov/) and [NIMH again](https://www.nimh.nih.gov/)\n"
        "[old site](http://example.org/) [ref][r]\n\n[r]: https://988lifeline.org/\n"
    )
    new = new.replace(
        "url: https://www.samhsa.gov/find-help/national-helpline",
        'url: "https://findtreatment.gov/"',
    )
    assert pr_summary.added_urls(OLD, new) == [
        "http://example.org/",
        "https://988lifeline.org/",
        "https://findtreatment.gov/",
        "https://www.nami.org/help",
        "https://www.nimh.nih.gov/",
    ]


def test_a_new_page_adds_all_its_links() -> None:
    assert pr_summary.added_urls("", OLD) == sorted(pr_summary.external_urls(OLD))


def test_built_html_follows_mkdocs_urls() -> None:
    site = Path("site")
    assert pr_summary.built_html(site, "docs/index.md") == site / "index.html"
    assert pr_summary.built_html(site, "docs/benefits.md") == site / "benefits" / "index.html"
    assert pr_summary.built_html(site, "docs/about/index.md") == site / "about" / "index.html"
    assert pr_summary.built_html(site, "docs/about/privacy.md") == (
        site / "about" / "privacy" / "index.html"
    )


def test_the_summary_shows_grades_and_link_results() -> None:
    pages = [
        PageRow("docs/a.md", 6.2, 500, "A short one."),
        PageRow("docs/b.md", 9.4, 300, "A very | long sentence."),
        PageRow("docs/gone.md", None, 0, ""),
    ]
    links = {
        "docs/a.md": ["https://ok.example/", "https://bad.example/"],
        "docs/b.md": [],
        "docs/gone.md": ["https://ok.example/"],
    }
    results = [
        {"url": "https://ok.example/", "verdict": "ok", "status": 200, "message": ""},
        {"url": "https://bad.example/", "verdict": "broken", "status": 404, "message": "not found"},
    ]
    text = pr_summary.render(pages, links, results)
    assert "| `docs/a.md` | 6.2 ✅ | 500 | A short one. |" in text
    assert "| `docs/b.md` | 9.4 ❌ above 8 | 300 | A very \\| long sentence. |" in text
    assert "| `docs/gone.md` | not built | 0 |  |" in text
    assert "| https://bad.example/ | `docs/a.md` | ❌ broken 404 not found |" in text
    assert "| https://ok.example/ | `docs/a.md`, `docs/gone.md` | ✅ ok 200 |" in text


def test_the_summary_without_changes_or_link_check() -> None:
    assert "No page in `docs/` changed." in pr_summary.render([], {}, None)
    text = pr_summary.render(
        [PageRow("docs/a.md", 5.0, 10, "")], {"docs/a.md": ["https://x.example/"]}, None
    )
    assert "| https://x.example/ | `docs/a.md` | not checked |" in text


def test_the_command_runs_without_the_network(capsys, monkeypatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert pr_summary.main(["--base", "HEAD", "--no-links"]) == 0
    assert "## Pages changed in this pull request" in capsys.readouterr().out


def test_the_preview_workflow_builds_uploads_and_summarises() -> None:
    import yaml

    workflow = yaml.safe_load((pr_summary.ROOT / ".github/workflows/preview.yml").read_text())
    assert list(workflow[True]) == ["pull_request"]  # YAML 1.1 reads `on:` as True
    steps = workflow["jobs"]["preview"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "python3 scripts/dev.py build" in runs
    assert "scripts/pr_summary.py --base" in runs
    uploads = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads and uploads[0]["with"]["path"] == "site"
    assert steps[0]["with"]["fetch-depth"] == 0
