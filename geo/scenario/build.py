"""A scenario made from Python objects (no YAML, no JSON Schema), checked the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from .checks import Problems, overlaps
from .model import Force, Presence, Scenario, Source, View


def build_scenario(
    *,
    forces: Iterable[Force],
    sources: Iterable[Source],
    presences: Iterable[Presence],
    views: Mapping[str, View | dt.date],
    title: Mapping[str, str] | None = None,
    country: str = "AM",
    path: Path | str = "<python>",
) -> Scenario:
    """A scenario built from Python objects: no YAML file, no JSON Schema, no gazetteer.

    For programs that make scenarios (a database export, a generator such as
    ``bench/synthetic.py``): places are given as :class:`~geo.gazetteer.Place` objects, dates as
    :class:`~geo.dates.FuzzyDate`. The checks of meaning that need no file are the same as
    :func:`load_scenario`'s (unique ids, known forces and sources, a presence ending after
    it starts, no force twice at one place at once) and every problem is raised at once.
    A presence's ``first_reported`` is filled in from its sources when it is None.

    Parameters
    ----------
    forces, sources, presences
        The records (:mod:`geo.scenario.model`).
    views
        Named days, at least ``before`` and ``after``: :class:`View` objects or dates.
    title
        By language; ``{"en": path}`` when None.
    country
        The story's country (ISO 3166-1 alpha-2).
    path
        What messages name as the scenario's file; also :attr:`Scenario.path`.

    Raises
    ------
    ScenarioError
        Listing every problem; a problem's "line" is the record's position (1-based) in
        its list, or the presence's own ``line`` when it has one.
    """
    path = Path(path)
    problems = Problems(path)
    made: dict[str, dict[str, Any]] = {}
    for section, records in (("forces", forces), ("sources", sources),
                             ("presences", presences)):
        made[section] = {}
        for number, record in enumerate(records, 1):
            if record.id in made[section]:
                problems.add(number, f"duplicate {section[:-1]} id {record.id!r}; give each "
                                     "one its own id")
            made[section][record.id] = record
    day_views = {name: view if isinstance(view, View) else View(name, view)
                 for name, view in views.items()}
    for name in ("before", "after"):
        if name not in day_views:
            problems.add(1, f"views: no {name!r} view; add it")
    force_ids, known_sources = made["forces"], made["sources"]
    checked = []
    for number, presence in enumerate(made["presences"].values(), 1):
        line = presence.line or number
        if presence.force not in force_ids:
            problems.add(line, f"presence {presence.id!r}: unknown force {presence.force!r}")
        unknown = [c.source for c in presence.citations if c.source not in known_sources]
        if unknown or not presence.citations:
            problems.add(line, f"presence {presence.id!r}: "
                         + (f"unknown source {unknown[0]!r}" if unknown else "no citation"))
        elif presence.first_reported is None:
            presence = replace(presence, first_reported=min(
                known_sources[c.source].published.earliest for c in presence.citations))
        start, end = presence.start, presence.end
        if start and end and end.latest <= start.earliest:
            problems.add(line, f"presence {presence.id!r}: ends ({end}) before it starts "
                         f"({start}); fix or swap start and end")
        checked.append(presence)
    numbers = {p.id: n for n, p in enumerate(checked, 1)}
    for line, message in overlaps(checked, lambda p: p.line or numbers[p.id]):
        problems.add(line, message)
    problems.raise_if_any()
    return Scenario(path, dict(title or {"en": path.stem}), country, day_views, force_ids,
                    known_sources, tuple(checked), (country,))


__all__ = ["build_scenario"]
