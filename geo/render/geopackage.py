"""The GeoPackage: the map for QGIS, one geometry type per layer, dates as DATE fields and the
published map's style as every layer's default.

Layers
------
``before_*``, ``after_*`` and ``change_*`` hold the presences of each view (the features of
the GeoJSON files), ``timeline_*`` every presence of the scenario once, whether or not it is
in force on either day (the layers to animate with QGIS's Temporal Controller), and
``places_*`` the places they use; each is split by geometry into ``*_points`` (MultiPoint),
``*_lines`` (MultiLineString) and ``*_areas`` (MultiPolygon), see :data:`LAYERS`. All
fifteen are written even when empty, each with its declared type and its
fields, so a QGIS project or a script can rely on the names. ``sources`` is a table without
geometry; ``layer_styles`` is QGIS's style table.

Fields
------
Those of :data:`geo.render.gis.PROPERTIES` (presences) and
:data:`~geo.render.gis.PLACE_PROPERTIES` (places), in that order, without the name fields of
a language the build does not write (:func:`geo.render.gis.columns`), typed the same in every
layer (:data:`FIELD_TYPES`): text, integer, boolean, real or DATE. The dates are GeoPackage
DATE fields (null: not reported, or still there):

- ``start`` is the first day the presence may have begun (``start_earliest``) and ``end`` the
  last day its end may fall on (``end_latest``; an end is the first day gone). So a month-only
  start ``2020-10`` is 1 October 2020, a year-only end ``2024`` 31 December 2024, and a
  presence shows in QGIS on the days ``start <= day < end``: the days deploymap's own maps draw
  it, certain or not (:mod:`geo.timeline`). What the sources wrote stays beside them:
  ``*_precision`` (day, month, year, approximate), ``*_text``, and the span as
  ``start_earliest``, ``start_latest``, ``end_earliest``, ``end_latest`` (the certain span is
  ``start_latest`` to ``end_earliest``);
- in ``sources``, ``published_earliest`` and ``published_latest``; ``published`` keeps the
  source's notation (``2024-05``) as text.

Style
-----
Every spatial layer has one default style in ``layer_styles`` (:mod:`geo.render.qml`), which
QGIS applies as the layer opens: a rule-based renderer with one rule per presentation style
its features are drawn in, colour by force and treatment by change as on the published maps.
A presence layer's style also holds its temporal settings (start ``start``, end ``end``).
QGIS sets those anew as it opens a layer (from the provider, which has none, then from the
field names, which give ``start`` and ``end`` but leave the layer not time-aware), so a user
ticks "Dynamic Temporal Control" or loads the stored style again (README, "The GeoPackage in
QGIS"); ``tests/test_qgis.py`` checks both in QGIS itself.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from ..errors import UserInputError
from ..i18n import LANGUAGES, label, labels
from ..output import atomic_path
from ..timeline import Timeline
from .gis import (
    PLACE_PROPERTIES,
    PROPERTIES,
    SOURCE_COLUMNS,
    category,
    columns,
    place_records,
    presence_records,
    source_rows,
    timeline_records,
)
from .presentation import TREATED, Style, neutral, palette
from .qml import Rule, layer_style

#: The presence groups, each a group of layers (the two days, the change between them, and
#: every presence of the timeline once), then the places.
VIEWS: tuple[str, ...] = ("before", "after", "change", "timeline")
#: Layer name suffix and GeoPackage geometry type of each presentation category, in the
#: order a group's layers are written.
GEOMETRIES: dict[str, tuple[str, str]] = {
    "point": ("points", "MultiPoint"), "line": ("lines", "MultiLineString"),
    "area": ("areas", "MultiPolygon")}
#: Every spatial layer, in the order written.
LAYERS: tuple[str, ...] = tuple(f"{group}_{suffix}" for group in (*VIEWS, "places")
                                for suffix, _ in GEOMETRIES.values())
#: Type of each field that is not text.
FIELD_TYPES: dict[str, str] = {
    **dict.fromkeys(("start", "start_earliest", "start_latest", "end", "end_earliest",
                     "end_latest", "published_earliest", "published_latest"), "date"),
    **dict.fromkeys(("strength_approximate", "certain", "certain_before", "certain_after",
                     "style_filled", "style_halo", "approximate", "useAsDefault"), "bool"),
    "strength": "int", "style_fill_opacity": "float", "update_time": "datetime"}
#: The DATE field each of ``start`` and ``end`` takes its day from.
DAY_OF: dict[str, str] = {"start": "start_earliest", "end": "end_latest"}
#: Columns of QGIS's ``layer_styles`` table, in QGIS's order.
STYLE_COLUMNS: tuple[str, ...] = (
    "f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
    "styleQML", "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time")
#: Name of the geometry column of every layer (``layer_styles`` names it).
GEOMETRY_COLUMN = "geom"
#: The GeoPackage version written: 1.2 opens without a warning in GDAL 3.6 (QGIS 3.22) too.
GPKG_VERSION = "1.2"

Row = dict[str, Any]


def _multi(geometry: shapely.Geometry) -> shapely.Geometry:
    """The geometry as its multi-type (one declared type per layer)."""
    single = {"Point": shapely.MultiPoint, "LineString": shapely.MultiLineString,
              "Polygon": shapely.MultiPolygon}
    kind = geometry.geom_type
    return single[kind]([geometry]) if kind in single else geometry


def _column(kind: str, values: list[Any]) -> tuple[np.ndarray, np.ndarray | None]:
    """A field's values as the array pyogrio writes, and its null mask (None: no nulls)."""
    missing = np.array([v is None for v in values], dtype=bool)
    mask = missing if missing.any() else None
    if kind in ("date", "datetime"):
        unit = "datetime64[D]" if kind == "date" else "datetime64[ms]"
        return np.array(["NaT" if v is None else v for v in values], dtype=unit), None
    if kind == "bool":
        return np.array([bool(v) for v in values], dtype=bool), mask
    if kind == "int":
        return np.array([v or 0 for v in values], dtype=np.int64), mask
    if kind == "float":
        return np.array([np.nan if v is None else v for v in values], dtype=np.float64), None
    return np.array(values, dtype=object), None


def _fields(rows: Sequence[Row], columns: Sequence[str]) -> tuple[list[Any], list[Any]]:
    data, masks = [], []
    for name in columns:
        values, mask = _column(FIELD_TYPES.get(name, "text"), [row[name] for row in rows])
        data.append(values)
        masks.append(mask)
    return data, masks


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _kind_name(kind: str) -> str:
    key = f"kind_{kind}"
    return label(key, "en") if key in labels() else kind.replace("_", " ").capitalize()


def _presence_rule(view: str, style: Style, rows: list[Row]) -> Rule:
    """The rule drawing the features of ``view`` in ``style``: a filter on the fields that
    decide the style (the force, the change, the symbol, certain, the location)."""
    terms = [f'"force_id" = {_quoted(style.forces[0])}']
    words = [rows[0]["force"]]
    if view == "change":
        terms.append(f'"change" = {_quoted(style.change)}')
        words.append(label(style.change, "en"))
    if style.category == "point":
        terms.append(f'"style_symbol" = {_quoted(style.symbol)}')
        words.append(", ".join(dict.fromkeys(_kind_name(r["kind"]) for r in rows)))
    if style.category == "area":
        terms.append('"location_precision" ' + ("<> 'exact'" if style.hatched else "= 'exact'"))
        words.append(", ".join(dict.fromkeys(label(f"location_{r['location_precision']}", "en")
                                             for r in rows)))
    terms.append('"certain"' if style.certain else 'NOT "certain"')
    if not style.certain:
        words.append(label("uncertain", "en"))
    return Rule(" AND ".join(terms), " · ".join(dict.fromkeys(words)), style)


def _rules(group: str, kind: str, features: list[tuple[Row, Style]],
           force_order: dict[str, int]) -> list[Rule]:
    """One rule per style the features are drawn in (legend order: by change, then by force
    in the scenario's order, ``force_order``; places: per kind of place), then ``ELSE`` in
    the neutral colour."""
    grouped: dict[Any, list[Row]] = {}
    for row, style in features:
        grouped.setdefault(row["kind"] if group == "places" else style, []).append(row)
    if group == "places":
        rules = [Rule(f'"kind" = {_quoted(place_kind)}', _kind_name(place_kind),
                      _place_style(kind, place_kind)) for place_kind in grouped]
    else:
        def order(style: Style) -> tuple[Any, ...]:
            force = style.forces[0]
            return (TREATED.index(style.change), force_order[force], style.symbol,
                    not style.certain, style.hatched)

        rules = [_presence_rule(group, style, grouped[style])
                 for style in sorted(grouped, key=order)]
    return [*rules, Rule("ELSE", "Other", neutral(kind, "present"))]


def _place_style(kind: str, place_kind: str) -> Style:
    """A place on its own: the neutral colour, the symbol of its kind of place."""
    return neutral(kind, "present", symbol=palette().symbol(place_kind), hatched=False)


def _layers(timeline: Timeline, before: dt.date, after: dt.date, show_files: bool,
            langs: tuple[str, ...]) -> Iterator[tuple[str, str, list[tuple[Row, Any, Style]]]]:
    """``(group, category, features)`` of every spatial layer, in :data:`LAYERS` order."""
    groups: dict[str, list[tuple[Row, Any, Style]]] = dict(
        presence_records(timeline, before=before, after=after, show_files=show_files,
                         langs=langs))
    groups["timeline"] = timeline_records(timeline, before=before, after=after,
                                          show_files=show_files, langs=langs)
    groups["places"] = [(row, geometry, _place_style(category(geometry), row["kind"]))
                        for row, geometry in place_records(timeline, langs=langs)]
    for group in (*VIEWS, "places"):
        for kind in GEOMETRIES:
            yield group, kind, [f for f in groups[group] if category(f[1]) == kind]


def _description(group: str, before: dt.date, after: dt.date) -> str:
    days = {"before": before.isoformat(), "after": after.isoformat()}
    if group == "places":
        return "The places the presences use"
    if group == "change":
        return f"Presences on {days['before']} or {days['after']}, and what changed"
    if group == "timeline":
        return "Every presence of the timeline, from its start to its end"
    return f"Presences on {days[group]}"


def _write_layers(path: Path, timeline: Timeline, before: dt.date, after: dt.date,
                  show_files: bool, langs: tuple[str, ...]) -> None:
    """Every layer of :data:`LAYERS`, ``sources``, then ``layer_styles``."""
    from pyogrio.raw import write

    styles: list[Row] = []
    # the styles' update_time: the after day, a second apart (QGIS lists equal times repeatedly)
    stamp = np.datetime64(after.isoformat(), "ms")
    force_order = {force_id: i for i, force_id in enumerate(timeline.scenario.forces)}
    for group, kind, features in _layers(timeline, before, after, show_files, langs):
        layer = f"{group}_{GEOMETRIES[kind][0]}"
        fields = columns(PLACE_PROPERTIES if group == "places" else PROPERTIES, langs)
        rows = [row if group == "places" else {**row, **{k: row[v] for k, v in DAY_OF.items()}}
                for row, _, _ in features]
        data, masks = _fields(rows, fields)
        geometry = shapely.to_wkb(np.array([_multi(g) for _, g, _ in features], dtype=object))
        write(path, geometry, data, fields, field_mask=masks, layer=layer, driver="GPKG",
              geometry_type=GEOMETRIES[kind][1], crs="EPSG:4326",
              dataset_options=None if styles else {"VERSION": GPKG_VERSION},
              layer_options={"GEOMETRY_NAME": GEOMETRY_COLUMN,
                             "DESCRIPTION": _description(group, before, after)})
        rules = _rules(group, kind, [(r, s) for r, _, s in features], force_order)
        qml = layer_style(layer, kind, rules,
                          temporal=None if group == "places" else ("start", "end"))
        styles.append({
            "f_table_catalog": "", "f_table_schema": "", "f_table_name": layer,
            "f_geometry_column": GEOMETRY_COLUMN, "styleName": layer, "styleQML": qml,
            "styleSLD": "", "useAsDefault": True,
            "description": "deploymap: drawn like the published map (colour by force, "
                           "treatment by change)",
            "owner": "", "ui": "", "update_time": stamp + np.timedelta64(len(styles), "s")})
    sources = source_rows(timeline, show_files=show_files)
    for name, rows, table in (("sources", sources, SOURCE_COLUMNS),
                              ("layer_styles", styles, STYLE_COLUMNS)):
        data, masks = _fields(rows, table)
        write(path, None, data, table, field_mask=masks, layer=name, driver="GPKG")


def write_geopackage(timeline: Timeline, *, before: dt.date, after: dt.date,
                     path: Path, show_files: bool = False,
                     langs: Iterable[str] = LANGUAGES) -> None:
    """Write the GeoPackage: the layers of :data:`LAYERS`, ``sources`` and ``layer_styles``.

    Parameters
    ----------
    timeline
        The scenario's timeline.
    before, after
        The two days compared.
    path
        The ``.gpkg`` file to write (atomically; an existing file is replaced).
    show_files
        Name the article files in ``source_files`` and the sources' ``file`` (null when
        False: a published file names no file of the machine it was made on).
    langs
        The languages the build writes: a name field of another language (``force_vi``
        in a build of English maps only) is left out (:func:`geo.render.gis.columns`).

    Notes
    -----
    GeoPackage records a ``last_change`` timestamp per layer in ``gpkg_contents``. GDAL takes
    it from the ``OGR_CURRENT_DATE`` configuration option when set: it is set to the
    ``after`` day (midnight UTC) while writing, and the styles' ``update_time`` are that
    moment and the seconds after it, so rerunning gives the same bytes.

    SQLite does not sync the file to disk after each of the seventeen layers it writes
    (``OGR_SQLITE_SYNCHRONOUS=OFF``: most of the time it took; the same bytes): it is a
    temporary until whole, and a build syncs its files before it commits them
    (:func:`geo.output.staged_set`). Nor does GDAL load SpatiaLite into each of the seventeen
    connections (``SPATIALITE_LOAD=NO``: registering its hundreds of SQL functions was a
    sixth of the time; a GeoPackage is written with GDAL's own functions, the same bytes).
    """
    import pyogrio
    from pyogrio.errors import DataLayerError, DataSourceError, FeatureError

    options = ("OGR_CURRENT_DATE", "OGR_SQLITE_SYNCHRONOUS", "SPATIALITE_LOAD")
    previous = {name: pyogrio.get_gdal_config_option(name) for name in options}
    pyogrio.set_gdal_config_options(
        {"OGR_CURRENT_DATE": f"{after.isoformat()}T00:00:00.000Z",
         "OGR_SQLITE_SYNCHRONOUS": "OFF", "SPATIALITE_LOAD": "NO"})
    try:
        with atomic_path(Path(path)) as temporary:
            temporary.unlink()  # GDAL creates the file itself; an empty one is not a GPKG
            with warnings.catch_warnings():  # GDAL's words come back in the error below
                warnings.simplefilter("ignore", RuntimeWarning)
                try:
                    _write_layers(temporary, timeline, before, after, show_files,
                                  tuple(langs))
                except (DataSourceError, DataLayerError, FeatureError, OSError) as error:
                    reason = str(error).splitlines()[0][:160] if str(error) else "write failed"
                    raise UserInputError(f"{path}: cannot write the GeoPackage ({reason}); "
                                         "free some space or choose another --out") from None
    finally:
        pyogrio.set_gdal_config_options(previous)


__all__ = ["DAY_OF", "FIELD_TYPES", "GEOMETRIES", "GEOMETRY_COLUMN", "LAYERS", "STYLE_COLUMNS",
           "VIEWS", "write_geopackage"]
