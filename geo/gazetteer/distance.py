"""Great-circle distance from a point to an area, for telling a far match from a near one."""

from __future__ import annotations

import math

import shapely
import shapely.ops

from .boundaries import capital_ids
from .place import Place

#: A place farther than this from every country of the story is returned with a warning.
FAR_KM = 1000.0
#: A populated place smaller than this (a village, a district seat of no population given)
#: is no answer FAR_KM from the story's countries: news name villages of their own region,
#: and the world's villages share their names with words and with one another.
SMALL_TOWN = 1_000


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


def small_town(kind: str, population: int, place_id: str) -> bool:
    """True for a populated place of fewer than SMALL_TOWN people that is no capital."""
    return kind == "city" and population < SMALL_TOWN and place_id not in capital_ids()


def far_warning(place: Place, countries: list[Place]) -> str:
    """A warning when ``place`` lies more than :data:`FAR_KM` from every one of the story's
    ``countries`` (empty when it is near one)."""
    if place.geometry.is_empty:
        return ""
    point = place.geometry.representative_point()
    nearest = min(km_to(c.geometry, point) for c in countries)
    if nearest <= FAR_KM:
        return ""
    story = ", ".join(c.id for c in countries)
    return (f"{place.name} ({place.id}) lies {nearest:,.0f} km from the story's "
            f"countries ({story}); check that this is the place meant, or add its "
            "country to the scenario's countries")


__all__ = ["FAR_KM", "SMALL_TOWN", "far_warning", "great_circle_km", "km_to", "small_town"]
