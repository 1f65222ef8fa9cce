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
    "island",
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
    warning
        Something the reader of the output must see (e.g. the place lies far from every
        country of the story); empty when there is none.
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
    warning: str = ""

    def __repr__(self) -> str:
        """One line: id, kind, name, country, geometry type and a representative point."""
        point = self.geometry.representative_point() if not self.geometry.is_empty else None
        where = f" at {point.y:.4f}, {point.x:.4f}" if point is not None else ""
        country = f" in {self.country}" if self.country else ""
        approximate = ", approximate" if self.approximate else ""
        return (f"<Place {self.id} {self.kind} {self.name!r}{country}: "
                f"{self.geometry.geom_type}{where}{approximate}>")

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        """This place as a GeoJSON Feature (the ``__geo_interface__`` protocol), so that
        ``geopandas.GeoDataFrame.from_features([place])`` and folium take it as it is."""
        return self.to_feature()

    def _repr_html_(self) -> str:
        """A notebook's view: a small drawing of the geometry beside a table of its facts."""
        from html import escape

        rows = [("id", self.id), ("kind", self.kind), ("country", self.country),
                ("source", self.source)]
        rows += [(f"names ({lang})", "; ".join(v)) for lang, v in sorted(self.names.items())]
        if self.note:
            rows.append(("note", self.note))
        if self.parts:
            rows.append(("parts", ", ".join(self.parts)))
        if self.chosen_from:
            rows.append(("chosen among", ", ".join(self.chosen_from)))
        table = "".join(f"<tr><th style='text-align:left'>{escape(k)}</th>"
                        f"<td style='text-align:left'>{escape(str(v))}</td></tr>"
                        for k, v in rows if v)
        return (f"<div style='display:flex;gap:1em;align-items:flex-start'>"
                f"{_drawing(self.geometry)}<table><caption style='text-align:left'><b>"
                f"{escape(self.name)}</b></caption>{table}</table></div>")

    def as_match(self, matched: str, chosen_from: tuple[str, ...] = (),
                 warning: str = "") -> Place:
        """This place as the answer to a query: the key that matched, the other candidates.

        (A direct constructor call: three times faster than ``dataclasses.replace``, and
        resolution runs it on every look-up.)
        """
        return Place(self.id, self.name, self.kind, self.names, self.geometry, self.source,
                     self.country, self.approximate, self.note, self.parts, matched, chosen_from,
                     warning)

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


def _drawing(geometry: BaseGeometry, size: int = 160) -> str:
    """An SVG of ``geometry`` in a ``size``-pixel square (north up), for ``_repr_html_``."""
    if geometry.is_empty:
        return ""
    west, south, east, north = geometry.bounds
    span = max(east - west, north - south, 0.1) * 1.16  # a point gets ~10 km around it
    middle_x, middle_y = (west + east) / 2, (south + north) / 2
    # SVG's y axis points down: latitudes are flipped so that north stays up
    scale = span / (40 if geometry.geom_type == "Point" else 120)
    shape = geometry.svg(scale_factor=scale)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
            f'viewBox="{middle_x - span / 2:.6f} {-middle_y - span / 2:.6f} {span:.6f} '
            f'{span:.6f}"><g transform="scale(1,-1)">{shape}</g></svg>')
