"""What map labels must keep clear of, and the tests of candidate spots against it.

Hard obstacles are display boxes no label may cover: symbols (each with the place it
stands for), the inset, the scale bar. Barrier lines no label's text may come near: country
borders and presences along a border, each with its drawn width; they sit in a search
tree, in short pieces, and a spot is tested against them exactly (its turned rectangle).
Soft lines (province edges, areas' outlines) only cost, per sample a label covers. All tests
run on many spots at once.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import shapely

from .spots import BARRIER_GAP, Spot, cover

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in display pixels

#: Points around another place's symbol where a label would read as its name.
NEIGHBOUR = 6.0
#: Vertices per piece of a barrier line in its search tree.
CHUNK = 8


class Obstacles:
    """What the labels of one map keep clear of, in display pixels. (A label given to the
    tests is a :class:`~geo.render.static.label_text.Label`.)

    Parameters
    ----------
    to_px
        The map's data to display transform (an affine).
    points_to_px
        Display pixels per typographic point.
    """

    def __init__(self, to_px: Any, points_to_px: float) -> None:
        self.to_px = to_px
        self.to_data = to_px.inverted()
        self.points_to_px = points_to_px
        self.hard: list[Box] = []
        self.symbols: list[tuple[str, Box]] = []  # (place id, display box) of each symbol
        self.soft = np.zeros((0, 2))
        self.soft_weight = np.zeros(0)
        self._barrier_parts: list[tuple[np.ndarray, float, str]] = []
        self._barriers: Any = None  # (tree, pieces, margins, is-border) once placing

    def avoid_box(self, box: Box) -> None:
        """A display box no label may overlap (symbols, inset, scale bar)."""
        self.hard.append(box)

    def avoid_point(self, xy: tuple[float, float], size: float, key: str | None = None
                    ) -> None:
        """A marker of ``size`` points at data ``xy``; ``key``: the place it stands for
        (another place's label keeps off its neighbourhood, where it would read as its)."""
        x, y = self.to_px.transform(xy)
        half = (size / 2 + 1) * self.points_to_px
        self.avoid_box((x - half, y - half, x + half, y + half))
        if key is not None:
            self.symbols.append((key, (x - half, y - half, x + half, y + half)))

    def avoid_data_box(self, box: tuple[float, float, float, float], pad: float = 0.5) -> None:
        """A data box (x0, y0, x1, y1) no label may overlap."""
        (x0, y0), (x1, y1) = self.to_px.transform([box[:2], box[2:]])
        p = pad * self.points_to_px
        self.avoid_box((min(x0, x1) - p, min(y0, y1) - p, max(x0, x1) + p, max(y0, y1) + p))

    def cross_lines(self, parts: list[np.ndarray], spacing: float = 2.5,
                    weight: float = 0.3) -> None:
        """Lines that labels should rather not cross (sampled every ``spacing`` points;
        each sample under a label costs ``weight``)."""
        samples = [self.soft]
        step = spacing * self.points_to_px
        for part in parts:
            display = self.to_px.transform(part)
            along = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(display, axis=0).T))])
            at = np.arange(0.0, along[-1] + step / 2, step)
            samples.append(np.column_stack([np.interp(at, along, display[:, 0]),
                                            np.interp(at, along, display[:, 1])]))
        self.soft = np.concatenate(samples)
        self.soft_weight = np.concatenate(
            [self.soft_weight, np.full(len(self.soft) - len(self.soft_weight), weight)])

    def barrier(self, parts: list[np.ndarray], width: float, kind: str = "border") -> None:
        """Lines no label's text may cross or touch, drawn ``width`` points wide.

        ``kind``: ``border`` (the basemap's) or ``feature`` (a presence along a line); a
        line's own label may lie on the border drawn under it, not across the line itself.
        """
        margin = (width / 2 + BARRIER_GAP) * self.points_to_px
        for part in parts:
            if len(part) >= 2:
                self._barrier_parts.append((self.to_px.transform(part), margin, kind))
        self._barriers = None

    def _barrier_index(self) -> Any:
        if self._barriers is None:
            segments, margins, kinds = [], [], []
            for display, margin, kind in self._barrier_parts:
                # pieces of a few vertices: a small tree, each piece still short
                for start in range(0, len(display) - 1, CHUNK - 1):
                    segments.append(shapely.linestrings(display[start:start + CHUNK]))
                    margins.append(margin)
                    kinds.append(kind == "border")
            if segments:
                lines = np.asarray(segments)
                self._barriers = (shapely.STRtree(lines), lines, np.asarray(margins),
                                  np.asarray(kinds, dtype=bool))
            else:
                self._barriers = (None, None, np.zeros(0), np.zeros(0, dtype=bool))
        return self._barriers

    def _crossing(self, spots: list[Spot], exempt: np.ndarray | None,
                  pad: float) -> np.ndarray:
        """Whether each spot's text (its block less ``pad``) comes within a barrier line's
        margin (exact test on the turned rectangle)."""
        tree, lines, margins, _ = self._barrier_index()
        hit = np.zeros(len(spots), dtype=bool)
        if tree is None or not spots:
            return hit
        centres = np.asarray([s.centre for s in spots], dtype=float)
        angles = np.radians([s.angle for s in spots])
        sizes = np.asarray([s.size for s in spots], dtype=float) - 2 * pad
        along = np.column_stack([np.cos(angles), np.sin(angles)])
        up = np.column_stack([-along[:, 1], along[:, 0]])

        def rectangles(grow: float) -> Any:
            half_w = along * (sizes[:, :1] / 2 + grow)
            half_h = up * (sizes[:, 1:] / 2 + grow)
            return shapely.polygons(np.stack([centres - half_w + half_h, centres + half_w + half_h,
                                              centres + half_w - half_h,
                                              centres - half_w - half_h], axis=1))

        # a line near the text: within its margin of the rectangle, and meeting the
        # rectangle grown by the widest margin; candidates by the tree's boxes
        grown = rectangles(float(margins.max()))
        spot_index, line_index = tree.query(grown)
        if exempt is not None and len(line_index):
            keep = ~exempt[line_index]
            spot_index, line_index = spot_index[keep], line_index[keep]
        if not len(spot_index):
            return hit
        order = np.argsort(spot_index, kind="stable")
        spot_index, line_index = spot_index[order], line_index[order]
        exact = rectangles(0.0)
        # most spots are near some line: test each spot's candidates in rounds (1, 2, 4,
        # ... of them), a spot found near leaving the rounds after
        position = np.arange(len(spot_index)) - np.searchsorted(spot_index, spot_index)
        low, width, last = 0, 1, int(position.max())
        while low <= last:
            chosen = np.flatnonzero((position >= low) & (position < low + width)
                                    & ~hit[spot_index])
            if len(chosen):
                spot, line = spot_index[chosen], line_index[chosen]
                near = shapely.dwithin(exact[spot], lines[line], margins[line])
                spot, line = spot[near], line[near]
                hit[spot[shapely.intersects(grown[spot], lines[line])]] = True
            low, width = low + width, 2 * width
        return hit

    def _exempt(self, label: Any) -> np.ndarray | None:
        """Barrier segments a label may lie on: the basemap border a line label's own line
        is drawn over. (Its own line it must not cross.)"""
        tree, lines, margins, borders = self._barrier_index()
        if label.shape != "line" or tree is None:
            return None
        own = shapely.transform(label.geometry, lambda xy: self.to_px.transform(xy))
        tolerance = (label.radius + 2.0) * self.points_to_px
        near = tree.query(own, predicate="dwithin", distance=tolerance)
        near = near[borders[near]]
        exempt = np.zeros(len(margins), dtype=bool)
        if len(near):  # a piece wholly under the line, not one that runs on past it
            coordinates, owner = shapely.get_coordinates(lines[near], return_index=True)
            shapely.prepare(own)  # a test per vertex of the pieces near it
            far = ~shapely.dwithin(shapely.points(coordinates), own, tolerance)
            exempt[near[np.setdiff1d(np.arange(len(near)), owner[far])]] = True
        return exempt

    def _leader_points(self, anchor: np.ndarray, box: Box, label: Any) -> np.ndarray:
        """Points along a leader from ``anchor`` (display) to ``box``, past what it starts
        from (a point's symbols, a line's drawn width), one a point."""
        end = (min(max(anchor[0], box[0]), box[2]), min(max(anchor[1], box[1]), box[3]))
        clear = (max(label.half or (label.radius, 0.0)) + 2.0) * self.points_to_px if (
            label.shape in ("point", "line")) else 0.0
        length = math.hypot(end[0] - anchor[0], end[1] - anchor[1])
        if length <= clear:
            return np.zeros((0, 2))
        steps = np.linspace(clear / length, 1, max(4, int(length / self.points_to_px)))
        return np.column_stack([anchor[0] + (end[0] - anchor[0]) * steps,
                                anchor[1] + (end[1] - anchor[1]) * steps])

    def _leader_blocked(self, points: np.ndarray, anchor: np.ndarray, hard: np.ndarray) -> bool:
        """Whether a leader runs over a symbol, the inset or the scale bar (not those it
        starts from)."""
        if not len(points) or not len(hard):
            return False
        hard = hard[~((hard[:, 0] <= anchor[0]) & (anchor[0] <= hard[:, 2])
                      & (hard[:, 1] <= anchor[1]) & (anchor[1] <= hard[:, 3]))]
        xs, ys = points[:-1, 0], points[:-1, 1]
        return bool(((hard[:, :1] < xs) & (xs < hard[:, 2:3])
                     & (hard[:, 1:2] < ys) & (ys < hard[:, 3:4])).any())

    def _leaders_crossing(self, leaders: list[np.ndarray], exempt: np.ndarray | None
                          ) -> list[int]:
        """How many barrier lines each leader crosses (a coast, a border: allowed, at a
        cost); ``leaders``: the points along each (:meth:`_leader_points`). One query."""
        tree, _, _, _ = self._barrier_index()
        counts = np.zeros(len(leaders), dtype=int)
        ends = [number for number, points in enumerate(leaders) if len(points) >= 2]
        if tree is None or not ends:
            return counts.tolist()
        which, hits = tree.query(shapely.linestrings(np.asarray(
            [leaders[number][[0, -1]] for number in ends])), predicate="intersects")
        if exempt is not None:
            which = which[~exempt[hits]]
        np.add.at(counts, np.asarray(ends)[which], 1)
        return counts.tolist()

    def _ambiguous(self, spots: list[Spot], label: Any) -> np.ndarray:
        """Whether each spot sits by another place's symbol (nearer than ``NEIGHBOUR``
        points), where a reader would take it for that place's name."""
        others = np.asarray([box for key, box in self.symbols if key != label.key],
                            dtype=float).reshape(-1, 4)
        if not len(others) or not spots:
            return np.zeros(len(spots), dtype=bool)
        boxes = np.asarray([s.box for s in spots], dtype=float)
        dx = np.maximum(0, np.maximum(others[None, :, 0] - boxes[:, None, 2],
                                      boxes[:, None, 0] - others[None, :, 2]))
        dy = np.maximum(0, np.maximum(others[None, :, 1] - boxes[:, None, 3],
                                      boxes[:, None, 1] - others[None, :, 3]))
        return (np.hypot(dx, dy) < NEIGHBOUR * self.points_to_px).any(axis=1)

    @staticmethod
    def _clashes(spots: list[Spot], hard: np.ndarray) -> np.ndarray:
        """The area each spot's block shares with the hard obstacles (display pixels²)."""
        clash = np.zeros(len(spots))
        if not len(hard) or not spots:
            return clash
        level = [i for i, s in enumerate(spots) if not s.angle]
        if level:
            boxes = np.asarray([spots[i].box for i in level], dtype=float)
            width = (np.minimum(boxes[:, None, 2], hard[None, :, 2])
                     - np.maximum(boxes[:, None, 0], hard[None, :, 0]))
            height = (np.minimum(boxes[:, None, 3], hard[None, :, 3])
                      - np.maximum(boxes[:, None, 1], hard[None, :, 1]))
            clash[level] = np.sum(np.clip(width, 0, None) * np.clip(height, 0, None), axis=1)
        turned = [i for i, s in enumerate(spots) if s.angle]
        covers = cover([spots[i] for i in turned])  # the boxes along each, all at once
        for size in {len(parts) for parts in covers}:  # as many boxes: one array test
            group = [n for n, parts in enumerate(covers) if len(parts) == size]
            parts = np.stack([covers[n] for n in group])
            width = (np.minimum(parts[:, :, None, 2], hard[None, None, :, 2])
                     - np.maximum(parts[:, :, None, 0], hard[None, None, :, 0]))
            height = (np.minimum(parts[:, :, None, 3], hard[None, None, :, 3])
                      - np.maximum(parts[:, :, None, 1], hard[None, None, :, 1]))
            shared = np.clip(width, 0, None) * np.clip(height, 0, None)
            for row in np.flatnonzero(shared.any(axis=(1, 2))):  # summed as one by one
                clash[turned[group[row]]] = float(np.sum(shared[row]))
        return clash



__all__ = ["CHUNK", "NEIGHBOUR", "Obstacles"]
