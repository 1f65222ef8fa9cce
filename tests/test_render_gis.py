"""GIS exports of the seed scenario: GeoJSON against RFC 7946; the GeoPackage round trip, its
DATE fields and its QGIS styles (``tests/test_qgis.py`` opens it in QGIS itself)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import sqlite3
import time
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pandas as pd
import pyogrio
import pytest
import shapely
from shapely.geometry import shape

from geo.render.geopackage import (
    DAY_OF,
    GEOMETRY_COLUMN,
    LAYERS,
    STYLE_COLUMNS,
    write_geopackage,
)
from geo.render.gis import (
    PLACE_PROPERTIES,
    PROPERTIES,
    SOURCE_COLUMNS,
    geojson_documents,
)
from geo.render.presentation import force_colours, palette, scenario_colours, style_for
from geo.render.qml import Rule, layer_style, rgba
from geo.timeline import CHANGES, Timeline

WITHDRAWN = {"AM-TV", "AM-SU", "AM-VD", "AM-GR", "AM-AR", "airport:UDYZ",
             "region:nagorno-karabakh", "border:AM-AZ@AM-SU", "border:AM-NX"}
REMAINED = {"border:AM-TR", "border:AM-IR", "base:102-gyumri"}




@pytest.fixture(scope="module")
def documents(timeline: Timeline, days) -> dict[str, str]:
    return geojson_documents(timeline, **days)


@pytest.fixture(scope="module")
def gpkg(timeline: Timeline, days, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gpkg") / "seed.gpkg"
    write_geopackage(timeline, **days, path=path)
    return path


# --- GeoJSON: RFC 7946


def positions(coordinates: Any) -> list[list[float]]:
    if coordinates and isinstance(coordinates[0], int | float):
        return [coordinates]
    return [p for part in coordinates for p in positions(part)]


def signed_area(ring: list[list[float]]) -> float:
    """Shoelace: positive when counter-clockwise."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring)) / 2


def polygons(geometry: dict[str, Any]) -> list[list[list[list[float]]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    return []


@pytest.mark.parametrize("name", ["before", "after", "change"])
def test_geojson_follows_rfc7946(documents: dict[str, str], name: str) -> None:
    text = documents[name]
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection, "RFC 7946 section 4: no crs member"
    assert collection["features"], "a view of the seed story is never empty"
    ids = [feature["id"] for feature in collection["features"]]
    assert len(ids) == len(set(ids))
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and "crs" not in feature
        geometry = feature["geometry"]
        for lon, lat in (p[:2] for p in positions(geometry["coordinates"])):
            assert -180 <= lon <= 180 and -90 <= lat <= 90
            assert 43 < lon < 48 and 38.5 < lat < 41.5, "longitude first, in the Caucasus"
        for polygon in polygons(geometry):
            exterior, *holes = polygon
            for ring in polygon:
                assert len(ring) >= 4 and ring[0] == ring[-1], "closed linear rings"
            assert signed_area(exterior) > 0, "exterior rings counter-clockwise"
            assert all(signed_area(hole) < 0 for hole in holes), "holes clockwise"
        assert shape(geometry).is_valid


@pytest.mark.parametrize("name", ["before", "after", "change"])
def test_geojson_properties_are_flat_and_typed(documents: dict[str, str], name: str) -> None:
    for feature in json.loads(documents[name])["features"]:
        properties = feature["properties"]
        assert tuple(properties) == PROPERTIES
        assert all(not isinstance(v, dict | list) for v in properties.values()), "flat"
        assert properties["change"] in CHANGES
        assert isinstance(properties["certain"], bool)
        assert properties["strength"] is None or isinstance(properties["strength"], int)
        assert properties["strength_approximate"] in (None, True, False)
        assert properties["source_ids"] and properties["quotes"].startswith("[seed-")
        for key in ("start_earliest", "start_latest", "end_earliest", "end_latest"):
            assert properties[key] is None or len(properties[key]) == 10  # ISO day


def test_geojson_views_match_the_timeline(documents: dict[str, str], timeline, days) -> None:
    change = {f["properties"]["place_id"]: f["properties"]["change"]
              for f in json.loads(documents["change"])["features"]}
    assert {p for p, c in change.items() if c == "withdrawn"} == WITHDRAWN
    assert {p for p, c in change.items() if c == "remained"} == REMAINED
    for name in ("before", "after"):
        features = json.loads(documents[name])["features"]
        assert [f["id"] for f in features] == list(
            timeline.snapshot(days[name])["presence_id"])
    after = {f["properties"]["place_id"] for f in json.loads(documents["after"])["features"]}
    assert after == REMAINED
    base = next(f["properties"] for f in json.loads(documents["after"])["features"]
                if f["properties"]["place_id"] == "base:102-gyumri")
    assert base["strength"] == 5000 and base["strength_approximate"] is True
    assert base["end"] is None and base["start"] == "1995"


def test_geojson_is_readable_by_gdal(documents: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "change.geojson"
    path.write_text(documents["change"], encoding="utf-8")
    frame = pyogrio.read_dataframe(path)
    assert len(frame) == len(json.loads(documents["change"])["features"])
    assert frame.crs.to_epsg() == 4326
    assert "Lực lượng biên phòng Nga" in set(frame["force_vi"])


def test_geojson_is_identical_on_rerun(timeline, days, documents) -> None:
    assert geojson_documents(timeline, **days) == documents


# --- GeoPackage


def same(value: Any, expected: Any) -> bool:
    """GeoPackage values read back equal the GeoJSON ones (nulls, 0/1 booleans, floats,
    dates)."""
    if expected is None:
        return value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value))
    if isinstance(expected, bool):
        return bool(value) is expected
    if isinstance(expected, int):
        return float(value) == expected
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() == expected
    return value == expected


def layer_frames(gpkg: Path, group: str) -> pd.DataFrame:
    """The three layers of a group (points, lines, areas) read back as one frame."""
    return pd.concat([pyogrio.read_dataframe(gpkg, layer=f"{group}_{shape}")
                      for shape in ("points", "lines", "areas")], ignore_index=True)


def test_geopackage_layers(gpkg: Path) -> None:
    layers = {name: kind for name, kind in pyogrio.list_layers(gpkg)}
    assert list(layers) == [*LAYERS, "sources", "layer_styles"]
    multi = {"points": "MultiPoint", "lines": "MultiLineString", "areas": "MultiPolygon"}
    assert all(layers[name] == multi[name.rsplit("_", 1)[1]] for name in LAYERS), layers
    assert layers["sources"] is None and layers["layer_styles"] is None, "non-spatial tables"
    for name in LAYERS:  # the same fields and types in every layer of a kind, empty or not
        info = pyogrio.read_info(gpkg, layer=name)
        types = dict(zip(info["fields"], info["ogr_types"], strict=True))
        assert info["crs"] == "EPSG:4326" and info["geometry_name"] == GEOMETRY_COLUMN
        if name.startswith("places_"):
            assert list(types) == list(PLACE_PROPERTIES)
            continue
        assert list(types) == list(PROPERTIES)
        dates = ("start", "end", "start_earliest", "start_latest", "end_earliest", "end_latest")
        assert {k: types[k] for k in dates} == dict.fromkeys(dates, "OFTDate")
        assert types["strength"] == "OFTInteger64" and types["certain"] == "OFTInteger"
        assert types["start_precision"] == types["start_text"] == "OFTString"
    assert pyogrio.read_info(gpkg, layer="after_areas")["features"] == 0, "kept, empty"


@pytest.mark.parametrize("name", ["before", "after", "change"])
def test_geopackage_round_trips_the_geojson(gpkg: Path, documents: dict[str, str],
                                             name: str) -> None:
    """Every feature, split by geometry; ``start`` and ``end`` are the widest span's days."""
    frame = layer_frames(gpkg, name).set_index("presence_id", drop=False)
    features = json.loads(documents[name])["features"]
    assert len(frame) == len(features)
    assert list(frame.columns) == [*PROPERTIES, "geometry"]
    for feature in features:
        row = frame.loc[feature["id"]]
        expected = {**feature["properties"], **{k: feature["properties"][v]
                                                for k, v in DAY_OF.items()}}
        for key, value in expected.items():
            assert same(row[key], value), (feature["id"], key, row[key], value)
        original = shape(feature["geometry"])
        if not original.geom_type.startswith("Multi"):
            original = getattr(shapely, f"Multi{original.geom_type}")([original])
        assert row["geometry"].geom_type == original.geom_type
        assert shapely.equals_exact(shapely.normalize(row["geometry"]),
                                    shapely.normalize(original), tolerance=1e-9)


def test_geopackage_dates_of_months_years_and_spans(gpkg: Path) -> None:
    """A month-only or year-only date is its first day as a start, its last as an end."""
    frame = layer_frames(gpkg, "change").set_index("presence_id")

    def day(presence: str, key: str) -> str | None:
        value = frame.loc[presence, key]
        return None if value is pd.NaT else value.date().isoformat()

    border = "ru-border-guards-south-east-border"  # start 2020-10, end 2024-05-08
    assert frame.loc[border, "start_precision"] == "month"
    assert (day(border, "start"), day(border, "start_latest")) == ("2020-10-01", "2020-10-31")
    assert day(border, "end") == day(border, "end_earliest") == "2024-05-08"
    gyumri = "ru-102-base-gyumri"  # start 1995, still there
    assert (day(gyumri, "start"), day(gyumri, "start_latest")) == ("1995-01-01", "1995-12-31")
    assert day(gyumri, "end") is None and pd.isna(frame.loc[gyumri, "end_precision"])
    karabakh = "ru-peacekeepers-karabakh"  # ~2020-09-27..2020-12-31 to ~2023-09-01..2024-05-09
    assert frame.loc[karabakh, "end_precision"] == "approximate"
    assert (day(karabakh, "start"), day(karabakh, "end")) == ("2020-09-27", "2024-05-09")
    assert day(karabakh, "end_earliest") == "2023-09-01"


def test_geopackage_places_and_sources(gpkg: Path, timeline: Timeline) -> None:
    places = layer_frames(gpkg, "places")
    assert list(places.columns) == [*PLACE_PROPERTIES, "geometry"]
    assert set(places["place_id"]) == WITHDRAWN | REMAINED
    karabakh = places.set_index("place_id").loc["region:nagorno-karabakh"]
    assert bool(karabakh["approximate"]) and karabakh["name_vi"] == "Nagorno-Karabakh"
    sources = pyogrio.read_dataframe(gpkg, layer="sources")
    assert list(sources.columns) == list(SOURCE_COLUMNS)
    assert list(sources["source_id"]) == list(timeline.scenario.sources)
    reuters = sources.set_index("source_id").loc["seed-004"]
    assert reuters["outlet"] == "Reuters"
    assert reuters["published_earliest"] == pd.Timestamp("2024-05-09")
    assert "ru-border-guards-turkey-border" in reuters["presence_ids"].split(",")
    assert reuters["file"] is None  # a published file names no file of this machine
    presences = layer_frames(gpkg, "timeline")
    assert presences["source_files"].isna().all()


def test_show_files_names_the_article_files(timeline: Timeline, days, tmp_path: Path) -> None:
    path = tmp_path / "private.gpkg"
    write_geopackage(timeline, **days, path=path, show_files=True)
    sources = pyogrio.read_dataframe(path, layer="sources").set_index("source_id")
    assert sources.loc["seed-004", "file"] == "004_8c08d18f0f960519.txt"
    airport = layer_frames(path, "timeline").set_index("presence_id").loc[
        "ru-border-guards-zvartnots"]
    assert "003_b867ea8f7cc554b5.txt" in airport["source_files"].split(",")
    documents = geojson_documents(timeline, **days, show_files=True)
    assert "003_b867ea8f7cc554b5.txt" in documents["change"]
    assert "003_b867ea8f7cc554b5.txt" not in geojson_documents(timeline, **days)["change"]


def rgb(colour: str) -> str:
    """``#c4281c`` -> ``196,40,28,``: how a QML colour of any opacity begins."""
    return rgba(colour).rsplit(",", 1)[0] + ","


def test_geopackage_stores_each_layers_default_style(gpkg: Path, timeline) -> None:
    """QGIS's ``layer_styles``: one default QML per layer, found the way QGIS looks for it
    (empty schema, the layer's name and geometry column), drawn in the presentation colours."""
    with sqlite3.connect(gpkg) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(layer_styles)")]
        rows = connection.execute(
            "SELECT f_table_name, styleQML, update_time FROM layer_styles WHERE "
            "f_table_catalog = '' AND f_table_schema = '' AND f_geometry_column = 'geom' "
            "AND useAsDefault = 1 ORDER BY fid").fetchall()
    assert columns == ["fid", *STYLE_COLUMNS]
    assert [name for name, _, _ in rows] == list(LAYERS)
    assert len({stamp for _, _, stamp in rows}) == len(rows), "distinct update times"
    styles = {name: ElementTree.fromstring(qml.split("\n", 1)[1]) for name, qml, _ in rows}
    forces = scenario_colours(timeline.scenario)
    for name, root in styles.items():
        assert root.find("renderer-v2").get("type") == "RuleRenderer"
        assert (root.find("temporal") is None) == name.startswith("places_")
        rules = root.findall("renderer-v2/rules/rule")
        assert rules[-1].get("filter") == "ELSE"
        for rule in rules[:-1] if name.startswith(("before", "after", "change")) else ():
            force = rule.get("filter").split("'")[1]  # the force's id, its colour in the symbol
            assert rule.get("filter").startswith('"force_id" = '), rule.attrib
            symbol = root.find(f"renderer-v2/symbols/symbol[@name='{rule.get('symbol')}']")
            painted = {option.get("value", "") for option in symbol.iter("Option")}
            assert any(v.startswith(rgb(forces.colour(force))) for v in painted), rule.attrib
    labels = [r.get("label") for r in styles["change_lines"].findall("renderer-v2/rules/rule")]
    assert labels == ["Russian border guards · Remained", "Russian border guards · Withdrawn",
                      "Other"]


@pytest.mark.parametrize("category", ["point", "line", "area"])
def test_every_style_becomes_a_qgis_symbol(category: str) -> None:
    """Each treatment, certain or not, hatched or not, as well-formed QML QGIS reads."""
    colours = force_colours((("troops", "army"),))
    rules = [Rule(f'"n" = {i}', f"rule {i}", style_for(category, change, ("troops",), colours,
                                                        kind="base", certain=certain,
                                                        hatched=hatched))
             for i, (change, certain, hatched) in enumerate(itertools.product(
                 ("present", "remained", "withdrawn", "new"), (True, False), (True, False)))]
    root = ElementTree.fromstring(layer_style("x", category, rules).split("\n", 1)[1])
    symbols = root.findall("renderer-v2/symbols/symbol")
    assert len(symbols) == len(rules) == len(root.findall("renderer-v2/rules/rule"))
    halo = rgba(palette().halo, 0.85)
    for rule, symbol in zip(rules, symbols, strict=True):
        values = [o.get("value", "") for o in symbol.iter("Option")]
        assert (halo in values) == rule.style.treatment.halo
        assert any(v.startswith(rgb(colours.colour("troops"))) for v in values)
        hatched = symbol.find("layer[@class='LinePatternFill']") is not None
        assert hatched == (category == "area" and rule.style.hatched)


def test_geopackage_is_identical_on_rerun(gpkg: Path, timeline, days, tmp_path: Path) -> None:
    time.sleep(1.1)  # GeoPackage stamps layers with the time: a second later, same bytes
    again = tmp_path / "again.gpkg"
    write_geopackage(timeline, **days, path=again)
    assert again.read_bytes() == gpkg.read_bytes()
    with sqlite3.connect(again) as connection:
        stamps = {row[0] for row in connection.execute("SELECT last_change FROM gpkg_contents")}
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    assert stamps == {f"{days['after'].isoformat()}T00:00:00.000Z"}
    assert version == 10200, "GeoPackage 1.2: GDAL 3.6 (QGIS 3.22) opens it without a warning"
    for option in ("OGR_CURRENT_DATE", "OGR_SQLITE_SYNCHRONOUS"):  # set while writing
        assert pyogrio.get_gdal_config_option(option) is None, f"{option} restored"


def test_geopackage_keeps_an_option_the_caller_set(timeline, days, tmp_path: Path) -> None:
    pyogrio.set_gdal_config_options({"OGR_SQLITE_SYNCHRONOUS": "FULL"})
    try:
        write_geopackage(timeline, **days, path=tmp_path / "map.gpkg")
        assert pyogrio.get_gdal_config_option("OGR_SQLITE_SYNCHRONOUS") == "FULL"
    finally:
        pyogrio.set_gdal_config_options({"OGR_SQLITE_SYNCHRONOUS": None})
    with sqlite3.connect(tmp_path / "map.gpkg") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_geopackage_replaces_an_existing_file(gpkg: Path, timeline, days,
                                              tmp_path: Path) -> None:
    path = tmp_path / "old.gpkg"
    path.write_bytes(b"not a geopackage")
    write_geopackage(timeline, **days, path=path)
    assert path.read_bytes() == gpkg.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["old.gpkg"], "no temporary file left"


def test_timeline_layers_hold_every_presence_whatever_the_two_days(timeline: Timeline,
                                                                   tmp_path: Path) -> None:
    """Between 1 June and 1 September 2024 the province presences (ended 8 May 2024) are in
    force on neither day: out of the change, still in the layers to animate."""
    path = tmp_path / "summer.gpkg"
    write_geopackage(timeline, before=dt.date(2024, 6, 1), after=dt.date(2024, 9, 1),
                     path=path)
    every = layer_frames(path, "timeline")
    change = layer_frames(path, "change")
    assert sorted(every.presence_id) == sorted(p.id for p in timeline.scenario.presences)
    assert "ru-army-tavush" not in set(change.presence_id)
    tavush = every.set_index("presence_id").loc["ru-army-tavush"]
    assert tavush.start.date() == dt.date(2020, 9, 1)  # "autumn 2020": Sept-Nov 2020
    assert tavush.end.date() == dt.date(2024, 5, 8)
    assert tavush.change is None and not tavush.certain_before and not tavush.certain_after
