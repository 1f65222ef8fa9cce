"""QGIS's drawing of a presentation-model style: the QML text of a layer's default style.

The GeoPackage stores one QML document per layer in its ``layer_styles`` table
(:mod:`geo.render.geopackage`), so QGIS opens every layer drawn like the published map. A
layer gets a rule-based renderer: one rule per :class:`~geo.render.presentation.Style` its
features are drawn in, each with the filter that picks those features, and a last ``ELSE``
rule in the neutral colour for anything a user adds. Presence layers also carry their
temporal settings (start and end from the ``start`` and ``end`` DATE fields), which QGIS
applies when the style is loaded onto an open layer (on opening it sets its own; see
:mod:`geo.render.geopackage`).

Nothing here decides a colour or a treatment: they come from the presentation model
(``data/render/style.yaml``); this module only says how QGIS symbol layers draw them. Widths
of the HTML map in CSS pixels become points (``0.75`` each); the text is the same for the same
styles, so the GeoPackage stays byte-identical from one run to the next.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass

from .presentation import Style, palette

#: The QGIS version written in the documents: the oldest these styles are checked with
#: (``tests/test_qgis.py`` loads them in Debian's QGIS 3.22).
QGIS_VERSION = "3.22.0"
#: ``<layerGeometryType>`` of each category (QGIS's point, line, polygon).
GEOMETRY_TYPE = {"point": "0", "line": "1", "area": "2"}
#: QGIS symbol type of each category.
SYMBOL_TYPE = {"point": "marker", "line": "line", "area": "fill"}
#: Points per CSS pixel: the HTML map's widths drawn at the same size in QGIS.
PT = 0.75
#: Width of a point symbol and of the halo around a new one, in points.
MARKER_SIZE, HALO_SIZE = 10.0, 14.5
#: Qt pen of each outline (marker edges) and dash patterns in CSS pixels (areas, lines).
_PEN = {"solid": "solid", "dashed": "dash", "dotted": "dot"}
_DASH = {"area": {"dashed": (7.0, 5.0), "dotted": (1.5, 4.0)},
         "line": {"dashed": (10.0, 7.0), "dotted": (1.0, 7.0)}}
#: Hatch of an area the sources name without a site: stripe width and step, CSS pixels.
_STRIPE, _STEP = 2.2, 5.0
WHITE = "#ffffff"

SymbolLayer = tuple[str, dict[str, str], "list[SymbolLayer] | None"]


@dataclass(frozen=True)
class Rule:
    """One rule of a layer's renderer: which features (a QGIS expression), its legend text."""

    filter: str  # "ELSE": every feature no other rule takes
    label: str
    style: Style


def _number(value: float) -> str:
    return f"{round(value, 4):g}"


def rgba(colour: str, alpha: float = 1.0) -> str:
    """``#rrggbb`` and an opacity as QGIS writes a colour: ``r,g,b,a`` (0–255)."""
    value = colour.lstrip("#")
    red, green, blue = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return f"{red},{green},{blue},{round(alpha * 255)}"


def _line(colour: str, alpha: float, width_px: float, dash: tuple[float, float] | None = None,
          *, cap: str = "flat") -> SymbolLayer:
    """A QGIS simple line (also the outline layer of a fill)."""
    props = {"line_color": rgba(colour, alpha), "line_width": _number(width_px * PT),
             "line_width_unit": "Point", "line_style": "solid", "capstyle": cap,
             "joinstyle": "round", "use_custom_dash": "0"}
    if dash:
        props.update(use_custom_dash="1", customdash=";".join(_number(d * PT) for d in dash),
                     customdash_unit="Point")
    return ("SimpleLine", props, None)


def _marker_layers(style: Style) -> list[SymbolLayer]:
    treatment, layers = style.treatment, []
    if treatment.halo:
        layers.append(("SimpleMarker", {
            "name": "circle", "color": rgba(palette().halo, 0.85), "outline_style": "no",
            "size": _number(HALO_SIZE), "size_unit": "Point"}, None))
    if not treatment.point_fill:  # open: white inside, the force's colour around
        fill, edge, edge_px = rgba(WHITE), rgba(style.colour), 2.4
    elif style.outline == "solid":
        fill, edge, edge_px = rgba(style.colour, 1 if style.certain else 0.55), rgba(WHITE), 1.6
    else:
        fill, edge, edge_px = rgba(style.colour, 0.55), rgba(style.colour), 2.0
    layers.append(("SimpleMarker", {
        "name": style.symbol or "circle", "color": fill, "outline_color": edge,
        "outline_style": _PEN[style.outline], "outline_width": _number(edge_px * PT),
        "outline_width_unit": "Point", "joinstyle": "miter", "size": _number(MARKER_SIZE),
        "size_unit": "Point"}, None))
    return layers


def _line_layers(style: Style) -> list[SymbolLayer]:
    width = style.treatment.line_width
    layers = [_line(palette().halo, 0.85, width + 8, cap="round")] if style.treatment.halo else []
    dotted = style.outline == "dotted"
    layers.append(_line(style.colour, 0.95, width, _DASH["line"].get(style.outline),
                        cap="round" if dotted else "flat"))
    return layers


def _fill_layers(style: Style) -> list[SymbolLayer]:
    treatment = style.treatment
    layers = [_line(palette().halo, 0.85, 2 + 8)] if treatment.halo else []
    tint = treatment.area_fill * 0.6 if style.hatched else (treatment.area_fill or 0.04)
    layers.append(("SimpleFill", {"color": rgba(style.colour, tint), "style": "solid",
                                  "outline_style": "no"}, None))
    if style.hatched:
        stripe = _line(style.colour, treatment.hatch, _STRIPE)
        layers.append(("LinePatternFill", {
            "angle": "45", "distance": _number(_STEP * PT), "distance_unit": "Point",
            "line_width": _number(_STRIPE * PT), "line_width_unit": "Point",
            "color": rgba(style.colour, treatment.hatch)}, [stripe]))
    layers.append(_line(style.colour, 0.95, 2.0, _DASH["area"].get(style.outline)))
    return layers


def symbol_layers(style: Style) -> list[SymbolLayer]:
    """The QGIS symbol layers (class, properties, sub-symbol) that draw ``style``."""
    draw = {"point": _marker_layers, "line": _line_layers, "area": _fill_layers}
    return draw[style.category](style)


def _symbol(kind: str, name: str, layers: list[SymbolLayer]) -> ET.Element:
    symbol = ET.Element("symbol", {"type": kind, "name": name, "alpha": "1",
                                   "clip_to_extent": "1", "force_rhr": "0"})
    for index, (cls, props, sub) in enumerate(layers):
        layer = ET.SubElement(symbol, "layer", {"class": cls, "enabled": "1", "locked": "0",
                                                "pass": "0"})
        options = ET.SubElement(layer, "Option", {"type": "Map"})
        for key in sorted(props):
            ET.SubElement(options, "Option", {"type": "QString", "name": key,
                                              "value": props[key]})
        if sub is not None:
            layer.append(_symbol("line", f"@{name}@{index}", sub))
    return symbol


def _temporal(start_field: str, end_field: str) -> ET.Element:
    """QGIS's temporal settings: "separate fields for start and end date", end excluded."""
    temporal = ET.Element("temporal", {
        "enabled": "1", "mode": "2", "limitMode": "0", "startField": start_field,
        "endField": end_field, "accumulate": "0", "fixedDuration": "0", "durationField": "",
        "durationUnit": "d", "startExpression": "", "endExpression": ""})
    fixed = ET.SubElement(temporal, "fixedRange")
    ET.SubElement(fixed, "start").text = ""
    ET.SubElement(fixed, "end").text = ""
    return temporal


def layer_style(name: str, category: str, rules: Iterable[Rule], *,
                temporal: tuple[str, str] | None = None) -> str:
    """The QML document of one layer: a rule-based renderer drawing ``rules`` in order.

    Parameters
    ----------
    name
        The layer's name (rule keys start with it).
    category
        ``point``, ``line`` or ``area``: the layer's geometry.
    rules
        The rules; give an ``ELSE`` rule last for features no other rule takes.
    temporal
        ``(start field, end field)``: the layer is time-aware in QGIS from these DATE fields
        (a feature shows from its start until the day before its end; null: open).
    """
    categories = "Symbology|Temporal" if temporal else "Symbology"
    root = ET.Element("qgis", {"version": QGIS_VERSION, "styleCategories": categories})
    if temporal:
        root.append(_temporal(*temporal))
    renderer = ET.SubElement(root, "renderer-v2", {
        "type": "RuleRenderer", "symbollevels": "0", "forceraster": "0",
        "enableorderby": "0", "referencescale": "-1"})
    tree = ET.SubElement(renderer, "rules", {"key": f"{name}:root"})
    symbols = ET.SubElement(renderer, "symbols")
    for index, rule in enumerate(rules):
        ET.SubElement(tree, "rule", {"key": f"{name}:{index}", "symbol": str(index),
                                     "label": rule.label, "filter": rule.filter})
        symbols.append(_symbol(SYMBOL_TYPE[category], str(index), symbol_layers(rule.style)))
    ET.SubElement(root, "layerGeometryType").text = GEOMETRY_TYPE[category]
    ET.indent(root, space=" ")
    return ("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
            + ET.tostring(root, encoding="unicode") + "\n")


__all__ = ["GEOMETRY_TYPE", "QGIS_VERSION", "SYMBOL_TYPE", "Rule", "layer_style", "rgba",
           "symbol_layers"]
