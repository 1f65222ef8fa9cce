"""Great-circle distance from a point to an area, for telling a far match from a near one."""

from __future__ import annotations

import math

import shapely
import shapely.ops


def km_to(area: shapely.Geometry, point: shapely.Point) -> float:
    """Great-circle distance (km) from ``point`` to the nearest point of ``area``."""
    if area.contains(point):
        return 0.0
    nearest = shapely.ops.nearest_points(area, point)[0]
    lat1, lon1, lat2, lon2 = map(math.radians, (point.y, point.x, nearest.y, nearest.x))
    a = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))



__all__ = ["km_to"]
