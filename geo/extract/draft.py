"""What extraction produces: articles, forces, draft records and the sentences left over.

:meth:`Draft.document` writes it all in the scenario format (``forces``, ``sources``,
``presences`` with ``citations``, ``views``), each presence one sentence's record with
three keys a scenario does not have: ``confidence`` (0-1), ``article`` (the file) and
``mention`` (the words that name the place), plus ``event``. The ``articles`` and
``unused`` sections say how each article's date was found and which sentences looked
relevant but gave no record, and why. :func:`geo.extract.draft_to_scenario_document` turns
a draft into a scenario the loader accepts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dates import FuzzyDate
from ..i18n import LANGUAGES, label
from .article_dates import scenario_date
from .published import Published
from .targets import Target

#: Where a force at a place of each kind is, as the scenario's ``location_precision``.
LOCATION_PRECISION = {"province": "province", "region": "region", "border": "region",
                      "country": "region", "city": "exact", "base": "exact",
                      "airport": "exact", "checkpoint": "exact", "lake": "region",
                      "river": "region", "island": "region"}
#: Events that end a presence, and the ``end_event`` each gives.
END_EVENTS = ("withdrawn", "withdrawal_agreed", "withdrawal_requested", "handed_over")


@dataclass(frozen=True)
class Article:
    """One article: file, scenario source id, language, title, outlet and date."""

    path: Path
    source: str
    language: str
    language_confidence: float
    title: str
    outlet: str
    published: Published
    url: str = ""

    def source_entry(self, file: str) -> dict[str, Any]:
        """The article under ``sources:`` (``file`` relative to the scenario)."""
        entry: dict[str, Any] = {"id": self.source, "title": self.title,
                                 "outlet": self.outlet, "language": self.language}
        date = self.published.date
        if date is None:
            entry["published"] = {"earliest": "1900", "latest": "2100",
                                  "text": "unknown: " + self.published.note}
        else:
            value = scenario_date(date)
            if isinstance(value, dict) and self.published.how != "inferred":
                value.pop("text", None)
            entry["published"] = value
        if self.url:
            entry["url"] = self.url
        entry["file"] = file
        if self.published.how == "inferred":
            entry["notes"] = "date inferred: " + self.published.note
        return entry


@dataclass(frozen=True)
class Force:
    """A force as the scenario lists it."""

    id: str
    type: str
    country: str
    names: dict[str, str]

    def entry(self) -> dict[str, Any]:
        """The force under ``forces:``."""
        return {"id": self.id, "name": dict(self.names), "country": self.country,
                "type": self.type}


@dataclass
class Record:
    """One sentence's statement: a force, a place, what happens, when; with confidence."""

    id: str
    source: str
    article: str
    sentence: int
    quote: str
    force: Force
    force_text: str
    target: Target
    mention: str
    event: str
    trigger: str
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    strength: tuple[int, bool] | None = None
    reported: FuzzyDate | None = None
    confidence: float = 0.0
    why: list[str] = field(default_factory=list)

    @property
    def ends(self) -> bool:
        """True when the event ends the presence (a withdrawal, a hand-over)."""
        return self.event in END_EVENTS

    def presence(self) -> dict[str, Any]:
        """The record as a draft presence (scenario keys plus confidence, article, ...)."""
        entry: dict[str, Any] = {
            "id": self.id, "force": self.force.id, "place": self.target.spec,
            "location_precision": LOCATION_PRECISION.get(self.target.kind, "region"),
            "start": scenario_date(self.start) if self.start else None,
            "end": scenario_date(self.end) if self.end else None,
        }
        if self.end is not None and self.ends:
            entry["end_event"] = self.event
        if self.strength and self.reported:
            entry["strength"] = {"value": self.strength[0], "approximate": self.strength[1],
                                 "reported": scenario_date(self.reported),
                                 "source": self.source}
        entry["citations"] = [{"source": self.source, "quote": self.quote}]
        notes = [f"{self.event} ({self.trigger!r}); force: {self.force_text!r}"]
        if self.target.note:
            notes.append(self.target.note)
        entry["notes"] = "; ".join(notes)
        entry["confidence"] = self.confidence
        entry["article"] = self.article
        entry["event"] = self.event
        entry["mention"] = self.mention
        entry["why"] = list(self.why)
        return entry


@dataclass(frozen=True)
class Unused:
    """A sentence that looked relevant (a force, or a verb and a place) but gave no record."""

    source: str
    sentence: int
    quote: str
    reason: str


def default_views(ends: list[FuzzyDate], reported: list[dt.date],
                  starts: Sequence[FuzzyDate] = ()) -> dict[str, Any]:
    """The two days a draft's maps compare, each labelled by what it shows in every map
    language.

    With ends (a withdrawal, a hand-over): ``before`` is 1 January of the year of the first
    end, or the last start before that end when later (a force that arrived in February and
    left in June is there on ``before``); ``after`` is the last end day, or the last arrival
    when later (a force that took over after the others left). With arrivals only:
    ``before`` is the day before the first dated arrival, ``after`` the last day reported
    (or of an arrival, when later). With neither: the first and the last day reported.
    ``after`` is always at least a day after ``before``.
    """
    last_reported = max(reported, default=dt.date(2000, 1, 1))
    if ends:
        after = max(e.latest for e in ends)
        first_end = min(e.latest for e in ends)
        arrivals = [s.latest for s in starts if s.latest < first_end]
        before = max([dt.date(first_end.year, 1, 1), *arrivals])
        keys = ("draft_view_before_withdrawal", "draft_view_after_ends")
        later = [s.latest for s in starts if s.latest > after]
        if later:  # "Saudi troops arrived on 13 May" after the Emirati left: shown too
            after = max(later)
            keys = ("draft_view_before_withdrawal", "draft_view_after_changes")
    elif starts:
        before = min(s.earliest for s in starts) - dt.timedelta(days=1)
        after = max(last_reported, *(s.latest for s in starts))
        keys = ("draft_view_before_arrival", "draft_view_last_reported")
    else:
        before, after = min(reported, default=last_reported), last_reported
        keys = ("draft_view_first_reported", "draft_view_last_reported")
    if before >= after:
        after = before + dt.timedelta(days=1)
    return {name: {"date": day.isoformat(),
                   "label": {lang: label(key, lang) for lang in LANGUAGES}}
            for name, day, key in (("before", before, keys[0]), ("after", after, keys[1]))}


@dataclass
class Draft:
    """Everything extracted from a set of articles."""

    country: str
    articles: list[Article]
    records: list[Record]
    unused: list[Unused]
    #: The story's other countries (the articles name them).
    countries: tuple[str, ...] = ()

    @property
    def forces(self) -> dict[str, Force]:
        """The forces the records name, by id."""
        return {r.force.id: r.force for r in self.records}


__all__ = ["END_EVENTS", "LOCATION_PRECISION", "Article", "Draft", "Force", "Record",
           "Unused", "default_views"]
