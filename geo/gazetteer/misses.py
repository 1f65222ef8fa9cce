"""What a miss says: the :class:`~geo.errors.PlaceNotFound` for a name that matched nothing,
or nothing of the kind its wording asked for, with what the name is known as instead."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import PlaceNotFound
from .normalize import normalize
from .place import Place

#: Id prefixes, to tell an unknown id from an unknown name.
ID_PREFIXES = ("geonames:", "airport:", "border:", "region:", "base:", "checkpoint:",
               "lake:", "river:", "island:", "basemap:")
#: Queries longer than this are cut short in messages.
SHOWN_LENGTH = 80


def shown(name: str) -> str:
    """``name`` as a message shows it (cut short when long)."""
    return name if len(name) <= SHOWN_LENGTH else name[:SHOWN_LENGTH] + "…"


def wrong_kind(name: str, hint: str, places: Sequence[Place]) -> PlaceNotFound:
    """``"Kars Province"`` when only a town is called Kars: say what the name is."""
    known = ", ".join(f"{p.name} ({p.kind}, {p.id})" for p in places[:5])
    return PlaceNotFound(
        name, [], what=f"no {hint} named {shown(name)!r} in the data",
        hint=f"; the name is known as {known}. Name the {hint} in full (e.g. its "
        "official name), or drop the word to mean one of these.")


def not_found(name: str, kind: str | None, within: str | None, unfiltered: Sequence[Place],
              suggestions: list[str]) -> PlaceNotFound:
    """The error for a name that resolved to nothing; ``unfiltered`` are the places it
    means without the kind/within filter, ``suggestions`` the closest names."""
    if (kind is not None or within is not None) and unfiltered:
        known = ", ".join(f"{p.id} ({p.kind}, {p.country or '-'})" for p in unfiltered[:5])
        return PlaceNotFound(
            name, [], what=f"no place named {shown(name)!r} fits kind={kind!r}, "
            f"within={within!r}", hint=f"; the name is known as {known}. Drop or "
            "change the kind/within filter, or use one of these ids.")
    if name.strip().lower().startswith(ID_PREFIXES):
        return PlaceNotFound(name, suggestions, what=f"unknown place id {shown(name)!r}")
    hint = ""
    if any(sep in f" {normalize(name)} " for sep in (" and ", " va ", " и ")) or any(
            sep in name for sep in (",", ";")):
        hint = (" It looks like several names: give each one as its own argument, e.g. "
                "deploymap resolve Tavush Syunik.")
    return PlaceNotFound(shown(name), suggestions, hint=hint)


__all__ = ["ID_PREFIXES", "not_found", "shown", "wrong_kind"]
