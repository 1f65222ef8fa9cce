"""What goes on a static map: the places of each panel and their labels, en/vi.

Each place drawn is a :class:`~geo.render.static.draw.Feature` (its presences, how they
changed, whether the sources are sure); each gets a :class:`~geo.render.static.labels.Label`
(name, forces, strength). Context labels (neighbouring countries, the capital, other regions
and provinces) are optional: the placer drops them when there is no room.
"""

from __future__ import annotations

from typing import Any

from ...gazetteer.boundaries import read_layer
from ...i18n import label
from ...timeline import CHANGES
from ..presentation import Style, style_for
from .draw import Feature
from .labels import Label
from .names import (
    country_name,
    first_upper,
    force_type_name,
    join_words,
    name_of,
    place_name,
    strength_text,
)
from .projection import project, simplify
from .style import GREY, SIZES


def features(frame: Any, panel: str, crs: str, extent: Any,
              approximate: dict[str, bool]) -> list[Any]:
    """The places drawn on one panel (before, after, change), areas first, then lines, points.

    On the after map, a place every presence has left is a ghost: an outline, unlabelled.
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
        feature = Feature(place_id, simplify(project(rows[0]["geometry"], crs), extent), here,
                          statuses, sure, ghost, approximate.get(place_id, False))
        feature.looks = tuple(_look(feature, status, panel) for status in statuses)
        drawn.append(feature)
    order = {"area": 0, "line": 1, "point": 2}
    return sorted(drawn, key=lambda f: order[f.shape])


#: The treatment of each change on each panel: the before map shows that day (all
#: "present"); the after map what remained, what is new, and the places left ("withdrawn",
#: drawn as outlines); the change map shows the change itself.
_TREATMENT = {"before": {"withdrawn": "present", "remained": "present", "new": "present"},
              "after": {"withdrawn": "withdrawn", "remained": "remained", "new": "new"},
              "change": {c: c for c in CHANGES}}


def _look(feature: Feature, status: str, panel: str) -> Style:
    """The presentation model's style of the presences of ``feature`` with ``status``."""
    rows = [r for r in feature.rows if r["change"] == status]
    types = tuple(dict.fromkeys(r["force_type"] for r in rows))
    return style_for(feature.shape, _TREATMENT[panel][status], types, kind=rows[0]["kind"],
                     certain=feature.certain or feature.ghost,
                     hatched=any(r["location_precision"] != "exact" for r in rows))


def label_for(feature: Any, lang: str) -> Any:
    """The label of a presence: place name (with ? when unsure), forces and strength."""
    row = feature.rows[0]
    name = first_upper(place_name(row, lang, short=True))
    if not feature.certain:
        name += " ?"
    lowered = name.lower()
    types: list[str] = []
    for r in feature.rows:
        words = force_type_name(r["force_type"], lang)
        if words not in types and words.lower() not in lowered:
            types.append(words)
    strengths = [s for r in feature.rows
                 if (s := strength_text(r["strength"], r["strength_approximate"], lang))]
    if strengths and not types:  # "about 5,000" alone would not say of what
        strengths = [label("static_map_troops", lang).format(n=s) for s in strengths]
    detail = ", ".join(types + strengths)
    priority = {"point": 0, "area": 10, "line": 20}[feature.shape]
    return Label(name, detail, feature.shape, feature.geometry, priority,
                 radius=5.5 if feature.shape == "point" else 4.5)


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


def context_labels(base: Any, extent: Any, crs: str, country: str, lang: str,
                   used: set[str], layout: str) -> list[Any]:
    """Capital, neighbouring countries, other regions and provinces: optional labels."""
    muted = "#7a7468"
    window = extent.box()
    labels = []
    for code, geometry in sorted(base.land, key=lambda item: (-item[1].area, item[0])):
        visible = geometry.intersection(window)
        if visible.area < window.area * 0.02:
            continue
        labels.append(Label(country_name(code, lang).upper(), "", "free", visible, 40,
                            optional=True, name_style={"fontsize": SIZES["country"],
                                                       "fontweight": "normal",
                                                       "color": muted}))
    for record in read_layer("regions"):
        if record["id"] in used or record.get("country") == country:
            continue
        geometry = project(record["geometry"], crs)
        if geometry.area > window.area * 0.3 or (
                geometry.intersection(window).area < geometry.area * 0.8):
            continue
        labels.append(Label(name_of(record, lang), "", "free", geometry, 45, optional=True,
                            name_style={"fontsize": SIZES["city"], "fontweight": "normal",
                                        "color": muted, "style": "italic"}))
    capitals = set()
    for record in read_layer("places"):
        if record.get("country") == country and record.get("capital") is True:
            capitals.add(record["name"])
            labels.append(Label(name_of(record, lang), "", "point",
                                project(record["geometry"], crs), 5, optional=True,
                                radius=3.0, name_style={"fontsize": SIZES["city"],
                                                        "fontweight": "normal"}))
    if layout == "change":
        provinces = {record["id"]: record for record in read_layer("provinces")}
        for province_id, name, geometry in base.provinces:
            if province_id not in used and name not in capitals:
                local = name_of(provinces[province_id], lang)
                labels.append(Label(local, "", "free", geometry, 50, optional=True,
                                    name_style={"fontsize": SIZES["city"] - 0.6,
                                                "fontweight": "normal", "color": GREY,
                                                "style": "italic"}))
    return labels


def capital(country: str, crs: str) -> tuple[float, float] | None:
    """The projected position of the story country's capital, if the data has one."""
    for record in read_layer("places"):
        if record.get("country") == country and record.get("capital") is True:
            point = project(record["geometry"], crs)
            return point.x, point.y
    return None


def focus_lonlat(country: str) -> Any:
    """The story country's outline (longitude/latitude): the fine one when there is one."""
    for layer in ("basemap", "countries"):
        for record in read_layer(layer):
            if record.get("country") == country and record.get("kind") == "country":
                return record["geometry"]
    return None


__all__ = ["capital", "context_labels", "features", "focus_lonlat", "label_for",
           "share_details"]
