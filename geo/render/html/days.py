"""The Day layer behind the map's time slider: every presence, and the days it is there.

The slider can show any day of the scenario's span. Each presence becomes one feature that
carries the days bounding it (as :meth:`geo.timeline.Timeline.presences` gives them, counted
from 1970-01-01 as JavaScript counts days) and two looks, certain and unsure; the page picks,
for the day shown, the features in force and the look the sources allow, by the same rule as
:func:`geo.timeline.in_force`. Its popup is written in two halves around the status line,
which the page fills in for the day ("Present on ...", "Possibly present on ...").

Only maps drawn feature by feature (``svg``) have it: a map of thousands of presences is
drawn on a canvas (:mod:`.scale`) and keeps its two days and the change.
"""

from __future__ import annotations

import datetime as dt
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


def day_layer(timeline: Timeline, *, before: dt.date, after: dt.date, lang: str,
              layers: Layers, store: GeometryStore,
              context: popups.PopupContext) -> dict[str, Any]:
    """The Day layer's data: ``features`` (``g`` shape, ``sure`` / ``unsure`` style keys,
    ``k`` category, ``d`` the four bounding days, ``pop`` the popup's two halves, ``tip``),
    ``span`` (first and last day of the slider), ``events`` (each day something changes,
    the stops of Play) and ``days`` (the day shown when the slider is first moved).

    The looks it uses are added to ``layers`` (the legend and the patterns read them)."""
    frame = timeline.presences()
    bounds = ("may_from", "may_until", "must_from", "must_until")
    days = [frame[name].tolist() for name in bounds]
    categories = [category(g) for g in frame.geometry]
    geometries, features = [], []
    events: set[int] = {before.toordinal() - _EPOCH, after.toordinal() - _EPOCH}
    for row_number, row in enumerate(frame.drop(columns="geometry").to_dict("records")):
        kind = categories[row_number]
        hatched = kind == "area" and row["location_precision"] != "exact"
        keys = []
        for certain in (True, False):
            look = style_for(kind, "present", (row["force_type"],), kind=row["kind"],
                             certain=certain, hatched=hatched)
            layers.looks.setdefault(look.key, look)
            layers.styles.setdefault(look.key, options(look))
            keys.append(look.key)
        bounding = [_js_day(values[row_number]) for values in days]
        events.update(d for d in bounding if d is not None)
        row["category"] = kind
        head = popups.popup_parts([row], LAYER, context)
        text = "".join(head)
        cut = text.index(popups.DAY_STATUS) + len(popups.DAY_STATUS)
        geometries.append(frame.geometry.iloc[row_number])
        features.append({"g": 0, "sure": keys[0], "unsure": keys[1], "k": kind,
                         "d": bounding, "pop": [text[:cut], text[cut:]],
                         "tip": popups.tooltip([row], LAYER, context),
                         **({"n": esc(popups.place_name(row, lang))} if kind == "point" else {})})
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
