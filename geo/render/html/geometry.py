"""Geometries for the HTML map: simplified within a stated distance, then compactly encoded.

Lines and rings are simplified (Douglas–Peucker) in metres, in UTM zone 38N, never further
than :data:`TOLERANCE_M` from the source, and written as Google encoded polylines
(precision 5: about a metre), which ``assets/deploymap.js`` decodes. A polyline takes about
five characters a vertex against twenty for GeoJSON text; that is what keeps the
self-contained map of the seed story well under 500 KB.

Encoded shapes (``{"t": type, "c": coordinates}``):

- ``"P"``: a point, ``[lat, lon]``; ``"MP"``: a list of them
- ``"L"``: a line, one encoded string; ``"ML"``: a list of them
- ``"A"``: a polygon, a list of encoded rings (outer first); ``"MA"``: a list of polygons
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

#: How far a drawn boundary may stray from the source data, in metres (the issue allows 100).
TOLERANCE_M: float = 50.0
#: The CRS the simplification runs in: Web Mercator, defined everywhere a map can show
#: (a UTM zone is not: Armenia's, 38N, gives no coordinates 100° of longitude away). Its
#: metres stretch by 1/cos(latitude); the tolerance is stretched the same way per geometry.
METRIC_CRS: int = 3857
#: Web Mercator's edge (latitudes beyond it are drawn at it).
MAX_LATITUDE = 85.0
_SCALE = 100_000  # precision 5


@cache
def _transformers() -> tuple[Any, Any]:
    import pyproj

    return (pyproj.Transformer.from_crs(4326, METRIC_CRS, always_xy=True),
            pyproj.Transformer.from_crs(METRIC_CRS, 4326, always_xy=True))


def _reproject(geometry: Any, transformer: Any) -> Any:
    return shapely.transform(geometry, lambda xy: np.column_stack(transformer.transform(
        xy[:, 0], np.clip(xy[:, 1], -MAX_LATITUDE, MAX_LATITUDE)
        if transformer is _transformers()[0] else xy[:, 1])))


def _tolerance(geometries: Any, tolerance_m: float) -> Any:
    """``tolerance_m`` in Web Mercator units at the latitude of each geometry."""
    latitude = np.clip(shapely.get_y(shapely.centroid(geometries)), -MAX_LATITUDE,
                       MAX_LATITUDE)
    return tolerance_m / np.cos(np.radians(np.nan_to_num(latitude)))


@cache
def _utm(zone: int, north: bool) -> Any:
    import pyproj

    return pyproj.Transformer.from_crs(4326, (32600 if north else 32700) + zone, always_xy=True)


def to_metres(geometry: BaseGeometry) -> BaseGeometry:
    """``geometry`` (EPSG:4326) in true metres: the UTM zone of its centre (the same zone
    for two versions of one shape, so distances between them can be measured)."""
    centre = geometry.centroid
    zone = min(60, int((centre.x + 180) // 6) + 1)
    transformer = _utm(zone, centre.y >= 0)
    return shapely.transform(
        geometry, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


def simplify(geometry: BaseGeometry, tolerance_m: float = TOLERANCE_M) -> BaseGeometry:
    """``geometry`` simplified so no point moves more than ``tolerance_m`` metres."""
    if geometry.geom_type == "Point" or tolerance_m <= 0:
        return geometry
    forward, back = _transformers()
    simple = shapely.simplify(_reproject(geometry, forward),
                              float(_tolerance(geometry, tolerance_m)), preserve_topology=True)
    return _reproject(simple, back)


def simplify_many(geometries: list[BaseGeometry],
                  tolerance_m: float = TOLERANCE_M) -> list[BaseGeometry]:
    """:func:`simplify` for many geometries at once (one projection call for all of them)."""
    if tolerance_m <= 0 or not geometries:
        return list(geometries)
    forward, back = _transformers()
    array = np.asarray(geometries, dtype=object)
    simple = shapely.simplify(_reproject(array, forward), _tolerance(array, tolerance_m),
                              preserve_topology=True)
    return list(_reproject(simple, back))


def encode_polyline(lonlat: np.ndarray | list[tuple[float, float]]) -> str:
    """Google's encoded polyline (precision 5) of ``(lon, lat)`` pairs, written lat first."""
    points = np.round(np.asarray(lonlat, dtype=float)[:, ::-1] * _SCALE).astype(np.int64)
    deltas = np.diff(points, axis=0, prepend=np.zeros((1, 2), dtype=np.int64)).ravel()
    out: list[str] = []
    for value in deltas.tolist():
        value = ~(value << 1) if value < 0 else value << 1
        while value >= 0x20:
            out.append(chr((0x20 | (value & 0x1F)) + 63))
            value >>= 5
        out.append(chr(value + 63))
    return "".join(out)


def decode_polyline(text: str) -> list[tuple[float, float]]:
    """``(lon, lat)`` pairs of an encoded polyline (the inverse of :func:`encode_polyline`)."""
    values: list[int] = []
    shift = result = 0
    for char in text:
        byte = ord(char) - 63
        result |= (byte & 0x1F) << shift
        shift += 5
        if byte < 0x20:
            values.append(~(result >> 1) if result & 1 else result >> 1)
            shift = result = 0
    lat = lon = 0
    pairs = []
    for dlat, dlon in zip(values[0::2], values[1::2], strict=True):
        lat, lon = lat + dlat, lon + dlon
        pairs.append((lon / _SCALE, lat / _SCALE))
    return pairs


def _rings(polygon: shapely.Polygon) -> list[str]:
    rings = [polygon.exterior, *polygon.interiors]
    return [encode_polyline(np.asarray(ring.coords)[:, :2]) for ring in rings]


def encode(geometry: BaseGeometry, tolerance_m: float = TOLERANCE_M) -> dict[str, Any]:
    """``geometry`` (EPSG:4326) simplified and encoded for the map (see the module docs)."""
    kind = geometry.geom_type
    if kind == "GeometryCollection":
        parts = [g for g in geometry.geoms if not g.is_empty]
        kinds = {g.geom_type.removeprefix("Multi") for g in parts}
        if len(kinds) != 1:
            raise ValueError(f"cannot draw a collection of {sorted(kinds)}")
        geometry = shapely.union_all(parts)
        kind = geometry.geom_type
    if kind == "Point":
        return {"t": "P", "c": [round(geometry.y, 5), round(geometry.x, 5)]}
    if kind == "MultiPoint":
        return {"t": "MP", "c": [[round(g.y, 5), round(g.x, 5)] for g in geometry.geoms]}
    geometry = simplify(geometry, tolerance_m)
    if geometry.geom_type == "LineString":
        return {"t": "L", "c": encode_polyline(np.asarray(geometry.coords)[:, :2])}
    if geometry.geom_type == "MultiLineString":
        return {"t": "ML", "c": [encode_polyline(np.asarray(g.coords)[:, :2])
                                 for g in geometry.geoms]}
    if geometry.geom_type == "Polygon":
        return {"t": "A", "c": _rings(geometry)}
    if geometry.geom_type == "MultiPolygon":
        return {"t": "MA", "c": [_rings(g) for g in geometry.geoms]}
    raise ValueError(f"cannot draw a {geometry.geom_type}")


def _polylines(lines: np.ndarray) -> list[str]:
    """:func:`encode_polyline` of each LineString or LinearRing in ``lines``, all at once."""
    coords, owner = shapely.get_coordinates(lines, return_index=True)
    if not len(coords):
        return [""] * len(lines)
    points = np.round(coords[:, ::-1] * _SCALE).astype(np.int64)
    deltas = points.copy()
    deltas[1:] -= points[:-1]
    first = np.r_[True, owner[1:] != owner[:-1]]
    deltas[first] = points[first]
    values = deltas.ravel()
    values = np.where(values < 0, ~(values << 1), values << 1)
    # five bits a character, least significant first; 0x20 marks "more to come"
    chunks = (values[:, None] >> np.arange(0, 35, 5)) & 0x1F
    count = 1 + (values[:, None] >= (1 << np.arange(5, 35, 5))).sum(axis=1)
    place = np.arange(7)[None, :]
    chars = chunks | np.where(place < count[:, None] - 1, 0x20, 0)
    text = (chars[place < count[:, None]] + 63).astype(np.uint8).tobytes().decode("ascii")
    lengths = np.bincount(np.repeat(owner, 2), weights=count, minlength=len(lines))
    ends = np.cumsum(lengths).astype(np.int64).tolist()
    return [text[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True)]


def encode_many(geometries: list[BaseGeometry],
                tolerance_m: float = TOLERANCE_M) -> list[dict[str, Any]]:
    """:func:`encode` for many geometries: the same shapes, simplified and written all at
    once (array operations instead of one call per ring)."""
    shapes: list[dict[str, Any] | None] = [None] * len(geometries)
    lines = []
    for i, geometry in enumerate(geometries):
        kind = geometry.geom_type
        if kind == "Point" and not geometry.is_empty:
            shapes[i] = {"t": "P", "c": [round(geometry.y, 5), round(geometry.x, 5)]}
        elif kind in ("MultiPoint", "GeometryCollection", "Point"):
            shapes[i] = encode(geometry, tolerance_m)
        else:
            lines.append(i)
    if not lines:
        return shapes  # type: ignore[return-value]
    simple = np.asarray(simplify_many([geometries[i] for i in lines], tolerance_m), dtype=object)
    parts, owner = shapely.get_parts(simple, return_index=True)
    polygonal = shapely.get_type_id(parts) == 3
    rings, ring_owner = shapely.get_rings(parts[polygonal], return_index=True)
    ring_texts = _polylines(rings)
    part_texts: list[Any] = [None] * len(parts)
    for text, index in zip(_polylines(parts[~polygonal]), np.flatnonzero(~polygonal).tolist(),
                           strict=True):
        part_texts[index] = text
    polygon_parts = np.flatnonzero(polygonal).tolist()
    for ring, polygon in zip(ring_texts, ring_owner.tolist(), strict=True):
        index = polygon_parts[polygon]
        if part_texts[index] is None:
            part_texts[index] = []
        part_texts[index].append(ring)
    by_geometry: list[list[Any]] = [[] for _ in lines]
    for text, geometry in zip(part_texts, owner.tolist(), strict=True):
        by_geometry[geometry].append(text)
    tags = {"LineString": "L", "MultiLineString": "ML", "Polygon": "A", "MultiPolygon": "MA"}
    for i, geometry, texts in zip(lines, simple.tolist(), by_geometry, strict=True):
        tag = tags[geometry.geom_type]
        shapes[i] = {"t": tag, "c": texts if tag in ("ML", "MA") else texts[0]}
    return shapes  # type: ignore[return-value]


def decode(shape: dict[str, Any]) -> BaseGeometry:
    """The shapely geometry (EPSG:4326) of an encoded shape: for tests and checks."""
    kind, data = shape["t"], shape["c"]
    if kind == "P":
        return shapely.Point(data[1], data[0])
    if kind == "MP":
        return shapely.MultiPoint([(lon, lat) for lat, lon in data])
    if kind == "L":
        return shapely.LineString(decode_polyline(data))
    if kind == "ML":
        return shapely.MultiLineString([decode_polyline(d) for d in data])
    if kind == "A":
        return shapely.Polygon(decode_polyline(data[0]), [decode_polyline(r) for r in data[1:]])
    return shapely.MultiPolygon([
        shapely.Polygon(decode_polyline(p[0]), [decode_polyline(r) for r in p[1:]])
        for p in data])


__all__ = ["TOLERANCE_M", "decode", "decode_polyline", "encode", "encode_many", "encode_polyline",
           "simplify", "simplify_many", "to_metres"]
