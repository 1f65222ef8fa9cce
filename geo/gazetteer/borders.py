"""Border phrases: "Armenia's border with Turkey", "biên giới Armenia với Thổ Nhĩ Kỳ và Iran".

:func:`parse_border_phrase` turns a normalised phrase into the country codes it names, so the
gazetteer can answer with the border lines between the story's country and each of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache

import shapely

from ..errors import PlaceNotFound
from .boundaries import read_demonyms
from .normalize import lexicon, normalize
from .place import Place

#: Longest run of words tried as one country name ("tho nhi ky" is three).
MAX_NAME_WORDS = 5
#: A country-name stem must be this long to match an inflected or derived form.
MIN_STEM = 4


def is_border_phrase(key: str) -> bool:
    """True when the normalised ``key`` contains a border word."""
    words = lexicon()["border_words"]
    tokens = key.split()
    return any(
        " ".join(tokens[i : i + n]) in words for n in (1, 2, 3) for i in range(len(tokens))
    )


def parse_border_phrase(key: str, country_of: Callable[[str], str | None]) -> list[str] | None:
    """The country codes a border phrase names, in order, or None if a word is not understood.

    Parameters
    ----------
    key
        A normalised phrase (see :func:`geo.gazetteer.normalize.normalize`).
    country_of
        Maps a normalised name to a country code (or a region code such as ``"NX"``), or None.
    """
    words = lexicon()
    skip = words["border_words"] | words["connectors"] | words["filler"]
    tokens = key.split()
    codes: list[str] = []
    position = 0
    while position < len(tokens):
        for size in range(min(MAX_NAME_WORDS, len(tokens) - position), 0, -1):
            span = " ".join(tokens[position : position + size])
            code = words["adjectives"].get(span) or country_of(span)
            if code:
                if code not in codes:
                    codes.append(code)
                position += size
                break
            if span in skip:
                position += size
                break
        else:
            return None
    return codes or None


@cache
def demonym_codes() -> dict[str, str]:
    """Normalised demonyms and alternative spellings to country codes ("finnish": "FI",
    "saoudienne": "SA", "drc": "CD"), from ``data/boundaries/demonyms.json``."""
    codes: dict[str, str] = {}
    for code, words in sorted(read_demonyms().items()):
        for lang in ("en", "fr", "alt"):
            for word in words.get(lang, ()):
                codes.setdefault(normalize(word), code)
    return codes


def country_stems(countries: Iterable[Place]) -> list[tuple[str, str]]:
    """(stem, code) of every one-word country name, longest first: "syri" (Syria), "турци"."""
    stems: dict[str, str] = {}
    for place in countries:
        if place.kind != "country":
            continue
        for value in (place.name, *(n for v in place.names.values() for n in v)):
            key = normalize(value)
            if " " in key or len(key) < MIN_STEM:
                continue
            stem = key[:-1] if key[-1] in "aeiouyаяоеиыйь" else key
            if len(stem) >= MIN_STEM:
                stems.setdefault(stem, place.id)
    return sorted(stems.items(), key=lambda item: (-len(item[0]), item[0]))


def country_by_stem(key: str, stems: list[tuple[str, str]]) -> str | None:
    """The country an adjective or inflected form names: "syrian", "malian", "турцией"
    (a word that starts with a country name's stem and adds at most four letters)."""
    if " " in key or len(key) < MIN_STEM:
        return None
    for stem, code in stems:
        if key.startswith(stem) and len(key) - len(stem) <= 4:
            return code
    return None


def border_between(codes: Sequence[str], country: str, countries: Sequence[str],
                   places: Mapping[str, Place], country_name: Callable[[str], str],
                   name: str) -> Place:
    """The border line(s) between the first story country among ``codes`` (else the
    first code, or ``country`` when only one is named) and each other code; PlaceNotFound
    naming the borders there are when a pair shares none."""
    home = next((c for c in countries if c in codes), None) if len(codes) >= 2 else None
    home = home or (codes[0] if len(codes) >= 2 else country)
    others = [c for c in codes if c != home]
    ids = [f"border:{'-'.join(sorted((home, other)))}" for other in others]
    missing = [i for i in ids if i not in places]
    if not ids or missing:
        lacking = [c for c, i in zip(others, ids, strict=True) if i in missing]
        theirs = sorted(i for i in places if i.startswith("border:")
                        and home in i.removeprefix("border:").split("-"))
        pairs = " and ".join(country_name(c) for c in (home, *lacking))
        raise PlaceNotFound(
            name, [], what=f"{pairs} share no land border in the data ({name!r})",
            hint=f"; the borders of {country_name(home)} are: "
            f"{', '.join(theirs) or 'none (an island or no land neighbour)'}. Name one "
            "of these (a scenario may also give the line as an inline geometry).",
        )
    if len(ids) == 1:
        return places[ids[0]]
    parts = [places[i] for i in ids]
    return Place(
        id="+".join(ids),
        name=" and ".join(p.name for p in parts),
        kind="border",
        names={"en": (" and ".join(p.name for p in parts),)},
        geometry=shapely.line_merge(shapely.union_all([p.geometry for p in parts])),
        source="; ".join(dict.fromkeys(p.source for p in parts)),
        country=home,
        parts=tuple(ids),
    )


__all__ = ["MIN_STEM", "border_between", "country_by_stem", "country_stems", "demonym_codes",
           "is_border_phrase", "parse_border_phrase"]
