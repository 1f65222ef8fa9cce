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

import math
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from ..errors import UserInputError
from ..inputs import MAX_PLACES_BYTES, read_bytes
from .boundaries import read_layer
from .normalize import normalize
from .place import KINDS, Place
from .place_files import (
    LONLAT_CRS,
    check_crs,
    convert_command,
    read_geojson,
    read_geopackage,
    shown,
    text_in_problem,
)
from .shapes import geometry_problem, wide_problem

GEOMETRY_TYPES = ("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
                  "MultiPolygon")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$")
_LANG = re.compile(r"^(?:[a-z]{2,3}(?:-[A-Za-z]{2,4})?|alt)$")
_SQLITE = b"SQLite format 3\x00"


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
        return None, (f"geometry type {shown(kind)} is not supported; use one of "
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
                f"{convert_command(path)}")
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
    label = f"feature {number}" + (f" ({shown(name)})" if isinstance(name, str) and name else "")
    count = len(problems.items)
    if not isinstance(name, str) or not name.strip():
        problems.add(f"{label}: no 'name' property; give every place the name it is found by")
    kind = properties.get("kind")
    if kind is None or kind == "":
        problems.add(f"{label}: no 'kind' property; add one of: {', '.join(KINDS)}")
    elif kind not in KINDS:
        problems.add(f"{label}: unknown kind {shown(kind)}; use one of: {', '.join(KINDS)}")
    place_id = properties.get("id")
    if place_id is not None and (not isinstance(place_id, str) or not _ID.match(place_id)):
        problems.add(f"{label}: id {shown(place_id)} is not an id; use letters, digits and "
                     "_ . : - (at most 100), or leave it out")
    country = properties.get("country")
    if country is not None and (not isinstance(country, str)
                                or not re.fullmatch(r"[A-Z]{2}", country)):
        problems.add(f"{label}: country {shown(country)} is not an ISO 3166-1 alpha-2 code "
                     "(e.g. AM); fix it or leave it out")
    elif country is not None and country not in _country_codes():
        problems.add(f"{label}: country {shown(country)} is not a country deploymap knows "
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
        crs, features = read_geopackage(path)
    else:
        crs, features = read_geojson(path, data)
    for number, feature in enumerate(features, 1):
        problem = text_in_problem(feature, f"feature {number}")
        if problem:
            raise UserInputError(f"{path}: {problem}")
    check_crs(crs, path)
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
            problems.add(f"feature {number} ({shown(place.name)}): duplicate id "
                         f"{place.id!r} (also feature {first[place.id]}); {fix}")
            continue
        first[place.id] = number
        places.append(place)
    problems.raise_if_any()
    return tuple(places)


__all__ = ["GEOMETRY_TYPES", "LONLAT_CRS", "load_places"]
