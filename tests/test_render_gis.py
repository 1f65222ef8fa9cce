"""GIS exports of the seed scenario: GeoJSON against RFC 7946, the GeoPackage round trip."""

from __future__ import annotations

import itertools
import json
import math
import sqlite3
import time
from pathlib import Path
from typing import Any

import pyogrio
import pytest
import shapely
from shapely.geometry import shape

from geo.render.gis import (
    PLACE_PROPERTIES,
    PROPERTIES,
    SOURCE_COLUMNS,
    geojson_documents,
    write_geopackage,
)
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
    """GeoPackage values read back equal the GeoJSON ones (nulls, 0/1 booleans, floats)."""
    if expected is None:
        return value is None or (isinstance(value, float) and math.isnan(value))
    if isinstance(expected, bool):
        return bool(value) is expected
    if isinstance(expected, int):
        return float(value) == expected
    return value == expected


def test_geopackage_layers(gpkg: Path) -> None:
    layers = {name: kind for name, kind in pyogrio.list_layers(gpkg)}
    assert set(layers) == {"before", "after", "change", "places", "sources"}
    assert layers["sources"] is None, "sources is a non-spatial table"
    info = pyogrio.read_info(gpkg, layer="change")
    types = dict(zip(info["fields"], info["dtypes"], strict=True))
    assert types["strength"] == "int64" and types["certain"] == "bool"
    assert info["crs"] == "EPSG:4326"


@pytest.mark.parametrize("name", ["before", "after", "change"])
def test_geopackage_round_trips_the_geojson(gpkg: Path, documents: dict[str, str],
                                             name: str) -> None:
    frame = pyogrio.read_dataframe(gpkg, layer=name)
    features = json.loads(documents[name])["features"]
    assert len(frame) == len(features)
    assert list(frame.columns) == [*PROPERTIES, "geometry"]
    for row, feature in zip(frame.to_dict("records"), features, strict=True):
        for key, expected in feature["properties"].items():
            assert same(row[key], expected), (feature["id"], key, row[key], expected)
        original = shape(feature["geometry"])
        assert row["geometry"].geom_type == original.geom_type
        assert shapely.equals_exact(shapely.normalize(row["geometry"]),
                                    shapely.normalize(original), tolerance=1e-9)


def test_geopackage_places_and_sources(gpkg: Path, timeline: Timeline) -> None:
    places = pyogrio.read_dataframe(gpkg, layer="places")
    assert list(places.columns) == [*PLACE_PROPERTIES, "geometry"]
    assert set(places["place_id"]) == WITHDRAWN | REMAINED
    karabakh = places.set_index("place_id").loc["region:nagorno-karabakh"]
    assert bool(karabakh["approximate"]) and karabakh["name_vi"] == "Nagorno-Karabakh"
    sources = pyogrio.read_dataframe(gpkg, layer="sources")
    assert list(sources.columns) == list(SOURCE_COLUMNS)
    assert list(sources["source_id"]) == list(timeline.scenario.sources)
    reuters = sources.set_index("source_id").loc["seed-004"]
    assert reuters["outlet"] == "Reuters" and reuters["published_earliest"] == "2024-05-09"
    assert "ru-border-guards-turkey-border" in reuters["presence_ids"].split(",")
    assert reuters["file"] == "004_8c08d18f0f960519.txt"


def test_geopackage_is_identical_on_rerun(gpkg: Path, timeline, days, tmp_path: Path) -> None:
    time.sleep(1.1)  # GeoPackage stamps layers with the time: a second later, same bytes
    again = tmp_path / "again.gpkg"
    write_geopackage(timeline, **days, path=again)
    assert again.read_bytes() == gpkg.read_bytes()
    with sqlite3.connect(again) as connection:
        stamps = {row[0] for row in connection.execute("SELECT last_change FROM gpkg_contents")}
    assert stamps == {f"{days['after'].isoformat()}T00:00:00.000Z"}
    assert pyogrio.get_gdal_config_option("OGR_CURRENT_DATE") is None, "option restored"


def test_geopackage_replaces_an_existing_file(gpkg: Path, timeline, days,
                                              tmp_path: Path) -> None:
    path = tmp_path / "old.gpkg"
    path.write_bytes(b"not a geopackage")
    write_geopackage(timeline, **days, path=path)
    assert path.read_bytes() == gpkg.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["old.gpkg"], "no temporary file left"
