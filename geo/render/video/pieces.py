"""What an animation's frames draw besides the map itself: each place's styles, the label
of a place just left, the credits, the timeline bar, and the measures the layout takes
(:mod:`.canvas` lays them out)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...i18n import label, outlet_in
from ...timeline import Timeline
from ..presentation import style_for
from ..static.style import GREY, SIZES
from .schedule import Frame, date_precision, format_precise

#: How each change since the frame before is drawn: what remained is simply there.
TREATMENT = {"withdrawn": "withdrawn", "remained": "present", "new": "new"}


def looks_of(feature: Any, colours: Any) -> tuple[Any, ...]:
    """The presentation model's styles of ``feature``, one per change drawn there, each
    force in its colour (``colours``: :class:`~geo.render.presentation.ForceColours`)."""
    looks = []
    for status in feature.statuses:
        rows = [r for r in feature.rows if r["change"] == status]
        ids = tuple(dict.fromkeys(r["force_id"] for r in rows))
        looks.append(style_for(feature.shape, TREATMENT[status], ids, colours,
                               kind=rows[0]["kind"],
                               certain=feature.certain or feature.ghost,
                               hatched=any(r["location_precision"] != "exact" for r in rows)))
    return tuple(looks)


def left_label(feature: Any, lang: str) -> Any:
    """The label of a place every presence left since the frame before: its name and who
    left, in grey ("Faya-Largeau / troops left"); the frame after drops it."""
    from ..static.content import label_for
    from ..static.names import force_type_name

    item = label_for(feature, lang)
    item.name = item.name.removesuffix(" ?")  # drawn as the sure outline of what was left
    lowered = item.name.lower()
    types = list(dict.fromkeys(force_type_name(r["force_type"], lang) for r in feature.rows))
    types = [t for t in types if t.lower() not in lowered]
    item.detail = (label("video_left", lang).format(forces=", ".join(types)) if types
                   else label("video_left_bare", lang))
    item.brief = None
    item.name_style = {"color": GREY}
    item.detail_style = {"style": "italic", "color": GREY}
    return item


def credits_text(timeline: Timeline, lang: str) -> str:
    """Every source of the story (outlet and day), then the map data's attribution."""
    parts = []
    for source in sorted(timeline.scenario.sources.values(),
                         key=lambda s: (s.published.earliest, s.outlet, s.id)):
        outlet = outlet_in(source.outlet, source.language, lang)  # "unnamed ... site"
        if source.published.earliest <= dt.date.min:
            parts.append(outlet)
            continue
        day = format_precise(source.published.earliest,
                             date_precision(source.published, "earliest"), lang)
        parts.append(f"{outlet}, {day}")
    return (f"{label('video_sources', lang)}: " + "; ".join(dict.fromkeys(parts)) + ". "
            f"{label('credits_data', lang)}. {label('static_map_made_with', lang)}.")


def timeline_bar(figure: Any, rect: tuple[float, ...], frames: list[Frame]) -> Any:
    """A line across the story's span, a tick at each frame's day, its first and last year
    written at its ends, in new axes at ``rect`` of ``figure`` (each frame adds a dot at its
    day to them)."""
    from matplotlib.lines import Line2D

    ax = figure.add_axes(rect)
    ax.set_axis_off()
    days = [f.day.toordinal() for f in frames]
    first, last = min(days), max(days)
    pad = max((last - first) * 0.02, 1)
    ax.set_xlim(first - pad, last + pad)
    ax.set_ylim(0, 1)
    ax.add_line(Line2D([first, last], [0.62, 0.62], color="#b0aba2", linewidth=2.0,
                       solid_capstyle="round"))
    for day in days:
        ax.add_line(Line2D([day, day], [0.5, 0.74], color=GREY, linewidth=0.7))
    ends = [(first, frames[0].day.year, "left"), (last, frames[-1].day.year, "right")]
    for x, year, ha in ends[:1] if ends[0][1] == ends[1][1] else ends:
        ax.text(x, 0.28, str(year), ha=ha, va="center", fontsize=SIZES["note"], color=GREY)
    return ax


def inches_wide(text: str, size: float) -> float:
    """Width of ``text`` in bold at ``size`` points, in inches."""
    from ..static.legend import text_width

    return text_width(text, size, "bold") / 72


def map_corners(extent: Any, drawn: list[Any], focus: Any) -> tuple[str, str]:
    """The emptiest corner of the map for the inset, then the next for the scale bar."""
    from ..static.map import emptiest_corners

    inset, bar = emptiest_corners(extent, drawn, focus, [
        (extent.width * 0.25, extent.height * 0.25), (extent.width * 0.3, extent.height * 0.1)])
    return inset, bar


__all__ = ["TREATMENT", "credits_text", "inches_wide", "left_label", "looks_of", "map_corners",
           "timeline_bar"]
