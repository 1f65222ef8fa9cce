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
import numpy as np
import shapely

from ...timeline import CHANGES, Timeline
from ..presentation import ForceColours, Style, legend_forces, scenario_colours, style_for
from . import popups
from .store import Fragments, GeometryStore
from .style import options
from .text import esc

LAYERS: tuple[str, ...] = ("before", "after", "change")
_CATEGORY = {"Polygon": "area", "MultiPolygon": "area", "LineString": "line",
             "MultiLineString": "line", "Point": "point", "MultiPoint": "point"}
_DRAW_ORDER = {"area": 0, "line": 1, "point": 2}


@dataclass
class Layer:
    """One toggleable layer: its features and what its legend must explain."""

    name: str
    features: list[dict[str, Any]] = field(default_factory=list)
    statuses: set[str] = field(default_factory=set)
    categories: set[str] = field(default_factory=set)
    uncertain: bool = False
    #: The style keys its features use.
    styles: set[str] = field(default_factory=set)


@dataclass
class Layers:
    """The presence layers, the styles they use and the forces they show."""

    layers: dict[str, Layer]
    #: What the map's script draws each style key with (Leaflet options or an icon).
    styles: dict[str, dict[str, Any]]
    #: The presentation model's style of each key (the legend and patterns read them).
    looks: dict[str, Style]
    #: Force id -> (its name in the map's language, its type), in the scenario's order.
    forces: dict[str, tuple[str, str]]
    #: The colour of each force of the scenario (the presentation model's).
    colours: ForceColours
    #: The popups' pieces when the layers are drawn on a canvas (None: each popup is HTML).
    fragments: Fragments | None = None
    #: The change between the two days (``Timeline.change``), as the layers were built from.
    change: gpd.GeoDataFrame | None = None


def category(geometry: shapely.Geometry) -> str:
    """``area``, ``line`` or ``point``."""
    kind = geometry.geom_type
    if kind == "GeometryCollection":
        kind = next(g.geom_type for g in geometry.geoms if not g.is_empty)
    return _CATEGORY[kind]


#: The columns of a snapshot that the layers, popups and tooltips read.
_READ = ("presence_id", "force_id", "force", "force_vi", "force_type", "place", "place_vi",
         "place_id", "kind", "location_precision", "strength", "certain", "change", "geometry")


def _categories(geometries: list[shapely.Geometry]) -> list[str]:
    """:func:`category` of each geometry (type ids looked up at once, collections one by one)."""
    if not geometries:
        return []
    ids = shapely.get_type_id(np.asarray(geometries, dtype=object)).tolist()
    return [_BY_TYPE_ID[i] if i in _BY_TYPE_ID else category(g)
            for i, g in zip(ids, geometries, strict=True)]


_BY_TYPE_ID = {0: "point", 4: "point", 1: "line", 5: "line", 3: "area", 6: "area"}


def _records(frame: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    """The rows of ``frame`` as dicts of the columns in :data:`_READ` plus ``category``
    (what ``to_dict("records")`` gives, several times faster on large frames)."""
    names = [name for name in _READ if name in frame.columns]
    columns = [frame[name].array.to_numpy().tolist() if name == "geometry" else
               frame[name].tolist() for name in names]
    names.append("category")
    columns.append(_categories(columns[names.index("geometry")]))
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]


def _groups(frame: gpd.GeoDataFrame, by_change: bool) -> list[list[dict[str, Any]]]:
    """Rows grouped by place (and change), areas first, then lines, then points."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in _records(frame):
        key = (row["change"] if by_change else "", row["place_id"])
        group = groups.get(key)
        if group is None:
            groups[key] = [row]
        else:
            group.append(row)
    status_order = {c: i for i, c in enumerate(CHANGES)}
    return [groups[key] for key in sorted(groups, key=lambda key: (
        _DRAW_ORDER[groups[key][0]["category"]], status_order.get(key[0], 0), key[1]))]


def _small_area(geometry: shapely.Geometry, styles: dict[str, dict[str, Any]],
                look: Style) -> dict[str, Any]:
    """What the map's script needs to draw an area as a symbol while it is too small to see
    at the zoom shown (the Bamako capital district on a map of Mali): ``c`` its
    representative point (lat, lon), ``b`` its bounds, ``cs`` the point style to draw."""
    point = geometry.representative_point()
    west, south, east, north = geometry.bounds
    styles.setdefault(look.key, options(look))
    return {"c": [round(point.y, 5), round(point.x, 5)],
            "b": [[round(south, 5), round(west, 5)], [round(north, 5), round(east, 5)]],
            "cs": look.key}


#: px between the centres of point symbols drawn at one spot (a symbol is 20 px wide)
SPREAD_PX = 16


def spread_coincident(features: list[dict[str, Any]], geometries: list[Any]) -> None:
    """Give point symbols at the same spot on one view side-by-side offsets (``o``, px):
    a withdrawn and a new presence at one place would otherwise hide one another. The
    offsets follow the features' order, so the page is the same on every build."""
    spots: dict[tuple[float, float], list[dict[str, Any]]] = {}
    for feature, geometry in zip(features, geometries, strict=True):
        if feature["k"] == "point" and geometry.geom_type == "Point":
            spots.setdefault((round(geometry.x, 6), round(geometry.y, 6)), []).append(feature)
    for together in spots.values():
        for i, feature in enumerate(together if len(together) > 1 else ()):
            feature["o"] = round((i - (len(together) - 1) / 2) * SPREAD_PX)


#: From this many features (on the three layers together) the map switches to its mode for
#: large maps: features drawn on a canvas, points clustered, popups stored as
#: :class:`Fragments`. Below it, each feature is an SVG path or marker (the seed story: 48).
CANVAS_FROM = 3000
DRAW_MODES: tuple[str, ...] = ("auto", "svg", "canvas")


def build_layers(timeline: Timeline, *, before: dt.date, after: dt.date, lang: str,
                 store: GeometryStore, draw: str = "auto",
                 fragments: Fragments | None = None, show_files: bool = False) -> Layers:
    """Before, After and Change for ``timeline`` between ``before`` and ``after``.

    ``draw``: ``svg`` gives each feature its popup and tooltip as HTML; ``canvas`` as lists
    of numbers into ``fragments`` (a new :class:`Fragments` when None), and sets
    :attr:`Layers.fragments`; ``auto`` chooses ``canvas`` from :data:`CANVAS_FROM` features.
    ``show_files``: popups name the article file of a source that has no URL.
    """
    scenario = timeline.scenario
    force_order = {force_id: i for i, force_id in enumerate(scenario.forces)}
    colours = scenario_colours(scenario)
    frames = {"before": timeline.snapshot(before), "after": timeline.snapshot(after),
              "change": timeline.change(before, after)}
    if draw == "auto":
        draw = "canvas" if sum(map(len, frames.values())) >= CANVAS_FROM else "svg"
    if draw == "canvas" and fragments is None:
        fragments = Fragments()
    styles: dict[str, dict[str, Any]] = {}
    looks: dict[str, Style] = {}
    style_keys: dict[tuple[Any, ...], str] = {}
    forces_seen: set[str] = set()
    layers: dict[str, Layer] = {}
    context = popups.PopupContext(scenario, before=before, after=after, lang=lang,
                                  show_files=show_files)
    popup, tooltip = popups.popup, popups.tooltip
    if fragments is not None:
        def popup(rows: list[dict[str, Any]], name: str, context: Any) -> Any:
            return popups.popup_ids(rows, name, context, fragments)

        def tooltip(rows: list[dict[str, Any]], name: str, context: Any) -> Any:
            return popups.tooltip_id(rows, name, context, fragments)
    for name in LAYERS:
        layer = Layer(name)
        features, geometries = layer.features, []
        for rows in _groups(frames[name], by_change=name == "change"):
            first = rows[0]
            kind = first["category"]
            status = first["change"] if name == "change" else "present"
            if len(rows) == 1:  # most features at scale: the same, without the loops
                ids: tuple[str, ...] = (first["force_id"],)
                certain = bool(first["certain"])
                hatched = kind == "area" and first["location_precision"] != "exact"
                forces_seen.add(first["force_id"])
            else:
                rows.sort(key=lambda r: (force_order[r["force_id"]], r["presence_id"]))
                first = rows[0]
                ids = tuple(dict.fromkeys(r["force_id"] for r in rows))
                certain = all(bool(r["certain"]) for r in rows)
                hatched = kind == "area" and any(r["location_precision"] != "exact"
                                                 for r in rows)
                forces_seen.update(ids)
            described = (kind, status, ids, first["kind"], certain, hatched)
            key = style_keys.get(described)
            if key is None:
                look = style_for(kind, status, ids, colours, kind=first["kind"],
                                 certain=certain, hatched=hatched)
                key = style_keys[described] = look.key
                looks[key] = look
                styles[key] = options(look)
                layer.statuses.add(status)
                layer.categories.add("hatched" if hatched else kind)
                layer.uncertain |= not certain and status != "withdrawn"
            elif key not in layer.styles:
                layer.statuses.add(status)
                layer.categories.add("hatched" if hatched else kind)
                layer.uncertain |= not certain and status != "withdrawn"
            layer.styles.add(key)
            geometries.append(first["geometry"])
            feature = {"g": 0, "s": key, "k": kind, "pop": popup(rows, name, context),
                       "tip": tooltip(rows, name, context)}
            if kind == "point" and fragments is None:  # a site is named on the map itself
                feature["n"] = esc(popups.place_name(first, lang))
            elif kind == "area" and fragments is None:
                feature.update(_small_area(first["geometry"], styles, style_for(
                    "point", status, ids, colours, kind=first["kind"], certain=certain)))
                feature["n"] = esc(popups.place_name(first, lang))
            features.append(feature)
        for feature, index in zip(features, store.add_many(geometries), strict=True):
            feature["g"] = index
        spread_coincident(features, geometries)
        layers[name] = layer
    return Layers(layers, styles, looks, legend_forces(scenario, forces_seen, lang), colours,
                  fragments,
                  frames["change"])


__all__ = ["CANVAS_FROM", "DRAW_MODES", "LAYERS", "SPREAD_PX", "Fragments", "GeometryStore",
           "Layer", "Layers", "build_layers", "category", "spread_coincident"]
