"""The name index's tables as read in place from its cache entry (:mod:`geo.cache.blocks`):
keys to place ids (:class:`KeyTable`), places by id made when asked for (:class:`PlaceTable`),
and a fact per place in row order (:class:`Aligned`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import shapely

from ..cache.blocks import DamagedEntry, EntryWriter, SectionFile
from ..cache.columns import Ints, SortedKeys, Texts, write_ints, write_sorted_keys
from .place import Place


class KeyTable(Mapping[str, list[str]]):
    """A read-only key -> place ids table read in place from the cache entry: sorted keys
    (:class:`~geo.cache.columns.SortedKeys`), and for each the numbers of its places."""

    def __init__(self, entry: SectionFile, name: str, ids: Texts) -> None:
        self._keys = SortedKeys(entry, name)
        self._starts = Ints(entry, f"{name}.starts", "I")
        self._numbers = Ints(entry, f"{name}.numbers", "I")
        self._ids = ids
        self._found: dict[str, list[str]] = {}  # keys looked up in this process
        self._all: list[str] | None = None
        if len(self._starts) != len(self._keys) + 1:
            raise DamagedEntry(f"{entry.path}: table {name!r} is not whole")

    @staticmethod
    def write(writer: EntryWriter, name: str, table: Mapping[str, list[str]],
              number: Mapping[str, int]) -> None:
        """Store ``table`` as section ``name`` and its companions."""
        keys, starts, numbers = sorted(table), [0], []
        for key in keys:
            numbers.extend(number[place_id] for place_id in table[key])
            starts.append(len(numbers))
        write_sorted_keys(writer, name, keys)
        write_ints(writer, f"{name}.starts", "I", starts)
        write_ints(writer, f"{name}.numbers", "I", numbers)

    def __getitem__(self, key: str) -> list[str]:
        found = self._ids_of(key)
        if not found:
            raise KeyError(key)
        return list(found)

    def _ids_of(self, key: str) -> list[str]:
        """The ids under ``key`` (empty when none), remembered; callers copy them."""
        found = self._found.get(key)
        if found is None:
            at = self._keys.find(key)
            if at < 0:
                found = []  # remembered as missing
            else:
                start, end = self._starts.span(at, at + 2)
                found = [self._ids[n].decode("utf-8") for n in self._numbers.span(start, end)]
            if len(self._found) >= 65536:
                self._found.clear()
            self._found[key] = found
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self._ids_of(key))

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        """The ids under ``key``, or ``default`` (no KeyError raised and caught: most
        look-ups of an article's words find nothing)."""
        found = self._ids_of(key)
        return list(found) if found else default

    def key_at(self, number: int) -> str:
        """The ``number``-th key in sorted order."""
        return self._keys[number]

    def sorted_keys(self) -> list[str]:
        """Every key, sorted (read once per process: every gazetteer's suggester shares it;
        callers must not change the list)."""
        if self._all is None:
            self._all = self._keys.all()
        return self._all

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys.all())

    def __len__(self) -> int:
        return len(self._keys)


class PlaceTable(Mapping[str, Place]):
    """Read-only places by id, read in place: each :class:`Place` is made when it is first
    asked for (a look-up needs a handful of the 180,000)."""

    def __init__(self, entry: SectionFile) -> None:
        self.ids = Texts(entry, "place.ids")
        self._sorted = SortedKeys(entry, "ids")
        self._sorted_rows = Ints(entry, "ids.rows", "I")
        self._lower = SortedKeys(entry, "ids.lower")
        self._lower_rows = Ints(entry, "ids.lower.rows", "I")
        self._raw = Texts(entry, "place.rows")
        self._wkb = Texts(entry, "place.wkb")
        self._kinds = Ints(entry, "place.kind", "B")
        self._countries = Ints(entry, "place.country", "H")
        self.population = Ints(entry, "place.population", "I")
        self.primary = Texts(entry, "place.primary")
        self._kind_names, self._country_names = entry.document["kinds"], \
            entry.document["countries"]
        count = len(self.ids)
        if not all(len(c) == count for c in (
                self._sorted, self._sorted_rows, self._raw, self._wkb, self._kinds,
                self._countries, self.population, self.primary)):
            raise DamagedEntry(f"{entry.path}: the place columns differ in length")
        self._made: dict[str, Place] = {}
        self._rows: dict[str, int] = {}  # ids looked up in this process

    def number(self, place_id: str) -> int:
        """The row of ``place_id`` (KeyError when unknown)."""
        row = self._rows.get(place_id)
        if row is None:
            at = self._sorted.find(place_id)
            if at < 0:
                raise KeyError(place_id)
            row = self._rows[place_id] = self._sorted_rows[at]
        return row

    def id_for_lower(self, text: str) -> str | None:
        """The id written ``text`` in lower case, or None."""
        at = self._lower.find(text)
        return None if at < 0 else self.ids[self._lower_rows[at]].decode("utf-8")

    def kind_and_country(self, place_id: str) -> tuple[str, str]:
        """A place's kind and country without making the :class:`Place`."""
        row = self.number(place_id)
        return self._kind_names[self._kinds[row]], self._country_names[self._countries[row]]

    def ids_where(self, wanted: Callable[[str, str], bool]) -> list[str]:
        """Ids of the places whose (kind, country) ``wanted`` accepts, in row order."""
        kinds, countries = self._kinds.all(), self._countries.all()
        accepted = {pair: wanted(self._kind_names[pair[0]], self._country_names[pair[1]])
                    for pair in set(zip(kinds, countries, strict=True))}
        return [self.ids[row].decode("utf-8")
                for row, pair in enumerate(zip(kinds, countries, strict=True))
                if accepted[pair]]

    def __getitem__(self, place_id: str) -> Place:
        place = self._made.get(place_id)
        if place is None:
            number = self.number(place_id)
            row = json.loads(self._raw[number])
            if len(row) != 8:
                raise DamagedEntry(f"place row {number} is not whole")
            name, kind, names, source, country, approximate, note, parts = row
            place = self._made[place_id] = Place(
                place_id, name, kind, {k: tuple(v) for k, v in names.items()},
                shapely.from_wkb(self._wkb[number]), source, country, bool(approximate),
                note, tuple(parts))
        return place

    def __contains__(self, place_id: object) -> bool:
        return isinstance(place_id, str) and (
            place_id in self._rows or self._sorted.find(place_id) >= 0)

    def __iter__(self) -> Iterator[str]:
        return (place_id.decode("utf-8") for place_id in self.ids)

    def __len__(self) -> int:
        return len(self.ids)


class Aligned(Mapping[str, Any]):
    """A fact per place (population, primary name key) in the places' row order."""

    def __init__(self, places: PlaceTable, values: Sequence[Any],
                 read: Callable[[Any], Any]) -> None:
        self._places, self._values, self._read = places, values, read

    def __getitem__(self, place_id: str) -> Any:
        return self._read(self._values[self._places.number(place_id)])

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._values)


__all__ = ["Aligned", "KeyTable", "PlaceTable"]
