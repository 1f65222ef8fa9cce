"""Geometry for the static maps: the projection, the map extent, the projected basemap.

Maps are drawn in a Lambert azimuthal equal-area projection centred on the story (metres),
so areas compare fairly and the scale bar is true across the map.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import shapely
from shapely.geometry import box

from ...cache import digest, memoized, pack, package_digest, unpack
from ...gazetteer.boundaries import read_layer

#: Longitude/latitude half-size of the inset locator's view around the map's centre.
INSET_HALF_SPAN = (15.0, 9.0)
#: The locator shows at least this many times the map's own span (same shape as above) ...
INSET_ZOOM = 3.0
#: ... and is left out when its half-width would pass this many degrees of longitude: the
#: map itself shows a continent, so a locator tells the reader nothing.
INSET_MAX_HALF_LON = 60.0
#: Sea names drawn on the inset when in view: (label key, longitude, latitude).
SEAS: tuple[tuple[str, float, float], ...] = (
    ("static_map_black_sea", 34.6, 43.2), ("static_map_caspian_sea", 50.9, 41.9))


@dataclass(frozen=True)
class Extent:
    """A map window in projected metres."""

    xmin: float
    xmax: float
    ymin: float
    ymax: float

    @property
    def width(self) -> float:
        return self.xmax - self.xmin

    @property
    def height(self) -> float:
        return self.ymax - self.ymin

    @property
    def aspect(self) -> float:
        """Width over height."""
        return self.width / self.height

    def box(self) -> shapely.Polygon:
        return box(self.xmin, self.ymin, self.xmax, self.ymax)


def projection(geometries: list[Any]) -> str:
    """A PROJ string: equal-area, centred on the geometries (to the nearest half degree)."""
    xmin, ymin, xmax, ymax = shapely.total_bounds(geometries)
    lon, lat = round(xmin + xmax) / 2, round(ymin + ymax) / 2
    return f"+proj=laea +lat_0={lat:g} +lon_0={lon:g} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"


@cache
def _transformer(crs: str) -> Any:
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4326", crs, always_xy=True)


def _project(geometry: Any, crs: str) -> Any:
    return project(geometry, crs)


def project(geometry: Any, crs: str) -> Any:
    """A shapely geometry (or array of them) from longitude/latitude to ``crs``."""
    transformer = _transformer(crs)

    def forward(xy: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    projected = shapely.transform(geometry, forward)
    # a shape far from the centre (Russia on a map of Iraq) may fold over itself: mended,
    # or the next union raises a topology error
    invalid = ~shapely.is_valid(projected)
    if np.any(invalid):
        if np.ndim(projected) == 0:
            return shapely.make_valid(projected)
        projected = projected.copy()
        projected[invalid] = shapely.make_valid(projected[invalid])
    return projected


#: Geometries this process projected or simplified: (id of the geometry, crs or extent) ->
#: (the geometry, the result). A place is projected for the map's window, for each panel
#: and for its label; a region of the context labels for each panel.
_KEPT: dict[tuple[int, object], tuple[Any, Any]] = {}
_KEEP = 4096


def _kept(geometry: Any, how: object, make: Callable[[], Any]) -> Any:
    key = (id(geometry), how)
    found = _KEPT.get(key)
    if found is not None and found[0] is geometry:  # held here: its id is not reused
        return found[1]
    if len(_KEPT) >= _KEEP:
        _KEPT.clear()
    result = make()
    _KEPT[key] = (geometry, result)
    return result


def projected(geometry: Any, crs: str) -> Any:
    """:func:`project` of one geometry, made once a process (shapely geometries do not
    change; the same object is returned each time)."""
    return _kept(geometry, crs, lambda: project(geometry, crs))


def simplified(geometry: Any, extent: Extent) -> Any:
    """:func:`simplify`, made once a process for the same geometry object and extent."""
    return _kept(geometry, extent, lambda: simplify(geometry, extent))


def project_point(lon: float, lat: float, crs: str) -> tuple[float, float]:
    x, y = _transformer(crs).transform(lon, lat)
    return float(x), float(y)


def map_extent(geometries: list[Any], *, pad: float = 0.07, min_aspect: float = 0.9,
               max_aspect: float = 1.5) -> Extent:
    """The projected bounds of ``geometries``, padded, widened or heightened to an aspect."""
    xmin, ymin, xmax, ymax = shapely.total_bounds(geometries)
    width, height = xmax - xmin, ymax - ymin
    xmin, xmax = xmin - pad * width, xmax + pad * width
    ymin, ymax = ymin - pad * height, ymax + pad * height
    width, height = xmax - xmin, ymax - ymin
    if width / height < min_aspect:
        grow = (min_aspect * height - width) / 2
        xmin, xmax = xmin - grow, xmax + grow
    elif width / height > max_aspect:
        grow = (width / max_aspect - height) / 2
        ymin, ymax = ymin - grow, ymax + grow
    return Extent(float(xmin), float(xmax), float(ymin), float(ymax))


@dataclass(frozen=True)
class Basemap:
    """Projected basemap layers, clipped to a window."""

    land: tuple[tuple[str, Any], ...]  # (country code, polygon): the neighbours' fill
    focus: Any  # the story's country
    borders: Any  # country outlines as lines, without the data's clipping edges
    provinces: tuple[tuple[str, str, Any], ...]  # (id, name, polygon) of the story's country
    provinces_edges: Any
    lakes: tuple[tuple[str, Any], ...]
    rivers: tuple[Any, ...]


def _visible(geometry: Any, window: shapely.Polygon) -> Any:
    """``geometry`` within ``window``, None when nothing of it is there.

    Far from the projection's centre, projected outlines can fold over themselves; they are
    repaired (``make_valid``) rather than allowed to stop the map.
    """
    try:
        clipped = shapely.intersection(geometry, window)
    except shapely.errors.GEOSException:
        clipped = shapely.intersection(shapely.make_valid(geometry), window)
    return None if clipped.is_empty else clipped


def near_side(crs: str) -> shapely.Polygon:
    """The part of the globe (longitude/latitude) a map in ``crs`` may show: everything but
    a band around the antipode's meridian, where an azimuthal projection tears shapes."""
    centre = float(crs.split("+lon_0=")[1].split()[0])
    west, east = centre - 150, centre + 150
    parts = [box(max(west, -180), -90, min(east, 180), 90)]
    if west < -180:
        parts.append(box(west + 360, -90, 180, 90))
    if east > 180:
        parts.append(box(-180, -90, east - 360, 90))
    return shapely.union_all(parts)


def simplify(geometry: Any, extent: Extent) -> Any:
    """Drop vertices within 1/2500 of the map's width (a third of a pixel at 800 px)."""
    return shapely.simplify(geometry, extent.width / 2500, preserve_topology=True)


_FORMAT = 1


def _key(*parts: object) -> str:
    return digest([package_digest(), *(repr(p) for p in parts)])


@cache
def basemap(crs: str, extent: Extent, country: str) -> Basemap:
    """The fine basemap (OSM outlines, provinces, lakes, rivers) projected and clipped.

    Projecting and clipping the outlines is most of a first map's cost and depends only on
    the window and the shipped data, so the result is kept in the cache folder."""
    return memoized("static-basemap", _FORMAT, _key(crs, extent, country),
                    lambda: _basemap(crs, extent, country), _encode_basemap, _decode_basemap,
                    "static basemap")


def _encode_basemap(base: Basemap) -> bytes:
    geometries: list[Any] = []

    def number(geometry: Any) -> int | None:
        if geometry is None:
            return None
        geometries.append(geometry)
        return len(geometries) - 1

    document = {
        "land": [[code, number(g)] for code, g in base.land], "focus": number(base.focus),
        "borders": number(base.borders),
        "provinces": [[pid, name, number(g)] for pid, name, g in base.provinces],
        "provinces_edges": number(base.provinces_edges),
        "lakes": [[lid, number(g)] for lid, g in base.lakes],
        "rivers": [number(g) for g in base.rivers]}
    return pack(document, geometries)


def _decode_basemap(data: bytes) -> Basemap:
    document, geometries = unpack(data)

    def shape(number: int | None) -> Any:
        if number is None:
            return None
        if not isinstance(number, int) or not 0 <= number < len(geometries):
            raise ValueError("a geometry number out of range")
        return geometries[number]

    return Basemap(
        tuple((code, shape(n)) for code, n in document["land"]), shape(document["focus"]),
        shape(document["borders"]),
        tuple((pid, name, shape(n)) for pid, name, n in document["provinces"]),
        shape(document["provinces_edges"]),
        tuple((lid, shape(n)) for lid, n in document["lakes"]),
        tuple(shape(n) for n in document["rivers"]))


def _basemap(crs: str, extent: Extent, country: str) -> Basemap:
    window = extent.box().buffer(extent.width * 0.02)
    fine = read_layer("basemap")

    near = near_side(crs)

    def project(geometry: Any, crs: str) -> Any:
        if not near.contains(geometry):
            geometry = _visible(geometry, near)
            if geometry is None:
                return shapely.Polygon()
        return simplify(_project(geometry, crs), extent)

    fine_box = box(*shapely.total_bounds([r["geometry"] for r in fine])).buffer(-1e-6)
    land, borders = [], []
    # Generalised world outlines underneath, for any part of the window the fine data lacks.
    for record in read_layer("countries"):
        if record["country"] == country or not record["geometry"].intersects(
                _lonlat_window(crs, extent)):
            continue
        outside = record["geometry"].difference(fine_box)
        geometry = _visible(project(outside, crs), window)
        if geometry is not None:
            land.append((record["id"], geometry))
            edge = outside.boundary.difference(fine_box.buffer(1e-4))
            borders.append(project(edge, crs))
    focus = None
    lonlat_window = _lonlat_window(crs, extent)
    for record in fine:
        if record["country"] != country and not record["geometry"].intersects(lonlat_window):
            continue  # the fine outlines cover the world: only what the window shows
        geometry = _visible(project(record["geometry"], crs), window)
        if geometry is None:
            continue
        if record["country"] == country:
            focus = geometry  # its outline is drawn on its own, thicker
            continue
        land.append((record["country"], geometry))
        edge = record["geometry"].boundary.intersection(fine_box)
        borders.append(project(edge, crs))
    if focus is None:
        focus = next((project(r["geometry"], crs) for r in read_layer("countries")
                      if r["id"] == country), shapely.Polygon())
    provinces = tuple(
        (r["id"], r["name"], project(r["geometry"], crs)) for r in read_layer("provinces")
        if r.get("country") == country)
    edges = shapely.line_merge(shapely.union_all([p[2].boundary for p in provinces])) if (
        provinces) else None
    lakes, rivers = [], []
    for record in read_layer("water"):
        if not record["geometry"].intersects(lonlat_window):
            continue  # the world's lakes: only those around the story are projected
        geometry = _visible(project(record["geometry"], crs), window)
        if geometry is None:
            continue
        if geometry.geom_type in ("Polygon", "MultiPolygon"):
            lakes.append((record["id"], geometry))
        else:
            rivers.append(geometry)
    border_lines = _visible(shapely.line_merge(shapely.union_all(
        [b for b in borders if not b.is_empty])), window)
    return Basemap(tuple(land), focus, border_lines, provinces, edges, tuple(lakes),
                   tuple(rivers))


@cache
def _lonlat_window(crs: str, extent: Extent) -> shapely.Polygon:
    """The map window in longitude/latitude (a generous box around it)."""
    from pyproj import Transformer

    back = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    xs = np.linspace(extent.xmin, extent.xmax, 9)
    ys = np.linspace(extent.ymin, extent.ymax, 9)
    grid_x, grid_y = np.meshgrid(xs, ys)
    lon, lat = back.transform(grid_x.ravel(), grid_y.ravel())
    return box(lon.min() - 1, lat.min() - 1, lon.max() + 1, lat.max() + 1)


@dataclass(frozen=True)
class Inset:
    """The locator map: generalised countries around the story, projected."""

    land: tuple[Any, ...]
    focus: Any
    extent: Extent
    seas: tuple[tuple[str, float, float], ...]  # (label key, x, y) in view


def inset_span(crs: str, extent: Extent) -> tuple[float, float] | None:
    """The locator's half-size (longitude, latitude) for a map of ``extent``: at least
    :data:`INSET_HALF_SPAN`, else :data:`INSET_ZOOM` times the map's; None when that is
    wider than :data:`INSET_MAX_HALF_LON` (no locator)."""
    west, south, east, north = _lonlat_window(crs, extent).bounds
    base_lon, base_lat = INSET_HALF_SPAN
    grow = max(1.0, (east - west - 2) / 2 * INSET_ZOOM / base_lon,
               (north - south - 2) / 2 * INSET_ZOOM / base_lat)
    if base_lon * grow > INSET_MAX_HALF_LON:
        return None
    return base_lon * grow, base_lat * grow


@cache
def inset(crs: str, centre: tuple[float, float], countries: tuple[str, ...],
          span: tuple[float, float] = INSET_HALF_SPAN) -> Inset:
    """Countries within the inset's view of half-size ``span`` around ``centre``
    (longitude, latitude); the story's ``countries`` are its focus."""
    lon, lat = centre
    half_lon, half_lat = span
    clip = box(lon - half_lon * 1.6, lat - half_lat * 1.6, lon + half_lon * 1.6,
               lat + half_lat * 1.6)
    land, focus = [], []
    for record in read_layer("countries"):
        if not record["geometry"].intersects(clip):
            continue
        geometry = project(shapely.intersection(record["geometry"], clip), crs)
        (focus if record["id"] in countries else land).append(geometry)
    corners = [project_point(lon + dx * half_lon, lat + dy * half_lat, crs)
               for dx in (-1, 1) for dy in (-1, 1)]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    view = Extent(min(xs), max(xs), min(ys), max(ys))
    seas = []
    for key, sea_lon, sea_lat in SEAS:
        x, y = project_point(sea_lon, sea_lat, crs)
        if view.xmin < x < view.xmax and view.ymin < y < view.ymax:
            seas.append((key, x, y))
    return Inset(tuple(land), shapely.union_all(focus) if focus else shapely.Polygon(), view,
                 tuple(seas))


__all__ = ["Basemap", "Extent", "Inset", "basemap", "inset", "inset_span", "map_extent",
           "project",
           "project_point", "projected", "projection", "simplified"]
