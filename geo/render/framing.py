"""Where a map opens: around the presences when they fill a small part of the story's
countries (a few bases along a long coast, an island's far territories), otherwise around
the countries and the presences together, as before.

Read by the HTML map (its first view, the basemap it draws) and the static maps (their
window). Boxes are longitude/latitude: ``(west, south, east, north)``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely

Box = tuple[float, float, float, float]

#: The presences are framed alone when their padded box covers at most this share of the
#: box of the story's countries and presences.
FRAMED_SHARE = 0.25
#: Padding on every side of the presences, as a share of their extent ...
PAD = 0.2
#: ... and the least width and height of the framed box (one base keeps its surroundings).
MIN_SPAN_KM = 260.0
#: Parts of a country within this many degrees of the framed box are the part the reader
#: sees when zooming out (not a far island or territory).
NEAR_DEG = 10.0
#: A part of a country framed with the rest lies within this many degrees of another
#: framed part (or of the presences).
LINK_DEG = 5.0
_KM_PER_DEG = 111.2


def bounds(geometries: Sequence[Any]) -> Box | None:
    """The box around the non-empty ``geometries``; None when there are none."""
    shapes = [g for g in geometries if g is not None and not g.is_empty]
    if not shapes:
        return None
    west, south, east, north = (float(v) for v in shapely.total_bounds(shapes))
    return west, south, east, north


def _area(box: Box) -> float:
    """Roughly in square degrees of latitude: longitude shrunk by the cosine."""
    west, south, east, north = box
    return (east - west) * math.cos(math.radians((south + north) / 2)) * (north - south)


def _padded(box: Box) -> Box:
    """``box`` padded by :data:`PAD` and widened to :data:`MIN_SPAN_KM` each way."""
    west, south, east, north = box
    half_h = max((north - south) * (0.5 + PAD), MIN_SPAN_KM / _KM_PER_DEG / 2)
    middle_lat = (south + north) / 2
    across = _KM_PER_DEG * max(math.cos(math.radians(middle_lat)), 0.1)
    half_w = max((east - west) * (0.5 + PAD), MIN_SPAN_KM / across / 2)
    middle_lon = (west + east) / 2
    half_h = min(half_h, 85.0)
    middle_lat = min(max(middle_lat, -85.0 + half_h), 85.0 - half_h)  # off the poles
    return middle_lon - half_w, middle_lat - half_h, middle_lon + half_w, middle_lat + half_h


def opening_box(presences: Sequence[Any], countries: Sequence[Any]) -> Box | None:
    """The box a map opens on when ``presences`` fill a small part of ``countries`` (the
    story's outlines): the presences padded, at least :data:`MIN_SPAN_KM` across. None:
    show the countries whole, as the presences fill enough of them or lie away from them."""
    around, land = bounds(presences), bounds(countries)
    if around is None or land is None:
        return None
    framed = _padded(around)
    if not shapely.box(*framed).intersects(shapely.box(*land)):
        return None  # a place far from the story: the map shows both, as ever
    whole = bounds([shapely.box(*framed), shapely.box(*land)])
    if whole is None or _area(framed) > FRAMED_SHARE * _area(whole):
        return None
    return framed


def _linked(geometry: Any, core: Box, reach: float) -> Any:
    """The parts of ``geometry`` linked to the ``core`` box by a chain of gaps of at most
    ``reach`` degrees (box to box): an island chain stays whole, a far territory goes."""
    parts = list(geometry.geoms)
    boxes = shapely.bounds(np.asarray(parts, dtype=object))
    kept = np.zeros(len(parts), dtype=bool)
    seeds = np.asarray([core])
    while True:
        gap_x = np.maximum(boxes[:, None, 0] - seeds[None, :, 2],
                           seeds[None, :, 0] - boxes[:, None, 2])
        gap_y = np.maximum(boxes[:, None, 1] - seeds[None, :, 3],
                           seeds[None, :, 1] - boxes[:, None, 3])
        near = ~kept & (np.maximum(gap_x, gap_y) <= reach).any(axis=1)
        if not near.any():
            break
        kept |= near
        seeds = boxes[near]
    if not kept.any():  # nothing near: the largest part
        kept[int(np.argmax(shapely.area(np.asarray(parts, dtype=object))))] = True
    if kept.all():
        return geometry
    return shapely.union_all([p for p, k in zip(parts, kept, strict=True) if k])


def core_parts(geometries: Sequence[Any], reach: float = LINK_DEG) -> list[Any]:
    """``geometries`` as a reader frames them, one for one: a polygon of several parts
    keeps those linked to the core (the box of every other geometry and of each many-part
    polygon's largest part) by gaps of at most ``reach`` degrees, so France's overseas
    departments or Hawaii widen no frame while Indonesia's islands stay together. Missing
    and empty geometries come back as they are."""
    def many(g: Any) -> bool:
        return g is not None and g.geom_type == "MultiPolygon" and not g.is_empty

    core = bounds([max(g.geoms, key=lambda p: p.area) if many(g) else g for g in geometries])
    if core is None:
        return list(geometries)
    return [_linked(g, core, reach) if many(g) else g for g in geometries]


def near_parts(geometry: Any, box: Box, reach: float = NEAR_DEG) -> Any:
    """The parts of ``geometry`` within ``reach`` degrees of ``box`` (at least its largest
    part): the country a reader sees zooming out from the box, without far territories."""
    parts = list(getattr(geometry, "geoms", [geometry]))
    if not parts:
        return geometry
    zone = shapely.box(*box).buffer(reach, join_style="mitre")
    near = [p for p in parts if p.intersects(zone)] or [max(parts, key=lambda p: p.area)]
    return shapely.union_all(near)


__all__ = ["FRAMED_SHARE", "MIN_SPAN_KM", "Box", "bounds", "core_parts", "near_parts",
           "opening_box"]
