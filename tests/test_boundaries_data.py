"""The shipped boundary data measures up: border lengths, province tiling, point positions."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from geo import Gazetteer
from geo.data_files import data_path
from geo.gazetteer.boundaries import read_layer

ROOT = Path(__file__).resolve().parent.parent

METRIC = "+proj=laea +lat_0=40.2 +lon_0=45.0 +datum=WGS84 +units=m +no_defs"


def metric(geometry: shapely.Geometry) -> shapely.Geometry:
    return gpd.GeoSeries([geometry], crs=4326).to_crs(METRIC).iloc[0]


def distance_km(a: shapely.Point, b: shapely.Point) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.y, a.x, b.y, b.x))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(
        (lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(("border", "expected_km"), [("border:AM-TR", 311), ("border:AM-IR", 44)])
def test_border_length_within_ten_percent(gazetteer: Gazetteer, border: str,
                                          expected_km: float) -> None:
    length = metric(gazetteer.get(border).geometry).length / 1000
    assert abs(length - expected_km) / expected_km < 0.10, length


def test_every_border_of_armenia_exists_and_lies_on_its_outline(gazetteer: Gazetteer) -> None:
    outline = metric(gazetteer.get("AM").geometry).boundary
    for code in ("TR", "IR", "AZ", "NX", "GE"):
        line = metric(gazetteer.get(f"border:AM-{code}").geometry)
        assert line.geom_type in ("LineString", "MultiLineString")
        assert line.length > 30_000
        assert outline.buffer(5).covers(line), code  # within 5 m of Armenia's outline


def test_borders_do_not_overlap(gazetteer: Gazetteer) -> None:
    codes = ("TR", "IR", "AZ", "NX", "GE")
    lines = [metric(gazetteer.get(f"border:AM-{c}").geometry) for c in codes]
    for i, a in enumerate(lines):
        for b in lines[i + 1:]:
            assert a.intersection(b).length < 1.0


def test_eleven_valid_provinces_tile_the_outline(gazetteer: Gazetteer) -> None:
    provinces = [p for p in gazetteer.places.values() if p.kind == "province" and p.country == "AM"]
    assert len(provinces) == 11
    assert all(p.geometry.is_valid and p.geometry.geom_type in ("Polygon", "MultiPolygon")
               for p in provinces)
    # Overlay in degrees, where the data shares one coordinate grid; measure in metres.
    outline = gazetteer.get("AM").geometry
    union = shapely.union_all([p.geometry for p in provinces])
    difference = metric(union.symmetric_difference(outline)).area
    assert difference / metric(outline).area < 0.01
    # No gap or overlap a reader could see at zoom 9 (~250 m a pixel): under 0.1 km² in all.
    assert difference < 100_000
    overlaps = sum(
        metric(a.geometry.intersection(b.geometry)).area
        for i, a in enumerate(provinces) for b in provinces[i + 1:]
        if a.geometry.intersects(b.geometry)
    )
    assert overlaps < 100_000


def test_provinces_have_iso_codes_and_names(gazetteer: Gazetteer) -> None:
    provinces = [p for p in gazetteer.places.values() if p.kind == "province"]
    # Every country's divisions (Natural Earth admin-1); Armenia's are its 11 marzer.
    assert len({p.country for p in provinces}) >= 200
    codes = sorted(p.id for p in provinces if p.country == "AM")
    assert codes == ["AM-AG", "AM-AR", "AM-AV", "AM-ER", "AM-GR", "AM-KT", "AM-LO", "AM-SH",
                     "AM-SU", "AM-TV", "AM-VD"]
    syunik = gazetteer.get("AM-SU")
    assert "Սյունիք" in syunik.names["hy"] and "Сюник" in syunik.names["ru"]


def test_zvartnots_within_two_km_of_its_real_position(gazetteer: Gazetteer) -> None:
    # Zvartnots International Airport, 40°08′50″N 44°23′46″E (published aerodrome position).
    real = shapely.Point(44.3961, 40.1472)
    assert distance_km(gazetteer.get("airport:UDYZ").geometry, real) < 2.0


def test_gyumri_base_within_two_km_of_gyumri(gazetteer: Gazetteer) -> None:
    # The 102nd base lies inside Gyumri; 40.7931 N, 43.8464 E is GeoNames' centre of Gyumri.
    base = gazetteer.get("base:102-gyumri")
    assert distance_km(base.geometry, shapely.Point(43.8464, 40.7931)) < 2.0
    assert base.approximate and "seed 002" in base.source


def test_nagorno_karabakh_is_marked_approximate_and_plausible(gazetteer: Gazetteer) -> None:
    region = gazetteer.get("region:nagorno-karabakh")
    assert region.approximate and "Approximate" in region.note
    area = metric(region.geometry).area / 1e6
    assert 3_000 < area < 5_000  # the former autonomous oblast: about 4,400 km²
    assert metric(region.geometry).intersection(metric(gazetteer.get("AM").geometry)).area < 1e4
    stepanakert = gazetteer.resolve("Stepanakert").geometry
    assert region.geometry.contains(stepanakert)


def test_water_layer_has_sevan_and_the_aras(gazetteer: Gazetteer) -> None:
    sevan = gazetteer.resolve("Lake Sevan")
    assert sevan.kind == "lake" and gazetteer.get("AM").geometry.contains(sevan.geometry.centroid)
    aras = gazetteer.resolve("Aras", kind="river")
    # The Aras runs along the Armenia–Iran border: every point of that border lies within 2 km.
    border = metric(gazetteer.get("border:AM-IR").geometry)
    assert metric(aras.geometry).buffer(2000).covers(border)


def test_checkpoints_lie_on_their_borders(gazetteer: Gazetteer) -> None:
    checkpoints = [p for p in gazetteer.places.values() if p.kind == "checkpoint"]
    assert len(checkpoints) >= 8
    for checkpoint in checkpoints:
        record = next(r for r in read_layer("places") if r["id"] == checkpoint.id)
        border = gazetteer.get(record["border"]).geometry
        assert border.distance(checkpoint.geometry) < 1e-4, checkpoint.id


def test_every_feature_carries_its_source() -> None:
    for layer in ("countries", "provinces", "borders", "regions", "water", "places", "basemap"):
        for record in read_layer(layer):
            assert record["source"], (layer, record["id"])


def test_sources_md_lists_every_pinned_package() -> None:
    pins = tomllib.loads((ROOT / "scripts" / "boundaries" / "pins.toml").read_text())["packages"]
    sources = data_path("boundaries", "SOURCES.md").read_text(encoding="utf-8")
    for entry in pins.values():
        assert entry["sha256"][:16] in sources
        assert entry["licence"] in sources
    assert "OpenStreetMap" in sources and "GeoNames" in sources


@pytest.mark.parametrize(("region", "town", "lat", "lon"), [
    ("GY-DE", "Georgetown", 6.80448, -58.15527),  # GeoNames 3378644
    ("GY-UT", "Lethem", 3.3726, -59.79967),       # GeoNames 3377425
    ("GY-CU", "Bartica", 6.40539, -58.62334),     # GeoNames 3379507
    ("GY-UD", "Linden", 6.00815, -58.30724),      # GeoNames 3377408
])
def test_a_division_bears_its_own_name(gazetteer: Gazetteer, region: str, town: str,
                                       lat: float, lon: float) -> None:
    """Natural Earth shuffles Guyana's region names (data/curated/division_names.yaml)."""
    assert gazetteer.get(region).geometry.covers(shapely.Point(lon, lat)), town


@pytest.mark.parametrize(("query", "country", "published_km2"), [
    ("Lake Superior", "US", 82_100),   # Wikipedia, "Lake Superior": 82,100 km2
    ("Ладожское озеро", "RU", 17_700),  # Wikipedia, "Lake Ladoga": 17,700 km2
    ("lac Tanganyika", "TZ", 32_900),  # Wikipedia, "Lake Tanganyika": 32,900 km2
    ("озеро Байкал", "RU", 31_722),    # Wikipedia, "Lake Baikal": 31,722 km2
])
def test_the_worlds_large_lakes_are_drawn_at_their_size(query: str, country: str,
                                                        published_km2: float) -> None:
    from scripts.boundaries.geometry import area_km2

    lake = Gazetteer(country=country).resolve(query)
    assert lake.kind == "lake" and lake.id.startswith("lake:")
    assert abs(area_km2(lake.geometry) - published_km2) <= 0.1 * published_km2


def geodesic_km2(geometry: shapely.Geometry) -> float:
    from pyproj import Geod

    return abs(Geod(ellps="WGS84").geometry_area_perimeter(geometry)[0]) / 1e6


@pytest.mark.parametrize(("query", "published_km2", "towns"), [
    # Wikipedia, "Luzon": 109,965 km2; GeoNames 1701668 Manila, 1728930 Baguio
    ("island of Luzon", 109_965, [(14.6042, 120.9822), (16.41639, 120.59306)]),
    # Wikipedia, "Sicily": 25,711 km2; GeoNames 2523920 Palermo, 2525068 Catania
    ("l'île de Sicile", 25_711, [(38.1166, 13.3636), (37.49223, 15.07041)]),
    # Wikipedia, "Hainan": 33,920 km2 (the island); GeoNames 1809078 Haikou, 1796556 Sanya
    ("đảo Hải Nam", 33_920, [(20.03421, 110.34651), (18.25435, 109.50947)]),
    # Wikipedia, "Socotra": 3,796 km2; GeoNames 75427 Hadibu
    ("Socotra island", 3_796, [(12.64881, 54.01895)]),
])
def test_islands_hold_their_towns_at_their_size(query: str, published_km2: float,
                                                towns: list[tuple[float, float]]) -> None:
    island = Gazetteer().resolve(query)
    assert island.kind == "island" and island.id.startswith("island:")
    for lat, lon in towns:
        assert island.geometry.covers(shapely.Point(lon, lat)), (lat, lon)
    assert abs(geodesic_km2(island.geometry) - published_km2) <= 0.1 * published_km2


def test_socotra_lies_in_yemen() -> None:
    socotra = Gazetteer().resolve("Soqotra")
    assert socotra.id == "island:socotra" and socotra.country == "YE"


def test_an_island_group_is_marked_approximate() -> None:
    kurils = Gazetteer().resolve("Kuril Islands")
    iturup = Gazetteer().resolve("Iturup")
    assert kurils.kind == "island" and kurils.approximate
    assert kurils.geometry.covers(iturup.geometry.representative_point())
    # Wikipedia, "Kuril Islands": 10,503 km2 (the whole chain)
    assert 0.7 * 10_503 <= geodesic_km2(kurils.geometry) <= 1.1 * 10_503
