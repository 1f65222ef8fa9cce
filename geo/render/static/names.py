"""Words for the static maps and their alt text: dates, numbers, place and force names, en/vi.

Dates and numbers are formatted from ``data/labels/static.yaml``, never from the system
locale, so a map reads the same on every machine.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from ...gazetteer.boundaries import read_layer
from ...i18n import label


def format_date(day: dt.date, lang: str) -> str:
    """``1 August 2024`` / ``1/8/2024``."""
    months = label("static_fmt_months", lang).split(",")
    return label("static_fmt_date", lang).format(day=day.day, month=months[day.month - 1],
                                          month_number=day.month, year=day.year)


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
    """The name of a country (ISO alpha-2) or of a region id (``region:nakhchivan``)."""
    for layer in ("countries", "regions"):
        record = _records(layer).get(code)
        if record:
            return name_of(record, lang)
    return code


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
    """``border_guards`` → ``border guards`` / ``biên phòng``."""
    try:
        return first_lower(label(force_type, lang))
    except KeyError:
        return force_type.replace("_", " ")


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


__all__ = ["border_sides", "country_name", "first_lower", "first_upper", "force_name",
           "force_type_name", "format_date", "format_number", "in_sentence", "join_words",
           "name_of",
           "place_name", "strength_text"]
