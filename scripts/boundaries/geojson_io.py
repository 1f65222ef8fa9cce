"""Deterministic GeoJSON writing (RFC 7946: lon/lat, counter-clockwise exteriors, no crs)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

#: Coordinates are kept to 1e-5 degrees (about 1 m), on one grid for every layer so that
#: shared edges stay shared.
GRID = 1e-5


def on_grid(geometry: BaseGeometry) -> BaseGeometry:
    """``geometry`` snapped to GRID, valid, polygons wound counter-clockwise."""
    snapped = shapely.set_precision(geometry, GRID)
    if snapped.geom_type == "GeometryCollection":
        dimension = max(shapely.get_dimensions(shapely.get_parts(snapped)))
        parts = [p for p in shapely.get_parts(snapped) if shapely.get_dimensions(p) == dimension]
        snapped = shapely.union_all(parts)
    if snapped.geom_type in ("Polygon", "MultiPolygon"):
        snapped = shapely.orient_polygons(snapped)
    return snapped


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 5)
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value


def feature(record: dict[str, Any]) -> dict[str, Any]:
    """A GeoJSON Feature from a record whose ``geometry`` key holds a shapely geometry."""
    properties = {k: v for k, v in record.items() if k != "geometry"}
    geometry = mapping(on_grid(record["geometry"]))
    geometry = {"type": geometry["type"], "coordinates": _rounded(geometry["coordinates"])}
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def write_collection(path: Path, records: list[dict[str, Any]], *, name: str) -> int:
    """Write records as a FeatureCollection sorted by id; returns the file size in bytes."""
    features = [feature(r) for r in sorted(records, key=lambda r: r["id"])]
    collection = {"type": "FeatureCollection", "name": name, "features": features}
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    return path.stat().st_size


__all__ = ["GRID", "feature", "on_grid", "write_collection"]
