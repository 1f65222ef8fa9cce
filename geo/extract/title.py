"""A draft's publishable title, from its records: the forces, the country, the years
("Turkish forces in Libya, 2020"), in every map language; and the note saying how the
draft was made, which goes in the scenario's description, not on the map."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..dates import FuzzyDate
from ..gazetteer.country_names import short_country_name
from ..gazetteer.lookup import Gazetteer
from ..i18n import LANGUAGES, label
from .draft import Force
from .lexicon import lexicon

#: A date spanning more days than this says no year (an "unknown" 1900–2100 span).
_YEAR_SPAN_DAYS = 2 * 366


def _years(dates: Iterable[FuzzyDate | None], lang: str) -> str:
    """``2020``, ``2019–2024`` / ``năm 2020``; empty when no date is precise enough."""
    years = sorted({year for d in dates if d is not None
                    and (d.latest - d.earliest).days <= _YEAR_SPAN_DAYS
                    for year in (d.earliest.year, d.latest.year)})
    if not years:
        return ""
    if years[0] == years[-1]:
        return label("draft_title_year", lang).format(year=years[0])
    return label("draft_title_years", lang).format(first=years[0], last=years[-1])


def _country(code: str, lang: str, gazetteer: Gazetteer) -> str:
    """The story country's name as the maps write it (``Libya``, ``Na Uy``)."""
    name = short_country_name(code, lang)
    if name is not None:
        return name
    try:
        return gazetteer.get(code).name_in(lang)
    except LookupError:
        return code


def _forces(forces: Sequence[Force], lang: str) -> str:
    """One force by its name; one country's forces as its forces; two countries' forces
    together; more as foreign forces."""
    if len(forces) == 1 and forces[0].type != "base":
        return forces[0].names.get(lang) or forces[0].names["en"]
    owners = list(dict.fromkeys(f.country for f in forces))
    if not owners or len(owners) > 2:
        return label("draft_title_foreign_forces", lang)
    words = [lexicon().nationality_labels.get(c, {"adjective": c, "vi_name": c})
             for c in owners]
    joined = f" {label('draft_title_and', lang)} "
    return label("draft_title_forces_of", lang).format(
        adjective=joined.join(w["adjective"] for w in words),
        vi_name=joined.join(w["vi_name"] for w in words))


def draft_title(forces: Sequence[Force], country: str, dates: Iterable[FuzzyDate | None],
                gazetteer: Gazetteer) -> dict[str, str]:
    """The title in every map language: ``Turkish forces in Libya, 2020``.

    Parameters
    ----------
    forces
        The forces of the records the scenario keeps, in their order.
    country
        The story's country (ISO alpha-2).
    dates
        Every date the records give (starts, ends, days reported); imprecise ones are left
        out, and without any the title has no year.
    """
    dates = list(dates)
    titles = {}
    for lang in LANGUAGES:
        who = _forces(forces, lang) if forces else label("draft_title_no_forces", lang)
        where = _country(country, lang, gazetteer)
        years = _years(dates, lang)
        key = "draft_title_dated" if years else "draft_title"
        titles[lang] = label(key, lang).format(forces=who, country=where, years=years)
    return titles


def drafting_note(articles: int, threshold: float) -> dict[str, str]:
    """How the draft was made, in every map language (the scenario's description)."""
    return {lang: label("draft_note", lang).format(articles=articles, threshold=threshold)
            for lang in LANGUAGES}


__all__ = ["draft_title", "drafting_note"]
