"""Great-circle distance from a point to an area, for telling a far match from a near one."""

from __future__ import annotations

import math

import shapely
import shapely.ops


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def km_to(area: shapely.Geometry, point: shapely.Point) -> float:
    """Great-circle distance (km) from ``point`` to the nearest point of ``area``."""
    if area.contains(point):
        return 0.0
    nearest = shapely.ops.nearest_points(area, point)[0]
    return great_circle_km(point.y, point.x, nearest.y, nearest.x)


__all__ = ["great_circle_km", "km_to"]
