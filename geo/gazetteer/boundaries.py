"""The only module that reads ``data/boundaries/``: each layer loaded once, on first use."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import shapely

from ..data_files import data_path
from ..errors import DataFileError

#: Layers the gazetteer searches, in the order their places are indexed.
PLACE_LAYERS: tuple[str, ...] = ("countries", "provinces", "regions", "borders", "places", "water")
#: Layers drawn under a map but not searched by name.
BASEMAP_LAYERS: tuple[str, ...] = ("basemap", "provinces", "water", "borders")


def layer_path(name: str) -> Path:
    """The file of boundary layer ``name``."""
    return data_path("boundaries", f"{name}.geojson")


@cache
def read_layer(name: str) -> tuple[dict[str, Any], ...]:
    """The features of ``data/boundaries/<name>.geojson``, geometries as shapely objects.

    Each item is the feature's ``properties`` plus a ``geometry`` key.
    """
    path = layer_path(name)
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
