"""The timeline: which presences are in force on a day, and what changed between two days.

How uncertain dates compare
---------------------------
Every date is a span of days (:mod:`geo.dates`): ``2024-05-09`` one day, ``2024-05`` the
month of May, ``2024`` the year, an approximate date the span written for it. A start is the
first day present; an end is the first day gone. On day ``D`` a presence is

- **in force** when it *may* be there: its start span has begun (``start.earliest <= D``)
  and its end span has not closed (``D < end.latest``). A missing end means "still there";
  a missing start means "not reported": possible on any earlier day.
- **certain** when it *must* be there: ``start.latest <= D`` and ``D < end.earliest``; with
  no start, from the day the earliest citing source was published.

Snapshots list every presence in force, with ``certain`` telling which could be either; so a
map never drops a presence the sources leave possible, and never hides that it is unsure.
For day-precision dates both readings agree. ``change(before, after)`` compares two
snapshots: in force on both days → ``remained``, only before → ``withdrawn``, only after →
``new``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from .dates import FuzzyDate
from .gazetteer.country_names import short_country_name
from .gazetteer.lookup import Gazetteer
from .scenario.load import load_scenario
from .scenario.model import Presence, Scenario

CHANGES: tuple[str, ...] = ("withdrawn", "remained", "new")

#: Snapshot columns, in order (the GeoDataFrame adds ``geometry`` last).
COLUMNS: tuple[str, ...] = (
    "presence_id", "force_id", "force", "force_vi", "force_type",
    "place", "place_vi", "place_id", "kind", "location_precision",
    "start", "start_precision", "start_text", "end", "end_precision", "end_text", "end_event",
    "strength", "strength_approximate", "strength_reported",
    "certain", "source_ids", "quotes", "source_urls", "source_files",
)


def in_force(presence: Presence, day: dt.date) -> tuple[bool, bool]:
    """(may be in force, must be in force) on ``day`` (see the module docs)."""
    start, end = presence.start, presence.end
    may = (start is None or start.earliest <= day) and (end is None or day < end.latest)
    began = start.latest if start else presence.first_reported
    must = began is not None and began <= day and (end is None or day < end.earliest)
    return may, must


class Timeline:
    """A scenario's presences over time.

    Parameters
    ----------
    scenario
        A validated scenario (see :func:`geo.scenario.load_scenario`, or
        :func:`geo.scenario.build_scenario` for one made in Python).

    Notes
    -----
    Snapshots are vectorised: on first use the timeline keeps each presence's dates as
    day numbers and its table columns (force, place, dates, sources, ...) as arrays, so a
    snapshot or a change of 100,000 presences is a few array comparisons and one
    DataFrame, not a loop over presences. :func:`in_force` is the rule, written for one
    presence; :meth:`_spans` is the same rule for all of them.
    """

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self._span_cache: dict[str, np.ndarray] | None = None
        self._column_cache: dict[str, np.ndarray] | None = None
        self._filled = np.zeros(0, dtype=bool)
        self._id_rank: np.ndarray | None = None
        #: The last frames made (:meth:`_kept`): a build's HTML, GeoJSON and GeoPackage ask
        #: for the same few.
        self._frames: dict[tuple[Any, ...], gpd.GeoDataFrame] = {}

    def __repr__(self) -> str:
        """One line: the scenario, its forces and the span its presences cover."""
        scenario = self.scenario
        days = [d for p in scenario.presences for d in (
            p.start.earliest if p.start else p.first_reported, p.end.latest if p.end else None)
            if d is not None]
        ongoing = any(p.end is None for p in scenario.presences)
        span = (f"{min(days)} to {'today' if ongoing else max(days)}" if days else "no dates")
        forces = ", ".join(f.names.get("en", f.id) for f in scenario.forces.values())
        views = ", ".join(f"{v.name} {v.date}" for v in scenario.views.values())
        title = scenario.title.get("en") or next(iter(scenario.title.values()), "")
        return (f"<Timeline {scenario.path.name!r} ({title}): {len(scenario.presences)} "
                f"presences of {len(scenario.forces)} forces ({forces}) in {scenario.country}, "
                f"{span}; views: {views or 'none'}>")

    @classmethod
    def load(cls, path: Path | str | None = None, *,
             gazetteer: Gazetteer | None = None) -> Timeline:
        """The timeline of a scenario file (None: the shipped seed scenario)."""
        return cls(load_scenario(path, gazetteer=gazetteer))

    def view(self, name: str) -> dt.date:
        """The day of a named view (``before``, ``after``, ...)."""
        return self.scenario.views[name].date

    def snapshot(self, day: dt.date) -> gpd.GeoDataFrame:
        """Every presence in force on ``day``, one row each, EPSG:4326."""
        return self._kept(("snapshot", day), lambda: self._snapshot(day))

    def _snapshot(self, day: dt.date) -> gpd.GeoDataFrame:
        may, must = self._in_force(day)
        rows = np.flatnonzero(may)
        return self._frame(rows, {"certain": must[rows]})

    def change(self, before: dt.date, after: dt.date) -> gpd.GeoDataFrame:
        """Every presence in force on either day, with ``change`` withdrawn/remained/new.

        ``certain_before`` and ``certain_after`` say whether the sources make the presence
        certain on each day.
        """
        return self._kept(("change", before, after), lambda: self._change(before, after))

    def _change(self, before: dt.date, after: dt.date) -> gpd.GeoDataFrame:
        was, was_sure = self._in_force(before)
        now, now_sure = self._in_force(after)
        rows = np.flatnonzero(was | now)
        was, was_sure, now, now_sure = was[rows], was_sure[rows], now[rows], now_sure[rows]
        status = np.where(was & now, CHANGES.index("remained"),
                          np.where(was, CHANGES.index("withdrawn"), CHANGES.index("new")))
        order = np.lexsort((self._ranks()[rows], status))
        rows, status = rows[order], status[order]
        was, was_sure, now, now_sure = was[order], was_sure[order], now[order], now_sure[order]
        return self._frame(rows, {
            "certain": (was_sure | ~was) & (now_sure | ~now),
            "change": np.array(CHANGES, dtype=object)[status],
            "certain_before": was_sure,
            "certain_after": now_sure,
        })

    def presences(self) -> gpd.GeoDataFrame:
        """Every presence, one row each, in scenario order, with the days that bound it as
        day numbers (``date.toordinal()``): in force on day ``D`` when ``may_from <= D <
        may_until``, certain when ``must_from <= D < must_until`` (``may_from`` 0: from any
        day; :data:`NEVER` / :data:`FOREVER`: never certain / no end). ``certain``: certain
        on at least one day."""
        return self._kept(("presences",), self._presences)

    def _presences(self) -> gpd.GeoDataFrame:
        spans = self._spans()
        rows = np.arange(len(self.scenario.presences))
        frame = self._frame(rows, {"certain": spans["must_from"] < spans["must_until"]})
        for name, values in spans.items():
            frame[name] = values
        return frame

    # -- vectorised internals ------------------------------------------------------------

    def _kept(self, key: tuple[Any, ...], make: Callable[[], gpd.GeoDataFrame]
              ) -> gpd.GeoDataFrame:
        """A copy of the frame ``key`` made last time (one of the last :data:`_KEPT`), else
        ``make()``: the caller may change what it gets."""
        frame = self._frames.pop(key, None)
        if frame is None:
            frame = make()
            while len(self._frames) >= _KEPT:
                del self._frames[next(iter(self._frames))]
        self._frames[key] = frame
        return frame.copy()

    def _spans(self) -> dict[str, np.ndarray]:
        """Day numbers (proleptic ordinals) bounding each presence, as :func:`in_force` reads
        them: in force from ``may_from`` until before ``may_until``, certain from
        ``must_from`` until before ``must_until``."""
        if self._span_cache is None:
            presences = self.scenario.presences
            starts = [p.start for p in presences]
            ends = [p.end for p in presences]
            began = [s.latest if s else p.first_reported
                     for s, p in zip(starts, presences, strict=True)]
            spans = {
                "may_from": [s.earliest.toordinal() if s else 0 for s in starts],
                "may_until": [e.latest.toordinal() if e else _FOREVER for e in ends],
                "must_from": [b.toordinal() if b is not None else _NEVER for b in began],
                "must_until": [e.earliest.toordinal() if e else _FOREVER for e in ends],
            }
            self._span_cache = {name: np.array(values, dtype=np.int64)
                                for name, values in spans.items()}
        return self._span_cache

    def _in_force(self, day: dt.date) -> tuple[np.ndarray, np.ndarray]:
        """(may, must) boolean arrays over the presences, for ``day``."""
        spans, number = self._spans(), day.toordinal()
        may = (spans["may_from"] <= number) & (number < spans["may_until"])
        must = (spans["must_from"] <= number) & (number < spans["must_until"])
        return may, must

    def _ranks(self) -> np.ndarray:
        """Each presence's position when the presences are sorted by id."""
        if self._id_rank is None:
            ids = [p.id for p in self.scenario.presences]
            rank = np.empty(len(ids), dtype=np.int64)
            rank[sorted(range(len(ids)), key=ids.__getitem__)] = np.arange(len(ids))
            self._id_rank = rank
        return self._id_rank

    def _columns(self, rows: np.ndarray) -> dict[str, np.ndarray]:
        """The snapshot columns (:data:`COLUMNS`) of all presences, filled in at least for
        ``rows``: each presence's values are made the first time a frame needs them."""
        count = len(self.scenario.presences)
        if self._column_cache is None:
            self._column_cache = {name: np.empty(count, dtype=object)
                                  for name in (*_MADE_COLUMNS, "geometry")}
            self._filled = np.zeros(count, dtype=bool)
        missing = rows[~self._filled[rows]]
        if len(missing):
            presences = self.scenario.presences
            made = _presence_columns(self.scenario, [presences[i] for i in missing.tolist()])
            for name, values in made.items():
                self._column_cache[name][missing] = values
            self._filled[missing] = True
        return self._column_cache

    def _frame(self, rows: np.ndarray, extra: dict[str, np.ndarray]) -> gpd.GeoDataFrame:
        columns = self._columns(rows)
        data: dict[str, Any] = {}
        for name in COLUMNS:
            if name == "certain":
                data[name] = np.asarray(extra["certain"], dtype=bool)
            else:
                data[name] = columns[name][rows]
        for name, values in extra.items():
            data.setdefault(name, values)
        frame = pd.DataFrame(data, columns=[*COLUMNS, *[c for c in extra if c != "certain"]])
        frame = frame.astype({"strength": "Int64", "strength_approximate": "boolean"})
        return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(
            columns["geometry"][rows], crs=4326), crs=4326)


#: Frames a timeline keeps (:meth:`Timeline._kept`).
_KEPT = 4

#: Day numbers standing for "no start given" / "no end".
_NEVER, _FOREVER = dt.date.max.toordinal() + 1, dt.date.max.toordinal() + 1
NEVER, FOREVER = _NEVER, _FOREVER


#: The columns :func:`_presence_columns` makes (``certain`` depends on the day).
_MADE_COLUMNS = tuple(c for c in COLUMNS if c != "certain")


def _presence_columns(scenario: Scenario, presences: list[Presence]) -> dict[str, list[Any]]:
    """The snapshot columns of ``presences`` (all but ``certain``), as lists.

    One pass making a row per presence, then transposed: a third faster than a pass per
    column, which matters for the first snapshot of a large scenario.
    """
    sources = scenario.sources
    force_of = {fid: (f.names["en"], f.names.get("vi", f.names["en"]), f.type)
                for fid, f in scenario.forces.items()}
    texts: dict[FuzzyDate, str] = {}

    def text(date: FuzzyDate) -> str:  # str(date), each value formatted once
        if date.precision == "day":
            return date.earliest.isoformat()
        found = texts.get(date)
        if found is None:
            found = texts[date] = str(date)
        return found

    rows = []
    for presence in presences:
        place, label = presence.place, presence.label
        start, end, strength = presence.start, presence.end, presence.strength
        citations = presence.citations
        if len(citations) == 1:  # the usual case, without the de-duplication
            citation = citations[0]
            source = sources[citation.source]
            cited = (citation.source, f"[{citation.source}] {citation.quote}", source.url,
                     source.file.name if source.file else "")
        else:
            records = [sources[c.source] for c in citations]
            cited = (",".join(dict.fromkeys(c.source for c in citations)),
                     " | ".join(f"[{c.source}] {c.quote}" for c in citations),
                     ",".join(dict.fromkeys(s.url for s in records if s.url)),
                     ",".join(dict.fromkeys(s.file.name for s in records if s.file)))
        rows.append((
            presence.id, presence.force, *force_of[presence.force],
            (label.get("en") if label else None) or place.name,
            (label.get("vi") if label else None) or (
                (place.kind == "country" and short_country_name(place.id, "vi"))
                or place.name_in("vi")),
            place.id, place.kind, presence.location_precision,
            text(start) if start else "", start.precision if start else "unknown",
            start.text if start else "not reported",
            text(end) if end else "", end.precision if end else "", end.text if end else "",
            presence.end_event,
            strength.value if strength else None, strength.approximate if strength else None,
            text(strength.reported) if strength else "",
            *cited, place.geometry))
    names = (*_MADE_COLUMNS, "geometry")
    if not rows:
        return {name: [] for name in names}
    return dict(zip(names, map(list, zip(*rows, strict=True)), strict=True))


__all__ = ["CHANGES", "COLUMNS", "FOREVER", "NEVER", "Timeline", "in_force"]
