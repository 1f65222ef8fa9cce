"""Fuzzy suggestions for names the gazetteer does not know.

Two paths. The fast one finds every known key within one edit (insertion, deletion,
substitution, swap) of the query with a symmetric-deletion index (each key and each key with
one character removed point back to the key), then ranks what it found with rapidfuzz.
Only when that finds nothing does the slow path compare the query with every key
(rapidfuzz ``process.extract``).

The deletion index is two sorted arrays (a 64-bit hash of each variant, the number of its
key), built in a few seconds on the first misspelt name and kept in the cache folder
under a digest of the keys, so a later process reads it in milliseconds. A hash that two
variants share only adds a candidate, which the scorer then ranks like any other.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz, process

from ..cache import digest, memoized

#: Matches scoring below this (0-100) are not worth suggesting.
MIN_SCORE = 70.0


_FORMAT = 2


def _deletions(key: str) -> set[str]:
    """``key`` and every string made by removing one of its characters."""
    return {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}


def _hash(text: str) -> int:
    """A 64-bit hash stable across processes: CRC-32 and Adler-32 side by side (both in C;
    blake2b made building the index of a million names take minutes)."""
    data = text.encode("utf-8", "surrogatepass")
    return (zlib.crc32(data) << 32) | zlib.adler32(data)


class DeletionIndex:
    """Variant hash -> key numbers, as two arrays sorted by hash."""

    def __init__(self, hashes: np.ndarray, numbers: np.ndarray) -> None:
        if hashes.shape != numbers.shape:
            raise ValueError("hashes and numbers differ in length")
        self.hashes, self.numbers = hashes, numbers

    @classmethod
    def build(cls, keys: Sequence[str]) -> DeletionIndex:
        hashes_list: list[int] = []
        numbers_list: list[int] = []
        for number, key in enumerate(keys):
            variants = _deletions(key)
            hashes_list.extend(map(_hash, variants))
            numbers_list.extend([number] * len(variants))
        hashes = np.array(hashes_list, dtype=np.uint64)
        numbers = np.array(numbers_list, dtype=np.uint32)
        order = np.lexsort((numbers, hashes))
        return cls(hashes[order].astype(">u8"), numbers[order].astype(">u4"))

    def encode(self) -> bytes:
        return len(self.hashes).to_bytes(8, "big") + self.hashes.tobytes() + \
            self.numbers.tobytes()

    @classmethod
    def decode(cls, data: bytes) -> DeletionIndex:
        count = int.from_bytes(data[:8], "big")
        if len(data) != 8 + 12 * count:
            raise ValueError("not a whole deletion index")
        hashes = np.frombuffer(data, dtype=">u8", count=count, offset=8)
        numbers = np.frombuffer(data, dtype=">u4", count=count, offset=8 + 8 * count)
        return cls(hashes, numbers)

    def find(self, variant: str) -> np.ndarray:
        """Numbers of the keys that have ``variant`` among their deletions."""
        wanted = np.asarray(_hash(variant), dtype=">u8")
        start = int(np.searchsorted(self.hashes, wanted, side="left"))
        end = int(np.searchsorted(self.hashes, wanted, side="right"))
        return self.numbers[start:end]


class Suggester:
    """Finds the places whose names are closest to a misspelt one.

    Parameters
    ----------
    owners
        Normalised key to the ids of the places that carry that name.
    """

    def __init__(self, owners: Mapping[str, Sequence[str]]) -> None:
        self._owners = owners  # read only when a name is misspelt
        self._sorted: list[str] | None = None
        self._index: DeletionIndex | None = None

    @property
    def _keys(self) -> list[str]:
        if self._sorted is None:
            self._sorted = sorted(self._owners)
        return self._sorted

    def _deletion_index(self) -> DeletionIndex:
        if self._index is None:
            keys = self._keys
            index = memoized("fuzzy-index", _FORMAT, digest(["\n".join(keys)]),
                             lambda: DeletionIndex.build(keys), DeletionIndex.encode,
                             DeletionIndex.decode, "fuzzy name index")
            if len(index.numbers) and int(index.numbers.max()) >= len(keys):
                index = DeletionIndex.build(keys)  # an entry made for other keys
            self._index = index
        return self._index

    def near(self, key: str) -> list[str]:
        """Known keys within one edit of ``key`` (the fast path)."""
        index = self._deletion_index()
        found: set[int] = set()
        for variant in _deletions(key):
            found.update(index.find(variant).tolist())
        return [self._keys[n] for n in sorted(found)]

    def suggest(self, key: str, *, limit: int = 5) -> list[str]:
        """Ids of up to ``limit`` places whose names are closest to the normalised ``key``."""
        if not key:
            return []
        choices = self.near(key) or self._keys
        matches = process.extract(
            key, choices, scorer=fuzz.ratio, score_cutoff=MIN_SCORE, limit=limit * 4
        )
        ids: list[str] = []
        for match, _score, _index in matches:
            for place_id in self._owners[match]:
                if place_id not in ids:
                    ids.append(place_id)
        return ids[:limit]


__all__ = ["MIN_SCORE", "DeletionIndex", "Suggester"]
