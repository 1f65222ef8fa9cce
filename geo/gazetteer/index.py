"""The gazetteer's name index: every place by id and by each normalised form of its names.

Building it normalises ~50,000 names (about a second), so the finished index is kept as a
checksummed cache entry (JSON and WKB, never a pickle: see :mod:`geo.cache`) under
:func:`geo.cache.cache_root`, keyed by the data files and the code that builds it; a changed
data file, lexicon or normaliser makes a new one. A damaged entry is rebuilt with a warning;
an unwritable cache folder is ignored.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cache import memoized, pack, unpack
from ..data_files import data_path
from .boundaries import PLACE_LAYERS, layer_path, read_layer
from .normalize import normalize, skeleton, strip_generic
from .place import Place

#: Modules whose code shapes the index: a change in any of them invalidates the cache.
_CODE = ("index.py", "normalize.py", "place.py", "boundaries.py")
_FORMAT = 3


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


def encode_index(index: NameIndex) -> bytes:
    """The index as data: a JSON document (names, keys, place facts) then the places'
    geometries as WKB (:func:`geo.cache.pack`). No code travels with it (unlike a pickle)."""
    places = list(index.places.values())
    document = {
        "places": [[p.id, p.name, p.kind, {k: list(v) for k, v in p.names.items()}, p.source,
                    p.country, p.approximate, p.note, list(p.parts)] for p in places],
        "population": index.population, "primary": index.primary, "exact": index.exact,
        "stripped": index.stripped, "loose": index.loose,
    }
    return pack(document, [p.geometry for p in places])


def decode_index(data: bytes) -> NameIndex:
    """:func:`encode_index` read back; ValueError (or KeyError, TypeError) if it is not one."""
    document, geometries = unpack(data)
    if len(geometries) != len(document["places"]):
        raise ValueError("geometries do not match the places")
    index = NameIndex()
    for (place_id, name, kind, names, source, country, approximate, note, parts), geometry \
            in zip(document["places"], geometries, strict=True):
        index.places[place_id] = Place(place_id, name, kind,
                                       {k: tuple(v) for k, v in names.items()}, geometry,
                                       source, country, bool(approximate), note, tuple(parts))
    index.population, index.primary = document["population"], document["primary"]
    index.exact, index.stripped = document["exact"], document["stripped"]
    index.loose = document["loose"]
    return index


def index_entry() -> tuple[str, int, str]:
    """The cache kind, format and key of the current index's entry."""
    return "index", _FORMAT, _fingerprint()


def load_index() -> NameIndex:
    """The index, from the cache when it is current and whole, else built (and cached).

    A damaged cache entry is rebuilt with a one-line warning; a cache that cannot be
    written only makes the next process slower.
    """
    kind, version, key = index_entry()
    return memoized(kind, version, key, build_index, encode_index, decode_index,
                    "name index")


