"""A record found in a sentence before its article is dated (extraction's step 1)."""

from __future__ import annotations

from dataclasses import dataclass

from .article_dates import DateMention
from .events import ForceMention
from .targets import PlaceMention, Target
from .text import Sentence


@dataclass
class Pending:
    """A record before its article is dated."""

    sentence: Sentence
    force: ForceMention
    country: str | None
    mention: PlaceMention
    target: Target
    event: str
    trigger: str
    date: DateMention | None
    modifiers: frozenset[str]
    inherited: bool
    near: bool


__all__ = ["Pending"]
