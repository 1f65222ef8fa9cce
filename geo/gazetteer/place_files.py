"""Reading a user's places file, GeoJSON or GeoPackage, into raw features and the CRS it
declares; nothing here judges a feature (:mod:`.user_places` does). JSON is read strictly:
a key named twice, an integer beyond 2**53, NaN or Infinity is refused, not guessed at."""

from __future__ import annotations

import json
import math
import re
import warnings
from pathlib import Path
from typing import Any

from ..errors import UserInputError
from ..inputs import decode_text, integer_problem, text_problem

#: CRS names that mean longitude/latitude on WGS84.
LONLAT_CRS = frozenset({
    "EPSG:4326", "OGC:CRS84", "URN:OGC:DEF:CRS:OGC:1.3:CRS84", "URN:OGC:DEF:CRS:EPSG::4326",
    "URN:OGC:DEF:CRS:OGC::CRS84", "WGS84", "CRS84",
})
_SHOWN = 60


def convert_command(path: Path) -> str:
    return f"ogr2ogr -t_srs EPSG:4326 {path.stem}-wgs84.geojson {path}"


def shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN else text[:_SHOWN - 1] + "…'"


class _DuplicateKey(ValueError):
    pass


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object that names each key once (JSON readers disagree on which one wins)."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(f"the key {shown(key)} twice in one object; keep only one")
        found[key] = value
    return found


def _integer(text: str) -> int:
    value = int(text)
    if integer_problem(value):
        raise _DuplicateKey(integer_problem(value))
    return value


def _constant(name: str) -> float:
    raise _DuplicateKey(f"{name} is not a number JSON allows; write a number")


def text_in_problem(value: Any, where: str) -> str:
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
                stack.append((child, f"{at}, {shown(key)}"))
        elif isinstance(item, list):
            stack.extend((child, at) for child in item)
    return ""


def read_geojson(path: Path, data: bytes) -> tuple[str | None, list[Any]]:
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
                             f"{shown(kind) if kind else type(document).__name__}); give a "
                             "file with {\"type\": \"FeatureCollection\", \"features\": [...]}")
    crs = None
    if isinstance(document.get("crs"), dict):
        properties = document["crs"].get("properties")
        name = properties.get("name") if isinstance(properties, dict) else None
        crs = str(name) if name else json.dumps(document["crs"])
    return crs, features


def read_geopackage(path: Path) -> tuple[str | None, list[Any]]:
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


def is_lonlat(crs: str) -> bool:
    name = crs.strip().upper()
    return name in LONLAT_CRS or name.endswith("CRS84") or bool(
        re.fullmatch(r"(URN:OGC:DEF:CRS:)?EPSG:[\d.]*:?4326", name))


def check_crs(crs: str | None, path: Path) -> None:
    if crs is None or is_lonlat(crs):
        return
    raise UserInputError(
        f"{path}: the places are in {crs}, but deploymap needs longitude/latitude in "
        f"EPSG:4326 (WGS84); convert the file: {convert_command(path)}")


__all__ = ["LONLAT_CRS", "check_crs", "convert_command", "is_lonlat", "read_geojson",
           "read_geopackage", "shown", "text_in_problem"]
