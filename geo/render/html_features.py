"""The three presence layers of the HTML map (Before, After, Change) as drawable features.

Presences at the same place on a layer become one feature (one shape, one popup listing each
force with its dates and quotes), so a province held by border guards and troops is drawn
once, hatched in both colours. Geometries go into a shared :class:`GeometryStore`: a province
drawn on three layers and on the basemap is stored once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import shapely

from ..timeline import CHANGES, Timeline
from . import html_geometry, html_panels, html_style

LAYERS: tuple[str, ...] = ("before", "after", "change")
_CATEGORY = {"Polygon": "area", "MultiPolygon": "area", "LineString": "line",
             "MultiLineString": "line", "Point": "point", "MultiPoint": "point"}
_DRAW_ORDER = {"area": 0, "line": 1, "point": 2}


class GeometryStore:
    """Encoded geometries, each stored once; features refer to them by index."""

    def __init__(self) -> None:
        self.shapes: list[dict[str, Any]] = []
        #: The source geometry of each shape (to check the simplification against).
        self.sources: list[shapely.Geometry] = []
        self._index: dict[bytes, int] = {}

    def add(self, geometry: shapely.Geometry) -> int:
        """The index of ``geometry`` (encoded on first use)."""
        key = shapely.to_wkb(geometry)
        if key not in self._index:
            self._index[key] = len(self.shapes)
            self.shapes.append(html_geometry.encode(geometry))
            self.sources.append(geometry)
        return self._index[key]


@dataclass
class Layer:
    """One toggleable layer: its features and what its legend must explain."""

    name: str
    features: list[dict[str, Any]] = field(default_factory=list)
    statuses: set[str] = field(default_factory=set)
    categories: set[str] = field(default_factory=set)
    uncertain: bool = False


@dataclass
class Layers:
    """The presence layers, the styles they use and the force types they show."""

    layers: dict[str, Layer]
    styles: dict[str, dict[str, Any]]
    patterns: list[str]
    forces: dict[str, list[str]]  # force type -> force names on the map, in scenario order


def category(geometry: shapely.Geometry) -> str:
    """``area``, ``line`` or ``point``."""
    kind = geometry.geom_type
    if kind == "GeometryCollection":
        kind = next(g.geom_type for g in geometry.geoms if not g.is_empty)
    return _CATEGORY[kind]


def _groups(frame: gpd.GeoDataFrame, by_change: bool) -> list[list[dict[str, Any]]]:
    """Rows grouped by place (and change), areas first, then lines, then points."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in frame.to_dict("records"):
        key = (row["change"] if by_change else "", row["place_id"])
        groups.setdefault(key, []).append(row)
    status_order = {c: i for i, c in enumerate(CHANGES)}

    def order(key: tuple[str, str]) -> tuple[int, int, str]:
        rows = groups[key]
        return (_DRAW_ORDER[category(rows[0]["geometry"])], status_order.get(key[0], 0), key[1])

    return [groups[key] for key in sorted(groups, key=order)]


def build_layers(timeline: Timeline, *, before: dt.date, after: dt.date, lang: str,
                 store: GeometryStore) -> Layers:
    """Before, After and Change for ``timeline`` between ``before`` and ``after``."""
    scenario = timeline.scenario
    force_order = {force_id: i for i, force_id in enumerate(scenario.forces)}
    frames = {"before": timeline.snapshot(before), "after": timeline.snapshot(after),
              "change": timeline.change(before, after)}
    styles: dict[str, dict[str, Any]] = {}
    combinations: set[tuple[str, ...]] = set()
    forces_seen: dict[str, str] = {}
    layers: dict[str, Layer] = {}
    context = html_panels.PopupContext(scenario, before=before, after=after, lang=lang)
    for name in LAYERS:
        layer = Layer(name)
        for rows in _groups(frames[name], by_change=name == "change"):
            rows.sort(key=lambda r: (force_order[r["force_id"]], r["presence_id"]))
            status = rows[0]["change"] if name == "change" else "present"
            types = tuple(dict.fromkeys(r["force_type"] for r in rows))
            kind = category(rows[0]["geometry"])
            certain = all(bool(r["certain"]) for r in rows)
            hatched = kind == "area" and any(r["location_precision"] != "exact" for r in rows)
            key = html_style.style_key(kind, status, types, certain=certain, hatched=hatched)
            if key not in styles:
                styles[key] = (html_style.point_style(types[0], status, certain=certain)
                               if kind == "point" else
                               html_style.path_style(kind, status, types, certain=certain,
                                                     hatched=hatched))
            combinations.add(types)
            for r in rows:
                forces_seen.setdefault(r["force_id"], r["force_type"])
            layer.features.append({
                "g": store.add(rows[0]["geometry"]), "s": key, "k": kind,
                "pop": html_panels.popup(rows, name, context),
                "tip": html_panels.tooltip(rows, name, context),
            })
            layer.statuses.add(status)
            layer.categories.add("hatched" if hatched else kind)
            layer.uncertain |= not certain and status != "withdrawn"
        layers[name] = layer
    forces: dict[str, list[str]] = {}
    for force_id in sorted(forces_seen, key=force_order.__getitem__):
        force = scenario.forces[force_id]
        forces.setdefault(force.type, []).append(
            force.names.get(lang) or force.names["en"])
    return Layers(layers, styles, html_style.patterns_for(combinations), forces)


__all__ = ["LAYERS", "GeometryStore", "Layer", "Layers", "build_layers", "category"]
