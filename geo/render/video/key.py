"""The compact key under a square frame's map: entries in a grid of columns.

The static legend flows its entries into rows, a new row for each group (forces, changes,
symbols); under a square frame that took a third of the height from the map. This key
sets the title in a column of its own and the entries in a grid: each entry spans as many
columns as its words need, and goes in the first row with that many cells free, so short
entries (a symbol, a force) fill the rows the long ones (the reading notes) leave.
Reading order is kept within the grid: rows top to bottom, cells left to right.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ..static.legend import Legend, text_width, wrap

#: Points between an entry's words and the next cell.
PAD = 0.1  # inches


@dataclass
class GridKey(Legend):
    """A :class:`~geo.render.static.legend.Legend` laid out in ``columns`` columns."""

    columns: int = 3

    @property
    def row_height(self) -> float:
        """Rows set closer than the static legend's."""
        from ..static.legend import SWATCH_H

        return max(self.line_h, SWATCH_H + 0.03)

    def _title_w(self) -> float:
        return text_width(self.title, self.size, "bold") / 72 + 0.18

    def rows(self) -> list[list[Any]]:
        left = self._title_w()
        cell = (self.width - left) / self.columns
        used: list[int] = []  # cells taken in each row
        rows: list[list[Any]] = []
        for entry in self.entries:
            need = self._swatches_width(entry) + text_width(self.text_of(entry),
                                                             self.size) / 72 + PAD
            span = min(self.columns, math.ceil(need / cell - 1e-9))
            lines = [self.text_of(entry)]
            if need > span * cell:  # wider than the whole grid: wrapped
                room = (span * cell - self._swatches_width(entry) - PAD) * 72
                lines = wrap(self.text_of(entry), room, self.size)
            row = next((i for i, n in enumerate(used) if n + span <= self.columns),
                       None)
            if row is None:
                used.append(0)
                rows.append([])
                row = len(rows) - 1
            rows[row].append(("entry", left + used[row] * cell, entry, lines))
            used[row] += span
        if not rows:
            rows.append([])
        rows[0].insert(0, ("title", 0.0, self.title, [self.title]))
        return rows


def grid_key(title: str, entries: list[Any], notes: Any, width: float, size: float
             ) -> GridKey:
    """The least tall grid key of ``entries`` in 2 to 4 columns (fewer on a tie)."""
    keys = [GridKey(title, entries, notes, width, size, columns) for columns in (2, 3, 4)]
    return min(keys, key=lambda k: (round(k.height, 3), k.columns))


__all__ = ["GridKey", "grid_key"]
