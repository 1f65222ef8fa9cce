"""Precision and recall of extracted records against a hand-written scenario, per article.

A record *matches* a hand-written presence when both have the same force type, the same
place id and the same change between the two days compared (``withdrawn``, ``remained``,
``new``, or ``absent`` when in force on neither day). The change of an extracted record is
the change of the presence it was merged into (all articles merged into one scenario);
a presence counts for an article when one of its citations quotes that article. So, per
article: *expected* = the hand-written presences citing it, *found* = the merged presences
citing it; precision = matched / found, recall = matched / expected. ``loose`` scores
ignore the change (force type and place only).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .draft import Draft
from .merge import timeline_from_draft

Key = tuple[str, str, str]


@dataclass(frozen=True)
class ArticleScore:
    """One article's expected and found keys (force type, place id, change)."""

    article: str
    expected: frozenset[Key]
    found: frozenset[Key]

    @staticmethod
    def _ratio(hits: int, total: int) -> float:
        return hits / total if total else 1.0

    @property
    def matched(self) -> frozenset[Key]:
        """Keys found and expected."""
        return self.expected & self.found

    @property
    def precision(self) -> float:
        """Share of found keys that are expected (1.0 when nothing was found)."""
        return self._ratio(len(self.matched), len(self.found))

    @property
    def recall(self) -> float:
        """Share of expected keys that were found (1.0 when nothing was expected)."""
        return self._ratio(len(self.matched), len(self.expected))

    @property
    def loose(self) -> tuple[float, float]:
        """(precision, recall) on force type and place only."""
        expected = {k[:2] for k in self.expected}
        found = {k[:2] for k in self.found}
        hits = len(expected & found)
        return self._ratio(hits, len(found)), self._ratio(hits, len(expected))


def change_keys(timeline: Any, before: dt.date, after: dt.date) -> dict[str, set[Key]]:
    """Keys of a timeline's presences by the file name of each article that cites them."""
    scenario = timeline.scenario
    frame = timeline.change(before, after)
    change = dict(zip(frame["presence_id"], frame["change"], strict=True))
    by_article: dict[str, set[Key]] = {}
    for presence in scenario.presences:
        force = scenario.forces[presence.force]
        key = (force.type, presence.place.id, change.get(presence.id, "absent"))
        for citation in presence.citations:
            source = scenario.sources[citation.source]
            name = source.file.name if source.file else source.id
            by_article.setdefault(name, set()).add(key)
    return by_article


def score_articles(draft: Draft, *, reference: Path | str | None = None,
                   threshold: float = 0.5, before: dt.date | None = None,
                   after: dt.date | None = None) -> list[ArticleScore]:
    """Per-article scores of ``draft`` (merged) against the ``reference`` scenario.

    Parameters
    ----------
    reference
        A hand-written scenario file; None: the shipped seed scenario.
    before, after
        The two days compared; default: the reference's ``before`` and ``after`` views.
    """
    from ..timeline import Timeline

    expected_timeline = Timeline.load(reference)
    before = before or expected_timeline.view("before")
    after = after or expected_timeline.view("after")
    found_timeline, _ = timeline_from_draft(draft, threshold=threshold)
    expected = change_keys(expected_timeline, before, after)
    found = change_keys(found_timeline, before, after)
    return [ArticleScore(a.path.name, frozenset(expected.get(a.path.name, ())),
                         frozenset(found.get(a.path.name, ()))) for a in draft.articles]


def table(scores: list[ArticleScore]) -> list[str]:
    """The scores as text lines (one per article, then the total)."""
    lines = [f"{'article':28} {'expected':>8} {'found':>5} {'matched':>7} {'precision':>9} "
             f"{'recall':>6}   loose P/R"]
    for score in scores:
        loose = score.loose
        lines.append(f"{score.article:28} {len(score.expected):8} {len(score.found):5} "
                     f"{len(score.matched):7} {score.precision:9.2f} {score.recall:6.2f}   "
                     f"{loose[0]:.2f}/{loose[1]:.2f}")
    expected = frozenset().union(*(s.expected for s in scores))
    found = frozenset().union(*(s.found for s in scores))
    total = ArticleScore("all articles (merged)", expected, found)
    lines.append(f"{total.article:28} {len(expected):8} {len(found):5} {len(total.matched):7} "
                 f"{total.precision:9.2f} {total.recall:6.2f}")
    return lines


__all__ = ["ArticleScore", "Key", "change_keys", "score_articles", "table"]
