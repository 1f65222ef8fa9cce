"""Point symbols that stay visible where forces share a site.

Each force at a point gets a symbol of its own: colour by force, treatment by change (from
the presentation model). Symbols that would overlap — several forces at one place, or two
places a few points apart (an airport and the air base on it) — are laid out side by side
around the site, in rows, on a small white plate that reads as one site. Offsets are fixed
in points, so the layout is the same at every size and in every format.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from ..presentation import Style

SIZE = 7.5  # points: a presence's symbol
CAPITAL_SIZE = 3.6  # points: the capital's small square
PITCH_GAP = 1.6  # points between neighbouring symbols of one site
HALO_GROWTH = 5.0  # points the yellow halo of what is new adds to a symbol's size
EDGE = 0.9  # points a symbol's outline reaches beyond its size (the widest, halved)


@dataclass(frozen=True)
class Mark:
    """One symbol as drawn: whose it is, how it looks, where (data coordinates)."""

    place_id: str  # "" for the capital
    look: Style | None  # one force's style; None for the capital
    xy: tuple[float, float]  # drawn position, projected metres
    size: float  # points
    ghost: bool = False

    @property
    def halo(self) -> bool:
        return self.look is not None and self.look.treatment.halo

    @property
    def reach(self) -> float:
        """Points from its centre to the edge of what is drawn (outline, halo)."""
        return self.size / 2 + (HALO_GROWTH / 2 if self.halo else EDGE)


@dataclass(frozen=True)
class Site:
    """Where a place's symbols are drawn: their centre and half-extent in points."""

    xy: tuple[float, float]
    half: tuple[float, float]  # half-width, half-height in points around ``xy`` of what is
    # drawn there: symbols, their outlines and halos
    plate: bool  # drawn on a shared plate (more than one symbol at the site)


def one_per_force(look: Style) -> list[Style]:
    """The style of each force in ``look``, alone (one symbol per force)."""
    return [replace(look, forces=(force,), colours=(colour,))
            for force, colour in zip(look.forces, look.colours, strict=True)]


def _rows(count: int) -> list[int]:
    """How many symbols go in each row: one row up to three, then as square as can be."""
    if count <= 3:
        return [count]
    columns = math.ceil(math.sqrt(count))
    rows = [columns] * (count // columns)
    if count % columns:
        rows.append(count % columns)
    return rows


@dataclass
class Layout:
    """A panel's symbols, where each place's label points, and the plates of shared sites."""

    marks: list[Mark]
    sites: dict[str, Site]
    plates: list[tuple[float, float, float, float]]  # data boxes x0, y0, x1, y1


def layout(features: list[Any], units_per_point: float,
           capital: tuple[float, float] | None = None) -> Layout:
    """The symbols of a panel's point features and the site each place's label points at.

    Parameters
    ----------
    features
        The panel's features (:class:`~geo.render.static.draw.Feature`); areas and lines
        are skipped.
    units_per_point
        Projected metres per typographic point on this map.
    capital
        The capital's position: its small square takes a place beside the symbols that
        would hide it.

    Returns
    -------
    Layout
        Every symbol to draw in drawing order, by place id where its label points (the
        capital under ""), and a plate (data box) behind each site of several symbols.
    """
    entries: list[tuple[str, Style | None, tuple[float, float], float, bool]] = []
    for feature in features:
        if feature.shape != "point":
            continue
        xy = (float(feature.geometry.x), float(feature.geometry.y))
        for look in feature.looks:
            for alone in one_per_force(look):
                entries.append((feature.place_id, alone, xy, SIZE, feature.ghost))
    if capital is not None:
        entries.append(("", None, capital, CAPITAL_SIZE, False))
    # places whose symbols would touch form one site (single linkage over positions)
    positions = list(dict.fromkeys((e[0], e[2]) for e in entries))
    parent = list(range(len(positions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    reach = (SIZE + PITCH_GAP) * units_per_point
    for i, (_, a) in enumerate(positions):
        for j in range(i):
            b = positions[j][1]
            if math.hypot(a[0] - b[0], a[1] - b[1]) < reach:
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    index_of = {key: i for i, key in enumerate(positions)}
    for number, entry in enumerate(entries):
        groups.setdefault(root(index_of[entry[0], entry[2]]), []).append(number)

    marks: list[Mark] = []
    sites: dict[str, Site] = {}
    boxes: list[tuple[float, float, float, float]] = []
    for members in groups.values():
        spots = [index_of[entries[n][0], entries[n][2]] for n in members]
        centre = (sum(positions[s][1][0] for s in set(spots)) / len(set(spots)),
                  sum(positions[s][1][1] for s in set(spots)) / len(set(spots)))
        pitch = SIZE + PITCH_GAP
        rows = _rows(len(members))
        placed: list[tuple[int, tuple[float, float]]] = []
        queue = list(members)
        for row, count in enumerate(rows):
            y = ((len(rows) - 1) / 2 - row) * pitch
            for column in range(count):
                x = (column - (count - 1) / 2) * pitch
                placed.append((queue.pop(0), (x, y)))
        for number, (dx, dy) in placed:
            place_id, look, _, size, ghost = entries[number]
            marks.append(Mark(place_id, look, (centre[0] + dx * units_per_point,
                                               centre[1] + dy * units_per_point), size, ghost))
        if len(members) > 1:
            reach_x = (max(abs(o[0]) for _, o in placed) + SIZE / 2 + 1.2) * units_per_point
            reach_y = (max(abs(o[1]) for _, o in placed) + SIZE / 2 + 1.2) * units_per_point
            boxes.append((centre[0] - reach_x, centre[1] - reach_y, centre[0] + reach_x,
                          centre[1] + reach_y))
        drawn = marks[-len(placed):]
        for place_id in dict.fromkeys(entries[n][0] for n in members):  # "": the capital
            own = [(offset, mark) for (number, offset), mark in zip(placed, drawn, strict=True)
                   if entries[number][0] == place_id]
            xs = [o[0] for o, _ in own]
            ys = [o[1] for o, _ in own]
            middle = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
            sites[place_id] = Site(
                (centre[0] + middle[0] * units_per_point, centre[1] + middle[1] * units_per_point),
                (max(abs(o[0] - middle[0]) + m.reach for o, m in own),
                 max(abs(o[1] - middle[1]) + m.reach for o, m in own)),
                len(members) > 1)
    return Layout(marks, sites, boxes)


__all__ = ["CAPITAL_SIZE", "SIZE", "Layout", "Mark", "Site", "layout", "one_per_force"]
