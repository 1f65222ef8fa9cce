"""GIS exports: GeoJSON (RFC 7946) for each view and the change, and the records behind the
GeoPackage (:mod:`geo.render.geopackage`).

Both carry the same flat, typed properties per presence (strings, integers, booleans or null;
no nested objects), so a GIS user can filter and join without parsing:

- who and where: ``presence_id``, ``force_id``, ``force``, ``force_vi``, ``force_type``,
  ``place``, ``place_vi``, ``place_id``, ``kind``, ``location_precision`` (the names in
  English, and ``*_vi`` only when the build writes Vietnamese maps: :func:`columns`);
- when: ``start`` / ``end`` as the sources put them (``2024-05-08``, ``2020-10``, ``1992``,
  ``~2020-09-01..2020-11-30``), their ``*_precision`` and ``*_text``, and the span of days
  each may mean as ISO dates, ``start_earliest``, ``start_latest``, ``end_earliest``,
  ``end_latest`` (null: not reported / still there); ``end_event``. The GeoPackage holds
  them all as DATE fields, ``start`` and ``end`` as the widest span (see
  :mod:`geo.render.geopackage`);
- how many: ``strength``, ``strength_approximate``, ``strength_reported``;
- what changed: ``change`` (withdrawn / remained / new), ``certain`` (on that view's day; on
  the change layer: on both days), ``certain_before``, ``certain_after``;
- evidence: ``source_ids``, ``source_urls``, ``source_files`` (comma-separated) and ``quotes``
  (``[source] quote`` joined by `` | ``).

Coordinates are longitude/latitude (WGS 84) rounded to 6 decimals (~0.1 m); polygon rings
follow the right-hand rule (exteriors counter-clockwise).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping

from ..i18n import LANGUAGES
from ..timeline import Timeline
from .presentation import ForceColours, Style, scenario_colours, style_for

#: Decimal places kept in coordinates (RFC 7946 section 11.2: 6 is about 10 cm).
PRECISION = 6

#: Style hints of every presence feature, from the presentation model (the colour and
#: symbol the deploymap maps draw it with), for QGIS or Leaflet users who style by field.
STYLE_HINTS: tuple[str, ...] = ("style_colour", "style_symbol", "style_outline",
                                "style_fill_opacity", "style_filled", "style_halo")
#: Property names, in order, of every presence feature.
PROPERTIES: tuple[str, ...] = (
    "presence_id", "force_id", "force", "force_vi", "force_type",
    "place", "place_vi", "place_id", "kind", "location_precision",
    "start", "start_precision", "start_text", "start_earliest", "start_latest",
    "end", "end_precision", "end_text", "end_earliest", "end_latest", "end_event",
    "strength", "strength_approximate", "strength_reported",
    "change", "certain", "certain_before", "certain_after",
    "source_ids", "source_urls", "source_files", "quotes",
    *STYLE_HINTS,
)
#: Properties of a place (the GeoPackage's ``places_*`` layers).
PLACE_PROPERTIES: tuple[str, ...] = (
    "place_id", "name", "name_vi", "kind", "country", "approximate", "source", "note",
    "presence_ids",
)
#: Fields holding a name, in English; ``NAME_lang`` holds it in another language.
NAMED: tuple[str, ...] = ("force", "place", "name")


def columns(names: tuple[str, ...], langs: Iterable[str] = LANGUAGES) -> tuple[str, ...]:
    """``names`` (:data:`PROPERTIES` or :data:`PLACE_PROPERTIES`) without the name fields
    of a language the build does not write: ``force_vi`` only with Vietnamese maps."""
    wanted = set(langs)
    dropped = {f"{field}_{lang}" for field in NAMED for lang in LANGUAGES
               if lang != "en" and lang not in wanted}
    return tuple(name for name in names if name not in dropped)


#: Columns of the non-spatial ``sources`` table.
SOURCE_COLUMNS: tuple[str, ...] = (
    "source_id", "title", "outlet", "language", "published", "published_earliest",
    "published_latest", "published_text", "url", "file", "presence_ids",
)


def _clean(value: Any) -> Any:
    """A JSON-ready scalar: numpy/pandas scalars to Python, NA and empty strings to None."""
    if value is None or value is pd.NA or value == "":
        return None
    if isinstance(value, np.bool_ | bool):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _geometry(geometry: shapely.Geometry) -> shapely.Geometry:
    """Rounded to :data:`PRECISION` decimals, then rings oriented by the right-hand rule."""
    rounded = shapely.transform(geometry, lambda xy: np.round(xy, PRECISION))
    return shapely.orient_polygons(rounded, exterior_cw=False)


#: A presence feature: its properties, its geometry and the presentation style it is drawn in.
Record = tuple[dict[str, Any], Any, Style]


def presence_records(timeline: Timeline, *, before: dt.date, after: dt.date,
                     show_files: bool = False, langs: Iterable[str] = LANGUAGES
                     ) -> dict[str, list[Record]]:
    """``{'before'|'after'|'change': [(properties, geometry, style), ...]}`` in feature order
    (``show_files``: ``source_files`` names the article files; else it is null; ``langs``:
    the languages whose name fields the properties hold, see :func:`columns`)."""
    change = timeline.change(before, after)
    by_id = {p.id: p for p in timeline.scenario.presences}
    status = change.set_index("presence_id")[["change", "certain_before", "certain_after"]]
    frames = {"before": timeline.snapshot(before), "after": timeline.snapshot(after),
              "change": change}
    fields = columns(PROPERTIES, langs)
    colours = scenario_colours(timeline.scenario)
    return {name: [_record(row, by_id[row["presence_id"]],
                           status.loc[row["presence_id"]].to_dict(), name, show_files, fields,
                           colours)
                   for row in frame.to_dict("records")]
            for name, frame in frames.items()}


def timeline_records(timeline: Timeline, *, before: dt.date, after: dt.date,
                     show_files: bool = False, langs: Iterable[str] = LANGUAGES
                     ) -> list[Record]:
    """Every presence of the scenario once, in scenario order, drawn as present (certain on
    some day, or unsure): the whole timeline, for a time slider such as QGIS's Temporal
    Controller. ``change`` and ``certain_before``/``_after`` compare the two days (null and
    false for a presence in force on neither); ``certain``: certain on at least one day."""
    change = timeline.change(before, after)
    status = change.set_index("presence_id")[["change", "certain_before", "certain_after"]]
    known = status.to_dict("index")
    absent = {"change": None, "certain_before": False, "certain_after": False}
    fields = columns(PROPERTIES, langs)
    colours = scenario_colours(timeline.scenario)
    return [_record(row, presence, known.get(presence.id, absent), "timeline", show_files,
                    fields, colours)
            for row, presence in zip(timeline.presences().to_dict("records"),
                                     timeline.scenario.presences, strict=True)]


def _record(row: dict[str, Any], presence: Any, status: dict[str, Any], view: str,
            show_files: bool, fields: tuple[str, ...], colours: ForceColours) -> Record:
    """One presence feature of ``view`` from its snapshot ``row`` and change ``status``,
    styled in its force's colour (``colours``)."""
    if not show_files:  # a published file names no file of the machine it was made on
        row["source_files"] = None
    row.update(
        change=status["change"], certain_before=status["certain_before"],
        certain_after=status["certain_after"],
        start_earliest=presence.start.earliest if presence.start else None,
        start_latest=presence.start.latest if presence.start else None,
        end_earliest=presence.end.earliest if presence.end else None,
        end_latest=presence.end.latest if presence.end else None,
    )
    look = style_for(category(row["geometry"]), row["change"] if view == "change" else "present",
                     (row["force_id"],), colours, kind=row["kind"],
                     certain=bool(row["certain"]), hatched=row["location_precision"] != "exact")
    row.update(look.hint())
    properties = {key: _clean(row[key]) for key in fields}
    return properties, _geometry(row["geometry"]), look


def category(geometry: shapely.Geometry) -> str:
    """``area``, ``line`` or ``point``: the presentation model's category of a geometry."""
    kind = geometry.geom_type
    if "Polygon" in kind:
        return "area"
    return "line" if "Line" in kind else "point"


def _collection(name: str, records: list[Record], members: dict[str, Any]) -> str:
    """A FeatureCollection, one feature per line (readable diffs), UTF-8 text."""
    head = {"type": "FeatureCollection", "name": name, **members}
    features = [
        json.dumps({"type": "Feature", "id": properties["presence_id"],
                    "properties": properties, "geometry": mapping(geometry)},
                   ensure_ascii=False, separators=(",", ":"))
        for properties, geometry, _ in records
    ]
    opening = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]
    return opening + ',"features":[\n' + ",\n".join(features) + "\n]}\n"


def geojson_documents(timeline: Timeline, *, before: dt.date, after: dt.date,
                      show_files: bool = False, langs: Iterable[str] = LANGUAGES
                      ) -> dict[str, str]:
    """The before and after views and the change as RFC 7946 FeatureCollections.

    Parameters
    ----------
    timeline
        The scenario's timeline.
    before, after
        The two days compared.
    show_files
        Fill ``source_files`` with the article files of the sources (null when False: the
        files of the machine the map was made on are not published).
    langs
        The languages the build writes: the name fields of the others are left out
        (:func:`columns`).

    Returns
    -------
    dict
        ``{'before': text, 'after': text, 'change': text}``: longitude/latitude, right-hand
        winding, no ``crs`` member; each feature's ``id`` is its presence id. Foreign
        members ``name``, ``title`` and the dates say what the collection shows.
    """
    documents = presence_records(timeline, before=before, after=after, show_files=show_files,
                                 langs=langs)
    title = timeline.scenario.title.get("en", "")
    dates = {"before": {"date": before.isoformat()}, "after": {"date": after.isoformat()},
             "change": {"before": before.isoformat(), "after": after.isoformat()}}
    return {name: _collection(name, records, {"title": title, **dates[name]})
            for name, records in documents.items()}


def place_records(timeline: Timeline, *, langs: Iterable[str] = LANGUAGES
                  ) -> list[tuple[dict[str, Any], Any]]:
    """One record per place the scenario's presences use, in first-use order (``langs``:
    see :func:`columns`)."""
    fields = columns(PLACE_PROPERTIES, langs)
    presences: dict[str, list[str]] = {}
    places = {}
    for presence in timeline.scenario.presences:
        places.setdefault(presence.place.id, presence.place)
        presences.setdefault(presence.place.id, []).append(presence.id)
    records = []
    for place_id, place in places.items():
        properties = {
            "place_id": place_id, "name": place.name, "name_vi": place.name_in("vi"),
            "kind": place.kind, "country": place.country, "approximate": place.approximate,
            "source": place.source, "note": place.note,
            "presence_ids": ",".join(presences[place_id]),
        }
        records.append(({k: _clean(properties[k]) for k in fields},
                        _geometry(place.geometry)))
    return records


def source_rows(timeline: Timeline, *, show_files: bool = False) -> list[dict[str, Any]]:
    """One row per source: what it is, when published, and which presences cite it."""
    citing: dict[str, list[str]] = {}
    for presence in timeline.scenario.presences:
        for citation in presence.citations:
            ids = citing.setdefault(citation.source, [])
            if presence.id not in ids:
                ids.append(presence.id)
    rows = []
    for source in timeline.scenario.sources.values():
        row = {
            "source_id": source.id, "title": source.title, "outlet": source.outlet,
            "language": source.language, "published": str(source.published),
            "published_earliest": source.published.earliest,
            "published_latest": source.published.latest,
            "published_text": source.published.text, "url": source.url,
            "file": source.file.name if source.file and show_files else None,
            "presence_ids": ",".join(citing.get(source.id, [])),
        }
        rows.append({k: _clean(row[k]) for k in SOURCE_COLUMNS})
    return rows


__all__ = ["NAMED", "PLACE_PROPERTIES", "PROPERTIES", "SOURCE_COLUMNS", "STYLE_HINTS", "Record",
           "category", "columns", "geojson_documents", "place_records", "presence_records",
           "source_rows", "timeline_records"]
