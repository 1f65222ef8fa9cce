"""The gazetteer's name index: every place by id and by each normalised form of its names.

Building it normalises about a million names (about 30 s), so the finished index is kept as
a sectioned cache entry (:mod:`geo.cache.blocks`: sorted keys, numbers, JSON and WKB, never
a pickle) under :func:`geo.cache.cache_root`, keyed by the data files and the code that
builds it, and read in place: a look-up reads a few checked blocks, not the whole entry. A
changed data file, lexicon or normaliser makes a new one; a damaged block is rebuilt with a
warning; an unwritable cache folder is ignored. :func:`with_places` makes a copy that also holds a
user's places (``--places``).
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
from collections import ChainMap, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from ..cache import cache_root, file_digest, warn_rebuilt
from ..cache.blocks import DamagedEntry, EntryWriter, SectionFile, sectioned
from ..cache.columns import write_ints, write_sorted_keys, write_texts
from ..cache.prebuilt import adopt, shipped
from ..data_files import data_path
from ..errors import UserInputError
from .aliases import airport_localities, alias_keys, province_seats, served_towns
from .boundaries import PLACE_LAYERS, layer_path, read_layer
from .normalize import (
    compass_english,
    consonants,
    is_arabic_named,
    loose_key,
    normalize,
    strip_generic,
)
from .place import Place
from .tables import Aligned, KeyTable, PlaceTable

#: Modules whose code shapes the index: a change in any of them invalidates the cache.
_CODE = ("index.py", "tables.py", "normalize.py", "place.py", "boundaries.py", "aliases.py")
_FORMAT = 9
#: The language of names that are codes (ICAO, IATA): never matched as words.
CODE_LANGUAGE = "code"
#: The tables of an index, in the order they are stored.
TABLES = ("exact", "stripped", "loose", "codes", "consonant")
#: Kinds whose names also answer with their compass words in English.
COMPASS_KINDS = frozenset({"province", "region"})
#: A consonant key shorter than this (letters) matches nothing: too many names share it.
MIN_CONSONANTS = 3
#: A consonant key shorter than this matches only provinces and regions.
SHORT_CONSONANTS = 4


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
    #: Consonant skeletons of places with names romanised from Arabic
    #: (:func:`geo.gazetteer.normalize.consonants`).
    consonant: Mapping[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    #: Each province's chief town (:func:`geo.gazetteer.aliases.province_seats`), as a
    #: one-id list.
    seats: Mapping[str, list[str]] = field(default_factory=dict)

    def add(self, place: Place, population: int) -> None:
        """Index ``place`` under every name it has."""
        self.places[place.id] = place
        self.population[place.id] = population
        self.primary[place.id] = normalize(place.name)
        # A name listed twice (GeoNames lists a place's own name among its alternates) is
        # keyed once: a quarter fewer names to normalise.
        names = dict.fromkeys([place.name, *(n for lang, values in place.names.items()
                                             if lang != CODE_LANGUAGE for n in values)])
        for name in names:
            for table, key in name_keys(name, place.country):
                _append(getattr(self, table), key, place.id)
            if place.kind in COMPASS_KINDS:  # "Nord-Kivu" is also "North Kivu"
                for english in compass_english(normalize(name)):
                    _append(self.exact, english, place.id)
        for code in place.names.get(CODE_LANGUAGE, ()):
            _append(self.codes, code.upper(), place.id)


def name_keys(name: str, country: str = "") -> list[tuple[str, str]]:
    """The (table, key) pairs a name is indexed under: ``exact``, ``stripped`` (without a
    generic word such as "province", when it has one), ``loose`` (its skeleton) and, in a
    country whose names are romanised from Arabic, ``consonant``."""
    key = normalize(name)
    if not key:
        return []
    stripped, _ = strip_generic(key)
    keys = [("exact", key)]
    if stripped != key:
        keys.append(("stripped", stripped))
    keys.append(("loose", loose_key(stripped)))
    if is_arabic_named(country):
        bare = consonants(stripped)
        if len(bare.replace(" ", "")) >= MIN_CONSONANTS:
            keys.append(("consonant", bare))
    return keys


def consonant_matches(table: Mapping[str, list[str]], key: str,
                      kind_country: Callable[[str], tuple[str, str]],
                      countries: Sequence[str]) -> list[str]:
    """The story's places under ``key``'s consonant skeleton (the loosest tier: "Hodeidah"
    for Al Hudaydah). A key of fewer than SHORT_CONSONANTS letters matches only provinces
    and regions, which are few: "Sarrin" must not become the town of Suran."""
    skeleton_key = consonants(key)
    short = len(skeleton_key.replace(" ", "")) < SHORT_CONSONANTS
    found = []
    for place_id in table.get(skeleton_key, ()):
        kind, country = kind_country(place_id)
        if country in countries and not (short and kind not in ("province", "region")):
            found.append(place_id)
    return found


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
    seats = province_seats(index.places, index.population)
    served = served_towns(index.places, index.population)
    # An alias never shadows a place of that kind named so (the "Erebuni" airport).
    aliases = itertools.chain(alias_keys(index.places, seats, served),
                              airport_localities(index.places, index.exact))
    kept = [(key, place_id) for key, place_id in aliases
            if not any(index.places[i].kind == index.places[place_id].kind and i != place_id
                       for i in (*index.exact.get(key, ()), *index.stripped.get(key, ())))]
    for key, place_id in kept:
        _append(index.stripped, key, place_id)
    index.seats = {province: [town] for province, town in seats.items()}
    for name in TABLES:
        setattr(index, name, dict(getattr(index, name)))
    return index


def _fingerprint(*, by_content: bool = False) -> str:
    """The index's key: its code, the lexicon and the layers' sizes and times (cheap to
    check in every process); ``by_content``: the layers' bytes instead, a key that stays
    the same when the files are copied (that of the entry shipped with the package)."""
    digest = hashlib.sha256(f"format {_FORMAT}".encode())
    here = Path(__file__).parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    for name in ("blocks.py", "columns.py"):
        digest.update((here.parent / "cache" / name).read_bytes())
    digest.update(data_path("lexicon.yaml").read_bytes())
    for layer in PLACE_LAYERS:
        path = layer_path(layer)
        if by_content:
            digest.update(f"{layer}:{file_digest(path)}".encode())
        else:
            stat = path.stat()
            digest.update(f"{layer}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:24]


def shipped_key() -> str:
    """The key of the index's entry as shipped with the package (:mod:`geo.cache.prebuilt`)."""
    return _fingerprint(by_content=True)


def encode_index(index: NameIndex) -> bytes:
    """The index as a sectioned cache entry (:mod:`geo.cache.blocks`): data only, never
    code, each column read in place. The same index always gives the same bytes."""
    places = list(index.places.values())
    number = {p.id: n for n, p in enumerate(places)}
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    writer = EntryWriter()
    write_texts(writer, "place.ids", [p.id.encode() for p in places])
    by_id = sorted(number)
    write_sorted_keys(writer, "ids", by_id)
    write_ints(writer, "ids.rows", "I", [number[i] for i in by_id])
    lower = {}
    for place_id in by_id:
        lower.setdefault(place_id.lower(), number[place_id])
    write_sorted_keys(writer, "ids.lower", sorted(lower))
    write_ints(writer, "ids.lower.rows", "I", [lower[k] for k in sorted(lower)])
    write_texts(writer, "place.rows", [dumps(
        [p.name, p.kind, {k: list(v) for k, v in p.names.items()}, p.source, p.country,
         p.approximate, p.note, list(p.parts)]).encode("utf-8") for p in places])
    write_texts(writer, "place.wkb", shapely.to_wkb(
        np.asarray([p.geometry for p in places], dtype=object)).tolist())
    kinds = sorted({p.kind for p in places})
    countries = sorted({p.country for p in places})
    write_ints(writer, "place.kind", "B", [kinds.index(p.kind) for p in places])
    country_number = {c: n for n, c in enumerate(countries)}
    write_ints(writer, "place.country", "H", [country_number[p.country] for p in places])
    write_ints(writer, "place.population", "I",
               [index.population.get(p.id, 0) for p in places])
    write_texts(writer, "place.primary",
                [index.primary.get(p.id, "").encode("utf-8") for p in places])
    for name in TABLES:
        KeyTable.write(writer, name, getattr(index, name), number)
    KeyTable.write(writer, "seats", index.seats, number)
    kind, version, _key = index_entry()
    return writer.finish(kind, version, {"kinds": kinds, "countries": countries})


def decode_index(entry: SectionFile) -> NameIndex:
    """:func:`encode_index` opened in place; DamagedEntry if it is not one."""
    table = PlaceTable(entry)
    index = NameIndex(places=table)
    index.population = Aligned(table, table.population, int)
    index.primary = Aligned(table, table.primary, lambda raw: raw.decode("utf-8"))
    for name in TABLES:
        setattr(index, name, KeyTable(entry, name, table.ids))
    index.seats = KeyTable(entry, "seats", table.ids)
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
    merged = NameIndex(ChainMap({}, index.places), ChainMap({}, index.population),
                       ChainMap({}, index.primary),
                       ChainMap({}, index.exact), ChainMap({}, index.stripped),
                       ChainMap({}, index.loose), ChainMap({}, index.codes),
                       ChainMap({}, index.consonant), index.seats)
    for place in _with_countries(index, places):
        merged.places[place.id] = place
        merged.population[place.id] = 0
        merged.primary[place.id] = normalize(place.name)
        for name in {place.name, *(n for values in place.names.values() for n in values)}:
            _add_keys(merged, name, place.id, place.country)
    return merged


def _add_keys(index: NameIndex, name: str, place_id: str, country: str) -> None:
    """Index ``name`` without changing the buckets the shared index holds (copy on write)."""
    for table_name, key in name_keys(name, country):
        table = getattr(index, table_name)
        bucket = table.get(key, [])
        if place_id not in bucket:
            table[key] = [*bucket, place_id]


def _with_countries(index: NameIndex, places: Iterable[Place]) -> list[Place]:
    places = list(places)
    if all(p.country for p in places):
        return places
    countries = [index.places[i] for i in _country_ids(index)]
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


def _country_ids(index: NameIndex) -> list[str]:
    shared = index.places.maps[-1] if isinstance(index.places, ChainMap) else index.places
    if isinstance(shared, PlaceTable):
        return shared.ids_where(lambda kind, _country: kind == "country")
    return [i for i, p in shared.items() if p.kind == "country"]


def index_key() -> str:
    """The key of the current index's entry (caches derived from it use it in theirs)."""
    return _fingerprint()


def index_entry() -> tuple[str, int, str]:
    """The cache kind, format and key of the current index's entry."""
    return "index", _FORMAT, index_key()


def load_index() -> NameIndex:
    """The index, from the cache when it is current and whole, else built (and cached).

    A damaged cache entry is rebuilt with a one-line warning; a cache that cannot be
    written only makes the next process slower.
    """
    kind, version, key = index_entry()
    where = (str(cache_root()), key)  # a process that changes its cache folder reads anew
    loaded = _LOADED.get(where)
    if loaded is None:
        def build() -> bytes:
            return encode_index(build_index())

        path = cache_root() / kind / f"{key}.bin"
        found = None if path.exists() else shipped(kind, shipped_key())
        if found is not None:  # the package's own: copied, then checked as any entry
            adopt(found, path)
        entry = sectioned(kind, version, key, build, "name index")
        try:
            loaded = decode_index(entry)
        except (DamagedEntry, ValueError, KeyError, TypeError, IndexError):
            entry = _rebuilt(entry, build)
            loaded = decode_index(entry)
        _LOADED.clear()  # one index per process
        _LOADED[where] = loaded
    return loaded


def _rebuilt(entry: SectionFile, build: Callable[[], bytes]) -> SectionFile:
    """A whole entry in place of one whose columns do not read back."""
    warn_rebuilt(entry.path, entry.what)
    with contextlib.suppress(OSError):
        entry.path.unlink()
    rebuilt = sectioned(entry.kind, entry.version, entry.path.stem, build, entry.what)
    return rebuilt


#: The index loaded in this process, by its cache key: every Gazetteer shares it (it is never
#: changed; :func:`with_places` layers a user's places over it).
_LOADED: dict[tuple[str, str], NameIndex] = {}


