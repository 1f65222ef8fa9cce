"""What goes on a static map: the places of each panel and their labels, en/vi.

Each place drawn is a :class:`~geo.render.static.draw.Feature` (its presences, how they
changed, whether the sources are sure); each gets a :class:`~geo.render.static.label_text.Label`
(name, forces, strength). Context labels (neighbouring countries, the capital, other regions
and provinces) are optional: the placer drops them when there is no room.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import shapely

from ...gazetteer.boundaries import capitals, read_layer
from ...gazetteer.normalize import normalize
from ...i18n import label
from ...timeline import CHANGES
from ..presentation import ForceColours, Style, style_for
from ..type_words import SILENT_TYPES
from .draw import Feature, line_half_width
from .label_text import Label
from .names import (
    country_name,
    first_upper,
    force_type_name,
    join_words,
    name_of,
    place_name,
    strength_text,
)
from .projection import projected, simplified
from .style import GREY, SIZES

#: An area whose width and height are both under this share of the map's width is too
#: small to see at the map's scale (the Bamako capital district on a map of Mali): it is
#: drawn as a point symbol at its representative point.
SMALL_AREA_SHARE = 0.015


def too_small(geometry: Any, extent: Any) -> bool:
    """True for a projected area too small to see on a map of ``extent``."""
    if geometry.geom_type not in ("Polygon", "MultiPolygon") or geometry.is_empty:
        return False
    west, south, east, north = geometry.bounds
    return max(east - west, north - south) < extent.width * SMALL_AREA_SHARE


def features(frame: Any, panel: str, crs: str, extent: Any,
             approximate: dict[str, bool], colours: ForceColours) -> list[Any]:
    """The places drawn on one panel (before, after, change), areas first, then lines, points,
    each force in its colour (``colours``).

    On the after map, a place every presence has left is a ghost: an outline, unlabelled.
    An area too small to see at the map's scale (:func:`too_small`) is drawn as a point.
    """
    shown = {"before": ("withdrawn", "remained"), "after": ("remained", "new"),
             "change": CHANGES}[panel]
    certain = {"before": "certain_before", "after": "certain_after", "change": "certain"}[panel]
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in frame.to_dict("records"):
        groups.setdefault(row["place_id"], []).append(row)
    drawn = []
    for place_id, rows in groups.items():
        here = [r for r in rows if r["change"] in shown]
        ghost = panel == "after" and not here
        if ghost:
            here = rows
        elif not here:  # new by the after day: not on the before map
            continue
        statuses = tuple(c for c in CHANGES if any(r["change"] == c for r in here))
        sure = all(bool(r[certain]) for r in here)
        geometry = simplified(projected(rows[0]["geometry"], crs), extent)
        if too_small(geometry, extent):  # a symbol where the area is, or nothing would show
            geometry = geometry.representative_point()
        feature = Feature(place_id, geometry, here, statuses, sure, ghost,
                          approximate.get(place_id, False))
        feature.looks = tuple(_look(feature, status, panel, colours) for status in statuses)
        drawn.append(feature)
    order = {"area": 0, "line": 1, "point": 2}
    return sorted(drawn, key=lambda f: order[f.shape])


#: The treatment of each change on each panel: the before map shows that day (all
#: "present"); the after map what remained, what is new, and the places left ("withdrawn",
#: drawn as outlines); the change map shows the change itself.
_TREATMENT = {"before": {"withdrawn": "present", "remained": "present", "new": "present"},
              "after": {"withdrawn": "withdrawn", "remained": "remained", "new": "new"},
              "change": {c: c for c in CHANGES}}


def _look(feature: Feature, status: str, panel: str, colours: ForceColours) -> Style:
    """The presentation model's style of the presences of ``feature`` with ``status``."""
    rows = [r for r in feature.rows if r["change"] == status]
    ids = tuple(dict.fromkeys(r["force_id"] for r in rows))
    return style_for(feature.shape, _TREATMENT[panel][status], ids, colours,
                     kind=rows[0]["kind"],
                     certain=feature.certain or feature.ghost,
                     hatched=any(r["location_precision"] != "exact" for r in rows))


def label_for(feature: Any, lang: str, site: Any = None) -> Any:
    """The label of a presence: place name (with ? when unsure), forces and strength.

    ``site``: where a point's symbols are drawn (:class:`~geo.render.static.symbols.Site`);
    the label points there and keeps clear of all of them.
    """
    row = feature.rows[0]
    name = first_upper(place_name(row, lang, short=True))
    if not feature.certain:
        name += " ?"
    lowered = name.lower()
    types: list[str] = []
    for r in feature.rows:
        if r["force_type"] in SILENT_TYPES:  # "other, about 25" says nothing
            continue
        words = force_type_name(r["force_type"], lang)
        if words not in types and words.lower() not in lowered:
            types.append(words)
    strengths = [s for r in feature.rows
                 if (s := strength_text(r["strength"], r["strength_approximate"], lang))]
    troops = [label("static_map_troops", lang).format(n=s) for s in strengths]
    if strengths and not types:  # "about 5,000" alone would not say of what
        strengths = troops
    detail = ", ".join(types + strengths)
    # the most constrained first: a border's name has its line, an area's its inside; a
    # point's has room all around (and a leader)
    priority = {"line": 0, "area": 10, "point": 20}[feature.shape]
    geometry, half, radius = feature.geometry, None, 4.5
    if feature.shape == "point" and site is not None:
        geometry = shapely.Point(site.xy)
        half = site.half
    elif feature.shape == "line":
        radius = line_half_width(feature)
    return Label(name, detail, feature.shape, geometry, priority, radius=radius,
                 key=feature.place_id, half=half,
                 brief=", ".join(troops) if feature.shape == "point" else None)


def share_details(labels: list[Any], lang: str) -> list[str]:
    """Move a detail that several area labels repeat into one legend note.

    Five provinces each labelled "troops, border guards" crowd a small map; the legend
    says it once ("Ararat, Syunik, ...: troops, border guards") and the labels keep names.
    """
    names: dict[str, list[str]] = {}
    for item in labels:
        if item.shape == "area" and item.detail:
            bare = item.name.removesuffix(" ?")
            if bare not in names.setdefault(item.detail, []):
                names[item.detail].append(bare)
    shared = {detail for detail, places in names.items() if len(places) >= 2}
    for item in labels:
        if item.shape == "area" and item.detail in shared:
            item.detail = ""
    return [label("static_map_note_group", lang).format(
        places=join_words(names[detail], lang), forces=detail)
        for detail in names if detail in shared]


def number_labels(labels: list[Any], numbered: tuple[str, ...], lang: str) -> list[str]:
    """Label the places in ``numbered`` by a number; their key's lines, in that order.

    The same place has the same number on every map of the figure.
    """
    lines, numbers = [], {key: n for n, key in enumerate(numbered, 1)}
    for key in numbered:
        same = [item for item in labels if item.key == key]
        if not same:
            continue
        first = same[0]
        words = label("static_map_key_entry" if first.detail else "static_map_key_name",
                      lang).format(number=numbers[key], name=first.name, detail=first.detail)
        lines.append(words)
        for item in same:
            item.number = numbers[key]
    return lines


#: A presence's point this close to the capital (metres) is the capital itself.
SAME_SPOT_M = 3000.0


def _repeats(name: str, named: set[str]) -> bool:
    """Whether a context label's ``name`` is one the map already labels (``named``: keys)."""
    return normalize(name) in named


def context_labels(base: Any, extent: Any, crs: str, country: str, lang: str,
                   used: set[str], layout: str, *, named: Sequence[Any] = (),
                   drawn: Sequence[Any] = (), sites: Mapping[str, Any] | None = None,
                   home: bool = False) -> list[Any]:
    """Capital, neighbouring countries, other regions and provinces: optional labels.

    None repeats a name of ``named`` (the presences' labels), and the capital is left
    unnamed when a presence of ``drawn`` stands on it: the presence's label names it.
    ``sites``: where the symbols are drawn (the capital's label points at its square).
    ``home``: the map shows part of the story's country, so it is named too.
    """
    muted = "#7a7468"
    window = extent.box()
    keys = {normalize(item.name.removesuffix(" ?")) for item in named}
    labels = []
    countries = sorted(base.land, key=lambda item: (-item[1].area, item[0]))
    if home and base.focus is not None:
        countries.insert(0, (country, base.focus))
    for code, geometry in countries:
        visible = geometry.intersection(window)
        name = country_name(code, lang)
        if visible.area < window.area * 0.02 or _repeats(name, keys):
            continue
        own = code == country
        labels.append(Label(name.upper(), "", "free", visible, 35 if own else 40,
                            optional=True, name_style={
                                "fontsize": SIZES["country"] + (1.5 if own else 0),
                                "fontweight": "bold" if own else "normal",
                                "color": "#5f574b" if own else muted}))
    for record in read_layer("regions"):
        if record["id"] in used or record.get("country") == country:
            continue
        geometry = projected(record["geometry"], crs)
        if geometry.area > window.area * 0.3 or (
                geometry.intersection(window).area < geometry.area * 0.8) or _repeats(
                name_of(record, lang), keys):
            continue
        labels.append(Label(name_of(record, lang), "", "free", geometry, 45, optional=True,
                            name_style={"fontsize": SIZES["city"], "fontweight": "normal",
                                        "color": muted, "style": "italic"}))
    capital_names = set()
    points = [f.geometry for f in drawn if f.shape == "point"]
    square = (sites or {}).get("")
    for record in capitals(country):
        capital_names.add(record["name"])
        where = projected(record["geometry"], crs)
        if _repeats(name_of(record, lang), keys) or any(
                where.distance(p) < SAME_SPOT_M for p in points):
            continue
        labels.append(Label(name_of(record, lang), "", "point",
                            where if square is None else shapely.Point(square.xy), 30,
                            optional=True, radius=3.0,
                            name_style={"fontsize": SIZES["city"], "fontweight": "normal"}))
    if layout == "change":
        provinces = {record["id"]: record for record in read_layer("provinces")}
        for province_id, name, geometry in base.provinces:
            local = name_of(provinces[province_id], lang)
            if province_id not in used and name not in capital_names and not _repeats(
                    local, keys):
                labels.append(Label(local, "", "free", geometry, 50, optional=True,
                                    name_style={"fontsize": SIZES["city"] - 0.6,
                                                "fontweight": "normal", "color": GREY,
                                                "style": "italic"}))
    return labels


def capital(country: str, crs: str) -> tuple[float, float] | None:
    """The projected position of the story country's capital, if the data has one."""
    for record in capitals(country):
        point = projected(record["geometry"], crs)
        return point.x, point.y
    return None


def focus_lonlat(country: str) -> Any:
    """The story country's outline (longitude/latitude): the fine one when there is one."""
    for layer in ("basemap", "countries"):
        for record in read_layer(layer):
            if record.get("country") == country and record.get("kind") == "country":
                return record["geometry"]
    return None


__all__ = ["SMALL_AREA_SHARE", "capital", "context_labels", "features", "focus_lonlat", "label_for",
           "number_labels", "share_details"]
