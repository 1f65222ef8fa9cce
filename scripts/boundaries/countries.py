"""Country outlines of the region, Armenia's border lines, and the world's countries."""

from __future__ import annotations

import io
import os

import geopandas as gpd
import numpy as np
import pyogrio
import shapely
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from .fetch import Package
from .geometry import METRIC_CRS, drop_slivers, polygons_only, to_degrees, to_metric

#: (west, south, east, north): the South Caucasus window the fine data is clipped to.
REGION_BBOX = (42.0, 37.8, 48.5, 42.2)

#: ISO alpha-3 (as the maritime file names them) to alpha-2, for the region's countries.
REGION_COUNTRIES = {"ARM": "AM", "GEO": "GE", "AZE": "AZ", "TUR": "TR", "IRN": "IR", "RUS": "RU"}

#: A boundary segment of Armenia belongs to the nearest neighbour closer than this (metres):
#: the OSM outlines of Armenia and Iran are up to ~300 m apart along the Aras.
BORDER_SNAP_M = 800.0


def read_region_countries(package: Package) -> dict[str, BaseGeometry]:
    """Fine outlines (OSM, maritime 1:10m) of the region's countries, clipped to REGION_BBOX."""
    os.environ.setdefault("OGR_GEOJSON_MAX_OBJ_SIZE", "0")
    raw = package.read("package/map.geo.json")
    frame = pyogrio.read_dataframe(io.BytesIO(raw), bbox=REGION_BBOX)
    window = box(*REGION_BBOX)
    outlines: dict[str, BaseGeometry] = {}
    for alpha3, geometry in zip(frame["A3"], frame.geometry, strict=True):
        if alpha3 in REGION_COUNTRIES:
            clipped = polygons_only(shapely.intersection(window, shapely.make_valid(geometry)))
            outlines[REGION_COUNTRIES[alpha3]] = drop_slivers(clipped, 0.01)
    missing = set(REGION_COUNTRIES.values()) - set(outlines)
    if missing:
        raise SystemExit(f"countries-maritime lacks {sorted(missing)} inside {REGION_BBOX}")
    return outlines


def split_nakhchivan(azerbaijan: BaseGeometry) -> tuple[BaseGeometry, BaseGeometry]:
    """(Azerbaijan without Nakhchivan, Nakhchivan): the largest part west of 46.3°E."""
    parts = list(shapely.get_parts(azerbaijan))
    west = [p for p in parts if p.representative_point().x < 46.3]
    nakhchivan = max(west, key=lambda p: to_metric(p).area)
    rest = shapely.union_all([p for p in parts if p is not nakhchivan])
    return rest, nakhchivan


def border_lines(
    home: BaseGeometry, neighbours: dict[str, BaseGeometry]
) -> dict[str, BaseGeometry]:
    """The edge of ``home`` shared with each neighbour, as (Multi)LineStrings in EPSG:4326.

    Every segment of ``home``'s outline goes to the nearest neighbour within BORDER_SNAP_M, so
    the lines follow ``home``'s outline exactly and never overlap one another.
    """
    home_m = to_metric(home)
    rings = [r for poly in shapely.get_parts(home_m) for r in (poly.exterior, *poly.interiors)]
    coords = np.concatenate([np.asarray(r.coords) for r in rings])
    ring_ids = np.concatenate([np.full(len(r.coords), i) for i, r in enumerate(rings)])
    starts, ends = coords[:-1], coords[1:]
    same_ring = ring_ids[:-1] == ring_ids[1:]
    starts, ends = starts[same_ring], ends[same_ring]
    mids = shapely.points((starts + ends) / 2)
    codes = sorted(neighbours)
    distances = np.stack([shapely.distance(mids, to_metric(neighbours[c])) for c in codes])
    nearest = distances.argmin(axis=0)
    close = distances.min(axis=0) <= BORDER_SNAP_M
    lines: dict[str, BaseGeometry] = {}
    for index, code in enumerate(codes):
        chosen = close & (nearest == index)
        segments = shapely.linestrings(np.stack([starts[chosen], ends[chosen]], axis=1))
        merged = shapely.line_merge(shapely.union_all(segments))
        lines[code] = to_degrees(merged)
    return lines


def split_antimeridian(geometry: BaseGeometry) -> BaseGeometry:
    """``geometry`` with every polygon that wraps across 180° cut into its two halves.

    TopoJSON arcs of Russia and Fiji cross the antimeridian; read naively they span the
    globe. Such a part is unwrapped (west longitudes + 360), cut at 180° and the eastern
    piece moved back.
    """
    parts = []
    for part in shapely.get_parts(geometry):
        west, _, east, _ = part.bounds
        if east - west <= 180:
            parts.append(part)
            continue
        unwrapped = shapely.transform(part, lambda xy: np.where(
            xy[:, :1] < 0, xy + np.array([360.0, 0.0]), xy))
        unwrapped = shapely.make_valid(unwrapped)
        parts.append(polygons_only(unwrapped.intersection(box(0, -90, 180, 90))))
        beyond = polygons_only(unwrapped.intersection(box(180, -90, 540, 90)))
        parts.append(shapely.transform(beyond, lambda xy: xy - np.array([360.0, 0.0])))
    return polygons_only(shapely.union_all(parts))


def read_world_countries(package: Package) -> gpd.GeoDataFrame:
    """Every country of the world (Natural Earth 1:50m) with its ISO numeric id and name."""
    raw = package.read("package/countries-50m.json")
    frame = pyogrio.read_dataframe(io.BytesIO(raw), layer="countries")
    frame = frame.set_crs(4326, allow_override=True)
    frame["geometry"] = [split_antimeridian(shapely.make_valid(g)) for g in frame.geometry]
    return frame


__all__ = [
    "METRIC_CRS",
    "REGION_BBOX",
    "border_lines",
    "read_region_countries",
    "read_world_countries",
    "split_nakhchivan",
]
