"""Which frames an animation shows, how long each, and the date caption of each.

One frame per change
--------------------
The animation plays the timeline *by event*, not day by day: a story spanning thirty years
would otherwise be thousands of identical frames, and one whose events fall weeks apart
would flash past them. A frame is drawn on each **change day**: a day on which, by the
timeline's rule (:mod:`geo.timeline`), some presence becomes or stops being *in force*
(may be there) or *certain* (must be there). For a presence those days are the first and
last day of its start's span, the first and last day of its end's span, and, with no start
given, the day its earliest source was published (from which it is certain). Days before
1 January of the first year a scenario could give, and the open "no start" and "no end",
are not days. Every change the map can show (a place appearing, leaving, or turning from
dotted "unsure" to solid) thus gets its own frame, and nothing else does.

Each frame shows the state on its day, and what changed since the frame before: places
new since then with the halo of what is new, places left since then as the outline of what
was withdrawn (the after map's treatment in the static maps), still labelled in that frame
(the place left is the news). The first frame is the starting state: nothing on it is
marked new or left.

The opening frame
-----------------
When every presence is already in force on the day before the first change day (none has
a start, or every start lies before the first day the story changes), the animation opens
on that day: the state before anything changed, captioned "Before 26 December 2024" at
the precision of the first change day. Without it, a story of forces leaving bases whose
arrival it never dates would open on its first departure, the starting state never shown.

Holds, not in-between frames
----------------------------
Each state is held long enough to read the date and see what changed: :data:`HOLD`
seconds, the first frame :data:`FIRST_HOLD` (the viewer finds the map) and the last
:data:`LAST_HOLD` (the outcome, before the loop starts again). No in-between frames:
presences have no position between two days to interpolate, and a cross-fade would show a
mix of two days under one date caption. A timeline bar under the caption shows where each
frame falls in the story's span, so long quiet years are still seen as long.

A story with more than :data:`MAX_FRAMES` change days keeps :data:`MAX_FRAMES` of them,
evenly by rank, always the first and the last (the state on a kept day is still exact;
the changes between two kept days are shown together).

Captions
--------
The caption says a day only as precisely as the sources date it: a change day that opens
a month-precision date ("2024-08") reads "August 2024", never "1 August 2024"; one that
opens a year "1992"; the last day of a month or year span, from which the timeline counts
the change as certain, "End of August 2024" / "End of 1992". An approximate span's ends
read as a month or year when they fall on one's first or last day, else as a day. When
several dates change on one day the most precise caption wins.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ...dates import FuzzyDate
from ...i18n import label
from ...timeline import Timeline, in_force
from ..static.names import first_upper, format_date

#: Seconds each state is held; the first and the last longer.
HOLD, FIRST_HOLD, LAST_HOLD = 2.0, 3.0, 4.0
#: Most frames an animation shows (see the module docs): two minutes at most.
MAX_FRAMES = 60

#: Caption precisions, finest first.
_PRECISIONS = ("day", "month", "end_month", "year", "end_year")
#: The precision of an opening frame is this prefix and the first change day's precision.
BEFORE = "before:"


@dataclass(frozen=True)
class Frame:
    """One state of the animation."""

    day: dt.date  # the state shown: the timeline on this day
    since: dt.date  # new and withdrawn are counted since this day (the frame before)
    precision: str  # day, month, end_month, year, end_year; or BEFORE + one of them
    seconds: float  # how long the frame is shown

    def caption(self, lang: str) -> str:
        """The date as precisely as the sources give it, e.g. ``August 2024``."""
        return format_precise(self.day, self.precision, lang)


def format_precise(day: dt.date, precision: str, lang: str) -> str:
    """``day`` at ``precision``: ``8 May 2024``, ``May 2024``, ``End of 1992``, en/vi; an
    opening frame's (:data:`BEFORE`) the day after it: ``Before 26 December 2024``."""
    if precision.startswith(BEFORE):
        after = _precise(day + dt.timedelta(days=1), precision.removeprefix(BEFORE), lang)
        return first_upper(label("video_before", lang).format(date=after))
    return first_upper(_precise(day, precision, lang))


def _precise(day: dt.date, precision: str, lang: str) -> str:
    if precision == "day":
        return format_date(day, lang)
    months = label("static_fmt_months", lang).split(",")
    if precision in ("month", "end_month"):
        text = label("video_fmt_month", lang).format(month=months[day.month - 1],
                                                   month_number=day.month, year=day.year)
    else:
        text = label("video_fmt_year", lang).format(year=day.year)
    if precision.startswith("end_"):
        text = label("video_end_of", lang).format(date=text)
    return text


def _last_of_month(day: dt.date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def date_precision(date: FuzzyDate, side: str) -> str:
    """How precisely to write the ``earliest`` or ``latest`` day of ``date``'s span (see
    the module docs): ``day``, ``month``, ``end_month``, ``year`` or ``end_year``."""
    if date.precision in ("month", "year"):
        return date.precision if side == "earliest" else f"end_{date.precision}"
    if date.precision == "day":
        return "day"
    first, last = date.earliest, date.latest  # approximate: by where its ends fall
    whole_years = (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)
    if side == "earliest":
        return "year" if whole_years else "month" if first.day == 1 else "day"
    return "end_year" if whole_years else "end_month" if _last_of_month(last) else "day"


def change_days(timeline: Timeline) -> dict[dt.date, str]:
    """Every change day of the timeline (see the module docs) and its caption precision."""
    scenario = timeline.scenario
    found: dict[dt.date, str] = {}

    def add(day: dt.date, precision: str) -> None:
        if day <= dt.date.min:  # a source without a publication date
            return
        known = found.get(day)
        if known is None or _PRECISIONS.index(precision) < _PRECISIONS.index(known):
            found[day] = precision

    for presence in scenario.presences:
        for date in (presence.start, presence.end):
            if date is not None:
                add(date.earliest, date_precision(date, "earliest"))
                add(date.latest, date_precision(date, "latest"))
        if presence.start is None and presence.first_reported is not None:
            published = [scenario.sources[c.source].published for c in presence.citations]
            first = min(published, key=lambda p: p.earliest)
            add(presence.first_reported, date_precision(first, "earliest"))
    return dict(sorted(found.items()))


def schedule(timeline: Timeline, *, fallback: dt.date | None = None) -> list[Frame]:
    """The frames of the animation of ``timeline``, in order.

    ``fallback``: the day shown when the timeline has no change day (no presence); by
    default its ``after`` view, or today.
    """
    days = change_days(timeline)
    if not days:
        views = timeline.scenario.views
        day = fallback or (views["after"].date if "after" in views else dt.date.today())
        days = {day: "day"}
    chosen = list(days)
    opening = _opening(timeline, chosen[0])
    most = MAX_FRAMES - (opening is not None)
    if len(chosen) > most:
        step = (len(chosen) - 1) / (most - 1)
        chosen = [chosen[round(i * step)] for i in range(most)]
    precisions = [days[day] for day in chosen]
    if opening is not None:
        chosen.insert(0, opening)
        precisions.insert(0, BEFORE + precisions[0])
    frames = []
    for index, (day, precision) in enumerate(zip(chosen, precisions, strict=True)):
        since = chosen[index - 1] if index else day  # the first: the starting state
        seconds = (FIRST_HOLD if index == 0 else LAST_HOLD if index == len(chosen) - 1
                   else HOLD)
        frames.append(Frame(day, since, precision, seconds))
    return frames


def _opening(timeline: Timeline, first: dt.date) -> dt.date | None:
    """The day before ``first`` (the first change day) when every presence is in force
    then (see the module docs), else None."""
    presences = timeline.scenario.presences
    day = first - dt.timedelta(days=1)
    if not presences or first <= dt.date.min + dt.timedelta(days=1):
        return None
    return day if all(in_force(p, day)[0] for p in presences) else None


__all__ = ["BEFORE", "FIRST_HOLD", "HOLD", "LAST_HOLD", "MAX_FRAMES", "Frame", "change_days",
           "date_precision", "format_precise", "schedule"]
