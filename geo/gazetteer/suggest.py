"""Fuzzy suggestions for names the gazetteer does not know.

Two paths. The fast one finds every known key within one edit (insertion, deletion,
substitution, swap) of the query with a symmetric-deletion index (each key and each key with
one character removed point back to the key), then ranks what it found with rapidfuzz.
Only when that finds nothing does the slow path compare the query with every key
(rapidfuzz ``process.extract``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz, process

#: Matches scoring below this (0-100) are not worth suggesting.
MIN_SCORE = 70.0


def _deletions(key: str) -> set[str]:
    """``key`` and every string made by removing one of its characters."""
    return {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}


class Suggester:
    """Finds the places whose names are closest to a misspelt one.

    Parameters
    ----------
    owners
        Normalised key to the ids of the places that carry that name.
    """

    def __init__(self, owners: Mapping[str, Sequence[str]]) -> None:
        self._keys = sorted(owners)
        self._owners = {k: tuple(owners[k]) for k in self._keys}
        self._index: dict[str, list[int]] | None = None

    def _deletion_index(self) -> dict[str, list[int]]:
        if self._index is None:
            index: dict[str, list[int]] = defaultdict(list)
            for number, key in enumerate(self._keys):
                for variant in _deletions(key):
                    index[variant].append(number)
            self._index = dict(index)
        return self._index

    def near(self, key: str) -> list[str]:
        """Known keys within one edit of ``key`` (the fast path)."""
        index = self._deletion_index()
        found: set[int] = set()
        for variant in _deletions(key):
            found.update(index.get(variant, ()))
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


__all__ = ["MIN_SCORE", "Suggester"]
