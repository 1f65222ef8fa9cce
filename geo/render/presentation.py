"""What every map draws, decided in one place: the presentation model.

Each force of a scenario gets a colour of its own (:func:`force_colours`: never one
another force has while the palette has colours left; past that, one shared colour and one
legend line, "Other forces"). Each drawn feature (the presences at one place on one view)
gets a :class:`Style`: its category (``area``, ``line`` or ``point``), its colours (one per
force there), its treatment (how its change is drawn: fill, outline, line width, open or
filled symbol, halo) and its symbol (by kind of place). :func:`legend_entries` turns the
styles a map draws into the entries of its legend, worded in the map's language. The HTML
map, the static maps, the alt text and the GIS exports' style hints all read from here; the
tables behind it are in ``data/render/style.yaml``.

Renderers only translate a :class:`Style` into their own drawing terms (Leaflet options and
SVG in :mod:`geo.render.html.style`, matplotlib arguments in
:mod:`geo.render.static.style`); none keeps colours or treatments of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
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

    #: The forces' colours, in the order the forces without a type colour take them.
    colours: tuple[str, ...]
    #: Force type -> the colour a force of that type takes first (when still free).
    types: Mapping[str, str]
    #: The one colour of the forces past the palette's (grouped as "Other forces").
    others: str
    changes: Mapping[str, Treatment]
    uncertain_outline: str
    symbols: Mapping[str, str]
    neutral: str
    halo: str

    def symbol(self, kind: str) -> str:
        """The point symbol of a kind of place (a circle for kinds without one)."""
        return self.symbols.get(kind, "circle")


@cache
def palette() -> Palette:
    """The palette, read once."""
    raw: dict[str, Any] = read_data_yaml("render", "style.yaml")
    named: dict[str, str] = {name: colour.lower() for name, colour in raw["colours"].items()}
    return Palette(
        colours=tuple(named.values()),
        types={force_type: named[name] for force_type, name in raw["types"].items()},
        others=raw["others"].lower(),
        changes={name: Treatment(**spec) for name, spec in raw["changes"].items()},
        uncertain_outline=raw["uncertain_outline"],
        symbols=dict(raw["symbols"]),
        neutral=raw["neutral"],
        halo=raw["halo"],
    )


#: The legend key of the forces past the palette's colours (no force id starts with ``_``).
OTHERS = "_others"


@dataclass(frozen=True)
class ForceColours:
    """The colour of each force of one scenario: every map of it reads the same."""

    #: The ids of the forces that have a presence, in the scenario's order.
    forces: tuple[str, ...]
    #: The colour of each, in the same order.
    colours: tuple[str, ...]
    #: How many of them (the first) have a colour of their own; the rest share ``others``.
    own: int
    others: str
    _by_id: dict[str, str] = field(init=False, repr=False, compare=False, hash=False)
    _own: frozenset[str] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", dict(zip(self.forces, self.colours, strict=True)))
        object.__setattr__(self, "_own", frozenset(self.forces[:self.own]))

    def colour(self, force_id: str) -> str:
        """The colour of ``force_id`` (``others`` for a force with no presence)."""
        return self._by_id.get(force_id, self.others)

    def grouped(self, force_id: str) -> bool:
        """Whether ``force_id`` is one of the "Other forces" (past the palette's colours)."""
        return force_id not in self._own

    @property
    def by_id(self) -> dict[str, str]:
        """Force id -> colour."""
        return dict(self._by_id)


@cache
def force_colours(forces: tuple[tuple[str, str], ...]) -> ForceColours:
    """The colours of ``forces``, ``(id, type)`` in the scenario's order.

    The first as many forces as the palette has colours each get one of their own: in
    order, a force takes its type's colour unless a force before it took it; the forces
    left take, in order, the first colour no force has. The forces past them share
    ``others`` (one legend line, "Other forces"). The same forces give the same colours.
    """
    look = palette()
    own = min(len(forces), len(look.colours))
    chosen: dict[str, str] = {}
    for force_id, force_type in forces[:own]:
        preferred = look.types.get(force_type)
        if preferred is not None and preferred not in chosen.values():
            chosen[force_id] = preferred
    free = iter(c for c in look.colours if c not in chosen.values())
    colours = [chosen.get(force_id) or next(free) for force_id, _ in forces[:own]]
    colours += [look.others] * (len(forces) - own)
    return ForceColours(tuple(f for f, _ in forces), tuple(colours), own, look.others)


def legend_forces(scenario: Any, on_map: Iterable[str], lang: str
                  ) -> dict[str, tuple[str, str]]:
    """The forces of ``scenario`` whose ids are ``on_map``, as :func:`legend_entries` takes
    them: force id -> (its name in ``lang``, or English; its type), in the scenario's order."""
    shown = set(on_map)
    return {force_id: (force.names.get(lang) or force.names["en"], force.type)
            for force_id, force in scenario.forces.items() if force_id in shown}


def scenario_colours(scenario: Any) -> ForceColours:
    """:func:`force_colours` of the forces of ``scenario`` that have a presence."""
    used = {p.force for p in scenario.presences}
    return force_colours(tuple((f.id, f.type) for f in scenario.forces.values()
                               if f.id in used))


@dataclass(frozen=True)
class Style:
    """How one feature is drawn, whatever the renderer."""

    category: str  # area, line, point
    change: str  # present, remained, withdrawn, new
    forces: tuple[str, ...]  # the ids of the forces there, in the scenario's order
    colours: tuple[str, ...]  # one per force, in the same order
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
        return "|".join((self.category, self.change, "+".join(self.forces), self.symbol,
                         "c" if self.certain else "u", "h" if self.hatched else "s"))

    def hint(self) -> dict[str, Any]:
        """Flat style hints for GIS exports (QGIS, Leaflet users): colour, fill, outline."""
        treatment = self.treatment
        return {"style_colour": self.colour, "style_symbol": self.symbol,
                "style_outline": self.outline, "style_fill_opacity": treatment.area_fill,
                "style_filled": treatment.point_fill, "style_halo": treatment.halo}


@cache
def style_for(category: str, change: str, forces: tuple[str, ...], colours: ForceColours, *,
              kind: str = "", certain: bool = True, hatched: bool = False) -> Style:
    """The style of a feature: the ``forces`` there (ids, coloured by ``colours``), its
    ``change``, its kind of place."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}; use one of: {', '.join(CATEGORIES)}")
    look = palette()
    ids = forces or (OTHERS,)
    return Style(category, change, ids, tuple(colours.colour(f) for f in ids),
                 look.symbol(kind) if category == "point" else "",
                 certain, hatched and category == "area", look.changes[change])


def neutral(category: str, change: str, *, symbol: str = "circle", hatched: bool = True,
            certain: bool = True) -> Style:
    """A style in the neutral colour: the swatch of a change or symbol legend entry."""
    look = palette()
    return Style(category, change, (), (look.neutral,), symbol,
                 certain, hatched and category == "area", look.changes[change])


@dataclass(frozen=True)
class LegendEntry:
    """One row of a legend: what it stands for, its words, and how to draw its swatches."""

    key: str  # force:<id> (force:_others), change:<change>, symbol:<kind>, reading:<...>
    text: str
    note: str
    swatches: tuple[Style, ...]


def legend_entries(styles: Iterable[Style], forces: Mapping[str, tuple[str, str]],
                   colours: ForceColours, lang: str) -> list[LegendEntry]:
    """The legend of a map that draws ``styles``: forces, changes, symbols, reading notes.

    ``forces``: force id -> (its name in ``lang``, its type), the forces on the map in the
    scenario's order. Each force has its own line in its own colour; the forces past the
    palette's colours (``colours.grouped``) share one, "Other forces", naming them. Only
    what the map draws is listed; every renderer draws the same entries in the same order.
    """
    drawn = list(styles)
    look = palette()
    entries, others = [], []
    for force_id, (name, force_type) in forces.items():
        if colours.grouped(force_id):
            others.append(name)
            continue
        swatch = style_for("area", "present", (force_id,), colours)
        entries.append(LegendEntry(f"force:{force_id}", name or force_type_name(force_type, lang),
                                   type_note([name], force_type, lang) if name else "",
                                   (swatch,)))
    if others:
        entries.append(LegendEntry(f"force:{OTHERS}", label("map_other_forces", lang),
                                   ", ".join(others),
                                   (style_for("area", "present", (OTHERS,), colours),)))
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
    "OTHERS",
    "SYMBOL_ORDER",
    "TREATED",
    "ForceColours",
    "LegendEntry",
    "Palette",
    "Style",
    "Treatment",
    "countries_shown",
    "force_colours",
    "force_type_name",
    "legend_entries",
    "legend_forces",
    "neutral",
    "palette",
    "scenario_colours",
    "style_for",
    "unsure_swatches",
]
