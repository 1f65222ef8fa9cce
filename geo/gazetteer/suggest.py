"""Fuzzy suggestions for names the gazetteer does not know.

Two paths. The fast one finds every known key within one edit (insertion, deletion,
substitution, swap) of the query with a symmetric-deletion index (each key and each key with
one character removed point back to the key), then ranks what it found with rapidfuzz.
Only when that finds nothing does the slow path compare the query with every key
(rapidfuzz ``process.extract``).

The deletion index is two sorted columns (a 32-bit hash of each variant, the number of its
key), built in a few seconds on the first misspelt name and kept in the cache folder under
the name index's key as a sectioned entry (:mod:`geo.cache.blocks`), so a later process
reads the few blocks a look-up needs. A hash that two variants share only adds a
candidate, which the scorer then ranks like any other.
"""

from __future__ import annotations

import zlib
from bisect import bisect_left, bisect_right
from collections import ChainMap
from collections.abc import Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz, process

from ..cache.blocks import EntryWriter, SectionFile, sectioned
from ..cache.columns import Ints, write_ints

#: Matches scoring below this (0-100) are not worth suggesting.
MIN_SCORE = 70.0


_FORMAT = 3
_KIND = "fuzzy-index"


def _deletions(key: str) -> set[str]:
    """``key`` and every string made by removing one of its characters."""
    return {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}


def _hash(text: str) -> int:
    """A 32-bit hash stable across processes (CRC-32, in C). Two variants that share one
    only add a candidate, which the scorer ranks like any other."""
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


class DeletionIndex:
    """Variant hash -> key numbers, as two columns sorted by hash."""

    def __init__(self, hashes: Sequence[int], numbers: Sequence[int]) -> None:
        if len(hashes) != len(numbers):
            raise ValueError("hashes and numbers differ in length")
        self.hashes, self.numbers = hashes, numbers

    @staticmethod
    def arrays(keys: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """The sorted hash and number arrays of ``keys``' deletions."""
        hashes_list: list[int] = []
        numbers_list: list[int] = []
        for number, key in enumerate(keys):
            variants = _deletions(key)
            hashes_list.extend(map(_hash, variants))
            numbers_list.extend([number] * len(variants))
        hashes = np.array(hashes_list, dtype=np.uint32)
        numbers = np.array(numbers_list, dtype=np.uint32)
        order = np.lexsort((numbers, hashes))
        return hashes[order], numbers[order]

    @classmethod
    def build(cls, keys: Sequence[str]) -> DeletionIndex:
        """An index held in memory (for keys that have no cache entry)."""
        hashes, numbers = cls.arrays(keys)
        return cls(hashes.tolist(), numbers.tolist())

    @classmethod
    def entry(cls, keys: Sequence[str]) -> bytes:
        """The index of ``keys`` as a sectioned cache entry."""
        hashes, numbers = cls.arrays(keys)
        writer = EntryWriter()
        write_ints(writer, "hashes", "I", hashes.tolist())
        write_ints(writer, "numbers", "I", numbers.tolist())
        return writer.finish(_KIND, _FORMAT, {"keys": len(keys)})

    @classmethod
    def read(cls, entry: SectionFile) -> DeletionIndex:
        """An index written by :meth:`entry`, read in place."""
        return cls(Ints(entry, "hashes", "I"), Ints(entry, "numbers", "I"))

    def find(self, variant: str) -> list[int]:
        """Numbers of the keys that have ``variant`` among their deletions."""
        wanted = _hash(variant)
        start = bisect_left(self.hashes, wanted)
        end = bisect_right(self.hashes, wanted, lo=start)
        return [self.numbers[n] for n in range(start, end)]


class Suggester:
    """Finds the places whose names are closest to a misspelt one.

    Parameters
    ----------
    owners
        Normalised key to the ids of the places that carry that name (the shared index's
        table, or a ChainMap of a user's keys over it).
    cache_key
        The key of the shared index's cache entry: the deletion index of its keys is
        cached under it.
    """

    def __init__(self, owners: Mapping[str, Sequence[str]], cache_key: str = "") -> None:
        self._owners = owners  # read only when a name is misspelt
        maps = owners.maps if isinstance(owners, ChainMap) else [owners]
        self._shared, self._extra = maps[-1], [k for m in maps[:-1] for k in m]
        self._cache_key = cache_key
        self._sorted: list[str] | None = None
        self._index: DeletionIndex | None = None
        self._all: list[str] | None = None
        self._answers: dict[tuple[str, int], list[str]] = {}  # misspellings come back

    @property
    def _keys(self) -> list[str]:
        """The shared keys, sorted (their numbers are the deletion index's)."""
        if self._sorted is None:
            reader = getattr(self._shared, "sorted_keys", None)
            self._sorted = reader() if reader is not None else sorted(self._shared)
        return self._sorted

    def _deletion_index(self) -> DeletionIndex:
        if self._index is None:
            if self._cache_key and hasattr(self._shared, "sorted_keys"):
                entry = sectioned(_KIND, _FORMAT, self._cache_key,
                                  lambda: DeletionIndex.entry(self._keys), "fuzzy name index")
                index = DeletionIndex.read(entry)
                if entry.document.get("keys") != len(self._shared):
                    index = DeletionIndex.build(self._keys)  # an entry made for other keys
            else:
                index = DeletionIndex.build(self._keys)
            self._index = index
        return self._index

    def near(self, key: str) -> list[str]:
        """Known keys within one edit of ``key`` (the fast path)."""
        index = self._deletion_index()
        found: set[int] = set()
        for variant in _deletions(key):
            found.update(index.find(variant))
        key_at = getattr(self._shared, "key_at", None)
        near = [key_at(n) if key_at else self._keys[n] for n in sorted(found)]
        variants = _deletions(key)
        near += [k for k in self._extra if not variants.isdisjoint(_deletions(k))]
        return near

    def suggest(self, key: str, *, limit: int = 5) -> list[str]:
        """Ids of up to ``limit`` places whose names are closest to the normalised ``key``."""
        if not key:
            return []
        known = self._answers.get((key, limit))
        if known is not None:
            return list(known)
        choices = self.near(key)
        if not choices:
            if self._all is None:
                self._all = [*self._keys, *self._extra] if self._extra else self._keys
            choices = self._all
        matches = process.extract(
            key, choices, scorer=fuzz.ratio, score_cutoff=MIN_SCORE, limit=limit * 4
        )
        ids: list[str] = []
        for match, _score, _index in matches:
            for place_id in self._owners[match]:
                if place_id not in ids:
                    ids.append(place_id)
        if len(self._answers) >= 4096:
            self._answers.clear()
        self._answers[(key, limit)] = ids[:limit]
        return ids[:limit]


__all__ = ["MIN_SCORE", "DeletionIndex", "Suggester"]
