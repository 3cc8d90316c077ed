"""No source map is published, and no file names one (finish/source_maps.py)."""

from __future__ import annotations

from pathlib import Path

from iopguide.finish import source_maps


def test_maps_and_the_comments_naming_them_go(tmp_path: Path) -> None:
    (tmp_path / "js").mkdir()
    (tmp_path / "js" / "a.min.js").write_text("x()\n//# sourceMappingURL=a.min.js.map\n")
    (tmp_path / "js" / "a.min.js.map").write_text('{"sources":["http://127.0.0.1/"]}')
    (tmp_path / "b.min.css").write_text("p{}\n/*# sourceMappingURL=b.min.css.map*/")
    (tmp_path / "b.min.css.map").write_text("{}")
    (tmp_path / "c.js").write_text("keep()\n// a comment\n")
    removed = source_maps.drop(tmp_path)
    assert [p.name for p in removed] == ["b.min.css.map", "a.min.js.map"]
    assert (tmp_path / "js" / "a.min.js").read_text() == "x()"
    assert (tmp_path / "b.min.css").read_text() == "p{}"
    assert (tmp_path / "c.js").read_text() == "keep()\n// a comment\n"
    assert not list(tmp_path.rglob("*.map"))


def test_the_built_site_has_no_source_map(site: Path) -> None:
    assert not list(site.rglob("*.map"))
    for path in [*site.rglob("*.js"), *site.rglob("*.css")]:
        assert "sourceMappingURL" not in path.read_text(encoding="utf-8"), path
