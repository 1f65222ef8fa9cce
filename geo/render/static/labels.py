"""Map labels by what they name, never over each other or across a border.

Each label is a block of one or two lines (a bold name, an optional detail line) with a
white halo. A label's candidate spots (:mod:`geo.render.static.spots`) are kept when they
stay inside the map, cover no symbol, the inset or the scale bar, and come near no barrier
line (country borders, presences along a border; tested exactly against the lines' drawn
width). Each kept spot costs by how far it is from what it names (a leader line costs more),
how many softer lines it crosses (province edges, areas' outlines), and how much of the
text it leaves out (a shorter name, a briefer detail on a crowded map). The search
(:mod:`geo.render.static.search`) then picks one spot per label so that no two labels or
leaders overlap, at the least total cost; optional labels (countries, the capital, regions)
are dropped when they do not fit. A required label with no free spot takes the least bad
one and is marked ``forced``. Sizes are measured once per label and spots are tested in
bulk, so a map with a few dozen labels is placed in a fraction of a second. Deterministic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely

from .label_text import Label
from .obstacles import Obstacles
from .search import choose, in_conflict
from .search import conflicts as find_conflicts
from .spots import Spot, Spots
from .style import GREY, INK, SIZES, add_halo, nfc

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in display pixels

#: Candidate spots kept per label for the search (its cheapest).
CANDIDATES = 48
#: What dropping an optional label (a country's name, the capital's) costs.
DROP = 4.0
#: What a spot by another place's symbol costs (a reader would take it for its name).
AMBIGUOUS = 4.0
#: Free spots by its symbol that spare a label's later blocks of text their leader spots.
ROOMY = 8
#: The points along a spot's leader when it has none.
_NO_LEADER = np.zeros((0, 2))
#: Sizes of blocks of text already measured: (name, detail, styles and dpi) -> line sizes.
_SIZES: dict[tuple[str, str, str], list[tuple[float, float]]] = {}


@dataclass
class Placed:
    """A label as placed and drawn."""

    label: Label
    box: Box  # display box (of a turned label, its bounding box)
    artists: list[Any]
    leader: bool
    #: Display corners of the label's block (top-left, top-right, bottom-right, bottom-left).
    corners: Any = None
    angle: float = 0.0
    #: Display boxes the label and its leader take.
    parts: Any = None
    #: Placed where it breaks a rule (no spot was free): the least bad one.
    forced: bool = False
    #: Points from what it names to the label, along its leader (0 without one).
    reach: float = 0.0


@dataclass
class _Choice:
    """A spot for a label, with the block of text drawn there."""

    spot: Spot
    block: int  # index into Label.blocks()
    cost: float
    forced: bool  # breaks a rule: no spot was free


class Placer(Obstacles):
    """Places labels on one map axes.

    Parameters
    ----------
    ax
        The map axes; its limits and position must be final.
    renderer
        A renderer to measure text with (the figure's Agg renderer).

    What labels must keep clear of is added with the ``avoid_*``, :meth:`barrier` and
    :meth:`cross_lines` methods (:class:`~geo.render.static.obstacles.Obstacles`), then
    :meth:`place` places them.
    """

    def __init__(self, ax: Any, renderer: Any) -> None:
        self.ax = ax
        self.renderer = renderer
        self.points_to_px = ax.figure.dpi / 72
        frame = ax.get_window_extent(renderer)
        margin = 2 * self.points_to_px
        self.frame: Box = (frame.x0 + margin, frame.y0 + margin, frame.x1 - margin,
                           frame.y1 - margin)
        super().__init__(ax.transData.frozen(), self.points_to_px)  # limits are final
        self.spots = Spots(self.to_px, self.points_to_px, self.frame)
        self.placed: list[Placed] = []
        self.areas: list[Label] = []  # presence areas: a leader keeps out
        self._measured: dict[int, Any] = {}

    # --- obstacles
    def avoid_artist(self, artist: Any, pad: float = 1.5) -> None:
        extent = artist.get_window_extent(self.renderer)
        p = pad * self.points_to_px
        self.avoid_box((extent.x0 - p, extent.y0 - p, extent.x1 + p, extent.y1 + p))

    def reserve(self, labels: list[Label]) -> None:
        """Kept for callers of the greedy placer (the video frames): area labels now take
        their spots in the same search as the others, so nothing needs keeping free."""

    # --- measuring
    def _texts(self, label: Label, name: str, detail: str) -> list[Any]:
        texts = []
        name_style = {"fontsize": SIZES["label"], "fontweight": "bold", "color": INK,
                      **label.name_style}
        texts.append(self.ax.annotate(
            nfc(name), (0, 0), xytext=(0, 0), textcoords="offset points",
            ha="left", va="top", zorder=9, annotation_clip=False, linespacing=1.1,
            parse_math=False, **name_style))
        if detail:
            detail_style = {"fontsize": SIZES["detail"], "color": GREY, **label.detail_style}
            texts.append(self.ax.annotate(
                nfc(detail), (0, 0), xytext=(0, 0), textcoords="offset points",
                ha="left", va="top", zorder=9, annotation_clip=False, parse_math=False,
                linespacing=1.05, **detail_style))
        return texts

    def _measure(self, label: Label) -> list[tuple[str, str, float, list[tuple[float, float]]]]:
        """Each block of ``label``: its texts, cost and line sizes (measured once)."""
        key = id(label)
        if key not in self._measured:
            blocks = []
            styles = repr((sorted(label.name_style.items()),
                           sorted(label.detail_style.items()), self.ax.figure.dpi))
            for name, detail, cost in label.blocks():
                known = _SIZES.get((name, detail, styles))
                if known is None:  # the same words on the next map (side by side) are known
                    texts = self._texts(label, name, detail)
                    known = []
                    for text in texts:
                        extent = text.get_window_extent(self.renderer)
                        known.append((extent.width, extent.height))
                        text.remove()
                    if len(_SIZES) > 20000:
                        _SIZES.clear()
                    _SIZES[name, detail, styles] = known
                blocks.append((name, detail, cost, list(known)))
            self._measured[key] = blocks
        return self._measured[key]

    # --- judging spots
    def _costs(self, spots: list[Spot], leaders: list[np.ndarray], label: Label,
               soft: tuple[np.ndarray, np.ndarray], exempt: np.ndarray | None) -> list[float]:
        """What each free spot costs: its rank, softer lines crossed, a leader's crossings,
        an area's name outside it, a leader ending in another area (``leaders``: the
        points along each spot's leader, empty without one). Tested for all the spots at
        once; each cost is summed in the same order, to the same last bit, as spot by
        spot."""
        count = len(spots)
        crossed = np.zeros(count)
        samples, weights = soft
        if len(samples) and count:
            level = np.asarray([s.turned is None for s in spots])
            boxes = np.asarray([s.box for s in spots], dtype=float)
            xs, ys = samples[:, 0], samples[:, 1]
            inside = ((xs > boxes[:, None, 0]) & (xs < boxes[:, None, 2])
                      & (ys > boxes[:, None, 1]) & (ys < boxes[:, None, 3]))
            for i in np.flatnonzero(~level):  # a turned block: the boxes along it
                inside[i] = False
                for x0, y0, x1, y1 in spots[i].parts():
                    inside[i] |= (xs > x0) & (xs < x1) & (ys > y0) & (ys < y1)
            for i in np.flatnonzero(inside.any(axis=1)):
                crossed[i] = float(weights[inside[i]].sum())
        outside = np.zeros(count, dtype=int)
        if label.shape in ("area", "free") and count:
            points = self.to_data.transform(np.concatenate(
                [np.vstack([s.corners, s.centre]) for s in spots]))
            within = shapely.contains_xy(label.geometry, points[:, 0], points[:, 1])
            outside = 5 - np.count_nonzero(within.reshape(count, 5), axis=1)
        weight = 2.0 if label.shape == "area" else 6.0
        led = [i for i, s in enumerate(spots) if s.leader]
        crossings = dict(zip(led, self._leaders_crossing([leaders[i] for i in led], exempt),
                             strict=True))
        led_into = np.zeros(count, dtype=int)
        if led and self.areas:  # a name led into another area reads as that area's
            centres = self.to_data.transform(np.asarray([spots[i].centre for i in led]))
            for owner in self.areas:
                if owner is not label:
                    led_into[led] += shapely.contains_xy(
                        owner.geometry, centres[:, 0], centres[:, 1])
        costs = []
        for i, spot in enumerate(spots):
            cost = spot.rank + crossed[i]
            if label.shape in ("area", "free"):
                cost += outside[i] * weight
            if spot.leader:
                cost += 2.5 * crossings[i]
                if self.areas:
                    cost += 3.0 * int(led_into[i])
            costs.append(float(cost))
        return costs

    def _choices(self, label: Label, hard: np.ndarray) -> tuple[list[_Choice], Any]:
        """Every free spot of ``label`` (cheapest first), and the least bad spot that
        breaks a rule (None if every spot leaves the map)."""
        pad = 1.2 * self.points_to_px
        exempt = self._exempt(label)
        allowed: list[_Choice] = []
        fallback: _Choice | None = None
        for number, (_, _, block_cost, sizes) in enumerate(self._measure(label)):
            width = max(w for w, _ in sizes) + 2 * pad
            height = sum(h for _, h in sizes) + 2 * pad
            # a label with room by its symbol needs no leader for its longer blocks
            roomy = sum(1 for c in allowed if not c.spot.leader) >= ROOMY
            spots = self.spots.of(label, width, height, leaders=not roomy)
            boxes = np.asarray([s.box for s in spots], dtype=float).reshape(-1, 4)
            inside = ((boxes[:, 0] >= self.frame[0]) & (boxes[:, 1] >= self.frame[1])
                      & (boxes[:, 2] <= self.frame[2]) & (boxes[:, 3] <= self.frame[3]))
            spots = [s for s, ok in zip(spots, inside, strict=True) if ok]
            if not spots:
                continue
            crossing = self._crossing(spots, exempt, pad)
            envelope = np.asarray([s.box for s in spots], dtype=float)
            low, high = envelope[:, :2].min(axis=0), envelope[:, 2:].max(axis=0)
            near = np.all((self.soft >= low) & (self.soft <= high), axis=1) if len(
                self.soft) else np.zeros(0, dtype=bool)
            soft = (self.soft[near], self.soft_weight[near])
            clashes = self._clashes(spots, hard)
            ambiguous = self._ambiguous(spots, label)
            free: list[tuple[Spot, bool, np.ndarray]] = []
            for spot, crosses, clash, unclear in zip(spots, crossing, clashes, ambiguous,
                                                     strict=True):
                blocked = False
                leader = _NO_LEADER
                if not clash and not crosses and spot.leader:
                    anchor = self.to_px.transform(spot.anchor)
                    leader = self._leader_points(anchor, spot.box, label)
                    blocked = self._leader_blocked(leader, anchor, hard)
                if clash or crosses or blocked:
                    cost = 2000.0 + 1000.0 * bool(crosses) + clash + 500.0 * blocked
                    if fallback is None or cost < fallback.cost:
                        fallback = _Choice(spot, number, cost, True)
                    continue
                free.append((spot, bool(unclear), leader))
            costs = self._costs([f[0] for f in free], [f[2] for f in free], label, soft, exempt)
            allowed += [_Choice(spot, number, cost + block_cost + AMBIGUOUS * unclear, False)
                        for (spot, unclear, _), cost in zip(free, costs, strict=True)]
            # enough free spots cheaper than any the next blocks of text could give
            following = [b[2] for b in self._measure(label)[number + 1:]]
            if following and len(allowed) >= CANDIDATES and sorted(
                    c.cost for c in allowed)[CANDIDATES - 1] <= min(following):
                break
        allowed.sort(key=lambda c: c.cost)
        return allowed, fallback

    def _taken(self, label: Label, choice: _Choice) -> np.ndarray:
        """The boxes a label takes at a spot: its block and, thinly, its leader."""
        parts = choice.spot.parts()
        if not choice.spot.leader:
            return parts
        points = self._leader_points(self.to_px.transform(choice.spot.anchor),
                                     choice.spot.box, label)
        if len(points) < 2:
            return parts
        ends = np.vstack([points[::3], points[-1:]])
        half = 0.9 * self.points_to_px
        low = np.minimum(ends[:-1], ends[1:]) - half
        high = np.maximum(ends[:-1], ends[1:]) + half
        return np.concatenate([parts, np.column_stack([low, high])])

    # --- placing
    def place(self, labels: list[Label]) -> list[Placed]:
        """Place ``labels``; returns every label placed so far, those of earlier calls
        first (an optional label may be dropped).

        Each label gets its cheapest free spots (:meth:`_choices`);
        :func:`~geo.render.static.search.choose` then picks one spot per label so that
        no two overlap, at the least total cost.
        """
        pad = 1.2 * self.points_to_px
        ordered = sorted(labels, key=lambda item: item.priority)
        self.areas += [label for label in ordered
                       if label.shape == "area" and not label.optional]
        # labels placed by an earlier call stay where they are: obstacles like a symbol
        hard = np.concatenate([np.asarray(self.hard, dtype=float).reshape(-1, 4),
                               *(np.asarray(p.parts, dtype=float).reshape(-1, 4)
                                 for p in self.placed)])
        candidates: list[list[_Choice]] = []
        taken: list[list[np.ndarray]] = []
        for label in ordered:
            allowed, fallback = self._choices(label, hard)
            options = allowed[:CANDIDATES]
            if not options and fallback is not None and not label.optional:
                options = [fallback]
            candidates.append(options)
            taken.append([self._taken(label, choice) for choice in options])
        conflicts = find_conflicts(taken)
        chosen = choose([np.array([c.cost for c in options]) for options in candidates],
                        conflicts, [DROP if label.optional else None for label in ordered])
        for index, label in enumerate(ordered):
            if chosen[index] < 0 or not candidates[index]:
                continue
            choice = candidates[index][chosen[index]]
            name, detail, _, sizes = self._measure(label)[choice.block]
            texts = self._texts(label, name, detail)
            spot = choice.spot
            self._put(texts, sizes, spot, pad)
            artists = list(texts)
            artists += [add_halo(text, 2.4 if i == 0 else 2.0) for i, text in enumerate(texts)]
            reach = 0.0
            if spot.leader:
                leader, reach = self._leader(spot.anchor, texts, label)
                artists.append(leader)
            forced = choice.forced or in_conflict(index, chosen, conflicts)
            self.placed.append(Placed(label, spot.box, artists, spot.leader, spot.corners,
                                      spot.angle, taken[index][chosen[index]], forced, reach))
        return self.placed

    def _put(self, texts: list[Any], sizes: list[tuple[float, float]], spot: Spot,
             pad: float) -> None:
        anchor = self.to_px.transform(spot.anchor)
        if spot.angle:  # turned: each line centred on the block's axis
            unit = np.array([math.cos(math.radians(spot.angle)),
                             math.sin(math.radians(spot.angle))])
            up = np.array([-unit[1], unit[0]])
            top = sum(h for _, h in sizes) / 2
            for text, (_, h) in zip(texts, sizes, strict=True):
                centre = np.asarray(spot.centre) + up * (top - h / 2)
                top -= h
                text.xy = spot.anchor
                text.set_horizontalalignment("center")
                text.set_verticalalignment("center")
                text.set_rotation(spot.angle)
                text.set_rotation_mode("anchor")
                text.xyann = ((centre[0] - anchor[0]) / self.points_to_px,
                              (centre[1] - anchor[1]) / self.points_to_px)
            return
        box, ha = spot.box, spot.ha
        x = box[0] + pad if ha == "left" else (box[0] + box[2]) / 2 if ha == "center" else (
            box[2] - pad)
        top = box[3] - pad
        for text, (_, h) in zip(texts, sizes, strict=True):
            text.xy = spot.anchor
            text.set_horizontalalignment(ha)
            text.xyann = ((x - anchor[0]) / self.points_to_px,
                          (top - anchor[1]) / self.points_to_px)
            top -= h

    def _leader(self, anchor: tuple[float, float], texts: list[Any], label: Label
                ) -> tuple[Any, float]:
        """A thin grey line from what the label names to the nearest of its lines of text,
        and its length in points."""
        x, y = self.to_px.transform(anchor)
        ends = []
        for text in texts:
            extent = text.get_window_extent(self.renderer)
            ends.append((min(max(x, extent.x0), extent.x1), min(max(y, extent.y0), extent.y1)))
        nx, ny = min(ends, key=lambda end: math.hypot(end[0] - x, end[1] - y))
        # from the edge of a point's symbols, from the middle of a line or an area
        shrink = min(label.half or (label.radius,) * 2) if label.shape == "point" else 0.0
        leader = self.ax.annotate(
            "", anchor, xytext=((nx - x) / self.points_to_px, (ny - y) / self.points_to_px),
            textcoords="offset points", annotation_clip=False, zorder=8.5,
            arrowprops={"arrowstyle": "-", "color": GREY, "linewidth": 0.6, "shrinkA": 1.0,
                        "shrinkB": shrink})  # A: the text's end, B: the anchor's
        leader.set_gid("leader")
        return leader, math.hypot(nx - x, ny - y) / self.points_to_px


__all__ = ["Placed", "Placer"]
