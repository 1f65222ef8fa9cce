"""The gazetteer's name index: every place by id and by each normalised form of its names.

Building it normalises ~50,000 names (about a second), so the finished index is kept as a
checksummed cache entry (JSON and WKB, never a pickle: see :mod:`geo.cache`) under
:func:`geo.cache.cache_root`, keyed by the data files and the code that builds it; a changed
data file, lexicon or normaliser makes a new one. A damaged entry is rebuilt with a warning;
an unwritable cache folder is ignored. :func:`with_places` makes a copy that also holds a
user's places (``--places``).
"""

from __future__ import annotations

import base64
import hashlib
import json
from array import array
from bisect import bisect_left
from collections import ChainMap, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import shapely

from ..cache import cache_root, memoized, pack, unpack
from ..data_files import data_path
from ..errors import UserInputError
from .boundaries import PLACE_LAYERS, layer_path, read_layer
from .normalize import normalize, skeleton, strip_generic
from .place import Place

#: Modules whose code shapes the index: a change in any of them invalidates the cache.
_CODE = ("index.py", "normalize.py", "place.py", "boundaries.py")
_FORMAT = 7
#: The language of names that are codes (ICAO, IATA): never matched as words.
CODE_LANGUAGE = "code"
#: The tables of an index, in the order they are stored.
TABLES = ("exact", "stripped", "loose", "codes")


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
    #: ICAO and IATA codes (names of language ``code``), as written: matched only as codes.
    codes: Mapping[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, place: Place, population: int) -> None:
        """Index ``place`` under every name it has."""
        self.places[place.id] = place
        self.population[place.id] = population
        self.primary[place.id] = normalize(place.name)
        names = [place.name, *(n for lang, values in place.names.items() if lang != CODE_LANGUAGE
                               for n in values)]
        for name in names:
            for table, key in name_keys(name):
                _append(getattr(self, table), key, place.id)
        for code in place.names.get(CODE_LANGUAGE, ()):
            _append(self.codes, code.upper(), place.id)


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
    for name in TABLES:
        setattr(index, name, dict(getattr(index, name)))
    return index


class KeyTable(Mapping[str, list[str]]):
    """A read-only key -> place ids table as read from the cache: the keys, and for each the
    numbers of its places in one flat list, turned into ids only when a key is looked up
    (decoding a dict of 50,000 lists costs about as much as the rest of the index)."""

    def __init__(self, keys: list[str], starts: list[int], numbers: list[int],
                 ids: list[str]) -> None:
        if len(starts) != len(keys) + 1 or starts[-1] != len(numbers) or (len(numbers) and (
                min(numbers) < 0 or max(numbers) >= len(ids))):
            raise ValueError("not a whole key table")
        # Keys are stored sorted: a look-up is a binary search (a dict of a million keys
        # would take half a second to build in every process).
        self._keys, self._starts, self._numbers, self._ids = keys, starts, numbers, ids

    def _row(self, key: str) -> int:
        row = bisect_left(self._keys, key)
        if row == len(self._keys) or self._keys[row] != key:
            raise KeyError(key)
        return row

    @classmethod
    def encode(cls, table: Mapping[str, list[str]], number: Mapping[str, int]) -> dict:
        keys, starts, numbers = sorted(table), [0], []  # sorted: the suggester sorts them again
        for key in keys:
            numbers.extend(number[place_id] for place_id in table[key])
            starts.append(len(numbers))
        return {"keys": keys, "starts": _ints(starts), "numbers": _ints(numbers)}

    @classmethod
    def decode(cls, entry: dict, ids: list[str]) -> KeyTable:
        """A table written by :meth:`encode`."""
        return cls(entry["keys"], _from_ints(entry["starts"]), _from_ints(entry["numbers"]),
                   ids)

    def __getitem__(self, key: str) -> list[str]:
        row = self._row(key)
        ids = self._ids
        return [ids[n] for n in self._numbers[self._starts[row]:self._starts[row + 1]]]

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        row = bisect_left(self._keys, key)
        return row < len(self._keys) and self._keys[row] == key

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        """The ids under ``key``, or ``default``."""
        try:
            return self[key]
        except KeyError:
            return default

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


class PlaceTable(Mapping[str, Place]):
    """Read-only places by id as read from the cache: each :class:`Place` is made when it
    is first asked for (a look-up needs a handful of the 5,700)."""

    def __init__(self, ids: list[str], rows: list[str], geometries: Sequence[Any]) -> None:
        if not len(ids) == len(rows) == len(geometries):
            raise ValueError("not a whole place table")
        self._rows = {place_id: number for number, place_id in enumerate(ids)}
        self._raw, self._geometries = rows, geometries
        self._made: dict[str, Place] = {}
        #: (kind, country) of every place in row order, set by :func:`decode_index`.
        self.facts: list[tuple[str, str]] = []

    def kind_and_country(self, place_id: str) -> tuple[str, str]:
        """A place's kind and country without making the :class:`Place`."""
        return self.facts[self._rows[place_id]]

    def number(self, place_id: str) -> int:
        """The row of ``place_id`` (KeyError when unknown)."""
        return self._rows[place_id]

    def __getitem__(self, place_id: str) -> Place:
        place = self._made.get(place_id)
        if place is None:
            number = self._rows[place_id]
            row = json.loads(self._raw[number])
            if len(row) != 8:
                raise ValueError(f"place row {number} is not whole")
            name, kind, names, source, country, approximate, note, parts = row
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
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    document = {
        # Each place's facts as a JSON text of its own, read only when the place is asked for.
        "ids": [p.id for p in places],
        "places": [dumps([p.name, p.kind, {k: list(v) for k, v in p.names.items()}, p.source,
                          p.country, p.approximate, p.note, list(p.parts)]) for p in places],
        "population": _ints([index.population.get(p.id, 0) for p in places]),
        "kinds": [p.kind for p in places], "countries": [p.country for p in places],
        "primary": [index.primary.get(p.id, "") for p in places],
        **{name: KeyTable.encode(getattr(index, name), number) for name in TABLES},
    }
    return pack(document, [p.geometry for p in places])


def decode_index(data: bytes) -> NameIndex:
    """:func:`encode_index` read back; ValueError (or KeyError, TypeError) if it is not one."""
    document, geometries = unpack(data, lazy=True)
    ids = document["ids"]
    if len(geometries) != len(ids):
        raise ValueError("geometries do not match the places")
    table = PlaceTable(ids, document["places"], geometries)
    population, primary = _from_ints(document["population"]), document["primary"]
    if not len(population) == len(primary) == len(ids):
        raise ValueError("place facts do not match the places")
    if not len(document["kinds"]) == len(document["countries"]) == len(ids):
        raise ValueError("place kinds do not match the places")
    table.facts = list(zip(document["kinds"], document["countries"], strict=True))
    index = NameIndex(places=table)
    index.population = Aligned(table, population)
    index.primary = Aligned(table, primary)
    for name in TABLES:
        setattr(index, name, KeyTable.decode(document[name], ids))
    return index


class Aligned(Mapping[str, Any]):
    """A fact per place (population, primary name key) in the places' row order."""

    def __init__(self, places: PlaceTable, values: Sequence[Any]) -> None:
        self._places, self._values = places, values

    def __getitem__(self, place_id: str) -> Any:
        return self._values[self._places.number(place_id)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._values)


def _ints(values: Sequence[int]) -> str:
    """Non-negative integers as base64 of little-endian uint32 (JSON lists of a million
    numbers take most of a second to read back; this a few ms)."""
    return base64.b64encode(array("I", values).tobytes()).decode("ascii")


def _from_ints(text: str) -> array:
    values = array("I")
    values.frombytes(base64.b64decode(text, validate=True))
    return values


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
    merged = NameIndex(ChainMap({}, index.places), ChainMap({}, index.population),
                       ChainMap({}, index.primary),
                       ChainMap({}, index.exact), ChainMap({}, index.stripped),
                       ChainMap({}, index.loose), ChainMap({}, index.codes))
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
    where = (str(cache_root()), key)  # a process that changes its cache folder reads anew
    loaded = _LOADED.get(where)
    if loaded is None:
        loaded = memoized(kind, version, key, build_index, encode_index, decode_index,
                          "name index")
        _LOADED.clear()  # one index in memory: 176,000 places are a few hundred MB
        _LOADED[where] = loaded
    return loaded


#: The index loaded in this process, by its cache key: every Gazetteer shares it (it is never
#: changed; :func:`with_places` layers a user's places over it).
_LOADED: dict[tuple[str, str], NameIndex] = {}


