"""GeoJSON geometries a user writes (an inline scenario place, a ``--places`` feature),
checked before shapely sees them: every renderer must survive what passes.

Refused, each with what to write instead: a type deploymap does not draw, coordinates that
are not numbers (``true``, ``"44"``, NaN), positions nested deeper or shallower than the type
says, a line of one point, a ring of fewer than four points or not closed, and a shape more
than 180° of longitude wide (one that crosses the antimeridian, read the long way round).
"""

from __future__ import annotations

import math
from typing import Any

#: Geometry types deploymap draws, and how deep their positions sit in ``coordinates``.
DEPTHS: dict[str, int] = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2,
                          "Polygon": 2, "MultiPolygon": 3}


def _position_problem(position: Any) -> str:
    if not isinstance(position, list) or not 2 <= len(position) <= 3:
        return (f"{_short(position)} is not a position; write [longitude, latitude] "
                "(two numbers)")
    for value in position:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"{_short(value)} in {_short(position)} is not a number; write degrees"
        if not math.isfinite(value):
            return f"{_short(position)} holds a value that is not finite; write degrees"
    return ""


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _positions(coordinates: Any, depth: int, kind: str) -> tuple[list[list[float]], str]:
    """All positions of ``coordinates`` nested ``depth`` lists deep, or a problem."""
    if depth == 0:
        problem = _position_problem(coordinates)
        return ([] if problem else [coordinates]), problem
    if not isinstance(coordinates, list):
        return [], f"{_short(coordinates)} should be a list here (a {kind} nests positions)"
    found: list[list[float]] = []
    for part in coordinates:
        positions, problem = _positions(part, depth - 1, kind)
        if problem:
            return [], problem
        found.extend(positions)
    return found, ""


def _part_problem(kind: str, coordinates: Any) -> str:
    """Point counts: lines of at least two points, closed rings of at least four."""
    lines = [coordinates] if kind == "LineString" else coordinates \
        if kind == "MultiLineString" else []
    for line in lines:
        if len(line) < 2:
            return "a line needs at least two points; add one, or make it a Point"
    polygons = [coordinates] if kind == "Polygon" else coordinates \
        if kind == "MultiPolygon" else []
    if any(not polygon for polygon in polygons):
        return "a polygon needs its outer ring; add it, or remove the empty polygon"
    rings = [ring for polygon in polygons for ring in polygon]
    for ring in rings:
        if len(ring) < 4:
            return "a polygon ring needs at least four positions (the first repeated last)"
        if ring[0][:2] != ring[-1][:2]:
            return "a polygon ring must end where it starts; repeat its first position last"
    if kind in ("MultiPoint", "MultiLineString", "MultiPolygon") and not coordinates:
        return f"a {kind} with no parts is empty; give at least one"
    return ""


def wide_problem(west: float, east: float) -> str:
    """A shape wider than 180° of longitude: one that crosses the antimeridian."""
    if east - west > 180:
        return ("it spans more than 180° of longitude: a shape that crosses the antimeridian "
                "(180°) is read the long way round; split it into two parts at 180°")
    return ""


def geometry_problem(spec: Any, *, ranges: bool = True) -> str:
    """What is wrong with a GeoJSON geometry object, or ``""`` when shapely may read it.

    ``ranges=False`` leaves the longitude/latitude ranges and the width to the caller (the
    ``--places`` reader says more: projected metres, swapped axes).
    """
    if not isinstance(spec, dict):
        return f"the geometry is {type(spec).__name__}, not a GeoJSON object"
    kind = spec.get("type")
    if kind not in DEPTHS:
        return (f"geometry type {_short(kind)} is not supported; use one of "
                f"{', '.join(DEPTHS)} (split a GeometryCollection into parts)")
    if "coordinates" not in spec:
        return f"the {kind} has no 'coordinates'; add [longitude, latitude] pairs"
    coordinates = spec["coordinates"]
    if kind != "Point" and coordinates == []:
        return f"the {kind} has no coordinates; add [longitude, latitude] pairs"
    positions, problem = _positions(coordinates, DEPTHS[kind], kind)
    if problem:
        return problem
    problem = _part_problem(kind, coordinates)
    if problem:
        return problem
    if not positions:
        return f"the {kind} has no positions; add [longitude, latitude] pairs"
    if not ranges:
        return ""
    longitudes = [p[0] for p in positions]
    latitudes = [p[1] for p in positions]
    if not (all(-180 <= x <= 180 for x in longitudes)
            and all(-90 <= y <= 90 for y in latitudes)):
        return ("coordinates outside longitude -180..180 / latitude -90..90; write [lon, lat] "
                "in WGS84 degrees (EPSG:4326)")
    return wide_problem(min(longitudes), max(longitudes))


__all__ = ["DEPTHS", "geometry_problem", "wide_problem"]
