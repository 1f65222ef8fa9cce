"""Map labels that do not collide: greedy placement over candidate positions.

Each label is a block of one or two lines (a bold name, an optional detail line) with a
white halo. Labels are placed in priority order; each tries candidate positions (around a
point, beside a line, inside an area, then further out with a leader line) and takes the
cheapest one that stays inside the map, clear of placed labels and of hard obstacles
(markers, the inset, the scale bar). Crossing drawn lines only costs. Optional labels
(country names, context) are dropped when nothing fits; required ones take the least bad
position. Sizes are measured once per label; candidates are boxes computed arithmetically,
so a map with a few dozen labels places them in milliseconds. Deterministic: no randomness.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from shapely.ops import polylabel

from .style import GREY, INK, SIZES, add_halo, nfc

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in display pixels

_COMPASS = (  # (dx, dy) unit offsets, ha, va: right first, as cartographers prefer
    ((1, 0), "left", "center"), ((0.75, 0.75), "left", "bottom"),
    ((0.75, -0.75), "left", "top"), ((-1, 0), "right", "center"),
    ((-0.75, 0.75), "right", "bottom"), ((-0.75, -0.75), "right", "top"),
    ((0, 1), "center", "bottom"), ((0, -1), "center", "top"),
)


@dataclass
class Label:
    """A label to place.

    ``shape`` is ``point``, ``line``, ``area`` or ``free`` (a name centred inside an area,
    like a country). ``geometry`` is in data (projected) coordinates.
    """

    name: str
    detail: str
    shape: str
    geometry: Any
    priority: int
    optional: bool = False
    radius: float = 4.5  # points: clearance around a point anchor
    name_style: dict[str, Any] = field(default_factory=dict)
    detail_style: dict[str, Any] = field(default_factory=dict)

    def variants(self) -> list[str]:
        """The name on one line, then (if long) on two or three lines of even length."""
        words = self.name.split(" ")
        out = [self.name]
        if len(self.name) < 16:
            return out
        for count in (2, 3):
            if len(words) >= count and len(self.name) >= 13 * count - 12:
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


@dataclass
class Placed:
    label: Label
    box: Box
    artists: list[Any]
    leader: bool


def _overlap(a: Box, b: Box) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


class Placer:
    """Places labels on one map axes.

    Parameters
    ----------
    ax
        The map axes; its limits and position must be final.
    renderer
        A renderer to measure text with (the figure's Agg renderer).
    """

    def __init__(self, ax: Any, renderer: Any) -> None:
        self.ax = ax
        self.renderer = renderer
        self.points_to_px = ax.figure.dpi / 72
        frame = ax.get_window_extent(renderer)
        margin = 2 * self.points_to_px
        self.frame: Box = (frame.x0 + margin, frame.y0 + margin, frame.x1 - margin,
                           frame.y1 - margin)
        self.hard: list[Box] = []
        self.soft = np.zeros((0, 2))
        self.to_px = ax.transData.frozen()  # limits are final: a plain affine is enough
        self.to_data = self.to_px.inverted()
        self.placed: list[Placed] = []
        self.reserved: list[tuple[Label, Box]] = []
        self._others = np.zeros((0, 4))  # obstacles for the label being placed

    # --- obstacles
    def avoid_box(self, box: Box) -> None:
        """A display box no label may overlap (markers, inset, scale bar)."""
        self.hard.append(box)

    def avoid_artist(self, artist: Any, pad: float = 1.5) -> None:
        extent = artist.get_window_extent(self.renderer)
        p = pad * self.points_to_px
        self.avoid_box((extent.x0 - p, extent.y0 - p, extent.x1 + p, extent.y1 + p))

    def avoid_point(self, xy: tuple[float, float], size: float) -> None:
        """A marker of ``size`` points at data ``xy``."""
        x, y = self.to_px.transform(xy)
        half = (size / 2 + 1) * self.points_to_px
        self.avoid_box((x - half, y - half, x + half, y + half))

    def cross_lines(self, parts: list[np.ndarray], spacing: float = 2.5) -> None:
        """Lines that labels should rather not cross (sampled every ``spacing`` points)."""
        samples = [self.soft]
        step = spacing * self.points_to_px
        for part in parts:
            display = self.to_px.transform(part)
            along = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(display, axis=0).T))])
            at = np.arange(0.0, along[-1] + step / 2, step)
            samples.append(np.column_stack([np.interp(at, along, display[:, 0]),
                                            np.interp(at, along, display[:, 1])]))
        self.soft = np.concatenate(samples)

    def reserve(self, labels: list[Label]) -> None:
        """Keep the best spots of area labels free while earlier labels are placed.

        An area label has few good places (inside its area); a point or line label has many.
        Until an area label is placed, its first choice costs others as if it were a line.
        """
        for label in labels:
            texts = self._texts(label, label.name)
            width = max(w for w, _ in self._sizes(texts))
            height = sum(h for _, h in self._sizes(texts))
            for text in texts:
                text.remove()
            x, y = self.to_px.transform(self._interior_points(label.geometry, 1)[0])
            self.reserved.append((label, (x - width / 2, y - height / 2, x + width / 2,
                                          y + height / 2)))

    # --- measuring and candidates
    def _texts(self, label: Label, name: str) -> list[Any]:
        texts = []
        name_style = {"fontsize": SIZES["label"], "fontweight": "bold", "color": INK,
                      **label.name_style}
        texts.append(self.ax.annotate(
            nfc(name), (0, 0), xytext=(0, 0), textcoords="offset points",
            ha="left", va="top", zorder=9, annotation_clip=False, linespacing=1.1,
            parse_math=False, **name_style))
        if label.detail:
            detail_style = {"fontsize": SIZES["detail"], "color": GREY, **label.detail_style}
            texts.append(self.ax.annotate(
                nfc(label.detail), (0, 0), xytext=(0, 0), textcoords="offset points",
                ha="left", va="top", zorder=9, annotation_clip=False, parse_math=False,
                **detail_style))
        return texts

    def _sizes(self, texts: list[Any]) -> list[tuple[float, float]]:
        sizes = []
        for text in texts:
            extent = text.get_window_extent(self.renderer)
            sizes.append((extent.width, extent.height))
        return sizes

    def _candidates(self, label: Label) -> list[
            tuple[tuple[float, float], float, float, str, str, bool]]:
        """(anchor data xy, dx px, dy px, ha, va, leader) in preference order."""
        p = self.points_to_px
        out = []
        geometry = label.geometry
        if label.shape == "point":
            xy = (geometry.x, geometry.y)
            rings = ((label.radius, False), (label.radius + 9, False),
                     (label.radius + 20, True), (label.radius + 34, True))
            for ring, leader in rings[:2] if label.optional else rings:
                for (ux, uy), ha, va in _COMPASS:
                    out.append((xy, ux * ring * p, uy * ring * p, ha, va, leader))
            return out
        if label.shape == "line":
            merged = shapely.line_merge(geometry) if geometry.geom_type.startswith(
                "Multi") else geometry
            longest = max(getattr(merged, "geoms", [merged]), key=lambda g: g.length)
            for fraction in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88):
                point = longest.interpolate(fraction, normalized=True)
                for ring, leader in ((5, False), (14, False), (26, True)):
                    for (ux, uy), ha, va in _COMPASS:
                        out.append(((point.x, point.y), ux * ring * p, uy * ring * p, ha, va,
                                    leader))
            return out
        # areas and free names: inside first, nearest the pole of inaccessibility
        inside = self._interior_points(geometry)
        for xy in inside:
            out.append((xy, 0.0, 0.0, "center", "center", False))
        if label.shape == "area":
            anchor = inside[0]
            for ring in (14, 26, 40, 56):
                for (ux, uy), ha, va in _COMPASS:
                    out.append((anchor, ux * ring * p, uy * ring * p, ha, va, True))
        return out

    def _interior_points(self, geometry: Any, count: int = 60) -> list[tuple[float, float]]:
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

    @staticmethod
    def _box(anchor_px: np.ndarray, dx: float, dy: float, ha: str, va: str, width: float,
             height: float) -> Box:
        x = anchor_px[0] + dx
        y = anchor_px[1] + dy
        x0 = x if ha == "left" else x - width / 2 if ha == "center" else x - width
        y0 = y if va == "bottom" else y - height / 2 if va == "center" else y - height
        return (x0, y0, x0 + width, y0 + height)

    def _obstacles(self) -> np.ndarray:
        """Hard obstacles and placed labels as an (n, 4) array (made once per label)."""
        return np.asarray([*self.hard, *(p.box for p in self.placed)],
                          dtype=float).reshape(-1, 4)

    def _clash(self, box: Box) -> float:
        """Total area ``box`` shares with placed labels and hard obstacles."""
        others = self._others
        if not len(others):
            return 0.0
        width = np.minimum(others[:, 2], box[2]) - np.maximum(others[:, 0], box[0])
        height = np.minimum(others[:, 3], box[3]) - np.maximum(others[:, 1], box[1])
        return float(np.sum(np.clip(width, 0, None) * np.clip(height, 0, None)))

    def _leader_hits(self, anchor: np.ndarray, box: Box) -> bool:
        """Whether a leader from ``anchor`` (display) to ``box`` would cross a marker or label."""
        end = (min(max(anchor[0], box[0]), box[2]), min(max(anchor[1], box[1]), box[3]))
        start_clear = 6 * self.points_to_px  # the marker the leader starts from
        length = math.hypot(end[0] - anchor[0], end[1] - anchor[1])
        if length <= start_clear:
            return False
        others = self._others
        if not len(others):
            return False
        steps = np.linspace(start_clear / length, 1, 12)
        xs = anchor[0] + (end[0] - anchor[0]) * steps
        ys = anchor[1] + (end[1] - anchor[1]) * steps
        inside = ((others[:, :1] < xs) & (xs < others[:, 2:3])
                  & (others[:, 1:2] < ys) & (ys < others[:, 3:4]))
        return bool(inside.any())

    def _cost(self, box: Box, label: Label, index: int, leader: bool,
              anchor: np.ndarray | None = None) -> tuple[bool, float]:
        """(allowed, cost) of a candidate box."""
        if box[0] < self.frame[0] or box[1] < self.frame[1] or box[2] > self.frame[2] or (
                box[3] > self.frame[3]):
            return False, math.inf
        clash = self._clash(box)
        if clash:
            return False, clash
        if leader and anchor is not None and self._leader_hits(anchor, box):
            return False, math.inf
        cost = index * 0.05 + (4.0 if leader else 0.0)
        if len(self.soft):
            crossing = np.count_nonzero(
                (self.soft[:, 0] > box[0]) & (self.soft[:, 0] < box[2])
                & (self.soft[:, 1] > box[1]) & (self.soft[:, 1] < box[3]))
            cost += crossing * 0.3
        for owner, spot in self.reserved:
            if owner is not label:
                cost += 10.0 * _overlap(box, spot) / ((spot[2] - spot[0]) * (spot[3] - spot[1]))
        if label.shape in ("area", "free"):
            corners = self.to_data.transform(
                [(box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3]),
                 ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)])
            outside = 5 - np.count_nonzero(
                shapely.contains_xy(label.geometry, corners[:, 0], corners[:, 1]))
            cost += outside * (2.0 if label.shape == "area" else 6.0)
        return True, cost

    # --- placing
    def place(self, labels: list[Label]) -> list[Placed]:
        """Place ``labels`` (highest priority first); returns those placed."""
        pad = 1.2 * self.points_to_px
        for label in sorted(labels, key=lambda item: item.priority):
            best: tuple[float, Any] | None = None
            fallback: tuple[float, Any] | None = None
            drafts = []
            candidates = self._candidates(label)
            anchors = self.to_px.transform(np.asarray([c[0] for c in candidates], dtype=float)
                                           .reshape(-1, 2))
            self._others = self._obstacles()
            for variant, name in enumerate(label.variants()):
                texts = self._texts(label, name)
                sizes = self._sizes(texts)
                drafts.append((texts, sizes))
                width = max(w for w, _ in sizes) + 2 * pad
                height = sum(h for _, h in sizes) + 2 * pad
                for index, candidate in enumerate(candidates):
                    _anchor, dx, dy, ha, va, leader = candidate
                    anchor_px = anchors[index]
                    box = self._box(anchor_px, dx, dy, ha, va, width, height)
                    allowed, cost = self._cost(box, label, index, leader, anchor_px)
                    cost += variant * 0.8
                    option = (box, candidate, variant)
                    if allowed and (best is None or cost < best[0]):
                        best = (cost, option)
                    elif not allowed and cost < math.inf and (
                            fallback is None or cost < fallback[0]):
                        fallback = (cost, option)
            chosen = best or (None if label.optional else fallback)
            for variant, (texts, _) in enumerate(drafts):
                if chosen is None or variant != chosen[1][2]:
                    for text in texts:
                        text.remove()
            if chosen is None:
                continue
            box, candidate, variant = chosen[1]
            texts, sizes = drafts[variant]
            self._put(texts, sizes, box, candidate, pad)
            artists = list(texts)
            artists += [add_halo(text, 2.4 if i == 0 else 2.0) for i, text in enumerate(texts)]
            if candidate[5]:
                artists.append(self._leader(candidate[0], box))
            self.placed.append(Placed(label, box, artists, candidate[5]))
            self.reserved = [(owner, spot) for owner, spot in self.reserved
                             if owner is not label]
        return self.placed

    def _put(self, texts: list[Any], sizes: list[tuple[float, float]], box: Box,
             candidate: Any, pad: float) -> None:
        anchor = self.to_px.transform(candidate[0])
        ha = candidate[3]
        x = box[0] + pad if ha == "left" else (box[0] + box[2]) / 2 if ha == "center" else (
            box[2] - pad)
        top = box[3] - pad
        for text, (_, h) in zip(texts, sizes, strict=True):
            text.xy = candidate[0]
            text.set_horizontalalignment(ha)
            text.xyann = ((x - anchor[0]) / self.points_to_px,
                          (top - anchor[1]) / self.points_to_px)
            top -= h

    def _leader(self, anchor: tuple[float, float], box: Box) -> Any:
        x, y = self.to_px.transform(anchor)
        nx = min(max(x, box[0]), box[2])
        ny = min(max(y, box[1]), box[3])
        return self.ax.annotate(
            "", anchor, xytext=((nx - x) / self.points_to_px, (ny - y) / self.points_to_px),
            textcoords="offset points", annotation_clip=False, zorder=8.5,
            arrowprops={"arrowstyle": "-", "color": GREY, "linewidth": 0.6, "shrinkA": 0,
                        "shrinkB": 1.5})


__all__ = ["Label", "Placed", "Placer"]
