"""What a scenario holds: forces, sources, presences with their dates and quotes, views.

These are plain records; :mod:`geo.scenario` builds them from a file and checks them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..dates import FuzzyDate
from ..gazetteer.place import Place


@dataclass(frozen=True)
class Force:
    """A military force: border guards, an army, peacekeepers, a base."""

    id: str
    names: dict[str, str]
    country: str
    type: str
    notes: str = ""


@dataclass(frozen=True)
class Source:
    """An article or document that reports presences."""

    id: str
    title: str
    outlet: str
    language: str
    published: FuzzyDate
    url: str = ""
    file: Path | None = None
    notes: str = ""


@dataclass(frozen=True)
class Citation:
    """The sentence of a source that supports a presence, in the source's language."""

    source: str
    quote: str


@dataclass(frozen=True)
class Strength:
    """How many, as reported on a date by a source."""

    value: int
    approximate: bool
    reported: FuzzyDate
    source: str


@dataclass(frozen=True)
class Presence:
    """A force at a place from ``start`` to ``end`` (None: not reported / still there)."""

    id: str
    force: str
    place: Place
    label: dict[str, str]
    location_precision: str
    start: FuzzyDate | None
    end: FuzzyDate | None
    end_event: str
    citations: tuple[Citation, ...]
    strength: Strength | None = None
    notes: str = ""
    line: int = 0
    #: Earliest publication day among the citing sources: with no start given, the presence
    #: is certain from this day (and possible before it).
    first_reported: dt.date | None = None


@dataclass(frozen=True)
class View:
    """A named day the maps show."""

    name: str
    date: dt.date
    label: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Scenario:
    """A validated scenario."""

    path: Path
    title: dict[str, str]
    country: str
    views: dict[str, View]
    forces: dict[str, Force]
    sources: dict[str, Source]
    presences: tuple[Presence, ...]
    #: Every country of the story, ``country`` first (a scenario may name several).
    countries: tuple[str, ...] = ()


__all__ = ["Citation", "Force", "Presence", "Scenario", "Source", "Strength", "View"]
