"""Answers a gazetteer keeps, up to a bound: a long-running process (``serve``, a corpus
of articles) asks the same names again and again, but must not grow without end."""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

#: Answers kept per table (the table is emptied when full).
KEPT_ANSWERS = 65536


class Kept(dict[K, V]):
    """A dict emptied when it holds :data:`KEPT_ANSWERS` entries and one more is kept."""

    def keep(self, key: K, value: V) -> V:
        """Keeps ``value`` under ``key`` and returns it."""
        if len(self) >= KEPT_ANSWERS:
            self.clear()
        self[key] = value
        return value


__all__ = ["KEPT_ANSWERS", "Kept"]
