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
PLACE_LAYERS: tuple[str, ...] = ("countries", "provinces", "regions", "borders", "places", "water")
#: Layers drawn under a map but not searched by name.
BASEMAP_LAYERS: tuple[str, ...] = ("basemap", "provinces", "water", "borders")


def layer_path(name: str) -> Path:
    """The file of boundary layer ``name``."""
    return data_path("boundaries", f"{name}.geojson")


_FORMAT = 1


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
        collection = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise DataFileError(
            f"{path}: boundary layer {name!r} is missing; reinstall deploymap or rebuild the "
            "data with `python -m scripts.boundaries`"
        ) from error
    except (OSError, ValueError) as error:
        raise DataFileError(f"{path}: cannot read boundary layer {name!r}: {error}") from error
    features = collection["features"]
    geometries = shapely.from_geojson([json.dumps(f["geometry"]) for f in features])
    return tuple(
        {**f["properties"], "geometry": g} for f, g in zip(features, geometries, strict=True)
    )


__all__ = ["BASEMAP_LAYERS", "PLACE_LAYERS", "layer_path", "read_layer"]
