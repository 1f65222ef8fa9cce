"""Choosing one spot per label at once: simulated annealing over candidate spots.

Each label comes with a few dozen candidate spots, each with its own cost (how far from
what it names, what it crosses); two labels' spots may conflict (they overlap, or one's
leader runs through the other). The search minimises the sum of the chosen spots' costs
plus a heavy penalty per conflict, as cartographers' placement programs do (Christensen,
Marks and Shieber, "An empirical study of algorithms for point-feature label placement",
1995): a greedy start, annealing moves that may pass through worse states, then a final
descent. An optional label may also be dropped, at a cost. The random moves come from a
generator seeded with a constant: the same input gives the same choice.
"""

from __future__ import annotations

import math

import numpy as np

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in display pixels

#: What one conflict (two labels overlapping) costs: more than any spot.
CONFLICT = 200.0


def choose(costs: list[np.ndarray], conflicts: dict[tuple[int, int], np.ndarray],
           drop: list[float | None], *, steps_per_label: int = 200) -> list[int]:
    """The chosen candidate of each label (``-1``: dropped).

    Parameters
    ----------
    costs
        Per label, the cost of each of its candidates.
    conflicts
        ``(i, j)`` with ``i < j`` -> a boolean matrix, True where candidate ``a`` of label
        ``i`` and candidate ``b`` of label ``j`` cannot both be placed. Pairs that never
        conflict are left out.
    drop
        Per label, what dropping it costs (None: a label that must be placed).
    steps_per_label
        Annealing moves per label.
    """
    count = len(costs)
    # plain lists: the moves below read single cells thousands of times, and indexing a
    # numpy array for one value costs several times a list's (the values are the same)
    neighbours: list[list[tuple[int, list[list[bool]]]]] = [[] for _ in range(count)]
    for (i, j), matrix in conflicts.items():
        neighbours[i].append((j, matrix.tolist()))
        neighbours[j].append((i, matrix.T.tolist()))
    # each label's candidates' costs, then what dropping it costs: read at -1 (dropped)
    priced = [[float(c) for c in label_costs.tolist()]
              + ([float(drop[i])] if drop[i] is not None else [])  # type: ignore[arg-type]
              for i, label_costs in enumerate(costs)]
    listed = [list(range(len(costs[i]))) + ([-1] if drop[i] is not None else [])
              for i in range(count)]

    def clashes(i: int, a: int, chosen: list[int]) -> int:
        found = 0
        if a >= 0:
            for j, matrix in neighbours[i]:
                other = chosen[j]
                if other >= 0 and matrix[a][other]:
                    found += 1
        return found

    # greedy start, in the given order (the most constrained labels come first)
    chosen = [-1] * count
    for i in range(count):
        chosen[i] = min(listed[i], key=lambda a, i=i: priced[i][a]
                        + CONFLICT * clashes(i, a, chosen))
    rng = np.random.default_rng(20240801)
    integers, random = rng.integers, rng.random
    # only labels that may meet another move: the others keep their cheapest spot
    moving = [i for i in range(count) if neighbours[i]]
    steps = steps_per_label * len(moving)
    if len(moving) > 1 and steps:
        temperature, cooling = 8.0, (0.02 / 8.0) ** (1 / steps)
        exp, many = math.exp, len(moving)
        for _ in range(steps):
            i = moving[int(integers(many))]
            choices = listed[i]
            if len(choices) < 2:
                temperature *= cooling
                continue
            a = choices[int(integers(len(choices)))]
            now = chosen[i]
            if a == now:
                temperature *= cooling
                continue
            delta = (priced[i][a] - priced[i][now]
                     + CONFLICT * (clashes(i, a, chosen) - clashes(i, now, chosen)))
            if delta <= 0 or random() < exp(-delta / temperature):
                chosen[i] = a
            temperature *= cooling
    # descent: each label to its best option given the others, until nothing moves
    for _ in range(10):
        moved = False
        for i in range(count):
            best = min(listed[i], key=lambda a, i=i: (
                priced[i][a] + CONFLICT * clashes(i, a, chosen), a != chosen[i]))
            if best != chosen[i]:
                chosen[i], moved = best, True
        if not moved:
            break
    return chosen


def _overlap(a: Box, b: Box) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def _boxes_overlap(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(len(a), len(b)) whether each box of ``a`` overlaps each box of ``b``."""
    return ((np.minimum(a[:, None, 2], b[None, :, 2]) > np.maximum(a[:, None, 0], b[None, :, 0]))
            & (np.minimum(a[:, None, 3], b[None, :, 3])
               > np.maximum(a[:, None, 1], b[None, :, 1])))


def conflicts(taken: list[list[np.ndarray]]) -> dict[tuple[int, int], np.ndarray]:
    """Which candidates of two labels overlap: ``(i, j)`` -> (candidates of i) × (of j).

    ``taken``: per label, per candidate, the display boxes it takes ((n, 4) arrays)."""
    flat, owners, envelopes = [], [], []
    for boxes in taken:
        stacked = np.concatenate(boxes) if boxes else np.zeros((0, 4))
        flat.append(stacked)
        owners.append(np.repeat(np.arange(len(boxes)), [len(b) for b in boxes]))
        envelopes.append((*stacked[:, :2].min(axis=0), *stacked[:, 2:].max(axis=0))
                         if len(stacked) else None)
    found = {}
    for i in range(len(taken)):
        for j in range(i + 1, len(taken)):
            if envelopes[i] is None or envelopes[j] is None or not _overlap(
                    envelopes[i], envelopes[j]):
                continue
            # only boxes that meet the other label's envelope can meet its boxes
            near_i = np.flatnonzero(_boxes_overlap(flat[i], np.asarray([envelopes[j]]))[:, 0])
            near_j = np.flatnonzero(_boxes_overlap(flat[j], np.asarray([envelopes[i]]))[:, 0])
            rows, columns = np.nonzero(_boxes_overlap(flat[i][near_i], flat[j][near_j]))
            rows, columns = near_i[rows], near_j[columns]
            if len(rows):
                matrix = np.zeros((len(taken[i]), len(taken[j])), dtype=bool)
                matrix[owners[i][rows], owners[j][columns]] = True
                found[i, j] = matrix
    return found


def in_conflict(i: int, chosen: list[int], conflicts: dict[tuple[int, int], np.ndarray]
                ) -> bool:
    """Whether label ``i``'s chosen candidate conflicts with another chosen one."""
    for (a, b), matrix in conflicts.items():
        if i in (a, b) and chosen[a] >= 0 and chosen[b] >= 0 and matrix[chosen[a], chosen[b]]:
            return True
    return False


__all__ = ["CONFLICT", "choose", "conflicts", "in_conflict"]
