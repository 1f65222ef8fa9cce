"""The only module that reads ``data/boundaries/``: each layer loaded once, on first use.

Parsing a layer's GeoJSON is the slow part (the countries' outlines: about 0.2 s), so each
layer is also kept in the cache folder as JSON properties and WKB geometries
(:func:`geo.cache.memoized`), keyed by the file's SHA-256 and this module's code.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import shapely

from ..cache import digest, file_digest, memoized, pack, unpack
from ..data_files import data_path
from ..errors import DataFileError

#: Layers the gazetteer searches, in the order their places are indexed.
PLACE_LAYERS: tuple[str, ...] = ("countries", "provinces", "regions", "borders", "places", "water",
                                  "islands")
#: Layers drawn under a map but not searched by name.
BASEMAP_LAYERS: tuple[str, ...] = ("basemap", "provinces", "water", "borders")


#: Layers kept as a point table (tab-separated, a JSON header) instead of GeoJSON.
POINT_TABLE_LAYERS = frozenset({"places"})


def layer_path(name: str) -> Path:
    """The file of boundary layer ``name``."""
    suffix = "tsv" if name in POINT_TABLE_LAYERS else "geojson"
    return data_path("boundaries", f"{name}.{suffix}")


_FORMAT = 1


@cache
def read_demonyms() -> dict[str, dict[str, list[str]]]:
    """``data/boundaries/demonyms.json``: by country code, its demonyms in English and French
    and its alternative spellings (``{"FI": {"en": ["Finnish"], "fr": [...], "alt": [...]}}``)."""
    path = data_path("boundaries", "demonyms.json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))["countries"]
    except (OSError, ValueError, KeyError) as error:
        raise DataFileError(f"{path}: cannot read the demonyms: {error}; reinstall deploymap "
                            "or rebuild the data with `python -m scripts.boundaries`") from error


@cache
def country_names() -> dict[str, dict[str, list[str]]]:
    """Each country's names by language (the countries layer, without its outlines)."""
    return {r["id"]: r.get("names") or {} for r in read_layer("countries")}


@cache
def read_layer(name: str) -> tuple[dict[str, Any], ...]:
    """The features of ``data/boundaries/<name>.geojson``, geometries as shapely objects.

    Each item is the feature's ``properties`` plus a ``geometry`` key.
    """
    path = layer_path(name)
    try:
        key = digest([name, file_digest(path), file_digest(Path(__file__))])
    except FileNotFoundError:
        return _parse_layer(name, path)  # says what is missing
    except OSError as error:
        raise DataFileError(f"{path}: cannot read boundary layer {name!r}: {error}") from error
    return memoized("boundaries", _FORMAT, key, lambda: _parse_layer(name, path), _encode,
                    _decode, f"boundary layer {name!r}")


_CAPITAL = '"capital":true'
_FOREIGN = '"foreign":true'


@cache
def _marked_records(mark: str, what: str) -> tuple[dict[str, Any], ...]:
    """The lines of the places table holding ``mark`` (``what`` they are), in its order;
    kept in the cache folder beside the layers (reading the 24 MB table for them costs a
    map's worker 20-30 ms)."""
    path = layer_path("places")
    try:
        key = digest([what, file_digest(path), file_digest(Path(__file__))])
    except OSError as error:
        raise DataFileError(f"{path}: cannot read the places table: {error}") from error
    return memoized("boundaries", _FORMAT, key, lambda: _read_marked(path, mark), _encode,
                    _decode, f"{what} of the places table")


def _capital_records() -> tuple[dict[str, Any], ...]:
    """The capitals of the places table (its ``extra`` says ``"capital":true``)."""
    return _marked_records(_CAPITAL, "capitals")


@cache
def base_operators() -> dict[str, tuple[str, ...]]:
    """The foreign countries whose forces run or ran each foreign base (``"foreign":true``
    in the places table), by base id, the first listed first ("base:port-bouet-43e-bima":
    France; Côte d'Ivoire runs it now)."""
    return {r["id"]: tuple(c for c in r.get("operator", ()) if c != r.get("country"))
            for r in _marked_records(_FOREIGN, "foreign bases")}


def _read_marked(path: Path, marked: str) -> tuple[dict[str, Any], ...]:
    """The lines of the places table holding ``marked`` (its capitals, its foreign bases),
    parsed (~10 ms, not the 2-4 s of the whole table)."""
    try:
        data = path.read_bytes()
        if b"\r" in data:  # not as written: its lines as a text file reads them
            with path.open(encoding="utf-8") as lines:
                head = next(lines, "")
                return _parse_point_table(head + "".join(r for r in lines if marked in r))
    except OSError as error:
        raise DataFileError(f"{path}: cannot read the places table: {error}") from error
    head = data[:data.find(b"\n") + 1] if b"\n" in data else data
    rows, mark, at = [], marked.encode(), data.find(marked.encode(), len(head))
    while at >= 0:  # only the lines that hold the mark, found by a search of the bytes
        start = data.rfind(b"\n", 0, at) + 1
        end = data.find(b"\n", at) + 1 or len(data)
        rows.append(data[start:end])
        at = data.find(mark, end)
    return _parse_point_table((head + b"".join(rows)).decode("utf-8"))


def capitals(country: str) -> tuple[dict[str, Any], ...]:
    """The capital(s) of ``country`` in the places table, in its order."""
    return tuple(r for r in _capital_records() if r.get("country") == country)


@cache
def capital_ids() -> frozenset[str]:
    """The ids of every capital in the places table."""
    return frozenset(r["id"] for r in _capital_records())


def _encode(records: tuple[dict[str, Any], ...]) -> bytes:
    return pack([{k: v for k, v in r.items() if k != "geometry"} for r in records],
                [r["geometry"] for r in records])


def _decode(data: bytes) -> tuple[dict[str, Any], ...]:
    properties, geometries = unpack(data)
    if len(properties) != len(geometries):
        raise ValueError("properties and geometries differ in number")
    return tuple({**p, "geometry": g} for p, g in zip(properties, geometries, strict=True))


def _parse_layer(name: str, path: Path) -> tuple[dict[str, Any], ...]:
    try:
        text = path.read_text(encoding="utf-8")
        if name in POINT_TABLE_LAYERS:
            return _parse_point_table(text)
        collection = json.loads(text)
    except FileNotFoundError as error:
        raise DataFileError(
            f"{path}: boundary layer {name!r} is missing; reinstall deploymap or rebuild the "
            "data with `python -m scripts.boundaries`"
        ) from error
    except (OSError, ValueError, KeyError, IndexError) as error:
        raise DataFileError(f"{path}: cannot read boundary layer {name!r}: {error}") from error
    features = collection["features"]
    geometries = shapely.from_geojson([json.dumps(f["geometry"]) for f in features])
    return tuple(
        {**f["properties"], "geometry": g} for f, g in zip(features, geometries, strict=True)
    )


def _parse_point_table(text: str) -> tuple[dict[str, Any], ...]:
    """Records of a point table written by ``scripts/boundaries/geojson_io.py``."""
    head, _, body = text.partition("\n")
    header = json.loads(head)
    columns, sources = header["columns"], header["sources"]
    expected = ["id", "kind", "country", "population", "lon", "lat", "name", "names", "extra",
                "source"]
    if columns != expected:
        raise ValueError(f"point table columns {columns} are not {expected}")
    rows = [line.split("\t") for line in body.splitlines() if line]
    points = shapely.points([[float(r[4]), float(r[5])] for r in rows])
    records = []
    loads = json.loads
    for row, point in zip(rows, points, strict=True):
        record = {"id": row[0], "kind": row[1], "country": row[2], "population": int(row[3]),
                  "name": row[6], "names": loads(row[7]),
                  "source": sources.get(row[9], row[9]), "geometry": point}
        if row[8] != "{}":
            record.update(loads(row[8]))
        records.append(record)
    return tuple(records)


__all__ = ["BASEMAP_LAYERS", "PLACE_LAYERS", "base_operators", "capital_ids", "capitals",
           "country_names",
           "layer_path", "read_demonyms", "read_layer"]
