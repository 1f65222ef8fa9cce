"""The Python API: geo.render writes every output from a Timeline as the command line does;
Place and Timeline show themselves in one line, as GeoJSON and in a notebook."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pytest
import yaml
from shapely.geometry import Point, shape

from geo import BadArgument, Place, render
from geo.cli import main
from geo.scenario import default_scenario_path


@pytest.fixture(scope="module")
def cli_maps(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli")
    assert main(["build", "--out", str(out), "--format", "html,geojson,svg",
                 "--layout", "change"]) == 0
    return out


def test_to_html_writes_what_the_command_line_writes(timeline, cli_maps, tmp_path):
    written = render.to_html(timeline, tmp_path / "map.html")
    assert written == tmp_path / "map.html"
    assert written.read_bytes() == (cli_maps / "armenia-2024.en.html").read_bytes()
    text = render.to_html(timeline, lang="vi")
    assert isinstance(text, str) and "deploymap.draw(" in text and '"lang":"vi"' in text


def test_to_geojson_and_static_match_the_command_line(timeline, cli_maps, tmp_path):
    documents = render.to_geojson(timeline)
    assert set(documents) == {"before", "after", "change"}
    assert documents["change"] == (cli_maps / "armenia-2024.change.geojson").read_text("utf-8")
    paths = render.to_geojson(timeline, tmp_path)
    assert sorted(p.name for p in paths) == [f"armenia-2024.{n}.geojson"
                                             for n in ("after", "before", "change")]
    svg = render.to_static(timeline, tmp_path / "change.svg", layout="change")
    assert svg.read_bytes() == (cli_maps / "armenia-2024.change.en.svg").read_bytes()
    png = render.to_static(timeline, width_px=800)
    assert png.startswith(b"\x89PNG")


def test_to_geopackage_opens_with_its_layers(timeline, tmp_path):
    import pyogrio

    path = render.to_geopackage(timeline, tmp_path / "story.gpkg")
    layers = {name for name, _ in pyogrio.list_layers(path)}
    assert {"before_points", "after_lines", "change_areas", "places_points", "sources",
            "layer_styles"} <= layers
    change = gpd.read_file(path, layer="change_areas")
    assert {"style_colour", "style_symbol", "style_outline"} <= set(change.columns)
    assert str(change["start"].dtype).startswith("datetime64")


def test_days_default_to_the_views_and_bad_ones_are_refused(timeline):
    text = render.describe(timeline)
    assert "1 January 2024" in text and "1 August 2024" in text
    with pytest.raises(BadArgument, match="swap"):
        render.to_html(timeline, before=dt.date(2024, 8, 1), after=dt.date(2024, 1, 1))
    with pytest.raises(BadArgument, match="unknown static format 'gif'"):
        render.to_static(timeline, "map.gif")


def test_show_gives_a_map_a_notebook_displays(timeline):
    fmap = render.show(timeline)
    assert type(fmap).__name__ == "Map"
    assert "<iframe" in fmap._repr_html_()


def test_place_shows_itself(gazetteer):
    place = gazetteer.resolve("Syunik")
    text = repr(place)
    assert "\n" not in text and len(text) < 120
    assert text.startswith("<Place AM-SU province 'Syunik'")
    assert shape(place.__geo_interface__["geometry"]).equals(place.geometry)
    gyumri = gazetteer.resolve("Gyumri")
    frame = gpd.GeoDataFrame.from_features([place, gyumri])
    assert list(frame["id"]) == ["AM-SU", gyumri.id]
    page = place._repr_html_()
    assert page.count("<svg") == 1 and "<table>" in page and "Сюник" in page


def test_place_html_escapes_its_text():
    place = Place("user:x", "<script>alert(1)</script>", "base", {"en": ("a&b",)},
                  Point(44.5, 40.2), "<b>mine</b>")
    page = place._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;" in page
    assert "<Place user:x base" in repr(place)


def test_timeline_says_what_it_holds(timeline):
    raw = yaml.safe_load(default_scenario_path().read_text("utf-8"))
    text = repr(timeline)
    assert "\n" not in text and "armenia-2024.yaml" in text
    assert f"{len(raw['presences'])} presences of {len(raw['forces'])} forces" in text
    assert "before 2024-01-01" in text and "after 2024-08-01" in text
    assert "Timeline object at" not in text
