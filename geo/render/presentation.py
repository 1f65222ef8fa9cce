"""What every map draws, decided in one place: the presentation model.

Each drawn feature (the presences at one place on one view) gets a :class:`Style`: its
category (``area``, ``line`` or ``point``), its colours (one per force type there), its
treatment (how its change is drawn: fill, outline, line width, open or filled symbol,
halo) and its symbol (by kind of place). :func:`legend_entries` turns the styles a map
draws into the entries of its legend, worded in the map's language. The HTML map, the
static maps, the alt text and the GIS exports' style hints all read from here; the tables
behind it are in ``data/render/style.yaml``.

Renderers only translate a :class:`Style` into their own drawing terms (Leaflet options and
SVG in :mod:`geo.render.html.style`, matplotlib arguments in
:mod:`geo.render.static.style`); none keeps colours or treatments of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..data_files import read_data_yaml
from ..i18n import label
from .type_words import force_type_name, type_note

CATEGORIES: tuple[str, ...] = ("area", "line", "point")
#: Changes in legend order; ``present`` is the state of a single day (Before, After).
TREATED: tuple[str, ...] = ("present", "remained", "withdrawn", "new")
#: Kinds of place whose points get a symbol of their own, in legend order.
SYMBOL_ORDER: tuple[str, ...] = ("base", "airport", "checkpoint", "city")


@dataclass(frozen=True)
class Treatment:
    """How one change is drawn, in the force's colour (see ``data/render/style.yaml``)."""

    area_fill: float
    hatch: float
    outline: str
    line_width: float
    point_fill: bool
    halo: bool


@dataclass(frozen=True)
class Palette:
    """The tables of ``data/render/style.yaml``."""

    forces: Mapping[str, str]
    changes: Mapping[str, Treatment]
    uncertain_outline: str
    symbols: Mapping[str, str]
    neutral: str
    halo: str

    def colour(self, force_type: str) -> str:
        """The colour of ``force_type`` (that of ``other`` for a type without one)."""
        return self.forces.get(force_type, self.forces["other"])

    def symbol(self, kind: str) -> str:
        """The point symbol of a kind of place (a circle for kinds without one)."""
        return self.symbols.get(kind, "circle")


@cache
def palette() -> Palette:
    """The palette, read once."""
    raw: dict[str, Any] = read_data_yaml("render", "style.yaml")
    return Palette(
        forces=dict(raw["forces"]),
        changes={name: Treatment(**spec) for name, spec in raw["changes"].items()},
        uncertain_outline=raw["uncertain_outline"],
        symbols=dict(raw["symbols"]),
        neutral=raw["neutral"],
        halo=raw["halo"],
    )


@dataclass(frozen=True)
class Style:
    """How one feature is drawn, whatever the renderer."""

    category: str  # area, line, point
    change: str  # present, remained, withdrawn, new
    force_types: tuple[str, ...]
    colours: tuple[str, ...]  # one per force type, in the same order
    symbol: str  # for points: circle, square, triangle, diamond
    certain: bool
    hatched: bool  # an area the sources name, not a site in it
    treatment: Treatment

    @property
    def colour(self) -> str:
        """The main colour (the first force's)."""
        return self.colours[0]

    @property
    def outline(self) -> str:
        """``solid``, ``dashed`` or ``dotted``: the change's, or dotted where unsure."""
        if not self.certain and self.change != "withdrawn":
            return palette().uncertain_outline
        return self.treatment.outline

    @property
    def key(self) -> str:
        """A short stable name (a map and its legend share it)."""
        return "|".join((self.category, self.change, "+".join(self.force_types), self.symbol,
                         "c" if self.certain else "u", "h" if self.hatched else "s"))

    def hint(self) -> dict[str, Any]:
        """Flat style hints for GIS exports (QGIS, Leaflet users): colour, fill, outline."""
        treatment = self.treatment
        return {"style_colour": self.colour, "style_symbol": self.symbol,
                "style_outline": self.outline, "style_fill_opacity": treatment.area_fill,
                "style_filled": treatment.point_fill, "style_halo": treatment.halo}


@cache
def style_for(category: str, change: str, force_types: tuple[str, ...], *,
              kind: str = "", certain: bool = True, hatched: bool = False) -> Style:
    """The style of a feature: ``force_types`` there, its ``change``, its kind of place."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}; use one of: {', '.join(CATEGORIES)}")
    look = palette()
    types = force_types or ("other",)
    return Style(category, change, types, tuple(look.colour(t) for t in types),
                 look.symbol(kind) if category == "point" else "",
                 certain, hatched and category == "area", look.changes[change])


def neutral(category: str, change: str, *, symbol: str = "circle", hatched: bool = True,
            certain: bool = True) -> Style:
    """A style in the neutral colour: the swatch of a change or symbol legend entry."""
    look = palette()
    return Style(category, change, ("other",), (look.neutral,), symbol,
                 certain, hatched and category == "area", look.changes[change])


@dataclass(frozen=True)
class LegendEntry:
    """One row of a legend: what it stands for, its words, and how to draw its swatches."""

    key: str  # force:<type>, change:<change>, symbol:<kind>, reading:<hatched|uncertain>
    text: str
    note: str
    swatches: tuple[Style, ...]


def legend_entries(styles: Iterable[Style], forces: Mapping[str, list[str]], lang: str
                   ) -> list[LegendEntry]:
    """The legend of a map that draws ``styles``: forces, changes, symbols, reading notes.

    ``forces``: force type -> the names of the forces of that type on the map. Only what
    the map draws is listed; every renderer draws the same entries in the same order.
    """
    drawn = list(styles)
    look = palette()
    entries = []
    for force_type, names in forces.items():
        swatch = style_for("area", "present", (force_type,))
        text = ", ".join(names) or force_type_name(force_type, lang)
        note = type_note(names, force_type, lang) if names else ""
        entries.append(LegendEntry(f"force:{force_type}", text, note, (swatch,)))
    categories = [c for c in CATEGORIES if any(s.category == c for s in drawn)]
    for change in ("remained", "withdrawn", "new"):
        if any(s.change == change for s in drawn):
            swatches = tuple(neutral(c, change, symbol="circle") for c in categories)
            entries.append(LegendEntry(f"change:{change}", label(change, lang),
                                       label(f"map_{change}_note", lang), swatches))
    symbols = {s.symbol for s in drawn if s.category == "point"}
    if len(symbols) > 1 or symbols - {"circle"}:
        for kind in SYMBOL_ORDER:
            if look.symbol(kind) in symbols:
                symbols.discard(look.symbol(kind))
                entries.append(LegendEntry(f"symbol:{kind}", label(f"kind_{kind}", lang), "",
                                           (neutral("point", "present",
                                                    symbol=look.symbol(kind)),)))
    if any(s.hatched for s in drawn):
        entries.append(LegendEntry("reading:hatched", label("map_hatched", lang), "",
                                   (neutral("area", "present"),)))
    unsure = unsure_swatches(drawn)
    if unsure:  # an area's or a line's dots; a point's on a map whose only unsure are points
        entries.append(LegendEntry("reading:uncertain", label("map_dashed", lang), "",
                                   unsure[:1]))
    return entries


def unsure_swatches(styles: Iterable[Style]) -> tuple[Style, ...]:
    """A swatch of each kind of feature (area, line, point) ``styles`` draw unsure, in the
    uncertain outline (dots, never a withdrawal's dashes); points last."""
    drawn = list(styles)
    dotted = palette().uncertain_outline
    return tuple(neutral(c, "present", certain=False, hatched=False) for c in CATEGORIES
                 if any(s.category == c and s.outline == dotted for s in drawn))


def countries_shown(scenario: Any) -> list[str]:
    """The story's countries that hold a presence, in the scenario's order (a scenario may
    list a force's home country only so that its places resolve); the main country when
    none does. Titles, alt text, the locator inset and the static map's extent use them."""
    present = {p.place.country for p in scenario.presences}
    listed = scenario.countries or (scenario.country,)
    return [c for c in listed if c in present] or [scenario.country]


__all__ = [
    "CATEGORIES",
    "SYMBOL_ORDER",
    "TREATED",
    "LegendEntry",
    "Palette",
    "Style",
    "Treatment",
    "countries_shown",
    "force_type_name",
    "legend_entries",
    "neutral",
    "palette",
    "style_for",
    "unsure_swatches",
]
