"""Material's palette stylesheet ships only the colours the pages show (finish/palette_css.py)."""

from __future__ import annotations

from pathlib import Path

import material

from iopguide.finish import palette_css

MATERIAL_PALETTE = next(
    (Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob(
        "palette.*.min.css"
    )
)


def test_rules_for_other_colours_go_and_the_rest_stays() -> None:
    css = (
        "@charset 'utf-8';[data-md-color-primary=red]{--a:1}"
        "[data-md-color-primary=indigo],[data-md-color-primary=pink]{--a:2}"
        "@media screen and (max-width:10em){[data-md-color-accent=red] a{--b:1}"
        '[data-md-color-scheme=slate][data-md-color-primary=indigo] a:is(.x,[y="1,2"]){--b:2}}'
        "@media print{[data-md-color-primary=teal]{--c:1}}"
        "/*# sourceMappingURL=palette.css.map*/"
    )
    keep = palette_css.used_colours(
        ['<body data-md-color-primary="indigo" data-md-color-accent="indigo">']
    )
    assert palette_css.trim(css, keep) == (
        "@charset 'utf-8';[data-md-color-primary=indigo]{--a:2}"
        "@media screen and (max-width:10em){"
        '[data-md-color-scheme=slate][data-md-color-primary=indigo] a:is(.x,[y="1,2"]){--b:2}}'
    )


def test_materials_own_file_keeps_both_schemes_and_one_colour() -> None:
    css = MATERIAL_PALETTE.read_text(encoding="utf-8")
    cut = palette_css.trim(css, {"primary:indigo", "accent:indigo"})
    assert len(cut) < len(css) / 2
    assert "[data-md-color-scheme=slate]" in cut and "[data-md-color-primary=indigo]" in cut
    assert "=red]" not in cut and "=teal]" not in cut
    assert cut.count("{") == cut.count("}")


def test_the_built_site_ships_the_cut_file(site: Path) -> None:
    files = sorted(site.glob("**/assets/stylesheets/palette.*.css"))
    assert files, "no palette stylesheet in the build: did Material rename it?"
    for path in files:
        css = path.read_text(encoding="utf-8")
        assert "[data-md-color-primary=indigo]" in css, path
        assert "[data-md-color-primary=red]" not in css, f"{path} was not cut (finish/run.py)"
