"""The :class:`Place`: one named geometry the gazetteer can return."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

#: Kinds of place, from DESIGN.md section 3, in the order resolution prefers them when a name
#: is shared (higher administrative level first; a province never loses to a village).
KINDS: tuple[str, ...] = (
    "country",
    "province",
    "region",
    "city",
    "border",
    "base",
    "airport",
    "checkpoint",
    "lake",
    "river",
)


@dataclass(frozen=True, slots=True)
class Place:
    """A named place with its geometry.

    Attributes
    ----------
    id
        Stable identifier, e.g. ``"AM-SU"`` (Syunik), ``"border:AM-TR"``, ``"airport:UDYZ"``.
    name
        English name.
    kind
        One of :data:`KINDS`.
    names
        Names by language code (``en``, ``hy``, ``hy-Latn``, ``ru``, ``vi``, ``alt`` for
        alternate spellings of unknown language).
    geometry
        Shapely geometry in EPSG:4326 (longitude, latitude).
    source
        Where the geometry comes from (package, file, licence note).
    country
        ISO 3166-1 alpha-2 code of the country the place is in (borders: the first country).
    approximate
        True when the geometry is a known approximation (e.g. Nagorno-Karabakh).
    note
        How the geometry was derived, when that matters to a reader.
    parts
        For a composite place (``"borders with Turkey and Iran"``), the ids it is made of.
    matched
        The normalised name that matched the query.
    chosen_from
        Ids of the other candidates when resolution had to choose; empty when unambiguous.
    """

    id: str
    name: str
    kind: str
    names: Mapping[str, tuple[str, ...]]
    geometry: BaseGeometry
    source: str
    country: str = ""
    approximate: bool = False
    note: str = ""
    parts: tuple[str, ...] = ()
    matched: str = ""
    chosen_from: tuple[str, ...] = field(default=())

    def as_match(self, matched: str, chosen_from: tuple[str, ...] = ()) -> Place:
        """This place as the answer to a query: the key that matched, the other candidates.

        (A direct constructor call: three times faster than ``dataclasses.replace``, and
        resolution runs it on every look-up.)
        """
        return Place(self.id, self.name, self.kind, self.names, self.geometry, self.source,
                     self.country, self.approximate, self.note, self.parts, matched, chosen_from)

    @property
    def ambiguous(self) -> bool:
        """True when resolution chose this place among several candidates."""
        return bool(self.chosen_from)

    def name_in(self, lang: str) -> str:
        """The place's name in ``lang``, falling back to English."""
        found = self.names.get(lang)
        return found[0] if found else self.name

    def to_feature(self, **extra: Any) -> dict[str, Any]:
        """A GeoJSON Feature (RFC 7946) of this place, with ``extra`` properties first."""
        properties: dict[str, Any] = dict(extra)
        properties.update(
            id=self.id,
            name=self.name,
            kind=self.kind,
            country=self.country,
            approximate=self.approximate,
            source=self.source,
        )
        if self.note:
            properties["note"] = self.note
        if self.parts:
            properties["parts"] = list(self.parts)
        if self.chosen_from:
            properties["chosen_from"] = list(self.chosen_from)
        properties["names"] = {lang: list(v) for lang, v in sorted(self.names.items())}
        return {"type": "Feature", "properties": properties, "geometry": mapping(self.geometry)}
