"""Clear at a glance: key points, figures that say how to use them, a safety page.

One test per page and rule where it can be; a failure names the page, the rule and the fix.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitetools import DOCS, ROOT, article, built, content_pages, tags

FIGURES = DOCS / ".snippets" / "figures"
FIGURE_FILES = sorted(FIGURES.glob("*.svg"))
# Guide pages open with key points; the glossary is a word list to look things up in.
GUIDE = [page for page in content_pages() if page.src != "docs/glossary.md"]
SAFETY_LINKS_FROM = ["index.md", "who-benefits.md", "resources.md"]


@pytest.mark.parametrize("page", GUIDE, ids=str)
def test_guide_page_opens_with_3_to_5_key_points(site: Path, page) -> None:
    body = article(built(site, page))
    after_title = re.split(r"</h1>", body, maxsplit=1)[-1]
    first = re.search(r"<div class=\"?admonition ([\w-]+)", after_title)
    boxes = re.findall(r'<div class="?admonition key-points"?>(.*?)</div>', body, re.S)
    assert boxes, (
        f'{page.src}: no key points. Add `!!! key-points "Key points"` with 3 to 5 '
        "bullets right under the title (see CONTRIBUTING.md, Page patterns)"
    )
    position = after_title.find("admonition key-points")
    # The home page's cards (the site's routes) may come between, as on a health service.
    before = re.sub(
        r'<div class="?iop-hub"?>.*?</ul>\s*</div>', " ", after_title[:position], flags=re.S
    )
    before = re.sub(r"<[^>]+>", " ", before)
    crisis_first = first is not None and first.group(1) == "crisis"
    assert len(before.split()) <= 60 or crisis_first, (
        f"{page.src}: the key points must come right under the title (a crisis box or a "
        "sentence or two may come first; on home, the cards too)"
    )
    items = len(re.findall(r"<li\b", boxes[0]))
    assert 3 <= items <= 5, f"{page.src}: the key points have {items} bullets; keep 3 to 5"


@pytest.mark.parametrize("page", content_pages(), ids=str)
def test_each_table_and_figure_is_followed_by_how_to_use_it(site: Path, page) -> None:
    body = article(built(site, page))
    for end in ("</table>", "</figure>"):
        for match in re.finditer(re.escape(end), body):
            # A table ends inside the two boxes that let it scroll (finish/lazy_bundle.py).
            following = re.sub(r"^(\s*</div>)*", "", body[match.end() :]).lstrip()
            assert following.startswith("<p"), (
                f"{page.src}: a {end[2:-1]} is not followed by a line on how to use it. Add "
                'one short paragraph right after it, such as "Find the row that sounds like '
                'you, then ask ..."'
            )


def test_at_least_three_original_figures_are_used() -> None:
    used = {
        match
        for path in DOCS.rglob("*.md")
        for match in re.findall(r'--8<-- "figures/([\w-]+\.svg)"', path.read_text())
    }
    assert len(used) >= 3, f"only {sorted(used)} are used; the guide needs at least 3 figures"
    for name in ("levels-of-care.svg", "sample-week.svg", "first-call-to-first-day.svg"):
        assert name in used, f"docs/.snippets/figures/{name} is not used on any page"


@pytest.mark.parametrize("figure", FIGURE_FILES, ids=lambda p: p.name)
def test_figure_is_small_accessible_and_drawn_with_the_palette(figure: Path) -> None:
    text = figure.read_text(encoding="utf-8")
    assert figure.stat().st_size <= 40_000, f"{figure.name} is over 40 KB"
    svg = tags(text, "svg")[0]
    assert svg.get("role") == "img", f'{figure.name}: add role="img"'
    ids = svg.get("aria-labelledby", "").split()
    assert len(ids) == 2 and all(f'id="{i}"' in text for i in ids), (
        f"{figure.name}: aria-labelledby must name its <title> and <desc>"
    )
    assert re.search(r"<desc id=\"[^\"]+\">[^<]{40,}</desc>", text), (
        f"{figure.name}: the <desc> must say what the figure shows, in words"
    )
    assert svg.get("viewbox", svg.get("viewBox", "")).split()[2] == "320", (
        f"{figure.name}: draw it 320 units wide, so its text stays legible on a phone"
    )
    assert "style=" not in text and "<style" not in text, (
        f"{figure.name}: no style attributes (the CSP blocks them): use the iop-fig-* classes"
    )
    assert not re.search(r"\bfill=\"#|\bstroke=\"#", text), (
        f"{figure.name}: no fixed colours: use the iop-fig-* classes, so dark mode works"
    )
    assert "<image" not in text and "href=" not in text, f"{figure.name}: nothing external"


@pytest.mark.parametrize("source", SAFETY_LINKS_FROM)
def test_the_safety_page_is_linked_from(site: Path, source: str) -> None:
    page = next(p for p in content_pages() if p.src == f"docs/{source}")
    assert re.search(r'href="?[./]*staying-safe/', article(built(site, page))), (
        f"docs/{source}: link to the safety page, [how to stay safe](staying-safe.md)"
    )


def test_the_404_page_links_the_safety_page(site: Path) -> None:
    assert re.search(r'href="?[./]*staying-safe/', (site / "404.html").read_text())


def test_the_safety_plan_has_every_step_and_nothing_that_sends_it() -> None:
    text = (ROOT / "docs" / "staying-safe.md").read_text(encoding="utf-8")
    fields = tags(text, "textarea")
    assert len(fields) >= 6, "the safety plan needs a field for each of its 6 steps"
    for field in fields:
        assert field.get("autocomplete") == "off" and field.get("spellcheck") == "false", (
            'each field needs autocomplete="off" and spellcheck="false", so nothing '
            "typed is remembered by the browser or sent to a spelling service"
        )
    assert "<form" not in text, "no form: nothing on this page may be sent anywhere"
    for step in (
        "warning signs",
        "on my own",
        "take my mind off",
        "ask for help",
        "Professionals",
        "space safer",
    ):
        assert step.lower() in text.lower(), f"the safety plan lacks the step {step!r}"
