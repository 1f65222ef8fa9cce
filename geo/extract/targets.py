"""What a place mention points at: the :class:`Target` places and the :class:`PlaceMention`.

Shared by :mod:`geo.extract.mentions` (names) and :mod:`geo.extract.borders` (border
phrases).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..gazetteer.place import Place


@dataclass(slots=True)
class Target:
    """A place a mention points at, as a scenario writes it.

    Attributes
    ----------
    key
        The place id the scenario will give it (``"AM-TV"``, ``"border:AM-AZ@AM-SU"``).
    spec
        What goes under ``place:`` (an id, or ``{name, clip, label}``).
    kind, country, name
        Of the place (for a clipped border: of the border line).
    note
        Set when the target is a reading of the words, not a name ("south-eastern border").
    """

    key: str
    spec: Any
    kind: str
    country: str
    name: str
    note: str = ""


@dataclass(slots=True)
class PlaceMention:
    """Words of a sentence that name a place (or several: a border phrase)."""

    text: str
    start: int
    stop: int
    targets: tuple[Target, ...]
    role: str = "name"
    chosen_from: tuple[str, ...] = ()
    locative: bool = False
    problem: str = ""

    @property
    def usable(self) -> bool:
        """True when a force can be at this place according to the sentence."""
        return not self.problem and bool(self.targets)


@dataclass
class NameMatch:
    start: int
    stop: int
    place: Place
    chosen_from: tuple[str, ...] = ()
    consumed: bool = field(default=False)


def target_of(place: Place) -> Target:
    return Target(place.id, place.id, place.kind, place.country, place.name)



__all__ = ["NameMatch", "PlaceMention", "Target", "target_of"]
