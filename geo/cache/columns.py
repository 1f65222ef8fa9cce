"""Columns of a sectioned cache entry (:mod:`geo.cache.blocks`), read where they lie.

:class:`Ints` are little-endian integers, :class:`Texts` byte strings with an offset table,
:class:`SortedKeys` sorted strings in buckets of 64 with the first key of each bucket kept
in memory: finding a key reads one bucket. Each has a ``write_*`` function beside it.
"""

from __future__ import annotations

import itertools
import struct
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

from .blocks import DamagedEntry, EntryWriter, SectionFile

BUCKET = 64
_SIZES = {"B": 1, "H": 2, "I": 4, "Q": 8}


def write_ints(writer: EntryWriter, name: str, code: str, values: Sequence[int]) -> None:
    """Section ``name``: ``values`` as little-endian integers of struct ``code``."""
    writer.add(name, struct.pack(f"<{len(values)}{code}", *values))


class Ints(Sequence[int]):
    """A section of integers of one struct ``code`` (``B``, ``H``, ``I``, ``Q``)."""

    def __init__(self, entry: SectionFile, name: str, code: str) -> None:
        self._entry, self._code, self._size = entry, code, _SIZES[code]
        self._offset, length = entry.section(name)
        if length % self._size:
            raise DamagedEntry(f"{entry.path}: section {name!r} is not whole")
        self._count = length // self._size

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, number: int) -> int:  # type: ignore[override]
        if not 0 <= number < self._count:
            raise IndexError(number)
        data = self._entry.read(self._offset + number * self._size, self._size)
        return struct.unpack(f"<{self._code}", data)[0]

    def span(self, start: int, end: int) -> tuple[int, ...]:
        """Values ``start`` to ``end`` (exclusive)."""
        if not 0 <= start <= end <= self._count:
            raise IndexError((start, end))
        data = self._entry.read(self._offset + start * self._size, (end - start) * self._size)
        return struct.unpack(f"<{end - start}{self._code}", data)

    def all(self) -> array:
        """Every value, checked and copied."""
        values = array(self._code)
        values.frombytes(self._entry.read(self._offset, self._count * self._size))
        if values.itemsize != self._size:
            raise DamagedEntry("this machine's integer sizes differ")
        return values


def write_texts(writer: EntryWriter, name: str, items: Sequence[bytes]) -> None:
    """Sections ``name`` (the items one after another) and ``name.at`` (their offsets)."""
    offsets, at = [0], 0
    for item in items:
        at += len(item)
        offsets.append(at)
    writer.add(name, b"".join(items))
    write_ints(writer, f"{name}.at", "Q", offsets)


class Texts(Sequence[bytes]):
    """Byte strings written by :func:`write_texts`."""

    def __init__(self, entry: SectionFile, name: str) -> None:
        self._entry = entry
        self._offset, self._length = entry.section(name)
        self._at = Ints(entry, f"{name}.at", "Q")
        if not len(self._at):
            raise DamagedEntry(f"{entry.path}: section {name!r} is not whole")

    def __len__(self) -> int:
        return len(self._at) - 1

    def __getitem__(self, number: int) -> bytes:  # type: ignore[override]
        if not 0 <= number < len(self):
            raise IndexError(number)
        start, end = self._at.span(number, number + 2)
        if not 0 <= start <= end <= self._length:
            raise DamagedEntry(f"{self._entry.path}: offsets out of range")
        return self._entry.read(self._offset + start, end - start)


def write_sorted_keys(writer: EntryWriter, name: str, keys: Sequence[str]) -> None:
    """Sorted, distinct ``keys`` (none empty, none with a newline) in buckets."""
    if any(not k or "\n" in k for k in keys) or any(a >= b for a, b in itertools.pairwise(keys)):
        raise ValueError(f"{name}: keys must be sorted, distinct, non-empty, one line each")
    buckets = ["\n".join(keys[at:at + BUCKET]).encode("utf-8")
               for at in range(0, len(keys), BUCKET)]
    write_texts(writer, name, buckets)
    writer.add(f"{name}.fences", "\n".join(keys[::BUCKET]).encode("utf-8"))
    write_ints(writer, f"{name}.count", "Q", [len(keys)])


class SortedKeys(Sequence[str]):
    """Keys written by :func:`write_sorted_keys`; :meth:`find` gives a key's position."""

    def __init__(self, entry: SectionFile, name: str) -> None:
        self._entry, self._name = entry, name
        self._buckets = Texts(entry, name)
        (self._count,) = Ints(entry, f"{name}.count", "Q").span(0, 1)
        if -(-self._count // BUCKET) != len(self._buckets):
            raise DamagedEntry(f"{entry.path}: section {name!r} is not whole")
        self._fences: list[str] | None = None
        self._read: dict[int, list[str]] = {}

    def _bucket(self, number: int) -> list[str]:
        keys = self._read.get(number)
        if keys is None:
            keys = self._buckets[number].decode("utf-8").split("\n")
            expected = min(BUCKET, self._count - number * BUCKET)
            if len(keys) != expected:
                raise DamagedEntry(f"{self._entry.path}: bucket {number} is not whole")
            self._read[number] = keys
        return keys

    def find(self, key: str) -> int:
        """The position of ``key``, or -1."""
        if self._fences is None:
            text = self._entry.whole(f"{self._name}.fences").decode("utf-8")
            self._fences = text.split("\n") if self._count else []
        number = bisect_right(self._fences, key) - 1
        if number < 0:
            return -1
        keys = self._bucket(number)
        at = bisect_left(keys, key)
        return number * BUCKET + at if at < len(keys) and keys[at] == key else -1

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, number: int) -> str:  # type: ignore[override]
        if not 0 <= number < self._count:
            raise IndexError(number)
        return self._bucket(number // BUCKET)[number % BUCKET]

    def __iter__(self) -> Iterator[str]:
        for number in range(len(self._buckets)):
            yield from self._bucket(number)

    def all(self) -> list[str]:
        """Every key, in order."""
        if not self._count:
            return []
        offset, length = self._entry.section(self._name)
        blob = self._entry.read(offset, length)
        starts = self._buckets._at.all()
        keys = "\n".join(blob[a:b].decode("utf-8") for a, b in itertools.pairwise(starts))
        found = keys.split("\n")
        if len(found) != self._count:
            raise DamagedEntry(f"{self._entry.path}: section {self._name!r} is not whole")
        return found


__all__ = ["BUCKET", "Ints", "SortedKeys", "Texts", "write_ints", "write_sorted_keys",
           "write_texts"]
