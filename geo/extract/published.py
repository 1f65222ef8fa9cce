"""The date each article was published: given, or inferred from its text and its story.

A date given by the user (``--published``) or by the file's header (``Date: 2024-05-09``)
is used as is. Otherwise the text is read for:

- the *lede day*: the latest day and month written without a year in a reporting context
  ("hôm 9/5 cho biết", "on May 9"; not "from Aug. 1");
- weekdays said of the news ("on Thursday");
- a *lower bound*: the latest date with its own year the article speaks of in the past
  ("autumn 2020", "tháng 9/2023"; not "until 2044").

Articles that share days ("9/5", "May 8", "from Aug. 1") and places are one story: their
evidence is pooled. The year is the first from the lower bound in which the lede day falls
after the bound and every weekday named falls on one of the story's days ("on Thursday"
with "May 9" gives 2024 after autumn 2020). When no weekday pins the year, the first year
after the bound is taken and the result is marked ``weak``. Every inferred date says how it
was found (``note``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..dates import FuzzyDate
from .article_dates import DateMention

_WEEKDAYS = tuple(calendar.day_name)
#: How far before the latest date the story gives its lede day may fall in the same year.
_SAME_NEWS = dt.timedelta(days=7)


@dataclass(frozen=True)
class Published:
    """An article's date and how it was found (``option``, ``header``, ``inferred``,
    ``unknown``); ``weak`` when the year is only the first one the text allows."""

    date: FuzzyDate | None
    how: str
    note: str = ""
    weak: bool = False

    @property
    def reference(self) -> dt.date | None:
        """The day relative dates are read against (the first day it may be)."""
        return self.date.earliest if self.date else None


@dataclass
class Evidence:
    """What an article's text says about its own date (see the module docs)."""

    ledes: list[tuple[int, int, str]] = field(default_factory=list)
    weekdays: list[tuple[int, str]] = field(default_factory=list)
    day_months: set[tuple[int, int]] = field(default_factory=set)
    bound: tuple[dt.date, str] | None = None
    full: list[tuple[dt.date, str]] = field(default_factory=list)
    places: set[str] = field(default_factory=set)

    def add(self, mention: DateMention, *, future: bool) -> None:
        """Take one date mention of the article (``future``: its sentence looks ahead)."""
        if mention.day_month:
            self.day_months.add(mention.day_month)
            if mention.cue in (None, "on"):
                self.ledes.append((*mention.day_month, mention.text))
        if mention.weekday is not None and mention.cue in (None, "on"):
            self.weekdays.append((mention.weekday, mention.text))
        if mention.explicit and mention.cue != "until" and not future:
            resolved = mention.resolve(None)
            if resolved is None:
                return
            if mention.day and mention.cue in (None, "on"):
                self.full.append((resolved.earliest, mention.text))
            if self.bound is None or resolved.earliest > self.bound[0]:
                self.bound = (resolved.earliest, mention.text)

    @property
    def lede(self) -> tuple[int, int, str] | None:
        """The latest lede day (day, month, text)."""
        return max(self.ledes, key=lambda d: (d[1], d[0])) if self.ledes else None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _stories(evidence: Sequence[Evidence]) -> list[list[int]]:
    """Groups of articles that tell the same story (shared days, and places)."""
    parent = list(range(len(evidence)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a in range(len(evidence)):
        for b in range(a + 1, len(evidence)):
            shared = evidence[a].day_months & evidence[b].day_months
            places = evidence[a].places & evidence[b].places
            if len(shared) >= 2 or (shared and len(places) >= 2):
                parent[root(b)] = root(a)
    groups: dict[int, list[int]] = {}
    for index in range(len(evidence)):
        groups.setdefault(root(index), []).append(index)
    return list(groups.values())


def _solve(members: list[int], evidence: Sequence[Evidence], names: Sequence[str]
           ) -> dict[int, Published]:
    """Inferred dates for one story with no given date."""
    found: dict[int, Published] = {}
    for index in members:
        if evidence[index].full:
            day, text = max(evidence[index].full)
            if evidence[index].ledes and (day.day, day.month) not in {
                    (d, m) for d, m, _ in evidence[index].ledes}:
                continue  # "hôm 2/7 ... sau vụ khủng bố ngày 11/9/2001": this year's days
                # go without their year; one with a year is the past, a lower bound
            found[index] = Published(FuzzyDate(day, day, "day", f"inferred from {text!r}"),
                                     "inferred", f"the latest full date in the text ({text!r})")
    rest = [i for i in members if i not in found]
    if not rest:
        return found
    def story(index: int) -> str:
        others = [names[i] for i in members if i != index]
        return f" (same story as {', '.join(others)})" if others else ""

    ledes = [evidence[i].lede for i in members if evidence[i].lede]
    bounds = [evidence[i].bound for i in members if evidence[i].bound]
    bound = max(bounds) if bounds else None
    weekdays = {w for i in members for w, _ in evidence[i].weekdays}
    if not ledes:
        for index in rest:
            if bound is None:
                found[index] = Published(None, "unknown", "the text gives no date; pass "
                                         "--published or add a 'Date:' header", True)
            else:
                span = FuzzyDate(bound[0], dt.date(bound[0].year, 12, 31), "approximate",
                                 f"after {bound[1]!r}")
                found[index] = Published(span, "inferred", f"no day in the text{story(index)}; "
                                         f"only that it is after {bound[1]!r}", True)
        return found
    counts = Counter((d, m) for d, m, _ in ledes)
    (day, month), _ = max(counts.items(), key=lambda item: (item[1], item[0][1], item[0][0]))
    lede_text = next(t for d, m, t in ledes if (d, m) == (day, month))
    story_days = {(d, m) for i in members for d, m, _ in evidence[i].ledes}
    first_year = bound[0].year if bound else None
    year, pinned = None, False
    if first_year is not None:
        for candidate in range(first_year, first_year + 60):
            lede_day = _date(candidate, month, day)
            # a story's articles appear within days of each other: another one's date a
            # few days after this lede still allows its year
            if lede_day is None or lede_day < bound[0] - _SAME_NEWS:
                continue
            if year is None:
                year = candidate
            if weekdays and all(any((d := _date(candidate, m, dd)) is not None and d <= lede_day
                                    and d.weekday() == w for dd, m in story_days)
                                for w in weekdays):
                year, pinned = candidate, True
                break
            if not weekdays:
                break
    for index in rest:
        own = evidence[index].lede
        if year is None:
            found[index] = Published(None, "unknown", f"the day is {lede_text!r} but the text "
                                     "gives no year; pass --published or add a 'Date:' header",
                                     True)
            continue
        how_year = (f"year {year}: the first after {bound[1]!r} in which "
                    f"{', '.join(_WEEKDAYS[w] for w in sorted(weekdays))} fall on the story's "
                    "days" if pinned else f"year {year}: only the first after {bound[1]!r} "
                    "(the text gives no year)")
        if own:
            base = _date(year, own[1], own[0]) or _date(year, month, day)
            text = own[2]
            span = FuzzyDate(base, base + dt.timedelta(days=1), "approximate",
                             f"inferred from {text!r}")
        else:
            own_weekdays = {w for w, _ in evidence[index].weekdays}
            lede_day = _date(year, month, day)
            days = sorted(d for dd, m in story_days if (d := _date(year, m, dd)) is not None
                          and d <= lede_day and d.weekday() in own_weekdays)
            base = days[-1] if days else lede_day
            text = (f"on {_WEEKDAYS[base.weekday()]}" if days else lede_text)
            span = FuzzyDate(base, base, "day", f"inferred from {text!r}")
        found[index] = Published(span, "inferred", f"day from {text!r}{story(index)}; {how_year}",
                                 weak=not pinned)
    return found


def infer_published(names: Sequence[str], evidence: Sequence[Evidence],
                    given: Sequence[Published | None]) -> list[Published]:
    """The date of each article: ``given`` where not None, else inferred (module docs)."""
    result: dict[int, Published] = {i: g for i, g in enumerate(given) if g is not None}
    for members in _stories(evidence):
        known = [i for i in members if i in result and result[i].date is not None]
        if known:
            anchor = max(known, key=lambda i: result[i].date.earliest)  # type: ignore[union-attr]
            for index in members:
                if index not in result:
                    result[index] = Published(
                        result[anchor].date, "inferred",
                        f"same story as {names[anchor]} (shares days and places with it)")
            continue
        result.update(_solve([i for i in members if i not in result], evidence, names))
    return [result[i] for i in range(len(names))]


__all__ = ["Evidence", "Published", "infer_published"]
