"""Static maps for articles: PNG, SVG (text kept as text) and PDF, in English or Vietnamese.

Two layouts: ``side-by-side`` (the before map left, the after map right; default) and
``change`` (one map, each presence styled as withdrawn, remained or new). Each map has a
title, a subtitle with the dates, a legend (forces by colour, changes by treatment), a scale
bar, an inset locator of the wider region, credits naming the articles and the map data.

Every force at a point has its own symbol; forces sharing a site stand side by side on one
plate (:mod:`geo.render.static.symbols`), forces along one border run as parallel bands.
Labels sit by their symbol, along their border or inside their area, or are joined to it by
a leader line; they never overlap one another or a symbol, and never cross a border
(:mod:`geo.render.static.labels`). A map too crowded for that numbers its places instead and
names them in a key under the legend.

Provinces and regions are hatched and translucent: the sources name the area, not the sites
in it. Presences the sources leave unsure on a day have a dashed edge and a "?" in the label.
Dates print at the precision the sources give (``August 2022``, ``2023``, ``date
unknown``).

Output is deterministic: the same input gives the same bytes in every format (fixed SVG hash
salt, no dates or software versions in the metadata).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from ...collector import collector_paused
from ...errors import BadArgument
from ...i18n import check_language, label
from ...timeline import Timeline
from ..formats import LAYOUTS
from ..formats import STATIC_FORMATS as FORMATS
from .corners import clear_height, corner_box, emptiest_corners
from .names import format_date, names_the_day
from .style import GREY, RC, SIZES, nfc

CSS_DPI = 96  # CSS pixels per inch: width_px / scale CSS pixels is the logical width

MARGIN, GAP = 0.2, 0.16  # inches
#: zlib level of the PNG. Level 3 encodes a map in about two thirds of the time of the
#: default 6, and the file comes out smaller (PIL's filters leave little for longer matches
#: to find); the same bytes on every run, like any fixed level.
PNG_COMPRESSION = 3
#: Points of leader line beyond which a place is better numbered (the key names it).
LONG_LEADER = 45.0


@dataclass
class Panel:
    """One map of a figure: its axes and what is drawn on it."""

    name: str  # before, after, change
    ax: Any
    features: list[Any]
    placed: list[Any]
    #: The point symbols as drawn (:class:`~geo.render.static.symbols.Layout`).
    symbols: Any = None


@dataclass
class MapFigure:
    """A built figure, kept for inspection by tests (labels placed, texts drawn)."""

    figure: Any
    panels: list[Panel]
    title: str
    texts: list[str]


def _check(lang: str, layout: str, fmt: str, width_px: int, scale: int) -> None:
    check_language(lang)
    if layout not in LAYOUTS:
        raise BadArgument(f"unknown layout {layout!r}; use one of: {', '.join(LAYOUTS)}")
    if fmt not in FORMATS:
        raise BadArgument(f"unknown static format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if width_px < 400 or scale < 1:
        raise BadArgument(f"width_px {width_px} and scale {scale}: the map needs at least "
                          "400 pixels and a scale of 1 or more")


def _view_label(timeline: Timeline, name: str, day: dt.date, lang: str) -> str:
    view = timeline.scenario.views.get(name)
    if view is not None and view.date == day and view.label:
        return view.label.get(lang) or view.label.get("en") or label(name, lang)
    return label(name, lang)


def _heading(timeline: Timeline, name: str, day: dt.date, lang: str) -> str:
    """``Before the agreement · 1 January 2024``; a view labelled by its date (``June
    2025``) is not dated twice."""
    words = _view_label(timeline, name, day, lang)
    if names_the_day(words, day, lang):
        return words
    return label("static_map_heading", lang).format(label=words, date=format_date(day, lang))


@collector_paused()
def build_figure(timeline: Timeline, *, before: dt.date, after: dt.date, lang: str = "en",
                 layout: str = "side-by-side", width_px: int = 1600,
                 scale: int = 2) -> MapFigure:
    """Draw the map into a matplotlib figure (no pyplot, no global state).

    A map too crowded for a place's name to sit by it (no spot clear of other labels,
    symbols and borders, or only at the end of a long leader) is drawn again with a number
    there instead, the name and the forces in a numbered key under the legend, as
    newspapers do.
    """
    numbered: tuple[str, ...] = ()
    for _ in range(3):
        built = _build(timeline, before=before, after=after, lang=lang, layout=layout,
                       width_px=width_px, scale=scale, numbered=numbered)
        crowded = [p.label.key for panel in built.panels for p in panel.placed
                   if (p.forced or p.reach > LONG_LEADER) and p.label.key
                   and p.label.key not in numbered]
        if not crowded:
            return built
        numbered = (*numbered, *dict.fromkeys(crowded))
    return built


def _build(timeline: Timeline, *, before: dt.date, after: dt.date, lang: str, layout: str,
           width_px: int, scale: int, numbered: tuple[str, ...]) -> MapFigure:
    """One drawing of the map; the places in ``numbered`` are labelled by number."""
    import math

    import numpy as np
    import shapely
    from matplotlib.figure import Figure

    from ..framing import core_parts, near_parts, opening_box
    from ..presentation import countries_shown, legend_forces, scenario_colours
    from .content import (
        capital,
        context_labels,
        features,
        focus_lonlat,
        label_for,
        number_labels,
        share_details,
    )
    from .draw import draw_basemap, draw_feature, draw_inset, draw_marks, scale_bar
    from .labels import Placer
    from .legend import block, credits_text, legend
    from .projection import basemap, inset, inset_span, map_extent, projected, projection
    from .symbols import layout as symbol_layout
    from .text_tiles import TileCanvas

    frame = timeline.change(before, after)
    country = timeline.scenario.country
    story_countries = tuple(countries_shown(timeline.scenario))
    outlines = [o for o in (focus_lonlat(c) for c in story_countries) if o is not None]
    # far overseas parts of a country (French Guiana beside France) widen no frame
    framed = core_parts([*frame.geometry, *outlines])
    placed, outlines = framed[:len(frame.geometry)], framed[len(frame.geometry):]
    focus_ll = shapely.union_all(outlines) if outlines else None
    geometries = [*placed, *([focus_ll] if focus_ll is not None else [])]
    opening = opening_box(placed, outlines)  # presences in a small part
    if opening is not None:
        geometries = [shapely.segmentize(shapely.box(*opening), 0.25)]
        focus_ll = near_parts(focus_ll, opening) if focus_ll is not None else None
    crs = projection(geometries)
    extent = map_extent([projected(g, crs) for g in geometries], pad=0.0 if opening else 0.07)
    base = basemap(crs, extent, country)
    approximate = {p.place.id: p.place.approximate for p in timeline.scenario.presences}

    dpi = CSS_DPI * scale
    width = (width_px + 0.25) / dpi
    content = width - 2 * MARGIN
    names = ["before", "after"] if layout == "side-by-side" else ["change"]
    panel_w = (content - GAP * (len(names) - 1)) / len(names)
    map_h = panel_w / extent.aspect
    dates = {"before": format_date(before, lang), "after": format_date(after, lang)}
    title_text = timeline.scenario.title.get(lang) or timeline.scenario.title.get("en", "")
    title = block(title_text, content, "title", weight="bold", balance=True)
    subtitle = block(label(f"static_map_subtitle_{'pair' if len(names) == 2 else 'change'}", lang)
                     .format(**dates), content, "subtitle", color=GREY)
    headings = [block(_heading(timeline, n, before if n == "before" else after, lang),
                      panel_w, "heading", weight="bold") for n in names if n != "change"]
    heading_h = max((h.height for h in headings), default=0.0)
    colours = scenario_colours(timeline.scenario)
    panels_features = {n: features(frame, n, crs, extent, approximate, colours) for n in names}
    units_per_point = extent.width / panel_w / 72
    capital_xy = capital(country, crs)
    symbols = {n: symbol_layout(panels_features[n], units_per_point, capital_xy) for n in names}
    panel_labels = {n: [label_for(f, lang, symbols[n].sites.get(f.place_id))
                        for f in panels_features[n] if not f.ghost] for n in names}
    group_notes = share_details([x for n in names for x in panel_labels[n]], lang)
    group_notes += number_labels([x for n in names for x in panel_labels[n]], numbered, lang)
    shown = [f for fs in panels_features.values() for f in fs if not f.ghost]
    drawn = [f for fs in panels_features.values() for f in fs]
    key = legend([look for f in drawn for look in f.looks],
                 legend_forces(timeline.scenario, frame["force_id"], lang), colours,
                 before=before, after=after, lang=lang, width=content, groups=group_notes,
                 uncertain=any(not f.certain for f in shown))
    sources = list(dict.fromkeys(s for ids in frame["source_ids"] for s in ids.split(",") if s))
    credits = block(credits_text(timeline, sources, lang), content, "credits", color=GREY)

    top_of = {}
    y = MARGIN
    for name, part, gap in (("title", title, 0.04), ("subtitle", subtitle, 0.13),
                            ("headings", None, 0.0), ("maps", None, 0.12),
                            ("legend", key, 0.1), ("credits", credits, 0.0)):
        top_of[name] = y
        if name == "headings":
            y += heading_h + (0.05 if headings else 0.0)
        elif name == "maps":
            y += map_h + gap
        else:
            y += part.height + gap
    height = (math.ceil((y + MARGIN) * dpi) + 0.25) / dpi

    figure = Figure(figsize=(width, height), dpi=dpi)
    TileCanvas(figure)
    texts = [title_text, *subtitle.lines, *key.notes.lines, key.title,
             *(key.text_of(e) for e in key.entries), *credits.lines]
    title.draw(figure, MARGIN, top_of["title"], height)
    subtitle.draw(figure, MARGIN, top_of["subtitle"], height)
    panels = []
    focus = base.focus
    for index, name in enumerate(names):
        left = MARGIN + index * (panel_w + GAP)
        if headings:
            headings[index].draw(figure, left, top_of["headings"], height)
            texts.extend(headings[index].lines)
        ax = figure.add_axes((left / width, 1 - (top_of["maps"] + map_h) / height,
                              panel_w / width, map_h / height))
        draw_basemap(ax, base, extent)
        for feature in panels_features[name]:
            if feature.shape != "point":  # points: all at once, near ones on one plate
                draw_feature(ax, feature, units_per_point=units_per_point)
        draw_marks(ax, symbols[name], units_per_point)
        panels.append(Panel(name, ax, panels_features[name], [], symbols[name]))
    key.draw(figure, MARGIN, top_of["legend"], height)
    credits.draw(figure, MARGIN, top_of["credits"], height)

    # inset (unless the map shows a continent) and scale bar in the emptiest corners
    last = panels[-1]
    centre = tuple(float(v) for v in focus_ll.centroid.coords[0]) if focus_ll is not None else (
        0.0, 0.0)
    span = inset_span(crs, extent)
    locator = None if span is None else inset(crs, centre, story_countries, span)
    inset_w = panel_w * (0.28 if len(names) == 2 else 0.22)
    inset_h = 0.0 if locator is None else inset_w / locator.extent.aspect
    per_inch = extent.width / panel_w
    *inset_corner, bar_corner = emptiest_corners(
        extent, last.features, focus,
        [*([(inset_w * per_inch, inset_h * per_inch)] if locator else []),
         (extent.width * 0.3, extent.height * 0.1)])
    inset_ax = None
    if locator is not None:
        box = corner_box(extent, inset_corner[0], inset_w * per_inch, inset_h * per_inch)
        ax_left = MARGIN + (len(names) - 1) * (panel_w + GAP) + (
            box.bounds[0] - extent.xmin) / per_inch
        ax_top = top_of["maps"] + (extent.ymax - box.bounds[3]) / per_inch
        inset_ax = figure.add_axes((ax_left / width, 1 - (ax_top + inset_h) / height,
                                    inset_w / width, inset_h / height))
        draw_inset(inset_ax, locator, extent, lang=lang)
    bar = scale_bar(last.ax, extent, bar_corner)

    renderer = figure.canvas.get_renderer()
    from .draw import line_half_width, line_parts

    border_parts = line_parts(base.borders)
    focus_parts = line_parts(base.focus)
    used = {f.place_id for fs in panels_features.values() for f in fs}
    for panel in panels:
        placer = Placer(panel.ax, renderer)
        if panel is last:
            if inset_ax is not None:
                placer.avoid_artist(inset_ax, pad=3)
            for artist in bar:
                placer.avoid_artist(artist, pad=2)
        for mark in panel.symbols.marks:
            placer.avoid_point(mark.xy, 2 * mark.reach, mark.place_id)
        for plate in panel.symbols.plates:
            placer.avoid_data_box(plate)
        for feature in panel.features:
            if feature.shape == "line":
                placer.barrier(line_parts(feature.geometry), 2 * line_half_width(feature),
                               "feature")
            elif feature.shape == "area":
                placer.cross_lines(line_parts(feature.geometry), spacing=2.5, weight=0.12)
        placer.barrier(border_parts, 1.1)
        placer.barrier(focus_parts, 1.6)
        labels = panel_labels[panel.name] + context_labels(
            base, extent, crs, country, lang, used, layout,
            named=panel_labels[panel.name], drawn=panel.features, sites=panel.symbols.sites,
            home=opening is not None)
        panel.placed = placer.place(labels)
        for placed in panel.placed:
            texts.extend([placed.label.name, placed.label.detail])
        if not any(not f.ghost for f in panel.features):
            note = panel.ax.text(0.5, 0.5, nfc(label("static_map_nothing", lang)),
                                 ha="center", va="center", transform=panel.ax.transAxes,
                                 color=GREY, fontsize=SIZES["label"])
            clear_height(note, renderer, [*placer.hard, *(
                tuple(box) for p in panel.placed for box in np.reshape(p.parts, (-1, 4)))])
    return MapFigure(figure, panels, title_text, [t for t in texts if t])


#: The last figure built and its alt text, reused when the next call differs only in format
#: (a build of all formats asks for PNG, SVG and PDF of each map in turn). Saving does not
#: change a figure.
_LAST_BUILT: dict[str, tuple[Timeline, tuple[Any, ...], MapFigure, str]] = {}


def drawn(timeline: Timeline, *, before: dt.date, after: dt.date, lang: str = "en",
          layout: str = "side-by-side", width_px: int = 1600,
          scale: int = 2) -> tuple[MapFigure, str]:
    """The figure :func:`render_static` saves for these options, and its alt text: built
    once, kept for the next call with the same options (processes forked after it share
    it, to save its formats side by side)."""
    import matplotlib

    from ..alt_text import alt_text
    from . import text_store

    _check(lang, layout, "png", width_px, scale)
    key = (before, after, lang, layout, width_px, scale)
    cached = _LAST_BUILT.get("figure")
    if cached is not None and cached[0] is timeline and cached[1] == key:
        return cached[2], cached[3]  # the same map in another format
    text_store.load()  # text measured by earlier processes
    with matplotlib.rc_context(RC):
        built = build_figure(timeline, before=before, after=after, lang=lang, layout=layout,
                             width_px=width_px, scale=scale)
        description = alt_text(timeline, before=before, after=after, lang=lang, layout=layout)
    _LAST_BUILT["figure"] = (timeline, key, built, description)
    return built, description


def render_static(timeline: Timeline, *, before: dt.date, after: dt.date, lang: str = "en",
                  layout: str = "side-by-side", fmt: str = "png", width_px: int = 1600,
                  scale: int = 2) -> bytes:
    """A static map of the change between two days, as PNG, SVG or PDF bytes.

    Parameters
    ----------
    timeline
        The scenario's timeline.
    before, after
        The two days compared.
    lang
        ``en`` or ``vi``: every label, place name, date and note.
    layout
        ``side-by-side`` (before map left, after map right) or ``change`` (one map).
    fmt
        ``png``, ``svg`` (text kept as text, editable) or ``pdf`` (fonts embedded).
    width_px
        The PNG's width in pixels.
    scale
        Pixel density: the map is laid out for ``width_px / scale`` CSS pixels (800 by
        default, an article column) and drawn at ``scale`` pixels per CSS pixel. SVG and PDF
        have the same layout at that logical size.

    Returns
    -------
    bytes
        The file's content; the same bytes on every run for the same input.
    """
    import matplotlib

    from . import text_store, tile_store
    from .font_subsets import cached_subsets

    _check(lang, layout, fmt, width_px, scale)
    built, description = drawn(timeline, before=before, after=after, lang=lang, layout=layout,
                               width_px=width_px, scale=scale)
    with matplotlib.rc_context(RC):
        buffer = io.BytesIO()
        if fmt == "png":
            metadata = {"Software": "deploymap", "Title": built.title,
                        "Description": description}
            tile_store.load()  # the text drawn by earlier processes
            built.figure.savefig(buffer, format="png", dpi=built.figure.dpi, metadata=metadata,
                                 pil_kwargs={"compress_level": PNG_COMPRESSION})
            tile_store.save()
        elif fmt == "svg":
            metadata = {"Date": None, "Creator": "deploymap", "Title": built.title,
                        "Description": description, "Language": lang}
            with text_store.kept_text():
                built.figure.savefig(buffer, format="svg", metadata=metadata)
        else:
            metadata = {"CreationDate": None, "ModDate": None, "Creator": "deploymap",
                        "Producer": "deploymap", "Title": built.title, "Subject": description}
            with cached_subsets(), text_store.kept_text():
                built.figure.savefig(buffer, format="pdf", metadata=metadata)
    text_store.save()
    return buffer.getvalue()


__all__ = ["FORMATS", "LAYOUTS", "MapFigure", "build_figure", "corner_box", "drawn",
           "emptiest_corners", "render_static"]
