"""A label's words: the name and detail to place, and the blocks of text to try (the name
on one, two or three even lines, a shorter detail) before :mod:`.labels` places them."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

#: Blocks of text tried per label (name and detail variants), the plainest first.
BLOCKS = 6


@dataclass
class Label:
    """A label to place.

    ``shape`` is ``point``, ``line``, ``area`` or ``free`` (a name centred inside an area,
    like a country). ``geometry`` is in data (projected) coordinates: for a point, where
    its symbols are drawn.
    """

    name: str
    detail: str
    shape: str
    geometry: Any
    priority: int
    optional: bool = False
    #: Points: the half-size of what is drawn at the anchor (a symbol, a line's half width).
    radius: float = 4.5
    name_style: dict[str, Any] = field(default_factory=dict)
    detail_style: dict[str, Any] = field(default_factory=dict)
    #: The place id of a presence (its symbols carry the gid ``symbol <key>``).
    key: str = ""
    #: Points: half-width and half-height of the symbols at the anchor (several forces
    #: share a site, a halo marks what is new); default ``radius`` both ways.
    half: tuple[float, float] | None = None
    #: A shorter detail for crowded maps (what the symbol's colour does not say), or None.
    brief: str | None = None
    #: On a map too crowded for the name: the number drawn instead (the key names it).
    number: int | None = None

    def variants(self) -> list[str]:
        """The name on one line, then (if long) on two or three lines of even length; then
        the same without a bracketed part ("Tessalit military base (Amachach camp)")."""
        out = _wrapped(self.name)
        short = re.sub(r"\s*\([^()]*\)", "", self.name).strip()
        if short and short != self.name and not self.name.startswith("("):
            unsure = self.name.endswith(" ?") and not short.endswith("?")
            out += _wrapped(short + (" ?" if unsure else ""))
        return out

    def blocks(self) -> list[tuple[str, str, float]]:
        """(name, detail, cost) of the blocks of text to try, cheapest first: the name
        variants with the detail, a long detail on two lines, then the ``brief`` detail (a
        crowded map leaves to the symbol's colour and the legend what force is there). A
        numbered label has one block: its number."""
        if self.number is not None:
            return [(str(self.number), "", 0.0)]
        details = [(self.detail, 0.0)]
        words = self.detail.split(" ")
        if len(self.detail) >= 18 and len(words) >= 2:
            details.append(("\n".join(_even_lines(words, 2)), 0.6))
        if self.brief is not None and self.brief != self.detail:
            details.append((self.brief, 2.5))
        full = len(_wrapped(self.name))
        out = []
        for number, name in enumerate(self.variants()):
            shortened = number >= full
            lines = number - full if shortened else number
            for detail, cost in details:
                out.append((name, detail, lines * 0.8 + (2.0 if shortened else 0.0) + cost))
        out.sort(key=lambda block: block[2])
        return out[:BLOCKS]


def _wrapped(name: str) -> list[str]:
    """``name`` on one line, then (if long) on two or three lines of even length."""
    words = name.split(" ")
    out = [name]
    if len(name) < 16:
        return out
    for count in (2, 3):
        if len(words) >= count and len(name) >= 13 * count - 12:
            out.append("\n".join(_even_lines(words, count)))
    return out


def _even_lines(words: list[str], count: int) -> list[str]:
    """``words`` in ``count`` lines, the longest line as short as possible."""
    best: list[str] = []
    best_width = math.inf

    def split(start: int, left: int, lines: list[str]) -> None:
        nonlocal best, best_width
        if left == 1:
            candidate = [*lines, " ".join(words[start:])]
            width = max(len(line) for line in candidate)
            if width < best_width:
                best, best_width = candidate, width
            return
        for end in range(start + 1, len(words) - left + 2):
            split(end, left - 1, [*lines, " ".join(words[start:end])])

    split(0, count, [])
    return best


__all__ = ["BLOCKS", "Label"]
