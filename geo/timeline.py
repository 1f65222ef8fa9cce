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
from collections.abc import Iterable
from pathlib import Path

import geopandas as gpd

from .gazetteer import Gazetteer
from .scenario import load_scenario
from .scenario_model import Presence, Scenario

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
        A validated scenario (see :func:`geo.scenario.load_scenario`).
    """

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario

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
        rows = []
        for presence in self.scenario.presences:
            may, must = in_force(presence, day)
            if may:
                rows.append(self._row(presence, certain=must))
        return self._frame(rows)

    def change(self, before: dt.date, after: dt.date) -> gpd.GeoDataFrame:
        """Every presence in force on either day, with ``change`` withdrawn/remained/new.

        ``certain_before`` and ``certain_after`` say whether the sources make the presence
        certain on each day.
        """
        rows = []
        for presence in self.scenario.presences:
            was, was_sure = in_force(presence, before)
            now, now_sure = in_force(presence, after)
            if not (was or now):
                continue
            row = self._row(presence, certain=(was_sure or not was) and (now_sure or not now))
            row["change"] = "remained" if was and now else "withdrawn" if was else "new"
            row["certain_before"], row["certain_after"] = was_sure, now_sure
            rows.append(row)
        frame = self._frame(rows, extra=("change", "certain_before", "certain_after"))
        order = {c: i for i, c in enumerate(CHANGES)}
        return frame.iloc[sorted(range(len(frame)), key=lambda i: (
            order[frame["change"].iloc[i]], frame["presence_id"].iloc[i]))].reset_index(
                drop=True)

    def _row(self, presence: Presence, *, certain: bool) -> dict[str, object]:
        force = self.scenario.forces[presence.force]
        sources = [self.scenario.sources[c.source] for c in presence.citations]
        place = presence.place
        strength = presence.strength
        return {
            "presence_id": presence.id,
            "force_id": force.id,
            "force": force.names["en"],
            "force_vi": force.names.get("vi", force.names["en"]),
            "force_type": force.type,
            "place": presence.label.get("en") or place.name,
            "place_vi": presence.label.get("vi") or place.name_in("vi"),
            "place_id": place.id,
            "kind": place.kind,
            "location_precision": presence.location_precision,
            "start": str(presence.start) if presence.start else "",
            "start_precision": presence.start.precision if presence.start else "unknown",
            "start_text": presence.start.text if presence.start else "not reported",
            "end": str(presence.end) if presence.end else "",
            "end_precision": presence.end.precision if presence.end else "",
            "end_text": presence.end.text if presence.end else "",
            "end_event": presence.end_event,
            "strength": strength.value if strength else None,
            "strength_approximate": strength.approximate if strength else None,
            "strength_reported": str(strength.reported) if strength else "",
            "certain": certain,
            "source_ids": ",".join(dict.fromkeys(c.source for c in presence.citations)),
            "quotes": " | ".join(f"[{c.source}] {c.quote}" for c in presence.citations),
            "source_urls": ",".join(dict.fromkeys(s.url for s in sources if s.url)),
            "source_files": ",".join(dict.fromkeys(s.file.name for s in sources if s.file)),
            "geometry": place.geometry,
        }

    @staticmethod
    def _frame(rows: Iterable[dict[str, object]], extra: tuple[str, ...] = ()) -> gpd.GeoDataFrame:
        columns = [*COLUMNS, *extra, "geometry"]
        frame = gpd.GeoDataFrame(list(rows), columns=columns, geometry="geometry", crs=4326)
        return frame.astype({"strength": "Int64", "strength_approximate": "boolean"})


__all__ = ["CHANGES", "COLUMNS", "Timeline", "in_force"]
