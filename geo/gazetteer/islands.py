"""Where an island stands among the places of its name.

One rule: a province or region that holds at least two thirds of a candidate island is named
after it and comes first ("Gotland" the county, "Hainan" the province, "Okinawa" the
prefecture); the island comes next, before any province that only shares its name (an
alternate "Sicilia" of the province of Agrigento) and before every town, airport or base,
big cities abroad too ("Zanzibar" the island). A kind word next to the name still wins:
"Zanzibar city" is the town (:meth:`geo.gazetteer.lookup.Gazetteer._rank`).
"""

from __future__ import annotations

from collections.abc import Sequence

from .place import KINDS, Place

#: Share of an island's area a province must hold to be named after it (Haute-Corse holds
#: half of Corsica, and is not the island).
HELD_SHARE = 2 / 3
_ISLAND_RANK = 2 * KINDS.index("island")
_AREA_KINDS = frozenset({"province", "region"})
#: Whether a province holds an island, by (province id, island id): outlines don't change.
_HELD: dict[tuple[str, str], bool] = {}


def holds_island(area: Place, island: Place) -> bool:
    """True when ``area`` covers at least HELD_SHARE of ``island`` (planar degrees: both
    lie in one place, the ratio is what counts)."""
    token = (area.id, island.id)
    if token not in _HELD:
        whole = island.geometry.area
        _HELD[token] = (
            whole > 0 and area.geometry.intersection(island.geometry).area >= HELD_SHARE * whole
        )
    return _HELD[token]


def rank_beside_islands(place: Place, islands: Sequence[Place], rank: int) -> int:
    """The kind rank of ``place`` (its ``rank`` by kind alone) when ``islands`` share its
    name: countries and the provinces named after an island keep theirs, every other place
    comes after the islands."""
    if place.kind == "island" or place.kind == "country":
        return rank
    if place.kind in _AREA_KINDS and any(holds_island(place, i) for i in islands):
        return rank
    return max(rank, _ISLAND_RANK + 1)


__all__ = ["HELD_SHARE", "holds_island", "rank_beside_islands"]
