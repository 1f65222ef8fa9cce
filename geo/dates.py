"""Dates as articles give them: a day, a month, a year, or an approximate span.

Every date is held as the span of days it may mean, ``earliest`` to ``latest`` inclusive:
``2024-05-09`` is one day, ``2024-05`` is 1–31 May, ``2024`` is the whole year, and an
approximate date ("autumn 2020") is the span written for it. How spans compare when a
timeline asks "in force on day D?" is documented in :mod:`geo.timeline`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

PRECISIONS: tuple[str, ...] = ("day", "month", "year", "approximate")

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


class DateError(ValueError):
    """A date that cannot be read; the message says what form is expected."""


@dataclass(frozen=True, slots=True, order=True)
class FuzzyDate:
    """A date with its precision, as the span of days it may mean.

    Attributes
    ----------
    earliest, latest
        First and last day the date may mean (inclusive).
    precision
        One of :data:`PRECISIONS`.
    text
        How the source put it, when that says more than the span ("autumn 2020").
    """

    earliest: dt.date
    latest: dt.date
    precision: str
    text: str = ""

    def __str__(self) -> str:
        if self.precision == "day":
            return self.earliest.isoformat()
        if self.precision == "month":
            return self.earliest.strftime("%Y-%m")
        if self.precision == "year":
            return str(self.earliest.year)
        return f"~{self.earliest.isoformat()}..{self.latest.isoformat()}"


#: The years a date may fall in (README, "Limits"): far around any news story, and what
#: every writer and the day arithmetic handle.
FIRST_YEAR, LAST_YEAR = 1800, 2200


def parse_date_text(text: str) -> FuzzyDate:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` to a :class:`FuzzyDate` (years 1800–2200)."""
    text = text.strip()
    found = _DAY.match(text) or _MONTH.match(text) or _YEAR.match(text)
    if found and not FIRST_YEAR <= int(found.group(1)) <= LAST_YEAR:
        raise DateError(f"{text!r} is outside the years {FIRST_YEAR}–{LAST_YEAR} deploymap "
                        "maps; check the year")
    try:
        if match := _DAY.match(text):
            day = dt.date(*map(int, match.groups()))
            return FuzzyDate(day, day, "day")
        if match := _MONTH.match(text):
            year, month = map(int, match.groups())
            last = calendar.monthrange(year, month)[1]
            return FuzzyDate(dt.date(year, month, 1), dt.date(year, month, last), "month")
        if match := _YEAR.match(text):
            year = int(match.group(1))
            return FuzzyDate(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    except ValueError as error:  # month 13, 30 February, year 0
        raise DateError(f"{text!r} is not a real date ({error}); check the day and the "
                        "month (YYYY-MM-DD)") from None
    raise DateError(f"{text!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")


def parse_date(value: Any) -> FuzzyDate:
    """A scenario date: a string or YAML date, or an approximate span mapping.

    The mapping form is ``{earliest: DATE, latest: DATE, text: "autumn 2020"}``; its
    ``earliest`` is the first day its own earliest may mean, its ``latest`` the last.
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return FuzzyDate(value, value, "day")
    if isinstance(value, int) and not isinstance(value, bool):
        return parse_date_text(str(value))
    if isinstance(value, str):
        return parse_date_text(value)
    if isinstance(value, dict):
        if "earliest" not in value or "latest" not in value:
            raise DateError("an approximate date needs both 'earliest' and 'latest'")
        earliest, latest = parse_date(value["earliest"]), parse_date(value["latest"])
        if latest.latest < earliest.earliest:
            raise DateError(
                f"approximate date ends ({latest}) before it begins ({earliest}); swap them"
            )
        return FuzzyDate(earliest.earliest, latest.latest, "approximate",
                         str(value.get("text", "")))
    raise DateError(f"{value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")


def parse_day(text: str) -> dt.date:
    """A single day (for ``--date``, ``--before``, ``--after``): ``YYYY-MM-DD``."""
    parsed = parse_date_text(text)
    if parsed.precision != "day":
        raise DateError(f"{text!r} is not a single day; write YYYY-MM-DD")
    return parsed.earliest


__all__ = ["FIRST_YEAR", "LAST_YEAR", "PRECISIONS", "DateError", "FuzzyDate", "parse_date",
           "parse_date_text", "parse_day"]
