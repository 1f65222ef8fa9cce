"""Where a map label may go: candidate spots by a point's symbols, along a line, in an area.

A spot is the block of text at one position, in display pixels: a box, its corners (turned
for a label along a line) and, when it sits away from what it names, a leader line back to
it. Spots come in order of preference and carry their own cost (``rank``): by the symbol
first, then further out with a leader, the nearer the cheaper.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from shapely.ops import polylabel

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in display pixels

_COMPASS = (  # (dx, dy) unit offsets, ha, va: right first, as cartographers prefer
    ((1, 0), "left", "center"), ((0.7, 0.7), "left", "bottom"),
    ((0.7, -0.7), "left", "top"), ((-1, 0), "right", "center"),
    ((-0.7, 0.7), "right", "bottom"), ((-0.7, -0.7), "right", "top"),
    ((0, 1), "center", "bottom"), ((0, -1), "center", "top"),
)
#: Gaps in points between a point's symbols and its label, and what each costs: the two
#: kept by the symbol, then (with a leader line) further and further out.
NEAR_GAPS = ((1.2, 0.0), (3.2, 0.8))
LEADER_GAPS = (10.0, 18.0, 28.0, 40.0, 54.0, 70.0, 90.0)
#: Directions of spots joined by a leader: every 15°, right first.
_ANGLES = tuple(math.radians(a) for a in (0, *(s * d for d in range(15, 180, 15)
                                               for s in (1, -1)), 180))
#: Gap in points between a line's drawn edge and its label.
LINE_GAP = 1.6
#: Clearance in points kept between any label's text and a barrier line's drawn edge.
BARRIER_GAP = 0.8


#: Unit vectors of those directions (the same values as computed spot by spot).
_UNITS = tuple((math.cos(angle), math.sin(angle)) for angle in _ANGLES)
_UX, _UY = np.array([x for x, _ in _UNITS]), np.array([y for _, y in _UNITS])


@dataclass(slots=True)
class Spot:
    """A candidate position of a label: where it is anchored and the box it takes."""

    anchor: tuple[float, float]  # data xy the label belongs to (a leader starts there)
    box: Box  # display box (of a turned block, its bounding box)
    #: (4, 2) display corners of a turned block (top-left, top-right, bottom-right,
    #: bottom-left); None for a level block, whose corners are its box's (:attr:`corners`).
    turned: np.ndarray | None
    leader: bool
    rank: float  # cost of the spot itself (distance, angle, order)
    ha: str = "left"
    angle: float = 0.0  # degrees, counter-clockwise; turned spots are centred
    centre: tuple[float, float] = (0.0, 0.0)  # display centre of the block
    size: tuple[float, float] = (0.0, 0.0)  # width, height of the block (pixels)
    _parts: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def corners(self) -> np.ndarray:
        """(4, 2) display corners: top-left, top-right, bottom-right, bottom-left."""
        if self.turned is not None:
            return self.turned
        x0, y0, x1, y1 = self.box
        return np.array([(x0, y1), (x1, y1), (x1, y0), (x0, y0)])

    def parts(self) -> np.ndarray:
        """Axis-aligned boxes covering the block: one, or a chain along a turned block."""
        if self._parts is None:
            self._parts = self._cover()
        return self._parts

    def _cover(self) -> np.ndarray:
        if not self.angle:
            return np.asarray([self.box], dtype=float)
        a, b, _, d = self.corners
        along, across = b - a, d - a
        length, height = np.hypot(*along), np.hypot(*across)
        count = max(1, math.ceil(length / max(height, 1.0)))
        step = along / count
        starts = a + np.arange(count)[:, None] * step
        points = np.stack([starts, starts + step, starts + step + across, starts + across], 1)
        return np.concatenate([points.min(axis=1), points.max(axis=1)], axis=1)


def cover(spots: list[Spot]) -> list[np.ndarray]:
    """:meth:`Spot.parts` of many turned spots, computed together (the same values as one
    by one: the same operations, element by element) and kept on each."""
    out: list[np.ndarray | None] = [s._parts for s in spots]
    todo = [i for i, part in enumerate(out) if part is None]
    if todo:
        corners = np.stack([spots[i].corners for i in todo])
        a, along, across = corners[:, 0], corners[:, 1] - corners[:, 0], (
            corners[:, 3] - corners[:, 0])
        length = np.hypot(along[:, 0], along[:, 1])
        height = np.hypot(across[:, 0], across[:, 1])
        counts = np.maximum(1, np.ceil(length / np.maximum(height, 1.0))).astype(int)
        for count in np.unique(counts):
            rows = np.flatnonzero(counts == count)
            step = along[rows] / count
            starts = a[rows, None] + np.arange(count)[None, :, None] * step[:, None]
            ahead = starts + step[:, None]
            points = np.stack([starts, ahead, ahead + across[rows, None],
                               starts + across[rows, None]], 2)
            parts = np.concatenate([points.min(axis=2), points.max(axis=2)], axis=2)
            for row, part in zip(rows, parts, strict=True):
                spots[todo[row]]._parts = out[todo[row]] = part
    return out  # type: ignore[return-value]


def rectangle(centre: np.ndarray, angle: float, width: float, height: float) -> np.ndarray:
    """Corners (top-left, top-right, bottom-right, bottom-left) of a turned rectangle."""
    along = np.array([math.cos(math.radians(angle)), math.sin(math.radians(angle))])
    up = np.array([-along[1], along[0]])
    half_w, half_h = along * width / 2, up * height / 2
    return np.array([centre - half_w + half_h, centre + half_w + half_h,
                     centre + half_w - half_h, centre - half_w - half_h])


def flat(anchor: tuple[float, float], anchor_px: np.ndarray, dx: float, dy: float, ha: str,
         va: str, width: float, height: float, leader: bool, rank: float) -> Spot:
    """A level block whose ``ha``/``va`` corner or side is ``dx, dy`` pixels off the anchor."""
    x = anchor_px[0] + dx
    y = anchor_px[1] + dy
    x0 = x if ha == "left" else x - width / 2 if ha == "center" else x - width
    y0 = y if va == "bottom" else y - height / 2 if va == "center" else y - height
    return Spot(anchor, (x0, y0, x0 + width, y0 + height), None, leader, rank, ha,
                centre=(x0 + width / 2, y0 + height / 2), size=(width, height))


class Spots:
    """Makes the candidate spots of labels on one map.

    Parameters
    ----------
    to_px
        Data to display transform (an affine).
    points_to_px
        Display pixels per typographic point.
    frame
        The display box labels must stay in: spots around an anchor that leave it are
        not made (the placer would drop them).
    """

    def __init__(self, to_px: Any, points_to_px: float, frame: Box | None = None) -> None:
        self.to_px = to_px
        self.p = points_to_px
        self.frame = frame

    def of(self, label: Any, width: float, height: float, *, leaders: bool = True
           ) -> list[Spot]:
        """Candidate spots of ``label`` for a block of ``width`` × ``height`` pixels
        (``leaders``: also those joined by a leader line, for a point)."""
        if label.shape == "point":
            return self.point(label, width, height, leaders=leaders)
        if label.shape == "line":
            return self.line(label, width, height)
        return self.area(label, width, height)

    def around(self, anchor: tuple[float, float], anchor_px: np.ndarray,
               half: tuple[float, float], width: float, height: float, gaps: tuple[float, ...],
               base: float, per_point: float, leader: bool = True) -> list[Spot]:
        """Spots all around ``anchor``, joined to it by a leader: the block's near side
        ``gap`` points off what is drawn there (``half``: its half-size in points)."""
        # what flat() does for a centred block, for all directions and gaps at once (each
        # value by the same operations), a spot made only where it stays in the frame
        count = len(_UNITS)
        ux, uy = np.tile(_UX, len(gaps)), np.tile(_UY, len(gaps))
        gap = np.repeat(np.asarray(gaps, dtype=float), count)
        reach = (np.abs(ux) * half[0] + np.abs(uy) * half[1] + gap) * self.p + (
            np.abs(ux) * width / 2 + np.abs(uy) * height / 2)
        x0 = float(anchor_px[0]) + ux * reach - width / 2
        y0 = float(anchor_px[1]) + uy * reach - height / 2
        x1, y1 = x0 + width, y0 + height
        rank = base + gap * per_point + np.tile(np.arange(count), len(gaps)) * 0.03
        keep = np.ones(len(x0), dtype=bool)
        if self.frame is not None:
            left, bottom, right, top = self.frame
            keep = (x0 >= left) & (y0 >= bottom) & (x1 <= right) & (y1 <= top)
        cx, cy = x0 + width / 2, y0 + height / 2
        size = (width, height)
        return [Spot(anchor, (float(x0[i]), float(y0[i]), float(x1[i]), float(y1[i])), None,
                     leader, float(rank[i]), "center", centre=(float(cx[i]), float(cy[i])),
                     size=size) for i in np.flatnonzero(keep)]

    def point(self, label: Any, width: float, height: float, *, leaders: bool = True
              ) -> list[Spot]:
        """By the symbols: level, on a compass point a gap or two off; then around, with a
        leader (not for an optional label)."""
        p = self.p
        xy = (float(label.geometry.x), float(label.geometry.y))
        anchor_px = self.to_px.transform(xy)
        half_x, half_y = label.half or (label.radius, label.radius)
        spots = []
        for ring, (gap, cost) in enumerate(NEAR_GAPS):
            for index, ((ux, uy), ha, va) in enumerate(_COMPASS):
                dx = ux * (half_x + gap) * p
                dy = uy * (half_y + gap) * p
                if ux and uy:  # the block's corner by the symbols' corner
                    dx = math.copysign((half_x * 0.8 + gap) * p, ux)
                    dy = math.copysign((half_y * 0.8 + gap) * p, uy)
                spots.append(flat(xy, anchor_px, dx, dy, ha, va, width, height, False,
                                  cost + index * 0.05 + ring * 0.01))
        if leaders and not label.optional:
            spots += self.around(xy, anchor_px, (half_x, half_y), width, height,
                                 LEADER_GAPS, 3.5, 0.1)
        return spots

    def line(self, label: Any, width: float, height: float) -> list[Spot]:
        """Along the line, turned to its direction, just beside it; then level, with a
        leader to a point of the line."""
        half = (label.radius, label.radius)
        if label.number is not None:  # a number stays level, right by the line
            spots = [s for order, point in enumerate(self.line_points(label))
                     for s in self.around(point, self.to_px.transform(point), half, width,
                                          height, (LINE_GAP,), order * 0.2, 0.0, False)]
        else:
            spots = self.along(label, width, height)
        for order, point in enumerate(self.line_points(label)):
            spots += self.around(point, self.to_px.transform(point), half, width, height,
                                 LEADER_GAPS[:4], 5.0 + order * 0.2, 0.1)
        return spots

    def area(self, label: Any, width: float, height: float) -> list[Spot]:
        """Inside, level, nearest the pole of inaccessibility first; for an area (not a free
        name) then slanted inside, then outside with a leader."""
        inside = interior_points(label.geometry)
        points_px = self.to_px.transform(np.asarray(inside, dtype=float))
        spots = [flat(xy, points_px[index], 0.0, 0.0, "center", "center", width, height, False,
                      index * 0.05) for index, xy in enumerate(inside)]
        if label.shape == "area":
            spots += self.slanted(inside, points_px, width, height)
            spots += self.around(inside[0], points_px[0], (0.0, 0.0), width, height,
                                 (14.0, 26.0, 40.0, 56.0), 4.0, 0.05)
        return spots

    def slanted(self, inside: list[tuple[float, float]], points_px: np.ndarray,
                width: float, height: float) -> list[Spot]:
        """Slanted spots inside an area, for one too narrow for a level name (a province
        stretched north–south between two borders)."""
        spots = []
        for angle in (60.0, -60.0, 30.0, -30.0, 85.0, -85.0):
            for index, xy in enumerate(inside[:12]):
                centre = points_px[index]
                corners = rectangle(centre, angle, width, height)
                spots.append(Spot(xy, (*corners.min(axis=0), *corners.max(axis=0)), corners,
                                  False, 1.5 + abs(angle) / 90 + index * 0.05, "center",
                                  angle=angle, centre=(float(centre[0]), float(centre[1])),
                                  size=(width, height)))
        return spots

    @staticmethod
    def line_points(label: Any) -> list[tuple[float, float]]:
        merged = shapely.line_merge(label.geometry) if label.geometry.geom_type.startswith(
            "Multi") else label.geometry
        longest = max(getattr(merged, "geoms", [merged]), key=lambda g: g.length)
        return [(point.x, point.y) for point in (
            longest.interpolate(f, normalized=True) for f in (0.5, 0.35, 0.65))]

    def along(self, label: Any, width: float, height: float) -> list[Spot]:
        """Spots along a line: the block turned to the line's direction over its length,
        beside it, clear of every bend of the line under it."""
        spots: list[Spot] = []
        clearance = (label.radius + LINE_GAP + BARRIER_GAP) * self.p
        geometry = label.geometry
        merged = shapely.line_merge(geometry) if geometry.geom_type.startswith(
            "Multi") else geometry
        for part in getattr(merged, "geoms", [merged]):
            display = self.to_px.transform(np.asarray(part.coords)[:, :2])
            along = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(display, axis=0).T))])
            total = along[-1]
            if total < width * 0.8:
                continue
            for order, fraction in enumerate((0.5, 0.38, 0.62, 0.26, 0.74, 0.14, 0.86)):
                middle = fraction * total
                start = max(0.0, middle - width / 2)
                end = min(total, middle + width / 2)
                if end - start < width * 0.8:
                    continue
                inside = (along > start) & (along < end)
                xs = np.concatenate([[np.interp(start, along, display[:, 0])],
                                     display[inside, 0],
                                     [np.interp(end, along, display[:, 0])]])
                ys = np.concatenate([[np.interp(start, along, display[:, 1])],
                                     display[inside, 1],
                                     [np.interp(end, along, display[:, 1])]])
                chord = np.array([xs[-1] - xs[0], ys[-1] - ys[0]])
                if float(np.hypot(*chord)) < width * 0.6:  # the line doubles back here
                    continue
                angle = math.degrees(math.atan2(chord[1], chord[0]))
                angle = angle - 180 if angle > 90 else angle + 180 if angle <= -90 else angle
                unit = np.array([math.cos(math.radians(angle)), math.sin(math.radians(angle))])
                normal = np.array([-unit[1], unit[0]])
                mid = np.array([(xs[0] + xs[-1]) / 2, (ys[0] + ys[-1]) / 2])
                points = np.column_stack([xs, ys])
                deviation = (points - mid) @ normal
                nearest = int(np.argmin(np.abs((points - mid) @ unit)))
                anchor = tuple(self.to_px.inverted().transform(points[nearest]))
                for side, offset in ((1, deviation.max() + clearance + height / 2),
                                     (-1, deviation.min() - clearance - height / 2)):
                    centre = mid + normal * offset
                    corners = rectangle(centre, angle, width, height)
                    # far from the line where it bends away: a little more
                    spread = float(deviation.max() - deviation.min()) / self.p
                    rank = (order * 0.15 + abs(angle) / 90 * 0.6 + (0.05 if side < 0 else 0)
                            + spread * 0.04)
                    spots.append(Spot(anchor, (*corners.min(axis=0), *corners.max(axis=0)),
                                      corners, False, rank, "center",
                                      angle=angle if abs(angle) > 0.5 else 0.0,
                                      centre=(float(centre[0]), float(centre[1])),
                                      size=(width, height)))
        return spots


def interior_points(geometry: Any, count: int = 60) -> list[tuple[float, float]]:
    """The pole of inaccessibility of the largest part, then a grid inside it, nearest
    the pole first."""
    parts = sorted(getattr(geometry, "geoms", [geometry]), key=lambda g: -g.area)
    biggest = parts[0]
    pole = polylabel(biggest, tolerance=biggest.length / 400)
    xmin, ymin, xmax, ymax = biggest.bounds
    side = math.sqrt(biggest.area / count)
    xs = np.arange(xmin + side / 2, xmax, side)
    ys = np.arange(ymin + side / 2, ymax, side)
    grid = np.array([(x, y) for y in ys for x in xs]) if len(xs) and len(ys) else (
        np.zeros((0, 2)))
    if len(grid):
        grid = grid[shapely.contains_xy(biggest, grid[:, 0], grid[:, 1])]
    distance = np.hypot(grid[:, 0] - pole.x, grid[:, 1] - pole.y) if len(grid) else []
    ordered = [tuple(grid[i]) for i in np.argsort(distance, kind="stable")]
    return [(pole.x, pole.y), *ordered]


__all__ = ["BARRIER_GAP", "LEADER_GAPS", "NEAR_GAPS", "Spot", "Spots", "cover", "flat",
           "interior_points", "rectangle"]
