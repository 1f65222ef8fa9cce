"""The world's country outlines (the union of their Natural Earth admin-1 divisions) and the
land border line of every pair of neighbours."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from .geometry import polygons_only

#: Islands and rocks smaller than this are dropped from the outlines (km²).
MIN_PART_KM2 = 0.05
#: Two outlines closer than this (degrees) are candidate neighbours.
NEIGHBOUR_GAP_DEG = 0.005
#: A stretch of A's outline within this of B's (degrees, ~300 m) is their common border.
BORDER_SNAP_DEG = 0.003
#: Border pieces shorter than this (km) are noise where two coasts meet.
MIN_BORDER_PIECE_KM = 2.0

GEOD = Geod(ellps="WGS84")


def geodesic_km(geometry: BaseGeometry) -> float:
    """Length on the WGS84 ellipsoid, in km."""
    return GEOD.geometry_length(geometry) / 1000.0


def approx_area_km2(parts: np.ndarray) -> np.ndarray:
    """Areas of lon/lat polygons in km², scaled by the cosine of their latitude."""
    lat = shapely.get_y(shapely.centroid(parts))
    return shapely.area(parts) * 111.32**2 * np.cos(np.radians(lat))


def outlines_from_divisions(records: list[dict]) -> dict[str, BaseGeometry]:
    """Each country's outline: the union of its divisions' polygons, without specks."""
    by_country: dict[str, list[BaseGeometry]] = defaultdict(list)
    for record in records:
        by_country[record["country"]].append(record["geometry"])
    outlines = {}
    for code in sorted(by_country):
        merged = polygons_only(shapely.union_all(by_country[code]))
        parts = shapely.get_parts(merged)
        parts = parts[approx_area_km2(parts) >= MIN_PART_KM2]
        if len(parts):
            outlines[code] = shapely.union_all(parts)
    return outlines


def neighbour_pairs(outlines: dict[str, BaseGeometry]) -> list[tuple[str, str]]:
    """Pairs of codes (alphabetical) whose outlines touch or nearly touch."""
    codes = list(outlines)
    geometries = [outlines[c] for c in codes]
    tree = shapely.STRtree(geometries)
    left, right = tree.query(geometries, predicate="dwithin", distance=NEIGHBOUR_GAP_DEG)
    return sorted({(codes[a], codes[b]) for a, b in zip(left, right, strict=True)
                   if codes[a] < codes[b]})


def border_line(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    """The stretch of ``a``'s outline that runs along ``b``, merged and cleaned."""
    window = box(*a.bounds).buffer(BORDER_SNAP_DEG * 4)
    near_b = shapely.intersection(b, window).buffer(BORDER_SNAP_DEG, quad_segs=2)
    line = shapely.intersection(a.boundary, near_b)
    lines = [g for g in shapely.get_parts(line) if g.geom_type in ("LineString", "MultiLineString")]
    if not lines:
        return shapely.MultiLineString()
    pieces = shapely.get_parts(shapely.line_merge(shapely.union_all(lines)))
    kept = [p for p in pieces if p.geom_type == "LineString"
            and geodesic_km(p) >= MIN_BORDER_PIECE_KM]
    if not kept:
        return shapely.MultiLineString()
    return shapely.line_merge(shapely.MultiLineString(kept))


def border_lines(outlines: dict[str, BaseGeometry],
                 skip: frozenset[str] = frozenset()) -> dict[tuple[str, str], BaseGeometry]:
    """The land border of every pair of neighbours (pairs with a code in ``skip`` left out)."""
    lines = {}
    for a, b in neighbour_pairs(outlines):
        if a in skip or b in skip:
            continue
        line = border_line(outlines[a], outlines[b])
        if not line.is_empty:
            lines[(a, b)] = line
    return lines


__all__ = ["border_lines", "geodesic_km", "neighbour_pairs", "outlines_from_divisions"]
