"""The gazetteer's name index: every place by id and by each normalised form of its names.

Building it normalises ~50,000 names (about a second), so the finished index is kept in a
pickle under :func:`geo.cache.cache_root` keyed by the data files and the code that builds
it; a changed data file, lexicon or normaliser makes a new one. An unreadable or unwritable
cache is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cache import cache_root
from ..data_files import data_path
from ..output import write_atomic
from .boundaries import PLACE_LAYERS, layer_path, read_layer
from .normalize import normalize, skeleton, strip_generic
from .place import Place

#: Modules whose code shapes the index: a change in any of them invalidates the cache.
_CODE = ("name_index.py", "normalize.py", "place.py", "boundaries.py")
_FORMAT = 1


@dataclass
class NameIndex:
    """Places and the ids under each normalised name key."""

    places: dict[str, Place] = field(default_factory=dict)
    population: dict[str, int] = field(default_factory=dict)
    primary: dict[str, str] = field(default_factory=dict)
    exact: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    stripped: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    loose: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, place: Place, population: int) -> None:
        """Index ``place`` under every name it has."""
        self.places[place.id] = place
        self.population[place.id] = population
        self.primary[place.id] = normalize(place.name)
        names = [place.name, *(n for values in place.names.values() for n in values)]
        for name in names:
            key = normalize(name)
            if not key:
                continue
            _append(self.exact, key, place.id)
            stripped, _ = strip_generic(key)
            if stripped != key:
                _append(self.stripped, stripped, place.id)
            _append(self.loose, skeleton(stripped), place.id)


def _append(index: dict[str, list[str]], key: str, place_id: str) -> None:
    bucket = index[key]
    if place_id not in bucket:
        bucket.append(place_id)


def place_from_record(record: dict[str, Any]) -> Place:
    """A :class:`Place` from a boundary-layer record."""
    names = {lang: tuple(values) for lang, values in record.get("names", {}).items()}
    return Place(
        id=record["id"],
        name=record["name"],
        kind=record["kind"],
        names=names,
        geometry=record["geometry"],
        source=record.get("source", ""),
        country=record.get("country", ""),
        approximate=bool(record.get("approximate", False)),
        note=record.get("note", ""),
    )


def build_index() -> NameIndex:
    """Index every place of the searchable layers."""
    index = NameIndex()
    for layer in PLACE_LAYERS:
        for record in read_layer(layer):
            index.add(place_from_record(record), int(record.get("population", 0)))
    index.exact, index.stripped, index.loose = (
        dict(index.exact), dict(index.stripped), dict(index.loose))
    return index


def _fingerprint() -> str:
    digest = hashlib.sha256(f"format {_FORMAT}".encode())
    here = Path(__file__).parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    digest.update(data_path("lexicon.yaml").read_bytes())
    for layer in PLACE_LAYERS:
        stat = layer_path(layer).stat()
        digest.update(f"{layer}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:24]


def load_index() -> NameIndex:
    """The index, from the cache when it is current, else built (and cached)."""
    try:
        path = cache_root() / "index" / f"names-{_fingerprint()}.pickle"
        with path.open("rb") as handle:
            index = pickle.load(handle)
        if isinstance(index, NameIndex):
            return index
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError):
        pass
    index = build_index()
    with contextlib.suppress(Exception):  # a cache that cannot be written is only slower
        write_atomic(path, pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
        for stale in path.parent.glob("names-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    return index


__all__ = ["NameIndex", "build_index", "load_index", "place_from_record"]
