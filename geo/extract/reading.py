"""One article after extraction's step 1 (:mod:`geo.extract.records`): its sentences,
language, pending records, dates and what later sentences refer back to; steps 2 and 3
(:mod:`geo.extract.drafting`) date it and its records."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .anaphora import Antecedent
from .article_dates import DateMention
from .draft import Unused
from .pending import Pending
from .published import Evidence
from .references import Antecedents
from .text import Sentence


@dataclass
class Reading:
    """One article after step 1."""

    path: Path
    source: str
    text: str
    header: dict[str, str]
    language: tuple[str, float]
    sentences: list[Sentence]
    pending: list[Pending] = field(default_factory=list)
    #: (sentence, place, force type, country, event) of every record made (no repeats).
    made: set[tuple[object, ...]] = field(default_factory=set)
    per_sentence: Counter[int] = field(default_factory=Counter)
    #: The sentence whose records were capped (its note is written once).
    capped: int = -1
    unused: list[Unused] = field(default_factory=list)
    evidence: Evidence = field(default_factory=Evidence)
    agreements: list[DateMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    #: Nationalities named with each specific force type ("Russian border guards"): an
    #: article's later "the border guards" is the same force.
    nationalities: dict[str, Counter[str]] = field(default_factory=dict)
    #: The story's countries the article was read with.
    countries: tuple[str, ...] = ()
    #: Provinces and regions the article has named: a later bare name shared by a town and
    #: one of them means the area ("Kursk region" ... "fought in Kursk").
    areas: set[str] = field(default_factory=set)
    #: The countries and sites named so far ("the country", "the base" mean one of them).
    antecedents: Antecedents = field(default_factory=Antecedents)
    #: The forces of the last sentence that named any ("They" in the next may be them).
    forces_before: Antecedent | None = None


__all__ = ["Reading"]
