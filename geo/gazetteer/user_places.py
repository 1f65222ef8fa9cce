"""A user's own places: a GeoJSON or GeoPackage file merged into the gazetteer (``--places``).

Each feature is one place; its properties:

``name`` (required)
    The English name the place is found by.
``kind`` (required)
    One of :data:`geo.gazetteer.place.KINDS` (``base``, ``checkpoint``, ``region``, ...).
``id`` (optional)
    The place id (letters, digits, ``_ . : -``; at most 100 characters); default
    ``user:`` and the name (``user:camp-alpha``). It must not be a shipped place's id.
``names_LANG`` (optional)
    More names in language ``LANG`` (``names_vi``, ``names_hy``, ``names_ru``, ``names_alt``):
    a string (several names separated by ``;``) or a list of strings.
``country`` (optional)
    ISO 3166-1 alpha-2 code; default: the shipped country the place lies in.

Geometries are longitude/latitude in EPSG:4326 (WGS84), as RFC 7946 GeoJSON requires:
a file in any other CRS is refused with the command that converts it. Every problem of
the file is reported at once (file, feature number and name, the fix), then nothing is
loaded. Files above :data:`geo.inputs.MAX_PLACES_BYTES` are refused from their size.

>>> places = load_places("my-places.geojson")                     # doctest: +SKIP
>>> Gazetteer(places=places).resolve("Camp Alpha").id               # doctest: +SKIP
'user:camp-alpha'
"""

from __future__ import annotations

import json
import math
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from ..errors import UserInputError
from ..inputs import MAX_PLACES_BYTES, decode_text, integer_problem, read_bytes, text_problem
from .boundaries import read_layer
from .normalize import normalize
from .place import KINDS, Place
from .shapes import geometry_problem, wide_problem

if TYPE_CHECKING:
    from .index import NameIndex

#: CRS names that mean longitude/latitude on WGS84.
LONLAT_CRS = frozenset({
    "EPSG:4326", "OGC:CRS84", "URN:OGC:DEF:CRS:OGC:1.3:CRS84", "URN:OGC:DEF:CRS:EPSG::4326",
    "URN:OGC:DEF:CRS:OGC::CRS84", "WGS84", "CRS84",
})
GEOMETRY_TYPES = ("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
                  "MultiPolygon")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$")
_LANG = re.compile(r"^(?:[a-z]{2,3}(?:-[A-Za-z]{2,4})?|alt)$")
_SQLITE = b"SQLite format 3\x00"
_SHOWN = 60


def _convert(path: Path) -> str:
    return f"ogr2ogr -t_srs EPSG:4326 {path.stem}-wgs84.geojson {path}"


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN else text[:_SHOWN - 1] + "…'"


class _Problems:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[str] = []

    def add(self, message: str) -> None:
        self.items.append(f"{self.path}: {message}")

    def raise_if_any(self) -> None:
        if not self.items:
            return
        if len(self.items) == 1:
            raise UserInputError(self.items[0])
        raise UserInputError(f"{self.path}: {len(self.items)} problems in the places file:\n  "
                             + "\n  ".join(self.items))


# -- reading the two formats ----------------------------------------------------------------

class _DuplicateKey(ValueError):
    pass


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object that names each key once (JSON readers disagree on which one wins)."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(f"the key {_shown(key)} twice in one object; keep only one")
        found[key] = value
    return found


def _integer(text: str) -> int:
    value = int(text)
    if integer_problem(value):
        raise _DuplicateKey(integer_problem(value))
    return value


def _constant(name: str) -> float:
    raise _DuplicateKey(f"{name} is not a number JSON allows; write a number")


def _text_problem(value: Any, where: str) -> str:
    """The first string of ``value`` (keys included) that is not safe Unicode text."""
    stack = [(value, where)]
    while stack:
        item, at = stack.pop()
        if isinstance(item, str):
            problem = text_problem(item)
            if problem:
                return f"{at}: {problem}"
        elif isinstance(item, dict):
            for key, child in item.items():
                problem = text_problem(key)
                if problem:
                    return f"{at}: a key holds {problem}"
                stack.append((child, f"{at}, {_shown(key)}"))
        elif isinstance(item, list):
            stack.extend((child, at) for child in item)
    return ""


def _read_geojson(path: Path, data: bytes) -> tuple[str | None, list[Any]]:
    """(the CRS the file declares or None, its raw features)."""
    text = decode_text(data, path, what="GeoJSON places file")
    try:
        document = json.loads(text, object_pairs_hook=_unique, parse_int=_integer,
                               parse_constant=_constant)
    except _DuplicateKey as error:
        raise UserInputError(f"{path}: {error}") from None
    except json.JSONDecodeError as error:
        raise UserInputError(f"{path}:{error.lineno}: not valid JSON ({error.msg}, column "
                             f"{error.colno}); fix it, or export the file again as GeoJSON"
                             ) from None
    except RecursionError:
        raise UserInputError(f"{path}: JSON nested too deeply to read; export the file "
                             "again as GeoJSON") from None
    kind = document.get("type") if isinstance(document, dict) else None
    if kind == "Feature":
        features = [document]
    elif kind == "FeatureCollection" and isinstance(document.get("features"), list):
        features = document["features"]
    else:
        raise UserInputError(f"{path}: not a GeoJSON FeatureCollection (top level: "
                             f"{_shown(kind) if kind else type(document).__name__}); give a "
                             "file with {\"type\": \"FeatureCollection\", \"features\": [...]}")
    crs = None
    if isinstance(document.get("crs"), dict):
        properties = document["crs"].get("properties")
        name = properties.get("name") if isinstance(properties, dict) else None
        crs = str(name) if name else json.dumps(document["crs"])
    return crs, features


def _read_geopackage(path: Path) -> tuple[str | None, list[Any]]:
    import pyogrio
    from pyogrio.errors import DataLayerError, DataSourceError

    try:
        with warnings.catch_warnings():  # GDAL's words come back in the error below
            warnings.simplefilter("ignore", RuntimeWarning)
            layers = [str(name) for name, geometry in pyogrio.list_layers(path) if geometry]
        if len(layers) != 1:
            names = ", ".join(layers) or "none with geometries"
            raise UserInputError(f"{path}: {len(layers)} geometry layers ({names}); keep the "
                                 "one with the places: ogr2ogr -f GPKG places.gpkg "
                                 f"{path} LAYER")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            info = pyogrio.read_info(path, layer=layers[0])
            meta, _, geometries, fields = pyogrio.raw.read(path, layer=layers[0])
    except (DataSourceError, DataLayerError) as error:
        reason = str(error).splitlines()[0][:200]
        raise UserInputError(f"{path}: not a readable GeoPackage ({reason}); export it again "
                             "(e.g. ogr2ogr -f GPKG places.gpkg SOURCE)") from None
    columns = [str(c) for c in meta["fields"]]
    features = []
    for row, wkb in enumerate(geometries):
        properties = {c: _plain(fields[i][row]) for i, c in enumerate(columns)}
        features.append({"type": "Feature", "properties": properties, "wkb": wkb})
    return info.get("crs"), features


def _plain(value: Any) -> Any:
    """A GeoPackage field value as a plain Python value (None for missing)."""
    if value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


# -- checking one feature -------------------------------------------------------------------

def _geometry(raw: Mapping[str, Any]) -> tuple[BaseGeometry | None, str]:
    """The feature's geometry, or None and what is wrong with it."""
    if "wkb" in raw:
        if raw["wkb"] is None:
            return None, "has no geometry; draw it, or remove the feature"
        try:
            return shapely.from_wkb(raw["wkb"]), ""
        except shapely.errors.GEOSException as error:
            return None, f"geometry cannot be read ({error}); export the file again"
    spec = raw.get("geometry")
    if spec is None:
        return None, "has no geometry; draw it, or remove the feature"
    if not isinstance(spec, dict) or spec.get("type") not in GEOMETRY_TYPES:
        kind = spec.get("type") if isinstance(spec, dict) else type(spec).__name__
        return None, (f"geometry type {_shown(kind)} is not supported; use one of "
                      f"{', '.join(GEOMETRY_TYPES)} (split a GeometryCollection into features)")
    problem = geometry_problem(spec, ranges=False)
    if problem:
        return None, problem
    try:
        return shape(spec), ""
    except (ValueError, TypeError, AttributeError, IndexError, KeyError,
            shapely.errors.GEOSException) as error:
        return None, (f"geometry cannot be read ({str(error)[:120]}); write GeoJSON "
                      "coordinates as [longitude, latitude] pairs")


def _coordinate_problem(geometry: BaseGeometry, path: Path) -> str:
    coordinates = shapely.get_coordinates(geometry)
    if not len(coordinates):
        return ""
    if not math.isfinite(float(coordinates.sum())):
        return "coordinates that are not numbers (NaN or infinite); fix them"
    lon, lat = coordinates[:, 0], coordinates[:, 1]
    if (abs(lon) <= 180).all() and (abs(lat) <= 90).all():
        return wide_problem(float(lon.min()), float(lon.max()))
    if (abs(coordinates) > 1000).any():
        return (f"coordinates such as ({lon[0]:.0f}, {lat[0]:.0f}) are not longitude/latitude: "
                "the file looks projected (metres); convert it to EPSG:4326: "
                f"{_convert(path)}")
    if (abs(lat) <= 180).all() and (abs(lon) <= 90).all():
        return ("latitude outside -90..90: are longitude and latitude swapped? GeoJSON "
                "writes [longitude, latitude]")
    return ("coordinates outside longitude -180..180 / latitude -90..90; write "
            "[longitude, latitude] in degrees (EPSG:4326)")


def _names(properties: Mapping[str, Any], label: str, problems: _Problems) -> dict[str, tuple]:
    names: dict[str, tuple[str, ...]] = {}
    for key, value in properties.items():
        if not str(key).startswith("names_") or value is None:
            continue
        lang = str(key)[6:]
        if not _LANG.match(lang):
            problems.add(f"{label}: property {key!r}: {lang!r} is not a language code; write "
                         "names_vi, names_hy, names_ru, ... or names_alt")
            continue
        if isinstance(value, str):
            items = [v.strip() for v in value.split(";")]
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            items = [v.strip() for v in value]
        else:
            problems.add(f"{label}: property {key!r} must be text (names separated by ';') "
                         "or a list of texts")
            continue
        if any(items):
            names[lang] = tuple(v for v in items if v)
    return names


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalize(name)).strip("-")[:90]


def _place(raw: Any, number: int, path: Path, problems: _Problems) -> Place | None:
    if not isinstance(raw, dict) or raw.get("type") != "Feature":
        problems.add(f"feature {number}: not a GeoJSON Feature; give "
                     "{\"type\": \"Feature\", \"properties\": {...}, \"geometry\": {...}}")
        return None
    properties = raw.get("properties") or {}
    if not isinstance(properties, dict):
        problems.add(f"feature {number}: 'properties' is not an object; give "
                     "{\"name\": ..., \"kind\": ...}")
        return None
    name = properties.get("name")
    label = f"feature {number}" + (f" ({_shown(name)})" if isinstance(name, str) and name else "")
    count = len(problems.items)
    if not isinstance(name, str) or not name.strip():
        problems.add(f"{label}: no 'name' property; give every place the name it is found by")
    kind = properties.get("kind")
    if kind is None or kind == "":
        problems.add(f"{label}: no 'kind' property; add one of: {', '.join(KINDS)}")
    elif kind not in KINDS:
        problems.add(f"{label}: unknown kind {_shown(kind)}; use one of: {', '.join(KINDS)}")
    place_id = properties.get("id")
    if place_id is not None and (not isinstance(place_id, str) or not _ID.match(place_id)):
        problems.add(f"{label}: id {_shown(place_id)} is not an id; use letters, digits and "
                     "_ . : - (at most 100), or leave it out")
    country = properties.get("country")
    if country is not None and (not isinstance(country, str)
                                or not re.fullmatch(r"[A-Z]{2}", country)):
        problems.add(f"{label}: country {_shown(country)} is not an ISO 3166-1 alpha-2 code "
                     "(e.g. AM); fix it or leave it out")
    elif country is not None and country not in _country_codes():
        problems.add(f"{label}: country {_shown(country)} is not a country deploymap knows "
                     "(ISO 3166-1 alpha-2, e.g. AM, TR, FR); fix it or leave it out")
    names = _names(properties, label, problems)
    geometry, wrong = _geometry(raw)
    if geometry is not None:
        wrong = "has an empty geometry; draw it, or remove the feature" if geometry.is_empty \
            else _coordinate_problem(geometry, path)
    if geometry is not None and not wrong and geometry.geom_type not in GEOMETRY_TYPES:
        wrong = (f"geometry type {geometry.geom_type} is not supported; use one of "
                 f"{', '.join(GEOMETRY_TYPES)}")
    if geometry is not None and not wrong and not geometry.is_valid:
        reason = shapely.is_valid_reason(geometry)
        wrong = (f"invalid {geometry.geom_type} ({reason}); fix the ring so it does not cross "
                 "itself: shapely.make_valid(geometry), QGIS 'Fix geometries' or "
                 "ogr2ogr -makevalid")
    if wrong:
        problems.add(f"{label}: {wrong}")
    if len(problems.items) > count or geometry is None:
        return None
    name = name.strip()
    return Place(
        id=place_id or f"user:{_slug(name) or number}", name=name, kind=kind,
        names={"en": (name,), **names}, geometry=shapely.force_2d(geometry),
        source=f"{path}, feature {number}", country=country or "",
    )


@cache
def _country_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes of the shipped countries."""
    return frozenset(r["id"] for r in read_layer("countries"))


def _is_lonlat(crs: str) -> bool:
    name = crs.strip().upper()
    return name in LONLAT_CRS or name.endswith("CRS84") or bool(
        re.fullmatch(r"(URN:OGC:DEF:CRS:)?EPSG:[\d.]*:?4326", name))


def _check_crs(crs: str | None, path: Path) -> None:
    if crs is None or _is_lonlat(crs):
        return
    raise UserInputError(
        f"{path}: the places are in {crs}, but deploymap needs longitude/latitude in "
        f"EPSG:4326 (WGS84); convert the file: {_convert(path)}")


def load_places(path: Path | str) -> tuple[Place, ...]:
    """The places of a user's GeoJSON (``.geojson``, ``.json``) or GeoPackage (``.gpkg``)
    file; one :class:`~geo.errors.UserInputError` listing every problem otherwise."""
    path = Path(path)
    data = read_bytes(path, what="places file", limit=MAX_PLACES_BYTES)
    suffix = path.suffix.lower()
    if data.startswith(_SQLITE) or suffix == ".gpkg":
        if not data.startswith(_SQLITE):
            raise UserInputError(f"{path}: not a GeoPackage (no SQLite header); give a "
                                 ".gpkg file, or a .geojson file")
        crs, features = _read_geopackage(path)
    else:
        crs, features = _read_geojson(path, data)
    for number, feature in enumerate(features, 1):
        problem = _text_problem(feature, f"feature {number}")
        if problem:
            raise UserInputError(f"{path}: {problem}")
    _check_crs(crs, path)
    if not features:
        raise UserInputError(f"{path}: no features; add at least one place (a feature with "
                             "'name', 'kind' and a geometry)")
    problems = _Problems(path)
    places: list[Place] = []
    first: dict[str, int] = {}
    for number, raw in enumerate(features, 1):
        place = _place(raw, number, path, problems)
        if place is None:
            continue
        if place.id in first:
            given = isinstance(raw.get("properties", {}).get("id"), str)
            fix = "give each place its own id" if given else \
                "two places share this name: give each an 'id' property"
            problems.add(f"feature {number} ({_shown(place.name)}): duplicate id "
                         f"{place.id!r} (also feature {first[place.id]}); {fix}")
            continue
        first[place.id] = number
        places.append(place)
    problems.raise_if_any()
    return tuple(places)


def with_places(index: NameIndex, places: Sequence[Place]) -> NameIndex:
    """A copy of the gazetteer's name ``index`` that also holds ``places`` (the shared index
    is left as it is). A place without a country gets the shipped country it lies in."""
    from .index import NameIndex

    clashes = [p for p in places if p.id in index.places]
    if clashes:
        shipped = index.places[clashes[0].id]
        raise UserInputError(
            f"{clashes[0].source}: id {clashes[0].id!r} is already a shipped place "
            f"({shipped.name}, {shipped.kind}); give the feature another id"
            + (f" (also: {', '.join(p.id for p in clashes[1:])})" if clashes[1:] else ""))
    merged = NameIndex(dict(index.places), dict(index.population), dict(index.primary),
                       dict(index.exact), dict(index.stripped), dict(index.loose))
    for place in _with_countries(index, places):
        merged.places[place.id] = place
        merged.population[place.id] = 0
        merged.primary[place.id] = normalize(place.name)
        for name in {place.name, *(n for values in place.names.values() for n in values)}:
            _add_keys(merged, name, place.id)
    return merged


def _add_keys(index: NameIndex, name: str, place_id: str) -> None:
    from .normalize import skeleton, strip_generic

    key = normalize(name)
    if not key:
        return
    stripped, _ = strip_generic(key)
    targets = [(index.exact, key), (index.loose, skeleton(stripped))]
    if stripped != key:
        targets.append((index.stripped, stripped))
    for table, entry in targets:
        bucket = table.get(entry, [])
        if place_id not in bucket:
            table[entry] = [*bucket, place_id]


def _with_countries(index: NameIndex, places: Iterable[Place]) -> list[Place]:
    places = list(places)
    if all(p.country for p in places):
        return places
    countries = [p for p in index.places.values() if p.kind == "country"]
    tree = shapely.STRtree([c.geometry for c in countries])
    done = []
    for place in places:
        if not place.country:
            point = place.geometry.representative_point()
            hits = tree.query(point, predicate="intersects")
            if len(hits):
                place = replace(place, country=countries[int(min(hits))].id)
        done.append(place)
    return done


__all__ = ["GEOMETRY_TYPES", "LONLAT_CRS", "load_places", "with_places"]
