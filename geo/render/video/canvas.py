"""The frames of an animated map, drawn with the static maps' pieces on one kept figure.

Everything that is the same on every frame is laid out and drawn once: the projection and
the map window (fitted to every place the story ever names, so the map never moves), the
basemap, the capital, the inset locator, the scale bar, the context labels (countries,
regions), the title, the legend (every style any frame draws) and the credits (every
source). A frame then adds only what changes: the places of that day, their labels, the
date caption and the marker on the timeline bar, draws the figure, copies its pixels and
takes those artists away again. The pieces are the static maps' own
(:mod:`geo.render.static`: features, symbols, hatches, label placer, legend), so a frame
reads like the static map of that day.

Layouts: ``square`` (1080×1080: title, date and timeline bar, map, legend, credits, top to
bottom) and ``wide`` (1920×1080: the map on the left, the words in a column on the right).
Both are drawn at :data:`DPI`, so a 1080-pixel frame is 5.4 inches of the static maps'
type sizes: small type stays legible on a phone, where a social feed shows a frame about
400 pixels wide.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from ...i18n import label
from ...timeline import Timeline
from ..formats import VIDEO_PIXELS
from ..presentation import countries_shown, legend_entries, legend_forces, scenario_colours
from ..static.names import first_upper
from ..static.style import GREY, INK, SIZES, nfc
from .pieces import credits_text, inches_wide, left_label, looks_of, map_corners, timeline_bar
from .schedule import Frame

#: Pixels per inch of every frame.
DPI = 200
MARGIN, GAP = 0.18, 0.16  # inches
TITLE_SIZE, CAPTION_SIZE = 12.0, 19.0  # points
#: The square frame's title, smaller: the map keeps the height.
SQUARE_TITLE_SIZE = 11.0
#: The square frame's key, in points (the wide frame's column keeps the static size).
KEY_SIZE = 6.8
BAR_H = 0.3  # the timeline bar, inches
#: The wide layout's column of words, in inches.
COLUMN = 3.3
class Animator:
    """Draws the frames of one animation: one language, one size.

    Parameters
    ----------
    timeline
        The scenario's timeline.
    frames
        The frames to draw (:func:`geo.render.video.schedule.schedule`).
    lang
        ``en`` or ``vi``.
    size
        ``square`` or ``wide`` (:data:`geo.render.formats.VIDEO_PIXELS`).
    """

    def __init__(self, timeline: Timeline, frames: list[Frame], *, lang: str,
                 size: str) -> None:
        import shapely
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        from ..static.content import capital, features, focus_lonlat, label_for, share_details
        from ..static.legend import Block, Legend, block
        from ..static.projection import basemap, map_extent, project, projection
        from .key import grid_key

        self.timeline, self.frames, self.lang, self.size = timeline, frames, lang, size
        scenario = timeline.scenario
        self.pixels = VIDEO_PIXELS[size]
        width, height = ((p + 0.25) / DPI for p in self.pixels)
        self.width, self.height = width, height

        # the map window: every place of the story and its countries, never moving
        story = tuple(countries_shown(scenario))
        outlines = [o for o in (focus_lonlat(c) for c in story) if o is not None]
        focus = shapely.union_all(outlines) if outlines else None
        geometries = [p.place.geometry for p in scenario.presences] + (
            [focus] if focus is not None else [])
        self.crs = projection(geometries)
        projected = [project(g, self.crs) for g in geometries]

        # what each frame draws, worked out first: the legend lists every style drawn
        self.approximate = {p.place.id: p.place.approximate for p in scenario.presences}
        self.colours = scenario_colours(scenario)
        self.features_of = features
        title_text = scenario.title.get(lang) or scenario.title.get("en", "")
        wide = size == "wide"
        provisional = map_extent(projected)
        drawn = [self._features(frame, provisional) for frame in frames]
        entries = self._entries([look for fs in drawn for f in fs for look in f.looks], drawn)
        column = width - 2 * MARGIN
        if wide:  # as wide as the longest legend entry, within bounds; text measured at
            # 72 dpi comes out up to a tenth wider at the frames' 200 (hinting)
            probe = Legend("", entries, Block([], SIZES["note"]), 1.0)
            widest = max((probe.entry_width(e) for e in entries), default=0.0)
            column = min(max(COLUMN, widest * 1.1 + 0.05), width * 0.5)
        if wide:
            key = Legend(label("video_legend_title", lang), entries,
                         Block([], SIZES["note"]), column)
        else:  # under the map: a grid, in smaller type, so the map keeps the height
            key = grid_key(label("video_legend_title", lang), entries,
                           Block([], SIZES["note"]), column, KEY_SIZE)
        title_size = TITLE_SIZE if wide else SQUARE_TITLE_SIZE
        title = block(title_text, column * SIZES["title"] / title_size, "title",
                      weight="bold", balance=True)
        title.size = title_size  # wrapped at the static size, for a width scaled alike
        credits = block(credits_text(timeline, lang), column, "credits", color=GREY)
        captions = [f.caption(lang) for f in frames]
        caption_h = CAPTION_SIZE * 1.3 / 72
        # labels and the notes that take a detail several areas share (see share_details)
        self.labels, self.notes = [], []
        for features_here in drawn:
            labels = [left_label(f, lang) if f.ghost else label_for(f, lang)
                      for f in features_here]
            self.labels.append(labels)
            self.notes.append(block("\n".join(share_details(labels, lang)), column, "note",
                                    color=GREY) if labels else Block([], SIZES["note"]))
        notes_h = max((n.height for n in self.notes if n.lines != [""]), default=0.0)

        # layout, in inches from the top-left corner
        places: dict[str, tuple[float, float]] = {}
        if wide:
            map_box = (MARGIN, MARGIN, width - 2 * MARGIN - GAP - column, height - 2 * MARGIN)
            y = MARGIN
            for name, part_h, gap in (("title", title.height, 0.1),
                                      ("caption", caption_h, 0.02), ("bar", BAR_H, 0.16),
                                      ("legend", key.height, 0.1), ("notes", notes_h, 0.1)):
                places[name] = (width - MARGIN - column, y)
                y += part_h + gap
            places["credits"] = (width - MARGIN - column,
                                 max(y, height - MARGIN - credits.height))
            bar_box = (*places["bar"], column, BAR_H)
        else:
            places["title"] = (MARGIN, MARGIN)
            places["caption"] = (MARGIN, MARGIN + title.height + 0.08)
            caption_w = max(inches_wide(c, CAPTION_SIZE) for c in captions) + 0.25
            bar_box = (MARGIN + caption_w, places["caption"][1] + caption_h - BAR_H,
                       column - caption_w, BAR_H)
            top = places["caption"][1] + caption_h + 0.08
            bottom = height - MARGIN - credits.height
            places["credits"] = (MARGIN, bottom)
            bottom -= 0.07 + key.height
            places["legend"] = (MARGIN, bottom)
            if notes_h:
                bottom -= 0.05 + notes_h
                places["notes"] = (MARGIN, bottom)
            map_box = (MARGIN, top, column, bottom - 0.07 - top)
        aspect = map_box[2] / map_box[3]
        self.extent = map_extent(projected, min_aspect=aspect, max_aspect=aspect)
        self.drawn = [self._features(frame, self.extent) for frame in frames]
        for features_here, labels in zip(self.drawn, self.labels, strict=True):
            for feature, item in zip(features_here, labels, strict=True):
                item.geometry = feature.geometry  # simplified for the final window
        self.base = basemap(self.crs, self.extent, scenario.country)

        figure = Figure(figsize=(width, height), dpi=DPI)
        FigureCanvasAgg(figure)
        self.figure = figure
        title.draw(figure, *places["title"], height)
        key.draw(figure, *places["legend"], height)
        self.legend = key
        credits.draw(figure, *places["credits"], height)
        self.places = places
        self.ax = figure.add_axes(self._rect(map_box))
        self._draw_static(focus, story, capital(scenario.country, self.crs))
        self.bar_ax = timeline_bar(self.figure, self._rect(bar_box), self.frames)
        self.texts = [title_text, key.title, *(key.text_of(e) for e in key.entries),
                      *credits.lines]

    # --- layout helpers
    def _rect(self, box: tuple[float, float, float, float]) -> tuple[float, ...]:
        left, top, w, h = box
        return (left / self.width, 1 - (top + h) / self.height, w / self.width,
                h / self.height)

    def _features(self, frame: Frame, extent: Any) -> list[Any]:
        change = self.timeline.change(frame.since, frame.day)
        drawn = self.features_of(change, "after", self.crs, extent, self.approximate,
                                 self.colours)
        for feature in drawn:
            feature.looks = looks_of(feature, self.colours)
        return drawn

    def _entries(self, looks: list[Any], drawn: list[list[Any]]) -> list[Any]:
        """The legend of every frame at once, its change notes worded for an animation."""
        on_map = {r["force_id"] for fs in drawn for f in fs for r in f.rows}
        forces = legend_forces(self.timeline.scenario, on_map, self.lang)
        notes = {"change:new": label("video_new_note", self.lang),
                 "change:withdrawn": label("video_withdrawn_note", self.lang)}
        texts = {"reading:hatched": label("video_hatched", self.lang),
                 "reading:uncertain": label("video_uncertain", self.lang)}
        entries = []
        for entry in legend_entries(looks, forces, self.colours, self.lang):
            # a force's type note is already left out where its name says it (type_words)
            entries.append(dataclasses.replace(entry, text=texts.get(entry.key, entry.text),
                                               note=notes.get(entry.key, entry.note)))
        return entries

    # --- what every frame shares
    def _draw_static(self, focus: Any, story: tuple[str, ...],
                     capital_xy: tuple[float, float] | None) -> None:
        from ..static.content import context_labels
        from ..static.draw import draw_basemap, draw_capital, draw_inset, line_parts, scale_bar
        from ..static.projection import inset, inset_span

        ax, extent = self.ax, self.extent
        draw_basemap(ax, self.base, extent)
        if capital_xy is not None:
            draw_capital(ax, capital_xy)
        self.capital_xy = capital_xy
        everywhere = [f for fs in self.drawn for f in fs]
        inset_corner, bar_corner = map_corners(extent, everywhere, self.base.focus)
        centre = tuple(float(v) for v in focus.centroid.coords[0]) if focus is not None else (
            0.0, 0.0)
        span = inset_span(self.crs, extent)  # None: the map shows a continent, no locator
        self.obstacles = []
        if span is not None:
            locator = inset(self.crs, centre, story, span)
            box_w = self.ax_width() * 0.22
            box_h = box_w / locator.extent.aspect
            per_inch = extent.width / self.ax_width()
            from ..static.map import corner_box

            corner = corner_box(extent, inset_corner, box_w * per_inch, box_h * per_inch)
            x0, _, _, y1 = corner.bounds
            left, top, _ax_w, _ax_h = self._ax_box()
            inset_ax = self.figure.add_axes(self._rect((
                left + (x0 - extent.xmin) / per_inch, top + (extent.ymax - y1) / per_inch,
                box_w, box_h)))
            draw_inset(inset_ax, locator, extent, lang=self.lang)
            self.obstacles.append(inset_ax)
        bar = scale_bar(ax, extent, bar_corner)
        self.border_parts = line_parts(self.base.borders)
        self.obstacles.extend(bar)

        # context labels once, placed around every label any frame has, then kept
        renderer = self.figure.canvas.get_renderer()
        before = set(ax.get_children())
        placer = self._placer(renderer, everywhere)
        seen: dict[str, Any] = {}
        for features_here, labels in zip(self.drawn, self.labels, strict=True):
            for feature, item in zip(features_here, labels, strict=True):
                seen.setdefault(feature.place_id, item)
        used = {f.place_id for f in everywhere}
        placer.reserve([x for x in seen.values() if x.shape == "area"])
        required = len(placer.place(list(seen.values())))
        context = context_labels(self.base, extent, self.crs, self.timeline.scenario.country,
                                 self.lang, used, "change")
        kept = placer.place(context)[required:]
        keep = {id(a) for placed in kept for a in placed.artists}
        for artist in set(ax.get_children()) - before:
            if id(artist) not in keep:
                artist.remove()
        self.context_boxes = [placed.box for placed in kept]
        self.context_kept = kept
        self.context_texts = [t for placed in kept for t in (placed.label.name,
                                                            placed.label.detail) if t]

    def ax_width(self) -> float:
        return self._ax_box()[2]

    def _ax_box(self) -> tuple[float, float, float, float]:
        x0, y0, w, h = self.ax.get_position().bounds
        return (x0 * self.width, (1 - y0 - h) * self.height, w * self.width, h * self.height)

    def _placer(self, renderer: Any, drawn: list[Any], context: bool = True) -> Any:
        from ..static.draw import line_parts
        from ..static.labels import Placer

        placer = Placer(self.ax, renderer)
        for artist in self.obstacles:
            placer.avoid_artist(artist, pad=2)
        for feature in drawn:
            if feature.shape == "point":
                placer.avoid_point((feature.geometry.x, feature.geometry.y), 9)
            elif feature.shape == "line":
                placer.cross_lines(line_parts(feature.geometry), spacing=2.0)
        if self.capital_xy is not None:
            placer.avoid_point(self.capital_xy, 4.5)
        placer.cross_lines(self.border_parts, spacing=4.0)
        for box in getattr(self, "context_boxes", ()) if context else ():
            placer.avoid_box(box)
        return placer

    def _place(self, renderer: Any, drawn: list[Any], labels: list[Any], nothing: Any
               ) -> tuple[list[Any], list[Any]]:
        """The frame's labels placed clear of each other, and the context labels hidden
        on this frame.

        The context labels (kept on every frame) are avoided first. When that leaves a
        label of the frame no free spot, the frame's labels are placed without them (the
        context labels in their way are hidden on this frame); when even that leaves
        none, the labels without a spot are placed again without their detail line (the
        name is what a reader needs; the legend and the symbol's colour say the force).
        """
        import copy

        placed: list[Any] = []
        for attempt in ("context", "alone", "names"):
            if placed:
                forced = {p.label.key or p.label.name for p in placed if p.forced}
                for item in placed:
                    for artist in item.artists:
                        artist.remove()
                if attempt == "names":
                    labels = [copy.copy(item) for item in labels]
                    for item in labels:
                        if (item.key or item.name) in forced:
                            item.detail, item.brief = "", None
            placer = self._placer(renderer, drawn, context=attempt == "context")
            if nothing is not None:
                placer.avoid_artist(nothing)
            placed = placer.place(labels)
            if not any(p.forced for p in placed):
                break
        hidden = []
        taken = np.zeros((0, 4))
        if attempt != "context" and placed:
            taken = np.concatenate([np.asarray(p.parts, dtype=float).reshape(-1, 4)
                                    for p in placed])
        if nothing is not None:  # the note over the map hides the context under it
            box = nothing.get_window_extent(renderer)
            taken = np.vstack([taken, [box.x0, box.y0, box.x1, box.y1]])
        if len(taken):
            for context in self.context_kept:
                x0, y0, x1, y1 = context.box
                if np.any((taken[:, 0] < x1) & (taken[:, 2] > x0) & (taken[:, 1] < y1)
                          & (taken[:, 3] > y0)):
                    hidden += [a for a in context.artists if a.get_visible()]
            for artist in hidden:
                artist.set_visible(False)
        return placed, hidden

    # --- one frame
    def render(self, index: int) -> np.ndarray:
        """The pixels of frame ``index`` (height × width × RGB, uint8)."""
        frame = self.frames[index]
        drawn = self.drawn[index]
        figure, ax = self.figure, self.ax
        added_figure = set(figure.texts)
        added_ax = set(ax.get_children())
        from ..static.draw import draw_feature

        for feature in drawn:
            draw_feature(ax, feature)
        renderer = figure.canvas.get_renderer()
        nothing = None
        if not any(not f.ghost for f in drawn):
            nothing = ax.text(0.5, 0.5, nfc(label("static_map_nothing", self.lang)),
                              ha="center", va="center", transform=ax.transAxes, color=GREY,
                              fontsize=SIZES["label"], zorder=12,
                              bbox={"boxstyle": "round,pad=0.4", "facecolor": "white",
                                    "edgecolor": "#b0aba2", "linewidth": 0.6})
        placed, hidden = self._place(renderer, drawn, self.labels[index], nothing)
        if "notes" in self.places and self.notes[index].lines:
            self.notes[index].draw(figure, *self.places["notes"], self.height)
        x, top = self.places["caption"]
        figure.text(x / self.width, 1 - top / self.height,
                    nfc(first_upper(frame.caption(self.lang))), ha="left",
                    va="top", fontsize=CAPTION_SIZE, fontweight="bold", color=INK,
                    parse_math=False)
        marker = self.bar_ax.plot([frame.day.toordinal()], [0.62], marker="o", markersize=7,
                                  color=INK, markeredgecolor="white", markeredgewidth=1.2,
                                  zorder=5)
        figure.canvas.draw()
        pixels = np.asarray(figure.canvas.buffer_rgba())[:, :, :3].copy()
        #: every label on the frame as drawn (for tests): its words, the display boxes of
        #: its texts, and whether it names a place left since the frame before
        shown = [*placed, *(c for c in self.context_kept
                            if all(a.get_visible() for a in c.artists))]
        self.last_labels = [
            (p.label.name, [t.get_window_extent(renderer) for t in p.artists[:len(
                [w for w in (p.label.name, p.label.detail) if w])]],
             p in placed and p.label.name_style.get("color") == GREY)
            for p in shown]
        self.last_forced = [p.label.name for p in placed if p.forced]
        for artist in hidden:
            artist.set_visible(True)
        #: the words of the last frame drawn (for tests: every glyph in the font)
        self.last_texts = [frame.caption(self.lang), *self.notes[index].lines, *(
            t for p in placed for t in (p.label.name, p.label.detail) if t)]
        for artist in set(ax.get_children()) - added_ax:
            artist.remove()
        for text in set(figure.texts) - added_figure:
            text.remove()
        for artist in marker:
            artist.remove()
        return pixels


__all__ = ["DPI", "Animator"]
