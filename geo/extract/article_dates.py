"""Dates as articles write them, read against the article's own date.

:func:`find_dates` finds every date expression in a sentence and what it says without the
article's date: a full date ("9/5/2024", "May 9, 2024"), a day and month ("hôm 9/5", "on
May 9", "from Aug. 1", "từ ngày 1/8"), a month ("in September", "tháng 9/2023", "tháng 9
năm ngoái"), a season ("autumn 2020", "mùa thu năm 2020"), a year or decade ("năm 1992",
"the early 1990s"), a weekday ("on Thursday", "hôm thứ Năm") or a relative word
("yesterday", "last year", "tháng trước"); and the cue before it ("from", "until", "after",
"on"). :meth:`DateMention.resolve` then gives the span of days it means, relative to the
article's date: a day and month without a year falls in the year that puts it on or
before the article (within a week) unless a cue or the verb points forward ("from Aug. 1",
"will"); a month alone likewise; a weekday is the last such day on or before the article.
Word lists: ``data/extract/dates.yaml``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..dates import FuzzyDate
from .lexicon import trie_pattern
from .wordlists import load


@dataclass(slots=True)
class DateMention:
    """A date expression in a sentence (character offsets) and what it says by itself."""

    start: int
    end: int
    text: str
    cue: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: tuple[int, int] | None = None
    relative: tuple[str, int] | None = None
    decade: int | None = None
    part: tuple[int, int] | None = None

    @property
    def day_month(self) -> tuple[int, int] | None:
        """``(day, month)`` when the text gives both but no year."""
        if self.day and self.month and self.year is None and self.relative is None:
            return self.day, self.month
        return None

    @property
    def explicit(self) -> bool:
        """True when the text gives the year (or decade) itself."""
        return (self.year is not None or self.decade is not None) and self.relative is None

    def resolve(self, reference: dt.date | None, *, forward: bool = False) -> FuzzyDate | None:
        """The days this date means, read against the article's date ``reference``.

        Parameters
        ----------
        reference
            The article's date; None: only dates that give their year resolve.
        forward
            The sentence looks ahead ("will"): a day or month without a year falls on or
            after the article. Without it, such a date falls on or before the article
            (within a week), or, after "from" or "until", in the nearest year.
        """
        mode = "future" if forward else "near" if self.cue in ("from", "until") else "past"
        try:
            return self._resolve(reference, mode)
        except (ValueError, OverflowError):  # 30 February, month 13, "yesterday" of 1 AD
            return None

    def _resolve(self, ref: dt.date | None, mode: str) -> FuzzyDate | None:
        text = self.text
        if self.decade is not None:
            first, last = self.decade, self.decade + 9
            if self.part:
                first, last = (first, first + 3) if self.part[0] == 1 else (first + 6, last)
            return FuzzyDate(dt.date(first, 1, 1), dt.date(last, 12, 31), "approximate", text)
        year = self.year
        if year is None and self.relative and self.relative[0] == "year" and ref:
            year = ref.year + self.relative[1]
        if self.season:
            if year is None:
                return None
            first, last = self.season
            end_year = year + 1 if last < first else year
            return FuzzyDate(dt.date(year, first, 1),
                             dt.date(end_year, last, calendar.monthrange(end_year, last)[1]),
                             "approximate", text)
        if self.month and self.day:
            if year is None:
                if ref is None:
                    return None
                year = _year_for(ref, self.month, self.day, mode)
            day = dt.date(year, self.month, self.day)
            return FuzzyDate(day, day, "day", text)
        if self.month:
            if year is None:
                if ref is None:
                    return None
                year = ref.year
                ahead = self.month < ref.month if mode == "future" else \
                    mode == "near" and self.month < ref.month - 6
                if ahead:
                    year += 1
                elif mode == "past" and self.month > ref.month:
                    year -= 1
            return _month(year, self.month, self.part, text)
        if self.weekday is not None:
            if ref is None:
                return None
            back = (ref.weekday() - self.weekday) % 7
            day = ref - dt.timedelta(days=back) if mode != "future" or back == 0 else \
                ref + dt.timedelta(days=7 - back)
            return FuzzyDate(day, day, "day", text)
        if self.relative:
            if ref is None:
                return None
            unit, offset = self.relative
            if unit == "day":
                day = ref + dt.timedelta(days=offset)
                return FuzzyDate(day, day, "day", text)
            if unit == "week":
                monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=offset)
                return FuzzyDate(monday, monday + dt.timedelta(days=6), "approximate", text)
            if unit == "month":
                index = ref.year * 12 + ref.month - 1 + offset
                return _month(index // 12, index % 12 + 1, self.part, text)
        if year is not None:
            return FuzzyDate(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", text)
        return None


#: A day without a year that an article of the past tense names is on or before it (within
#: a week) -- unless that day fell more than :data:`_LONG_AGO` before the article and this
#: year's falls within :data:`_SOON` after it: a deadline weeks ahead, not one 11 months ago.
_LONG_AGO, _SOON = dt.timedelta(days=300), dt.timedelta(days=60)


def _year_for(ref: dt.date, month: int, day: int, mode: str) -> int:
    """The year of a day and month written without one (see :meth:`DateMention.resolve`)."""
    options = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if mode == "past":
        past = [d for d in options if d <= ref + dt.timedelta(days=7)]
        soon = [d for d in options if ref < d <= ref + _SOON]
        if past and not (soon and ref - max(past) > _LONG_AGO):
            return max(past).year
        if soon:  # "fixée au 31 janvier" in mid-January: this month's end, not last year's
            return min(soon).year
    if mode == "future":
        ahead = [d for d in options if d >= ref - dt.timedelta(days=7)]
        if ahead:
            return min(ahead).year
    return min(options, key=lambda d: abs((d - ref).days)).year


def _month(year: int, month: int, part: tuple[int, int] | None, text: str) -> FuzzyDate:
    last = calendar.monthrange(year, month)[1]
    if part:
        return FuzzyDate(dt.date(year, month, part[0]), dt.date(year, month, min(part[1], last)),
                         "approximate", text)
    return FuzzyDate(dt.date(year, month, 1), dt.date(year, month, last), "month", text)


def _alternation(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> tuple[dict[str, list[re.Pattern[str]]], re.Pattern[str], dict[str, Any]]:
    """The date patterns, indexed by the words they can start with (``#``: a number).

    :func:`find_dates` tries, at each word, only the patterns that can start there, in
    order of preference; the first that matches wins and the scan goes on after it.
    """
    data = load("dates")
    months = trie_pattern(data["months"])
    en_weekdays = trie_pattern(data["weekdays"]["en"])
    vi_weekdays = trie_pattern(data["weekdays"]["vi"])
    fr_weekdays = trie_pattern(data["weekdays"]["fr"])
    ru_weekdays = trie_pattern(data["weekdays"]["ru"])
    seasons_en = [s for s in data["seasons"] if not s.startswith("mùa")]
    seasons_vi = [s for s in data["seasons"] if s.startswith("mùa")]
    relative = trie_pattern(data["relative"])
    years_rel = trie_pattern(w for w, (unit, _) in data["relative"].items() if unit == "year")
    parts = trie_pattern(data["part_of_month"])
    month_leads = trie_pattern(data["month_leads"])
    lead = trie_pattern(data["vi_weekday_lead"])
    year = r"(?P<y>1[89]\d\d|20\d\d)"
    day = r"(?P<d>[0-3]?\d)"
    month_words = {m.lower() for m in data["months"]}
    number = {"#"}
    sources: list[tuple[str, set[str]]] = [
        (rf"{year}-(?P<m>[01]\d)-{day}(?![\d-])", number),
        (rf"{day}(?P<sep>[/.])(?P<m>[01]?\d)(?P=sep){year}", number),
        (rf"(?i:ngày) {day} (?i:tháng) (?P<m>[01]?\d)(?: (?i:năm) {year})?", {"ngày"}),
        (rf"(?i:tháng) (?P<m>[01]?\d)(?:/| (?i:năm) ){year}", {"tháng"}),
        (rf"(?i:tháng) (?P<m>[01]?\d) (?P<rel>{years_rel})", {"tháng"}),
        (rf"(?P<season>(?i:{trie_pattern(seasons_vi)}))(?: (?i:năm) {year}| (?P<rel>{years_rel}))?",
         {"mùa"}),
        (rf"(?P<mon>{months})\.? {day}(?:st|nd|rd|th)?(?:,? {year})?(?!\d)", month_words),
        (rf"{day}(?:st|nd|rd|th|er)? (?:of )?(?P<mon>{months})(?:\.(?= \d))?(?:,? {year})?"
         r"(?: (?:г|года?)\.?)?", number),
        (rf"(?P<mon>{months})(?:\.(?= \d))? (?:of )?{year}", month_words),
        (rf"(?P<mon>{months}) (?P<rel>{years_rel})", month_words),
        # "mid-September", "mi-septembre", "fin de mars", "в середине сентября"
        (rf"(?P<part>(?i:{parts}))(?:[- ]|\s(?i:de|d')\s?)(?P<mon>{months})"
         rf"(?:,? {year}(?: (?:г|года?)\.?)?)?",
         {p.lower() for p in data["part_of_month"]}),
        (rf"(?P<season>(?i:{trie_pattern(seasons_en)}))(?: of)? {year}", set(seasons_en)),
        (rf"(?P<season>(?i:{trie_pattern(seasons_en)})) (?P<rel>{years_rel})", set(seasons_en)),
        (rf"(?<![\d/.,]){day}/(?P<m>[01]?\d)(?![\d/])", number),
        (rf"(?P<part>(?i:{parts})) (?P<rel>(?i:{relative}))",
         {p.split()[0].lower() for p in data["part_of_month"]}),
        (r"(?:(?P<early>(?i:đầu|cuối)) )?(?i:những năm) (?P<decade>1[89]\d0|20\d0)",
         {"đầu", "cuối", "những"}),
        (r"(?:(?i:the) )?(?:(?P<early>(?i:early|late)) )?(?P<decade>1[89]\d0|20\d0)s",
         {"the", "early", "late", "#"}),
        (rf"(?i:năm) {year}", {"năm"}),
        (r"(?i:tháng) (?P<m>[01]?\d)(?![\d/])", {"tháng"}),
        (rf"(?P<rel>(?i:{relative}))", {w.split()[0].lower() for w in data["relative"]}),
        (rf"(?:(?i:{lead})) (?P<wd>(?i:{vi_weekdays}))",
         {w.lower() for w in data["vi_weekday_lead"]}),
        (rf"(?P<wd>{en_weekdays})", {w.lower() for w in data["weekdays"]["en"]}),
        (rf"(?P<wd>(?i:{fr_weekdays}))(?!\s+\d)", {w.lower() for w in data["weekdays"]["fr"]}),
        (rf"(?i:{trie_pattern(data['ru_weekday_lead'])}) (?P<wd>(?i:{ru_weekdays}))",
         {w.lower() for w in data["ru_weekday_lead"]}),
        # a month with a word before it: "in May", "en mai", "depuis mars", "в мае", "с марта"
        (rf"(?i:{month_leads}) (?P<mon>{months})"
         r"\b(?!\.?\s*\d|\s+(?:last|this|next)\s+year|\s+of\s+\d)",
         {w.split()[0].lower() for w in data["month_leads"]}),
        (rf"(?<![\d.,]){year}(?![\d]|[.,]\d)", number),
    ]
    by_word: dict[str, list[re.Pattern[str]]] = {}
    for source, starters in sources:
        compiled = re.compile(rf"(?<!\w){source}(?!\w)")
        for word in starters:
            by_word.setdefault(word, []).append(compiled)
    words = [w for w in by_word if w != "#"]
    starts = re.compile(rf"(?<!\w)(?:\d|(?:{trie_pattern(words)})(?!\w))")
    return by_word, starts, data


@cache
def _cue_table() -> dict[str, str]:
    return {phrase: name for name, phrases in load("dates")["cues"].items()
            for phrase in phrases}


def _cue(before: str) -> str | None:
    """How the words just before a date relate it to its event (``from``, ``until``, ...)."""
    table = _cue_table()
    words = before[-40:].lower().split()[-4:]
    while words and words[-1] in ("the", "a", "an"):
        words.pop()
    for size in (3, 2, 1):
        if len(words) >= size:
            name = table.get(" ".join(words[-size:]))
            if name:
                return name
    return None


@cache
def _lower_tables() -> tuple[dict[str, Any], dict[str, Any]]:
    """Weekdays and relative words by their lower case (made once, not per date)."""
    data = load("dates")
    return ({k.lower(): v for table in data["weekdays"].values() for k, v in table.items()},
            {k.lower(): v for k, v in data["relative"].items()})


def _mention(match: re.Match[str], text: str, data: dict[str, Any]) -> DateMention:
    groups = {k: v for k, v in match.groupdict().items() if v and k != "sep"}
    month = int(groups["m"]) if "m" in groups else data["months"].get(groups.get("mon"))
    weekday = None
    if "wd" in groups:
        weekday = _lower_tables()[0][groups["wd"].lower()]
    relative = None
    if "rel" in groups:
        unit, offset = _lower_tables()[1][groups["rel"].lower()]
        relative = (unit, int(offset))
    part = None
    if "part" in groups:
        part = tuple(data["part_of_month"][groups["part"].lower()])
    decade = int(groups["decade"]) if "decade" in groups else None
    if decade is not None and "early" in groups:
        part = (1, 10) if groups["early"].lower() in ("đầu", "early") else (21, 31)
    season = tuple(data["seasons"][groups["season"].lower()]) if "season" in groups else None
    start = match.start()
    # a pattern that keeps its lead word ("by May", "since March") has its cue inside it
    lead = match.group().split(" ", 1)[0] if " " in match.group() else ""
    return DateMention(
        start, match.end(), match.group(), _cue(text[:start]) or _cue(lead),
        int(groups["y"]) if "y" in groups else None, month,
        int(groups["d"]) if "d" in groups else None, weekday, season, relative, decade, part)


def find_dates(text: str) -> list[DateMention]:
    """Every date expression in ``text``, left to right, none overlapping."""
    by_word, starts, data = _patterns()
    found: list[DateMention] = []
    taken = 0
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer ("İ"): keep offsets
        lower = "".join(c.lower()[:1] for c in text)
    for word in starts.finditer(lower):
        position = word.start()
        if position < taken:
            continue
        first = word.group()
        options = by_word.get("#" if first[0].isdigit() else first)
        if not options:
            continue
        for pattern in options:
            match = pattern.match(text, position)
            if match is None:
                continue
            mention = _mention(match, text, data)
            if (mention.month is not None and not 1 <= mention.month <= 12) or (
                    mention.day is not None and not 1 <= mention.day <= 31):
                continue
            if match.group().strip() in data["named_days"] and (
                    lower[:position].split()[-1:] or [""])[0] not in data["vi_weekday_lead"]:
                break  # "the 9/11 attacks": an event's name
            found.append(mention)
            taken = match.end()
            break
    return found


def scenario_date(date: FuzzyDate) -> Any:
    """``date`` as a scenario writes it: ``"2024-05-09"``, ``"2024-05"``, ``"2024"`` or a
    ``{earliest, latest, text}`` span (month or year strings where the span allows)."""
    if date.precision in ("day", "month", "year"):
        return str(date)

    def bound(day: dt.date, first: bool) -> str:
        if first and day.month == 1 and day.day == 1:
            return str(day.year)
        if not first and day.month == 12 and day.day == 31:
            return str(day.year)
        if first and day.day == 1:
            return day.strftime("%Y-%m")
        if not first and day.day == calendar.monthrange(day.year, day.month)[1]:
            return day.strftime("%Y-%m")
        return day.isoformat()

    first, last = bound(date.earliest, True), bound(date.latest, False)
    value: dict[str, str] = {"earliest": first, "latest": last}
    if date.text:
        value["text"] = date.text
    return value


__all__ = ["DateMention", "find_dates", "scenario_date"]
