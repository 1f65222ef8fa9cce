"""Words that mean a country without naming it: "withdraw from the country", "rút quân khỏi
nước này", "quitter le pays", "из страны" (``country_references`` in
``data/extract/places.yaml``).

Such words are a place mention of role ``reference``. The country they mean is the last
one named before them (in the sentence, then in the article), else the first of the
story's countries; never the
country of a force the sentence names (the force is not in its own country), and none when
a place's name follows them ("the West African nation of Niger": the name is the mention).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from ..gazetteer.lookup import Gazetteer
from .targets import PlaceMention, target_of
from .text import Sentence, form
from .wordlists import load

#: A place's name starting this many words after the reference makes it a description.
NAME_AFTER = 2


@cache
def _pattern() -> re.Pattern[str]:
    places = load("places")
    stops = "|".join(re.escape(form(w)) for w in places["country_reference_stops"])
    described = rf"(?:(?!(?:{stops}|\d+) )\S+ ){{0,3}}?"
    branches = ["".join(described if w == "D" else re.escape(form(w)) + " "
                        for w in phrase.split()).rstrip(" ")
                for phrases in places["country_references"].values() for phrase in phrases]
    return re.compile(r" (?:" + "|".join(sorted(branches, key=len, reverse=True)) + r")(?= )")


def find_references(sentence: Sentence, mentions: list[PlaceMention], excluded: set[str],
                    earlier: tuple[str, ...], gazetteer: Gazetteer) -> list[PlaceMention]:
    """The country references of ``sentence`` as mentions (not yet judged), given its name
    ``mentions``; ``excluded``: the countries of the sentence's forces and actors;
    ``earlier``: the countries named before the sentence, the likeliest first."""
    text, offsets = sentence.joined("form")
    found: list[PlaceMention] = []
    for match in _pattern().finditer(text):
        start = bisect_left(offsets, match.start() + 1)
        stop = bisect_left(offsets, match.end() + 1)
        if start >= stop or offsets[start] != match.start() + 1:
            continue
        if any((start < m.stop and m.start < stop and not (
                m.role == "name" and start <= m.start and m.stop <= stop))
                or (m.role == "name" and stop <= m.start < stop + NAME_AFTER)
               for m in mentions):
            continue  # part of a name or a border phrase, or described before its name
        named = [m.targets[0].key for m in mentions if m.role == "name"
                 and m.stop <= start and m.targets[0].kind == "country"]
        country = next((c for c in (*reversed(named), *earlier) if c not in excluded
                        and c in gazetteer.places and gazetteer.places[c].kind == "country"),
                       None)
        if country is None:
            continue
        found.append(PlaceMention(sentence.span(start, stop), start, stop,
                                  (target_of(gazetteer.places[country]),), "reference"))
    return found


__all__ = ["NAME_AFTER", "find_references"]
