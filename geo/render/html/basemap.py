"""The HTML map's own basemap, from ``data/boundaries`` (no tile server).

Neighbouring countries, the story country's outline and provinces, lakes and rivers, and
labels in the map's language: countries, provinces, water, and the larger towns (chosen by
population, never two within :data:`CITY_SPACING_KM` of each other so labels stay legible).
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import shapely
from shapely.ops import polylabel

from ...cache import digest, memoized, pack, package_digest, unpack
from ...gazetteer.boundaries import read_layer
from .geometry import MAX_LATITUDE
from .store import GeometryStore
from .text import country_name, label_or, name_in

#: Towns of the story country with at least this many people get a label ...
HOME_TOWN_POPULATION = 10_000
#: ... towns abroad need this many.
FOREIGN_TOWN_POPULATION = 80_000
#: No two town labels closer than this.
CITY_SPACING_KM = 24.0
MAX_CITY_LABELS = 28


def _km(a: shapely.Point, b: shapely.Point) -> float:
    """Distance in km on the sphere (enough to space labels)."""
    lat1, lat2 = math.radians(a.y), math.radians(b.y)
    dlat, dlon = lat2 - lat1, math.radians(b.x - a.x)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


#: A country whose part in view is smaller than this share of the view is not named there
#: (its name would stand on its neighbour).
LEAST_VISIBLE_SHARE = 0.02


def _anchor(geometry: shapely.Geometry, focus: shapely.Polygon,
            least: float = 0.0) -> shapely.Point | None:
    """Where to write a polygon's name: the most inland point of its largest visible part
    (none when that part is under ``least`` of ``focus``'s area)."""
    visible = geometry.intersection(focus)
    if visible.is_empty or visible.area < focus.area * least:
        return None
    parts = getattr(visible, "geoms", [visible])
    largest = max((p for p in parts if p.geom_type == "Polygon"), key=lambda p: p.area,
                  default=None)
    if largest is None:
        return None
    return polylabel(largest, tolerance=0.005)


def _at(point: shapely.Point) -> list[float]:
    return [round(point.y, 4), round(point.x, 4)]


def _towns(focus: shapely.Polygon, home: str, lang: str) -> list[dict[str, Any]]:
    candidates = [
        p for p in read_layer("places")
        if p["kind"] == "city" and focus.contains(p["geometry"])
        and (p.get("population") or 0) >= (
            HOME_TOWN_POPULATION if p.get("country") == home else FOREIGN_TOWN_POPULATION)]
    candidates.sort(key=lambda p: (not p.get("capital"), -(p.get("population") or 0), p["id"]))
    chosen: list[dict[str, Any]] = []
    for place in candidates:
        if len(chosen) >= MAX_CITY_LABELS:
            break
        if all(_km(place["geometry"], c["geometry"]) >= CITY_SPACING_KM for c in chosen):
            chosen.append(place)
    return [{"k": "capital" if p.get("capital") else "town",
             "t": name_in(p.get("names"), lang, p["name"]), "at": _at(p["geometry"])}
            for p in chosen]


def _country_borders(neighbours: list[shapely.Geometry], home: shapely.Geometry | None,
                     box: shapely.Polygon) -> shapely.Geometry:
    """The borders between neighbouring countries: their outlines without the data's cut
    edges (the box the basemap is clipped to) and without the home country's outline, which
    is drawn on its own."""
    lines = shapely.union_all([g.boundary for g in neighbours])
    lines = lines.difference(box.exterior.buffer(1e-6))
    if home is not None:
        lines = lines.difference(home.boundary.buffer(0.004))
    return shapely.line_merge(lines)


#: Keys of :func:`build_basemap`'s result that hold shape numbers (one, or a list).
_SHAPE_KEYS = ("sea", "countries", "borders", "home", "provinces", "lakes", "rivers")
_FORMAT = 2
#: How far past the detailed window the sea and the generalised outlines of the world's
#: countries go (a share of the story's size): the map's first view falls inside, so a sea
#: is blue up to its edges and land cut at the window does not read as sea.
OUTER_SHARE = 2.0
#: The world a Web Mercator map shows (its projection is infinite at the poles).
_WORLD = shapely.box(-180.0, -MAX_LATITUDE, 180.0, MAX_LATITUDE)


def build_basemap(store: GeometryStore, *, home: str, focus: shapely.Polygon,
                  around: shapely.Polygon, lang: str,
                  countries: tuple[str, ...] = (),
                  reach: shapely.Polygon | None = None) -> dict[str, Any]:
    """Shapes (indices into ``store``) and labels of the basemap.

    Names of areas are written inside ``focus`` (what the map opens on); towns are
    labelled within ``around``; shapes are drawn around it, and over ``reach`` too (the
    rest of the country of a map that opens on a part of it). The basemap depends only on
    these and the shipped data, so it is kept in the cache folder (about 0.5 s to make, a
    few ms to read back).
    """
    from .store import GeometryStore

    def build() -> tuple[GeometryStore, dict[str, Any]]:
        own = GeometryStore()
        return own, _build_basemap(own, home=home, focus=focus, around=around, lang=lang,
                                   countries=countries, reach=reach)

    key = digest([package_digest(), home, focus.wkb, around.wkb, lang, *countries,
                  *([] if reach is None else [reach.wkb])])
    own, basemap = memoized("html-basemap", _FORMAT, key, build, _encode, _decode,
                            "HTML basemap")
    numbers = [store.add_encoded(g, s) for g, s in zip(own.sources, own.shapes, strict=True)]
    moved = dict(basemap)
    for name in _SHAPE_KEYS:
        value = basemap[name]
        if isinstance(value, list):
            moved[name] = [numbers[v] for v in value]
        elif value is not None:
            moved[name] = numbers[value]
    moved["labels"] = [dict(item) for item in basemap["labels"]]
    return moved


def _encode(built: tuple[GeometryStore, dict[str, Any]]) -> bytes:
    own, basemap = built
    return pack({"shapes": own.shapes, "basemap": basemap}, own.sources)


def _decode(data: bytes) -> tuple[GeometryStore, dict[str, Any]]:
    from .store import GeometryStore

    document, sources = unpack(data)
    own = GeometryStore()
    own.shapes, own.sources = document["shapes"], sources
    if len(own.shapes) != len(sources) or set(_SHAPE_KEYS) - set(document["basemap"]):
        raise ValueError("not a whole basemap")
    return own, document["basemap"]


def _build_basemap(store: GeometryStore, *, home: str, focus: shapely.Polygon,
                   around: shapely.Polygon, lang: str, countries: tuple[str, ...] = (),
                   reach: shapely.Polygon | None = None) -> dict[str, Any]:
    story = {home, *countries}
    countries_drawn: list[int] = []
    outline, labels = None, []
    neighbours, home_outline = [], None
    window = around.buffer(max(around.bounds[2] - around.bounds[0],
                               around.bounds[3] - around.bounds[1]) * 0.5, join_style="mitre")
    if reach is not None:
        window = shapely.envelope(shapely.union(window, reach))
    size = max(around.bounds[2] - around.bounds[0], around.bounds[3] - around.bounds[1])
    # within the world a Web Mercator map can show: a frame from Alaska to Greenland
    # buffered past the poles and the antimeridian has no finite projection
    outer = shapely.envelope(shapely.union(around.buffer(size * OUTER_SHARE), window)
                             ).intersection(_WORLD)
    for record in read_layer("countries"):  # 1:50m outlines, past the detailed window
        if record["geometry"].intersects(outer):
            ring = record["geometry"].intersection(outer).difference(window)
            if not ring.is_empty:
                countries_drawn.append(store.add(ring))
    for record in read_layer("basemap"):
        code = record.get("country") or record["id"].split(":")[-1]
        if not record["geometry"].intersects(window):
            continue  # the data covers the world: only what lies around the story is drawn
        geometry = record["geometry"].intersection(window)
        if code == home:
            outline = store.add(geometry)
            home_outline = geometry
        else:
            countries_drawn.append(store.add(geometry))
            neighbours.append(geometry)
        anchor = _anchor(record["geometry"], focus, LEAST_VISIBLE_SHARE)
        if anchor is not None:
            labels.append({"k": "home" if code == home else "country",
                           "t": country_name(code, lang) or record["name"], "at": _at(anchor)})
    towns = _towns(around, home, lang)
    town_names = {t["t"] for t in towns}
    provinces = []
    for record in read_layer("provinces"):
        if record.get("country") not in story or not record["geometry"].intersects(window):
            continue
        provinces.append(store.add(record["geometry"].intersection(window)))
        name = name_in(record.get("names"), lang, record["name"])
        anchor = _anchor(record["geometry"], focus)
        if anchor is not None and name not in town_names:
            labels.append({"k": "province", "t": name, "at": _at(anchor)})
    lakes, rivers = [], []
    for record in read_layer("water"):
        if not record["geometry"].intersects(window):
            continue  # the world's lakes: only those around the story
        name = label_or("map_name_" + record["id"].replace(":", "_"), lang,
                        water_name(record, lang))
        if record["kind"] == "river":
            rivers.append(store.add(record["geometry"]))
            visible = record["geometry"].intersection(focus)
            if not visible.is_empty:
                parts = getattr(visible, "geoms", [visible])
                longest = max(parts, key=lambda g: g.length)
                labels.append({"k": "river", "t": name,
                               "at": _at(longest.interpolate(0.5, normalized=True))})
        else:
            lakes.append(store.add(record["geometry"].intersection(window)))
            anchor = _anchor(record["geometry"], focus)
            if anchor is not None:
                labels.append({"k": "lake", "t": name, "at": _at(anchor)})
    labels.extend(towns)
    borders = _country_borders(neighbours, home_outline, window)
    return {"sea": store.add(outer), "countries": countries_drawn,
            "borders": None if borders.is_empty else store.add(borders),
            "home": outline, "provinces": provinces, "lakes": lakes, "rivers": rivers,
            "labels": labels}


def water_name(record: dict[str, Any], lang: str) -> str:
    """A lake's or river's name in ``lang`` from the boundary data (English where it has
    none), written as a map writes a name: "hồ Tharthar" in a sentence is "Hồ Tharthar"."""
    name = name_in(record.get("names"), lang, record["name"])
    return name[:1].upper() + name[1:]


@cache
def extent() -> tuple[float, float, float, float]:
    """(west, south, east, north) of the basemap data."""
    return tuple(shapely.union_all([r["geometry"] for r in read_layer("basemap")]).bounds)


__all__ = ["build_basemap", "extent", "water_name"]
