"""The HTML map as a document: size, determinism, offline assets, escaping, languages.

Offline and without a browser; tests/test_browser.py checks what Chromium draws.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest
import shapely

from geo.errors import BadArgument
from geo.i18n import labels
from geo.render.html import assets as html_assets
from geo.render.html import geometry as html_geometry
from geo.render.html import html_map, map_data, render_html, script_json
from geo.render.html.store import GeometryStore
from geo.scenario.model import Citation
from geo.timeline import Timeline

MAX_INLINE_BYTES = 500_000
MAX_STRAY_M = 100.0
#: Leaflet 1.9.4's published SRI hashes (leafletjs.com/download.html; npm leaflet@1.9.4
#: dist/). The CDN links carry hashes computed from the packaged files, so they must match.
LEAFLET_SHA256 = {"leaflet.js": "20nQCchB9co0qIjJZRGuk2/Z9VM+kNiyxNV1lvTlZBo=",
                  "leaflet.css": "p4NxAoJBhIIN+hmNHrzRCf9tD/miZyoHS5obTRR9BMY="}
EVIL = "<script>alert(1)</script>"
EVIL_QUOTE = 'Troops <img src=x onerror="window.__xss=1"> left {{ 7*7 }} </script><!--'
EVIL_URL = "javascript:alert(1)"




@pytest.fixture(scope="module")
def documents(timeline: Timeline, days: dict[str, dt.date]) -> dict[tuple[str, str], str]:
    return {(lang, assets): render_html(timeline, **days, lang=lang, assets=assets)
            for lang in ("en", "vi") for assets in ("inline", "cdn")}


def payload(document: str) -> dict:
    """The data the page hands to deploymap.draw()."""
    start = document.index("deploymap.draw(map_deploymap, ") + len("deploymap.draw(map_deploymap, ")
    end = document.index(");\n", start)
    return json.loads(document[start:end])


class Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(document: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(document)
    return parser.tags


def evil_timeline(timeline: Timeline) -> Timeline:
    """The seed scenario with markup, a template expression and a javascript: URL in it."""
    scenario = timeline.scenario
    forces = {k: dataclasses.replace(f, names={"en": f"{f.names['en']} {EVIL}",
                                               "vi": f"{f.names['vi']} {EVIL}"})
              for k, f in scenario.forces.items()}
    sources = {k: dataclasses.replace(s, url=EVIL_URL, outlet=f"Outlet {EVIL}",
                                      title='Title "><svg onload=alert(2)>')
               for k, s in scenario.sources.items()}
    presences = tuple(dataclasses.replace(
        p, label={"en": f"Place {EVIL}", "vi": f"Nơi {EVIL}"},
        citations=(Citation(p.citations[0].source, EVIL_QUOTE), *p.citations[1:]))
        for p in scenario.presences)
    title = {"en": f"Title {EVIL}", "vi": f"Tiêu đề {EVIL}"}
    return Timeline(dataclasses.replace(scenario, forces=forces, sources=sources,
                                        presences=presences, title=title))


# --- size, offline, determinism ------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "vi"])
def test_inline_map_of_the_seed_story_fits_in_500_kb(documents, lang: str) -> None:
    size = len(documents[lang, "inline"].encode("utf-8"))
    assert size <= MAX_INLINE_BYTES, f"inline map is {size:,} bytes"


def test_cdn_map_is_the_small_one(documents) -> None:
    inline = len(documents["en", "inline"].encode())
    cdn = len(documents["en", "cdn"].encode())
    assert cdn < inline - 150_000


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_inline_map_references_nothing_outside_the_file(documents, lang: str) -> None:
    document = documents[lang, "inline"]
    for tag, attrs in tags(document):
        assert not attrs.get("src"), f"<{tag}> loads {attrs['src']}"
        if tag == "link":
            pytest.fail(f"<link> in an inline map: {attrs}")
    urls = re.findall(r"url\(([^)]*)\)", document)
    assert urls and all(u.strip("'\"").startswith(("data:", "#")) for u in urls), urls
    assert "sourceMappingURL" not in document
    assert "@preserve\n * Leaflet 1.9.4" in document  # Leaflet's licence notice is kept


def test_cdn_map_links_leaflet_with_integrity_hashes(documents) -> None:
    links = [(t, a) for t, a in tags(documents["en", "cdn"]) if a.get("src") or a.get("href")]
    assert [(t, a.get("src") or a.get("href")) for t, a in links] == [
        ("link", "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.css"),
        ("script", "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js"),
    ]
    assert all(a["integrity"].startswith("sha384-") and a["crossorigin"] == "anonymous"
               for _, a in links)


@pytest.mark.parametrize("name", sorted(LEAFLET_SHA256))
def test_packaged_leaflet_is_the_published_release(name: str) -> None:
    from importlib import resources

    data = resources.files("js_lib_leaflet").joinpath("static/js_lib_leaflet", name).read_bytes()
    assert base64.b64encode(hashlib.sha256(data).digest()).decode() == LEAFLET_SHA256[name]
    assert html_assets.leaflet_version() == "1.9.4"


def test_two_runs_give_identical_bytes(timeline: Timeline, days, documents) -> None:
    again = render_html(timeline, **days, lang="en", assets="inline")
    assert again == documents["en", "inline"]
    code = ("import sys; from geo.timeline import Timeline; from geo.render.html import "
            "render_html; t = Timeline.load(); sys.stdout.write(render_html(t, "
            "before=t.view('before'), after=t.view('after'), lang='en', assets='inline'))")
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": "12345"}).stdout
    assert hashlib.sha256(other).hexdigest() == hashlib.sha256(
        documents["en", "inline"].encode()).hexdigest()
    assert not re.search(r"[0-9a-f]{32}", documents["en", "cdn"])  # no random branca ids


# --- geometry ------------------------------------------------------------------------------

@pytest.mark.parametrize("points", [
    [(44.5, 40.1), (44.50001, 40.09999), (-120.2, -38.5), (0.0, 0.0), (179.99999, -89.9)],
    [(43.44714, 38.84048)],
])
def test_polyline_round_trip(points) -> None:
    decoded = html_geometry.decode_polyline(html_geometry.encode_polyline(points))
    flat = [v for point in points for v in point]
    assert [v for point in decoded for v in point] == pytest.approx(flat, abs=5e-6)


def test_known_polyline_encoding() -> None:
    # the worked example of Google's "Encoded Polyline Algorithm Format"
    points = [(-120.2, 38.5), (-120.95, 40.7), (-126.453, 43.252)]
    assert html_geometry.encode_polyline(points) == "_p~iF~ps|U_ulLnnqC_mqNvxq`@"


def _edges(geometry: shapely.Geometry) -> shapely.Geometry:
    return geometry.boundary if geometry.geom_type.endswith("Polygon") else geometry


def test_every_drawn_boundary_is_within_100_m_of_the_source(timeline, days) -> None:
    """Both ways: each source vertex near the drawn lines, each drawn vertex near the source."""
    store = GeometryStore()
    data = map_data(timeline, **days, lang="en")
    map_data(timeline, **days, lang="en", store=store)
    assert data["geoms"] == store.shapes
    drawn_vertices = source_vertices = 0
    for shape, source in zip(store.shapes, store.sources, strict=True):
        drawn = html_geometry.to_metres(html_geometry.decode(shape))
        source = html_geometry.to_metres(source)
        for here, there in ((source, drawn), (drawn, source)):
            edges = _edges(there)
            shapely.prepare(edges)
            vertices = shapely.points(shapely.get_coordinates(here))
            assert shapely.dwithin(vertices, edges, MAX_STRAY_M).all(), shape["t"]
        drawn_vertices += shapely.get_num_coordinates(drawn)
        source_vertices += shapely.get_num_coordinates(source)
    assert drawn_vertices < 0.7 * source_vertices  # simplified, yet never by more than 100 m
    assert len(store.shapes) < 60  # shared shapes (a province on three layers) stored once


# --- layers, legend, languages -------------------------------------------------------------

def test_features_per_layer_group_presences_by_place(timeline, days) -> None:
    data = map_data(timeline, **days, lang="en")
    counts = {layer["id"]: len(layer["features"]) for layer in data["layers"]}
    before = timeline.snapshot(days["before"])
    after = timeline.snapshot(days["after"])
    change = timeline.change(**days)
    assert counts == {"before": before["place_id"].nunique(),
                      "after": after["place_id"].nunique(),
                      "change": len(change.groupby(["change", "place_id"]))}
    assert counts == {"before": 12, "after": 3, "change": 12}
    assert [layer["show"] for layer in data["layers"]] == [False, False, True]


def test_styles_tell_the_changes_apart(timeline, days) -> None:
    data = map_data(timeline, **days, lang="en")
    change = next(layer for layer in data["layers"] if layer["id"] == "change")
    styles = {f["s"].split("|")[1]: data["styles"][f["s"]] for f in change["features"]
              if f["k"] == "line"}
    # colour says which force (border guards on both), outline and width what changed
    assert styles["remained"]["color"] == styles["withdrawn"]["color"]
    assert styles["withdrawn"]["weight"] < styles["remained"]["weight"]
    assert styles["withdrawn"]["dashArray"] and not styles["remained"].get("dashArray")
    assert styles["remained"]["weight"] >= 5  # borders are thick lines
    areas = [data["styles"][f["s"]] for layer in data["layers"] for f in layer["features"]
             if f["k"] == "area"]
    assert all(a["fillColor"].startswith("url(#dm-hatch-") for a in areas)  # province level
    ids = {re.search(r'id="([^"]+)"', p).group(1) for p in data["patterns"]}
    assert {a["fillColor"][5:-1] for a in areas} <= ids


def test_legend_lists_only_what_the_map_shows(timeline, days) -> None:
    scenario = timeline.scenario
    only_base = dataclasses.replace(scenario, presences=tuple(
        p for p in scenario.presences if p.force == "ru-102-base"))
    legend = map_data(Timeline(only_base), **days, lang="en")["ui"]["legend"]
    assert "Russian 102nd military base" in legend
    assert "Russian border guards" not in legend and "Withdrawn" not in legend
    assert "Remained" in legend
    full = map_data(timeline, **days, lang="en")["ui"]["legend"]
    for name in ("Russian border guards", "Russian troops", "Russian peacekeepers",
                 "Withdrawn", "Remained", "Hatched", "Dotted outline"):
        assert name in full
    assert ">New<" not in full  # nothing new in the seed story


def test_credits_name_the_data_sources_and_every_article(documents, timeline) -> None:
    credits = payload(documents["en", "inline"])["ui"]["credits"]
    for name in ("OpenStreetMap", "Natural Earth", "GeoNames", "GSHHG", "RFE/RL", "Reuters"):
        assert name in credits
    assert credits.count(">Vietnamese news site, ") == 3


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_label_of_the_map_is_in_both_languages(lang: str) -> None:
    mine = {k: v for k, v in labels().items() if k.startswith("map_")}
    assert mine and all(set(v) == {"en", "vi"} and v["vi"] for v in mine.values())


def test_vietnamese_map_speaks_vietnamese(documents) -> None:
    data = payload(documents["vi", "inline"])
    text = json.dumps(data, ensure_ascii=False)
    for word in ("Thổ Nhĩ Kỳ", "Gruzia", "Hồ Sevan", "Sông Aras", "Chú giải", "Đã rút",
                 "Ở lại", "Biên giới Armenia – Iran", "Lực lượng biên phòng Nga",
                 "Trước · 1/1/2024", "Sau · 1/8/2024", "Toàn màn hình"):
        assert word in text, word
    ui = json.dumps(data["ui"]) + json.dumps([layer["name"] for layer in data["layers"]])
    names = {item["t"] for item in data["basemap"]["labels"]}
    assert {"Thổ Nhĩ Kỳ", "Gruzia", "Iran", "Hồ Sevan", "Sông Aras", "Yerevan"} <= names
    for english in ("Legend", "Withdrawn", "Remained", "Before", "After", "Forces",
                    "How to read", "Articles", "January", "August"):
        assert english not in ui, english
    assert '"lang":"vi"' in documents["vi", "inline"]


def test_english_map_names_places_in_english(documents) -> None:
    data = payload(documents["en", "inline"])
    names = {item["t"] for item in data["basemap"]["labels"]}
    assert {"Turkey", "Georgia", "Iran", "Lake Sevan", "Aras", "Yerevan", "Gyumri"} <= names
    assert "Thổ Nhĩ Kỳ" not in names
    assert "Legend" in data["ui"]["legend"]
    assert "Before · 1 January 2024" in data["ui"]["swipe"]["before"]


# --- escaping ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "vi"])
def test_scenario_text_is_escaped_everywhere(timeline, days, lang: str) -> None:
    document = render_html(evil_timeline(timeline), **days, lang=lang, assets="inline")
    assert document.count("<script") == document.lower().count("<script") == 4
    assert "<img" not in document and "<svg onload" not in document
    assert "<!--" not in document
    assert "49" not in re.findall(r"left (\S+)", document)  # no template ran
    data = payload(document)
    text = json.dumps(data, ensure_ascii=False)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "{{ 7*7 }}" in text
    assert "javascript:" not in " ".join(
        a.get("href") or "" for _, a in tags("".join(f["pop"] for layer in data["layers"]
                                                     for f in layer["features"])))
    assert "<title>Title &lt;script&gt;" in document or "<title>Tiêu đề &lt;script&gt;" in document


def test_script_json_cannot_close_its_script() -> None:
    text = script_json({"a": "</script><!-- \u2028"})
    assert "</" not in text and "<!" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- \u2028"}


# --- interface -----------------------------------------------------------------------------

@pytest.mark.parametrize(("option", "value"), [
    ("lang", "fr"), ("assets", "offline"), ("tiles", "google")])
def test_bad_options_are_user_errors(timeline, days, option: str, value: str) -> None:
    with pytest.raises(BadArgument, match=value):
        render_html(timeline, **days, **{option: value})


def test_days_in_the_wrong_order_are_a_user_error(timeline, days) -> None:
    with pytest.raises(BadArgument, match="must come after"):
        render_html(timeline, before=days["after"], after=days["before"])


def test_osm_tiles_are_optional_and_online(timeline, days) -> None:
    document = render_html(timeline, **days, tiles="osm", assets="cdn")
    assert "tile.openstreetmap.org" in document
    assert payload(document)["tiles"] is True


def test_html_map_is_a_folium_map_that_displays_in_jupyter(timeline, days) -> None:
    import folium

    fmap = html_map(timeline, **days)
    assert isinstance(fmap, folium.Map)
    shown = fmap._repr_html_()
    assert "<iframe srcdoc=" in shown and "deploymap.draw(map_deploymap" in shown


def test_assets_are_package_data() -> None:
    for name in ("deploymap.js", "deploymap-labels.js", "deploymap-small-areas.js",
                 "deploymap.css"):
        assert (Path(html_assets.__file__).parent / "web" / name).is_file()


@pytest.mark.parametrize("centre", [(-53.0, 4.0), (2.1, 13.5), (44.5, 40.2), (150.0, -35.0),
                                    (25.0, 69.0)])
def test_simplified_shapes_stay_within_100_m_anywhere_on_earth(centre) -> None:
    """French Guiana, Niamey, Yerevan, Sydney, Lapland: the simplifier once worked in
    Armenia's UTM zone and gave no coordinates 100 degrees of longitude away."""
    lon, lat = centre
    angles = np.linspace(0, 2 * np.pi, 2000, endpoint=False)
    wiggle = 1 + 0.002 * np.sin(angles * 300)
    ring = np.column_stack([lon + 0.5 * wiggle * np.cos(angles),
                            lat + 0.3 * wiggle * np.sin(angles)])
    source = shapely.Polygon(ring)
    drawn = html_geometry.simplify(source)
    assert np.isfinite(shapely.get_coordinates(drawn)).all()
    assert shapely.get_num_coordinates(drawn) < shapely.get_num_coordinates(source)
    metres = html_geometry.to_metres
    assert shapely.hausdorff_distance(metres(source), metres(drawn)) <= MAX_STRAY_M


def test_the_basemap_draws_the_sea_and_land_past_its_detailed_window() -> None:
    # Socotra's story: the Gulf of Aden is sea and the Somali coast land, up to the edges
    # of the first view (Hafun, Somalia: GeoNames 10.4158, 51.2653; a point at sea)
    import shapely

    from geo.render.html.basemap import _build_basemap
    from geo.render.html.store import GeometryStore

    store = GeometryStore()
    around = shapely.box(53.3, 12.1, 54.6, 12.8)
    base = _build_basemap(store, home="YE", focus=around, around=around, lang="en")
    sea = store.sources[base["sea"]]
    land = shapely.union_all([store.sources[i] for i in base["countries"]])
    at_sea, hafun = shapely.Point(51.0, 13.0), shapely.Point(51.2653, 10.4158)
    assert sea.contains(at_sea) and sea.contains(hafun)  # drawn under the land
    assert not land.contains(at_sea) and land.buffer(0.05).contains(hafun)


def test_a_frame_past_the_poles_and_the_antimeridian_stays_in_the_mapped_world():
    # a story from Alaska to Greenland (Nuuk, GeoNames 64.1835, -51.7216): its frame,
    # widened past the detailed window, reaches past 90° N and 180° W, where Web Mercator
    # has no finite coordinates; the sea and the outlines end at the edge of the world
    import shapely

    from geo.render.html.basemap import _build_basemap
    from geo.render.html.geometry import MAX_LATITUDE
    from geo.render.html.store import GeometryStore

    store = GeometryStore()
    around = shapely.box(-170.0, 25.0, -20.0, 83.6)
    base = _build_basemap(store, home="GL", focus=around, around=around, lang="en")
    sea = store.sources[base["sea"]]
    west, south, east, north = sea.bounds
    assert (west, east) == (-180.0, 180.0) and north == MAX_LATITUDE and south < 0
    assert sea.contains(shapely.Point(-51.7216, 64.1835))
    assert base["countries"]
