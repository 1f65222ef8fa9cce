"""Words for the HTML map: dates with their precision, numbers, names, safe links.

Everything returned here is HTML-escaped already (``esc``); scenario and article text never
reaches the page any other way.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
from urllib.parse import urlsplit

from ...dates import FuzzyDate
from ...i18n import label

_SAFE_SCHEMES = ("http", "https")


def esc(text: object) -> str:
    """``text`` as HTML text or attribute value (quotes escaped too)."""
    return html.escape(str(text), quote=True)


def safe_url(url: str) -> str | None:
    """``url`` if it is an absolute http(s) address, else None (``javascript:``, data:, ...)."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in _SAFE_SCHEMES and parts.netloc and not any(
            ord(c) < 32 for c in url):
        return url
    return None


def link(url: str, text: str) -> str:
    """An escaped link opening in a new tab, or the escaped ``url`` as text when unsafe."""
    safe = safe_url(url)
    if safe is None:
        return f'<span class="dm-url">{esc(url)}</span>'
    return f'<a href="{esc(safe)}" target="_blank" rel="noopener noreferrer">{esc(text)}</a>'


def day(value: dt.date, lang: str) -> str:
    """A day: "1 August 2024" / "1/8/2024"."""
    months = label("map_months", lang).split()
    return label("map_date_day", lang).format(
        d=value.day, m=value.month, y=value.year, month=months[value.month - 1])


def month(value: dt.date, lang: str) -> str:
    """A month: "October 2020" / "tháng 10/2020"."""
    months = label("map_months", lang).split()
    return label("map_date_month", lang).format(
        m=value.month, y=value.year, month=months[value.month - 1])


def year(value: dt.date, lang: str) -> str:
    """A year: "1992" / "năm 1992"."""
    return label("map_date_year", lang).format(y=value.year)


def span(earliest: dt.date, latest: dt.date, lang: str) -> str:
    """The days ``earliest``..``latest`` at the coarsest unit that states them exactly."""
    month_end = calendar.monthrange(latest.year, latest.month)[1]
    if earliest == latest:
        return day(earliest, lang)
    if (earliest.month, earliest.day, latest.month, latest.day) == (1, 1, 12, 31):
        first, last = year(earliest, lang), year(latest, lang)
    elif earliest.day == 1 and latest.day == month_end:
        first, last = month(earliest, lang), month(latest, lang)
    else:
        first, last = day(earliest, lang), day(latest, lang)
    if first == last:
        return first
    return label("map_date_span", lang).format(a=first, b=last)


def day_range(earliest: dt.date, latest: dt.date, lang: str) -> str:
    """A short range of days: "9–10 May 2024", "31 October – 1 November 2020"."""
    if earliest == latest:
        return day(earliest, lang)
    months = label("map_months", lang).split()
    values = {"d1": earliest.day, "d2": latest.day, "m1": earliest.month, "m2": latest.month,
              "month1": months[earliest.month - 1], "month2": months[latest.month - 1],
              "y": latest.year}
    if earliest.year != latest.year:
        return label("map_date_span", lang).format(a=day(earliest, lang), b=day(latest, lang))
    if earliest.month == latest.month:
        return label("map_days_in_month", lang).format(**values)
    return label("map_days_in_year", lang).format(**values)


def fuzzy(date: FuzzyDate, lang: str) -> str:
    """A scenario date as the sources give it: "October 2020", "autumn 2020 (between ...)".

    The scenario's own wording (``text``) is English; other languages get the span only.
    """
    if date.precision == "day":
        return day(date.earliest, lang)
    if date.precision == "month":
        return month(date.earliest, lang)
    if date.precision == "year":
        return year(date.earliest, lang)
    stated = span(date.earliest, date.latest, lang)
    if lang == "en" and date.text:
        return f"{date.text} ({stated})"
    return stated


def precision(date: FuzzyDate | None, lang: str) -> str:
    """How precise a date is: "exact day", "month only", ..."""
    if date is None:
        return ""
    return label(f"precision_{date.precision}", lang)


def number(value: int, lang: str) -> str:
    """``2000`` as "2,000" (en) or "2.000" (vi)."""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "vi" else text


def label_or(key: str, lang: str, fallback: str) -> str:
    """The label ``key``, or ``fallback`` when no label has that key."""
    try:
        return label(key, lang)
    except KeyError:
        return fallback


def country_name(code: str, lang: str) -> str | None:
    """The short name of country ``code`` in ``lang`` (e.g. TR, vi: "Thổ Nhĩ Kỳ"), None if
    unknown."""
    from ...gazetteer.country_names import short_country_name

    return short_country_name(code, lang)


def name_in(names: dict[str, list[str]] | None, lang: str, fallback: str) -> str:
    """The first name in ``lang`` from a boundary record's ``names``, else ``fallback``."""
    values = (names or {}).get(lang) or ()
    return values[0] if values else fallback


__all__ = ["country_name", "day", "day_range", "esc", "fuzzy", "label_or", "link", "month",
           "name_in", "number", "precision", "safe_url", "span", "year"]
