"""Other languages are built beside English and paired with it page by page.

A small Spanish edition (two pages) is added to a copy of the project, as an editor would
add docs-es/ and mkdocs.es.yml: the build puts it under /es/, in Spanish, with its own
search, feed and embeds, and links each page to its English counterpart both ways."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from iopguide import editions
from iopguide.checks import translations
from sitetools import Built, build_site, copy_project, hrefs, tags

pytestmark = pytest.mark.xdist_group("editions")

FRONT = """\
---
title: {title}
description: {description}
translated_from: "{version}"
reviewed: 2026-11-27
next_review: 2027-11-27
sources:
  - title: "Línea 988 de Prevención del Suicidio y Crisis"
    url: https://988lifeline.org/es/
---
"""
HOME = FRONT.format(
    title="Guía de IOP", description="Una guía sencilla sobre los IOP.", version="{home}"
) + (
    textwrap.dedent(
        """
        # Guía de IOP

        Un programa intensivo ambulatorio (IOP) le da ayuda varias horas a la semana.
        Usted vive en su casa. Vea los [beneficios](benefits.md).

        Si está en peligro, llame al 988.[^1] Es gratis y privado.
        """
    )
)
BENEFITS = FRONT.format(
    title="Beneficios de un IOP", description="Qué gana usted con un IOP.", version="{benefits}"
) + textwrap.dedent(
    """
    # Beneficios de un IOP

    Un programa intensivo ambulatorio (IOP) le deja seguir con su vida.
    Puede ir a su trabajo. Puede dormir en su casa.

    ## Puede seguir trabajando {#keep-your-life}

    Muchas personas van a su trabajo de día y al programa de noche.
    """
)
CONFIG = """\
site_name: Guía de IOP
theme:
  language: es
markdown_extensions:
  - pymdownx.snippets:
      base_path: [docs-es/.snippets]
      check_paths: true
      auto_append: [glossary.md]
plugins:
  - search:
      lang: es
nav:
  - Inicio: index.md
  - Beneficios: benefits.md
"""


def version(project: Path, page: str) -> str:
    """The `translated_from` value for docs/<page> (`git hash-object`, 12 characters)."""
    return translations.blob_hash((project / "docs" / page).read_bytes())[:12]


def add_spanish(project: Path) -> Path:
    """docs-es/ with two pages and mkdocs.es.yml, as an editor would add them."""
    docs = project / "docs-es"
    (docs / ".snippets").mkdir(parents=True)
    (docs / ".snippets" / "glossary.md").write_text(
        "*[IOP]: Programa intensivo ambulatorio: tratamiento varios días a la semana\n",
        encoding="utf-8",
    )
    home = HOME.replace("{home}", version(project, "index.md"))
    (docs / "index.md").write_text(home, encoding="utf-8")
    benefits = BENEFITS.replace("{benefits}", version(project, "benefits.md"))
    (docs / "benefits.md").write_text(benefits, encoding="utf-8")
    (project / "mkdocs.es.yml").write_text(CONFIG, encoding="utf-8")
    return project


STALE = "\nA new closing line.\n"  # added to docs/benefits.md after its translation


@pytest.fixture(scope="module")
def bilingual_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Built]:
    """The small Spanish edition, built once. docs/benefits.md then gains a line, so its
    translation is stale: a warning until the page's review date, and the build passes."""
    project = add_spanish(copy_project(tmp_path_factory.mktemp("bilingual") / "project"))
    english = project / "docs" / "benefits.md"
    english.write_text(english.read_text(encoding="utf-8") + STALE, encoding="utf-8")
    built = build_site(project, project / "site")
    assert built.ok, built.output
    return project, built


@pytest.fixture(scope="module")
def bilingual(bilingual_build: tuple[Path, Built]) -> Path:
    return bilingual_build[0] / "site"


def test_the_spanish_pages_are_built_under_es_in_spanish(bilingual: Path) -> None:
    html = (bilingual / "es" / "benefits" / "index.html").read_text(encoding="utf-8")
    assert tags(html, "html")[0]["lang"] == "es"
    assert "Fuentes" in html and "Revisado el" in html
    crisis = [a for a in tags(html, "a") if a.get("href") == "tel:988"]
    assert crisis, "no tel:988 link"
    assert (bilingual / "es" / "search" / "search_index.json").is_file()


def test_each_pair_links_both_ways_by_hreflang_and_a_visible_switch(bilingual: Path) -> None:
    for page, other, word in (
        ("benefits/", "es/benefits/", "Español"),
        ("es/benefits/", "benefits/", "English"),
    ):
        html = (bilingual / page / "index.html").read_text(encoding="utf-8")
        alternates = {
            link["hreflang"]: link["href"]
            for link in tags(html, "link")
            if link.get("rel") == "alternate" and "hreflang" in link
        }
        assert alternates == {
            "en": "http://127.0.0.1:8000/benefits/",
            "es": "http://127.0.0.1:8000/es/benefits/",
            "x-default": "http://127.0.0.1:8000/benefits/",
        }
        switch = [a for a in tags(html, "a") if a.get("hreflang") and a.get("lang")]
        assert len(switch) == 1, switch
        assert "/" + other in hrefs(html, page), f"{page}: the switch does not lead to {other}"
        assert f">{word}</a>" in html


def test_a_page_without_a_counterpart_has_no_switch(bilingual: Path) -> None:
    html = (bilingual / "for-clinics" / "index.html").read_text(encoding="utf-8")
    assert "iop-lang" not in html and 'hreflang="es"' not in html


def test_spanish_feed_embeds_and_sitemap(bilingual: Path) -> None:
    data = json.loads((bilingual / "es" / "api" / "pages.json").read_text(encoding="utf-8"))
    assert [page["lang"] for page in data["pages"]] == ["es"]
    assert data["schema"] == "http://127.0.0.1:8000/api/pages.schema.json"
    embed = (bilingual / "es" / "embed" / "benefits" / "index.html").read_text(encoding="utf-8")
    assert "Lea la página completa" in embed and 'lang="es"' in embed
    sitemap = (bilingual / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="es" href="http://127.0.0.1:8000/es/benefits/"' in sitemap
    robots = (bilingual / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: http://127.0.0.1:8000/es/sitemap.xml" in robots


def test_the_edition_file_merges_onto_mkdocs_yml(tmp_path: Path) -> None:
    merged = editions.merge(
        {"plugins": ["search", {"minify": {"a": 1}}], "theme": {"name": "material", "x": 1}},
        {"plugins": [{"search": {"lang": "es"}}], "theme": {"x": 2}},
    )
    assert merged == {
        "plugins": [{"search": {"lang": "es"}}, {"minify": {"a": 1}}],
        "theme": {"name": "material", "x": 2},
    }


def test_the_spanish_404_page_is_in_spanish(bilingual: Path) -> None:
    html = (bilingual / "es" / "404.html").read_text(encoding="utf-8")
    assert "No encontramos esa página" in html and "oprima el 2" in html


def test_a_changed_english_page_makes_its_translation_stale(
    bilingual_build: tuple[Path, Built],
) -> None:
    """Editing docs/benefits.md warns on docs-es/benefits.md, with the English change's size."""
    project, built = bilingual_build
    assert built.ok, built.output  # a warning until the page's review date
    stale = [line for line in built.output.splitlines() if "translation-stale" in line]
    assert len(stale) == 1, built.output
    assert (
        "docs-es/benefits.md:1: translation-stale: docs/benefits.md has 2 lines changed"
        in (stale[0])
    )
    current = version(project, "benefits.md")
    assert f'translated_from: "{current}"' in stale[0]


def test_a_stale_translation_fails_past_its_review_date() -> None:
    import datetime as dt

    page = '---\ntitle: T\ntranslated_from: "000000000000"\nnext_review: 2026-01-01\n---\n\n# T\n'
    found = translations.check(page, "docs-es/benefits.md", today=dt.date(2026, 11, 28))
    assert [(p.rule, p.severity) for p in found] == [("translation-stale", "error")]
    found = translations.check(page, "docs-es/benefits.md", today=dt.date(2025, 11, 28))
    assert [(p.rule, p.severity) for p in found] == [("translation-stale", "warning")]
    assert translations.check(page, "docs/benefits.md") == [], "English pages are not checked"


def test_measuring_spanish_leaves_english_grades_alone(bilingual: Path) -> None:
    """textstat's language is global: `serve` rebuilt with British syllables after Spanish."""
    from iopguide.checks import readability, reading_es

    english = (bilingual / "benefits" / "index.html").read_text(encoding="utf-8")
    before = readability.measure(english)
    reading_es.measure((bilingual / "es" / "benefits" / "index.html").read_text(encoding="utf-8"))
    after = readability.measure(english)
    assert (after.grade, after.too_hard) == (before.grade, before.too_hard)
