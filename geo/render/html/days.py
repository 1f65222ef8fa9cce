"""The Day layer behind the map's time slider: every place, and who is there on each day.

The slider can show any day of the scenario's span. Each place with presences becomes one
feature that carries the spans of days over which the same forces are there (from the days
:meth:`geo.timeline.Timeline.presences` gives, counted from 1970-01-01 as JavaScript counts
days), each with its look: the forces of that span together, certain or unsure, by the rule
of :func:`geo.timeline.in_force`. The page draws, for the day shown, the span that holds it.
Its popup is written in two halves around the status line, which the page fills in for the
day ("Present on ...", "Possibly present on ...").

Only maps drawn feature by feature (``svg``) have it: a map of thousands of presences is
drawn on a canvas (:mod:`.scale`) and keeps its two days and the change.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING, Any

from ...i18n import label
from ...timeline import FOREVER, NEVER
from ..presentation import style_for
from . import popups
from .features import category
from .style import options
from .text import esc

if TYPE_CHECKING:
    from ...timeline import Timeline
    from .features import Layers
    from .store import GeometryStore

_EPOCH = dt.date(1970, 1, 1).toordinal()
LAYER = "day"


def _js_day(number: int) -> int | None:
    """A day number as days since 1970-01-01; None for "never" / "no end"."""
    return None if number in (NEVER, FOREVER) or number <= 0 else number - _EPOCH


def _intervals(spans: list[tuple[int, int, int, int]]) -> list[tuple[int, int, tuple[int, ...],
                                                                     bool]]:
    """The spans of days over which the same members of a place are in force, each with
    those members and whether all of them are certain: ``(from, until, members, sure)`` as
    day numbers (0 / NEVER: open), empty spans left out, equal neighbours merged."""
    cuts = sorted({b for span in spans for b in span if 0 < b < NEVER})
    edges = [0, *cuts, NEVER]
    found: list[tuple[int, int, tuple[int, ...], bool]] = []
    for first, last in itertools.pairwise(edges):
        probe = first if first > 0 else (cuts[0] - 1 if cuts else 1)
        members = tuple(i for i, (may_from, may_until, _, _) in enumerate(spans)
                        if may_from <= probe < may_until)
        sure = all(spans[i][2] <= probe < spans[i][3] for i in members)
        if found and found[-1][2:] == (members, sure) and found[-1][1] == first:
            found[-1] = (found[-1][0], last, members, sure)
        elif members:
            found.append((first, last, members, sure))
    return found


def day_layer(timeline: Timeline, *, before: dt.date, after: dt.date, lang: str,
              layers: Layers, store: GeometryStore,
              context: popups.PopupContext) -> dict[str, Any]:
    """The Day layer's data: ``features``, one per place (``g`` shape, ``k`` category, ``p``
    the place's id, ``n`` a site's name, ``iv`` its spans of days, each ``[from, until,
    style key, sure]`` with days counted from 1970-01-01 and null for open, ``pop`` the popup's
    two halves, ``tip``), ``span`` (first and last day of the slider), ``events`` (each day
    something changes, the stops of Play) and ``start`` (the day the slider starts on).

    Presences at one place are one feature, drawn on each day with the forces in force that
    day together (a province held by border guards and troops hatched in both colours, as
    on the Before and After layers), certain when all of them are. The looks it uses are
    added to ``layers`` (the legend and the patterns read them)."""
    scenario = timeline.scenario
    force_order = {force_id: i for i, force_id in enumerate(scenario.forces)}
    frame = timeline.presences()
    spans = list(zip(*(frame[name].tolist() for name in
                       ("may_from", "may_until", "must_from", "must_until")), strict=True))
    categories = [category(g) for g in frame.geometry]
    rows = frame.drop(columns="geometry").to_dict("records")
    places: dict[str, list[int]] = {}
    for number, row in enumerate(rows):
        row["category"] = categories[number]
        places.setdefault(row["place_id"], []).append(number)
    order = {"area": 0, "line": 1, "point": 2}
    geometries, features = [], []
    events: set[int] = {before.toordinal() - _EPOCH, after.toordinal() - _EPOCH}
    for place_id in sorted(places, key=lambda p: (order[categories[places[p][0]]], p)):
        numbers = sorted(places[place_id], key=lambda n: (force_order[rows[n][
            "force_id"]], rows[n]["presence_id"]))
        members = [rows[n] for n in numbers]
        first, kind = members[0], categories[numbers[0]]
        hatched = kind == "area" and any(r["location_precision"] != "exact" for r in members)
        spans_here = [spans[n] for n in numbers]
        intervals = []
        for since, until, present, sure in _intervals(spans_here):
            ids = tuple(dict.fromkeys(members[i]["force_id"] for i in present))
            look = style_for(kind, "present", ids, layers.colours, kind=first["kind"],
                             certain=sure, hatched=hatched)
            layers.looks.setdefault(look.key, look)
            layers.styles.setdefault(look.key, options(look))
            intervals.append([_js_day(since), _js_day(until), look.key, int(sure)])
            events.update(d for d in (_js_day(since), _js_day(until)) if d is not None)
        text = "".join(popups.popup_parts(members, LAYER, context))
        cut = text.index(popups.DAY_STATUS) + len(popups.DAY_STATUS)
        geometries.append(frame.geometry.iloc[numbers[0]])
        feature = {"g": 0, "k": kind, "p": esc(place_id), "iv": intervals,
                   "pop": [text[:cut], text[cut:]],
                   "tip": popups.tooltip(members, LAYER, context)}
        if kind == "point":
            feature["n"] = esc(popups.place_name(first, lang))
        features.append(feature)
    for feature, index in zip(features, store.add_many(geometries), strict=True):
        feature["g"] = index
    ordered = sorted(events)
    months = label("map_months", lang).split()
    return {
        "features": features,
        "span": [ordered[0], ordered[-1]] if ordered else None,
        "events": ordered,
        "start": after.toordinal() - _EPOCH,
        "words": {
            "present": esc(label("map_present_on", lang)),
            "possibly": esc(label("map_possibly_on", lang)),
            "dayPattern": esc(label("map_date_day", lang)),
            "months": [esc(m) for m in months],
            "play": esc(label("map_play", lang)),
            "pause": esc(label("map_pause", lang)),
            "slider": esc(label("map_day_slider", lang)),
            "pick": esc(label("map_day_pick", lang)),
        },
    }


__all__ = ["LAYER", "day_layer"]
