"""The gazetteer's name index: every place by id and by each normalised form of its names.

Building it normalises ~50,000 names (about a second), so the finished index is kept as a
checksummed cache entry (JSON and WKB, never a pickle: see :mod:`geo.cache`) under
:func:`geo.cache.cache_root`, keyed by the data files and the code that builds it; a changed
data file, lexicon or normaliser makes a new one. A damaged entry is rebuilt with a warning;
an unwritable cache folder is ignored. :func:`with_places` makes a copy that also holds a
user's places (``--places``).
"""

from __future__ import annotations

import hashlib
from collections import ChainMap, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import shapely

from ..cache import memoized, pack, unpack
from ..data_files import data_path
from ..errors import UserInputError
from .boundaries import PLACE_LAYERS, layer_path, read_layer
from .normalize import normalize, skeleton, strip_generic
from .place import Place

#: Modules whose code shapes the index: a change in any of them invalidates the cache.
_CODE = ("index.py", "normalize.py", "place.py", "boundaries.py")
_FORMAT = 4


@dataclass
class NameIndex:
    """Places and the ids under each normalised name key."""

    places: Mapping[str, Place] = field(default_factory=dict)
    population: dict[str, int] = field(default_factory=dict)
    primary: dict[str, str] = field(default_factory=dict)
    #: The tables are dicts while an index is built, :class:`KeyTable` once read back, and
    #: a ChainMap (the user's keys over the shared ones) with ``--places``.
    exact: Mapping[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    stripped: Mapping[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    loose: Mapping[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, place: Place, population: int) -> None:
        """Index ``place`` under every name it has."""
        self.places[place.id] = place
        self.population[place.id] = population
        self.primary[place.id] = normalize(place.name)
        names = [place.name, *(n for values in place.names.values() for n in values)]
        for name in names:
            for table, key in name_keys(name):
                _append(getattr(self, table), key, place.id)


def name_keys(name: str) -> list[tuple[str, str]]:
    """The (table, key) pairs a name is indexed under: ``exact``, ``stripped`` (without a
    generic word such as "province", when it has one) and ``loose`` (its skeleton)."""
    key = normalize(name)
    if not key:
        return []
    stripped, _ = strip_generic(key)
    keys = [("exact", key)]
    if stripped != key:
        keys.append(("stripped", stripped))
    keys.append(("loose", skeleton(stripped)))
    return keys


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


class KeyTable(Mapping[str, list[str]]):
    """A read-only key -> place ids table as read from the cache: the keys, and for each the
    numbers of its places in one flat list, turned into ids only when a key is looked up
    (decoding a dict of 50,000 lists costs about as much as the rest of the index)."""

    def __init__(self, keys: list[str], starts: list[int], numbers: list[int],
                 ids: list[str]) -> None:
        if len(starts) != len(keys) + 1 or starts[-1] != len(numbers) or (numbers and (
                min(numbers) < 0 or max(numbers) >= len(ids))):
            raise ValueError("not a whole key table")
        self._rows = dict(zip(keys, range(len(keys)), strict=True))
        self._keys, self._starts, self._numbers, self._ids = keys, starts, numbers, ids

    @classmethod
    def encode(cls, table: Mapping[str, list[str]], number: Mapping[str, int]) -> dict:
        keys, starts, numbers = sorted(table), [0], []  # sorted: the suggester sorts them again
        for key in keys:
            numbers.extend(number[place_id] for place_id in table[key])
            starts.append(len(numbers))
        return {"keys": keys, "starts": starts, "numbers": numbers}

    def __getitem__(self, key: str) -> list[str]:
        row = self._rows[key]
        ids = self._ids
        return [ids[n] for n in self._numbers[self._starts[row]:self._starts[row + 1]]]

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


class PlaceTable(Mapping[str, Place]):
    """Read-only places by id as read from the cache: each :class:`Place` is made when it
    is first asked for (a look-up needs a handful of the 5,700)."""

    def __init__(self, rows: list[list[Any]], geometries: list[Any]) -> None:
        if len(rows) != len(geometries) or any(len(row) != 9 for row in rows):
            raise ValueError("not a whole place table")
        self._rows = {row[0]: number for number, row in enumerate(rows)}
        self._raw, self._geometries = rows, geometries
        self._made: dict[str, Place] = {}

    def __getitem__(self, place_id: str) -> Place:
        place = self._made.get(place_id)
        if place is None:
            number = self._rows[place_id]
            _, name, kind, names, source, country, approximate, note, parts = self._raw[number]
            place = self._made[place_id] = Place(
                place_id, name, kind, {k: tuple(v) for k, v in names.items()},
                self._geometries[number], source, country, bool(approximate), note,
                tuple(parts))
        return place

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


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
    number = {p.id: n for n, p in enumerate(places)}
    document = {
        "places": [[p.id, p.name, p.kind, {k: list(v) for k, v in p.names.items()}, p.source,
                    p.country, p.approximate, p.note, list(p.parts)] for p in places],
        "population": index.population, "primary": index.primary,
        **{name: KeyTable.encode(getattr(index, name), number)
           for name in ("exact", "stripped", "loose")},
    }
    return pack(document, [p.geometry for p in places])


def decode_index(data: bytes) -> NameIndex:
    """:func:`encode_index` read back; ValueError (or KeyError, TypeError) if it is not one."""
    document, geometries = unpack(data)
    if len(geometries) != len(document["places"]):
        raise ValueError("geometries do not match the places")
    index = NameIndex(places=PlaceTable(document["places"], geometries))
    index.population, index.primary = document["population"], document["primary"]
    ids = list(index.places)
    index.exact, index.stripped, index.loose = (
        KeyTable(document[n]["keys"], document[n]["starts"], document[n]["numbers"], ids)
        for n in ("exact", "stripped", "loose"))
    return index


def with_places(index: NameIndex, places: Sequence[Place]) -> NameIndex:
    """A copy of the gazetteer's name ``index`` that also holds ``places`` (the shared index
    is left as it is). A place without a country gets the shipped country it lies in."""
    clashes = [p for p in places if p.id in index.places]
    if clashes:
        shipped = index.places[clashes[0].id]
        raise UserInputError(
            f"{clashes[0].source}: id {clashes[0].id!r} is already a shipped place "
            f"({shipped.name}, {shipped.kind}); give the feature another id"
            + (f" (also: {', '.join(p.id for p in clashes[1:])})" if clashes[1:] else ""))
    merged = NameIndex(ChainMap({}, index.places), dict(index.population), dict(index.primary),
                       ChainMap({}, index.exact), ChainMap({}, index.stripped),
                       ChainMap({}, index.loose))
    for place in _with_countries(index, places):
        merged.places[place.id] = place
        merged.population[place.id] = 0
        merged.primary[place.id] = normalize(place.name)
        for name in {place.name, *(n for values in place.names.values() for n in values)}:
            _add_keys(merged, name, place.id)
    return merged


def _add_keys(index: NameIndex, name: str, place_id: str) -> None:
    """Index ``name`` without changing the buckets the shared index holds (copy on write)."""
    for table_name, key in name_keys(name):
        table = getattr(index, table_name)
        bucket = table.get(key, [])
        if place_id not in bucket:
            table[key] = [*bucket, place_id]


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


