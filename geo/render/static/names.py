"""Words for the static maps and their alt text: dates, numbers, place and force names, en/vi.

Dates and numbers are formatted from ``data/labels/static.yaml``, never from the system
locale, so a map reads the same on every machine.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache
from typing import Any

from ...dates import FuzzyDate
from ...gazetteer.boundaries import read_layer
from ...gazetteer.country_names import short_country_name
from ...i18n import label
from .. import type_words

#: An approximate date wider than this many days says nothing a reader can use.
UNKNOWN_SPAN_DAYS = 20 * 366


def _parts(day: dt.date, lang: str) -> dict[str, Any]:
    months = label("static_fmt_months", lang).split(",")
    return {"day": day.day, "month": months[day.month - 1], "month_number": day.month,
            "year": day.year}


def format_date(day: dt.date, lang: str) -> str:
    """``1 August 2024`` / ``1/8/2024``."""
    return label("static_fmt_date", lang).format(**_parts(day, lang))


def format_month(day: dt.date, lang: str) -> str:
    """The month of ``day``: ``August 2024`` / ``tháng 8/2024``."""
    return label("static_fmt_month", lang).format(**_parts(day, lang))


def format_year(day: dt.date, lang: str) -> str:
    """The year of ``day``: ``2024`` / ``năm 2024``."""
    return label("static_fmt_year", lang).format(**_parts(day, lang))


def _whole_month(first: dt.date, last: dt.date) -> bool:
    return first.day == 1 and last.day == calendar.monthrange(last.year, last.month)[1]


def format_fuzzy(date: FuzzyDate, lang: str) -> str:
    """A date at the precision the sources give: ``9 May 2024``, ``August 2022``,
    ``2023``, ``9–10 May 2024``, ``31 October – 1 November 2020``, ``between September 2020
    and November 2020``, or
    ``date unknown`` for a span too wide to mean anything (a draft's 1900–2100)."""
    first, last = date.earliest, date.latest
    if date.precision == "day" or first == last:
        return format_date(first, lang)
    if (last - first).days > UNKNOWN_SPAN_DAYS or date.text.lower().startswith("unknown"):
        return label("static_fmt_unknown", lang)
    if date.precision == "year" or ((first.month, first.day, last.month, last.day) == (
            1, 1, 12, 31) and first.year == last.year):
        return format_year(first, lang)
    if date.precision == "month" or (_whole_month(first, last) and (
            first.year, first.month) == (last.year, last.month)):
        return format_month(first, lang)
    if (first.year, first.month) == (last.year, last.month):
        return label("static_fmt_days_in_month", lang).format(
            first=first.day, last=last.day, **_parts(last, lang))
    if first.year == last.year and (last - first).days <= 31:
        start = _parts(first, lang)
        return label("static_fmt_days_in_year", lang).format(
            first=first.day, last=last.day, first_month=start["month"],
            first_month_number=first.month, **_parts(last, lang))
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        a, b = format_year(first, lang), format_year(last, lang)
    elif _whole_month(first, last):
        a, b = format_month(first, lang), format_month(last, lang)
    else:
        a, b = format_date(first, lang), format_date(last, lang)
    return label("static_fmt_between", lang).format(a=a, b=b)


def names_the_day(text: str, day: dt.date, lang: str) -> bool:
    """Whether ``text`` (a view's label) is only a date for ``day``: ``June 2025``,
    ``Tháng 6/2025``, ``1 June 2025``, ``2025``; a heading then need not repeat the date."""
    rest = text.casefold()
    for language in dict.fromkeys((lang, "en")):
        for words in sorted((format_date(day, language), format_month(day, language),
                             format_year(day, language)), key=len, reverse=True):
            rest = rest.replace(words.casefold(), " ")
    return not re.sub(r"[\W_]+", "", rest) and rest != text.casefold()


def format_number(value: int, lang: str) -> str:
    """``5,000`` / ``5.000``."""
    return f"{value:,}".replace(",", label("static_fmt_thousands", lang))


def first_upper(text: str) -> str:
    """``căn cứ quân sự số 102`` → ``Căn cứ quân sự số 102`` (the rest untouched)."""
    return text[:1].upper() + text[1:]


def first_lower(text: str) -> str:
    """``Border guards`` → ``border guards``."""
    return text[:1].lower() + text[1:]


#: Vietnamese common nouns that open names of forces and places ("Lực lượng biên phòng Nga",
#: "Biên giới phía Đông Nam"): lower case inside a sentence, unlike proper names.
_VI_COMMON = ("lực lượng", "quân đội", "quân", "căn cứ", "biên giới", "sân bay", "thủ đô",
              "tỉnh", "vùng", "khu vực", "thị trấn", "thành phố", "lính")


def in_sentence(text: str, lang: str) -> str:
    """A name as written inside a sentence: Vietnamese common nouns lose their capital."""
    lowered = text.lower()
    if lang == "vi" and any(lowered.startswith(w + " ") for w in _VI_COMMON):
        return first_lower(text)
    return text


@cache
def _records(layer: str) -> dict[str, dict[str, Any]]:
    return {record["id"]: record for record in read_layer(layer)}


def name_of(record: dict[str, Any], lang: str) -> str:
    """A boundary record's name in ``lang`` (its English name when it has none)."""
    names = record.get("names") or {}
    return (names.get(lang) or [record["name"]])[0]


def country_name(code: str, lang: str) -> str:
    """The short name of a country (ISO alpha-2) or the name of a region id
    (``region:nakhchivan``)."""
    country = short_country_name(code, lang)
    if country is not None:
        return country
    record = _records("regions").get(code)
    return name_of(record, lang) if record else code


def _border(place_id: str) -> dict[str, Any] | None:
    """The borders-layer record behind ``border:AM-AZ`` or a clipped ``border:AM-AZ@AM-SU``."""
    return _records("borders").get(place_id.split("@")[0])


def border_sides(place_id: str, lang: str) -> tuple[str, str] | None:
    """The two sides of a border place, named in ``lang``; None if not a known border."""
    record = _border(place_id)
    if record is None:
        return None
    neighbour = record.get("neighbour", "")
    if neighbour in _records("countries"):
        other = country_name(neighbour, lang)
    else:  # e.g. NX: Nakhchivan, a region of Azerbaijan
        english = record["name"].split("–", 1)[-1].removesuffix(" border")
        match = [r for r in _records("regions").values() if r["name"] == english]
        other = name_of(match[0], lang) if match else english
    return country_name(record.get("country", ""), lang), other


def place_name(row: dict[str, Any], lang: str, *, short: bool = False) -> str:
    """The name of a presence's place in ``lang``.

    ``short`` (map labels): a border is "Border with Turkey". Otherwise the scenario's own
    label; a border the scenario did not translate is named from its two countries.
    """
    english, local = row["place"], row["place_vi"] if lang == "vi" else row["place"]
    if row["kind"] == "border" and (short or (lang != "en" and local == english)):
        sides = border_sides(row["place_id"], lang)
        if sides:
            if short:
                return label("static_map_border_with", lang).format(country=sides[1])
            return label("static_alt_border_between", lang).format(a=sides[0], b=sides[1])
    return local


def force_type_name(force_type: str, lang: str) -> str:
    """``border_guards`` → ``border guards`` / ``biên phòng`` (in a sentence)."""
    return first_lower(type_words.force_type_name(force_type, lang))


def force_name(row: dict[str, Any], lang: str) -> str:
    """The force's full name in ``lang`` (``Russian border guards``)."""
    return row["force_vi"] if lang == "vi" else row["force"]


def strength_text(value: Any, approximate: Any, lang: str) -> str:
    """``about 5,000`` / ``khoảng 5.000``; empty when not reported."""
    if value is None or value != value or str(value) == "<NA>":
        return ""
    number = format_number(int(value), lang)
    return f"{label('about', lang)} {number}" if bool(approximate) else number


def join_words(items: list[str], lang: str) -> str:
    """``a, b and c`` / ``a, b và c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {label('static_alt_and', lang)} " + items[-1]


__all__ = [
    "border_sides",
    "country_name",
    "first_lower",
    "first_upper",
    "force_name",
    "force_type_name",
    "format_date",
    "format_fuzzy",
    "format_month",
    "format_number",
    "format_year",
    "in_sentence",
    "join_words",
    "name_of",
    "names_the_day",
    "place_name",
    "strength_text",
]
