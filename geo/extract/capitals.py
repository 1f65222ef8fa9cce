"""A capital meant without its name: "deployed to the Haitian capital", "Haiti's capital",
"the capital of Niger", "la capitale malienne", "в столицу Мали", "đến thủ đô Haiti". It is
the capital city (GeoNames' capital of the country, in the places table) of the country
named with the word, else of the last country named before it (as "the country" is).

A name of a town after the word is the mention itself ("the capital Bamako"); English
"capital" is a city only after "the", "its" or a possessive ("capital gains" is not).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from ..data_files import read_data_yaml
from ..gazetteer.boundaries import capitals
from ..gazetteer.lookup import Gazetteer
from .holders import DISTANCE_UNITS
from .lexicon import lexicon
from .targets import PlaceMention, target_of
from .text import Sentence, phrase_form

#: Words between the capital's word and the country it is the capital of ("of", "du").
_OF = frozenset({"of", "de", "du", "d", "des", "cua"})
#: Words before English "capital" that make it a city.
_ENGLISH_BEFORE = frozenset({"the", "its", "their"})
#: Articles between "of" and the country ("the capital of the Philippines").
_ARTICLES = frozenset({"the", "la", "le", "l", "les"})
#: The first words of the units of distance ("cây" of "cây số").
_UNIT_WORDS = frozenset(unit.split()[0] for unit in DISTANCE_UNITS)
#: How many words before the capital's word a name or a unit of distance makes it say where
#: another place is: "Riga, la capitale de la Lettonie", "the airport in the Haitian capital".
_DESCRIBES = 4


@cache
def _words() -> dict[str, int]:
    """The capital words of ``data/lexicon.yaml`` (forms, Vietnamese's two words joined by a
    space) and their length in words."""
    words = read_data_yaml("lexicon.yaml")["capital_words"]
    return {phrase_form(w): len(w.split()) for w in words}


def _at(sentence: Sentence, index: int) -> int:
    """The length of the capital word at word ``index`` (0 when none)."""
    words, tokens = _words(), sentence.tokens
    if tokens[index].form in words:
        return 1
    if index + 1 < len(tokens) and f"{tokens[index].form} {tokens[index + 1].form}" in words:
        return 2
    return 0


def _describes(sentence: Sentence, index: int, mentions: Sequence[PlaceMention]) -> bool:
    """True when the capital's word at ``index`` says where another place is: after a
    name and a comma ("Erbil, the capital of"), a site and its cue ("the airport in the
    Haitian capital") or a distance ("920 kilometres from the capital")."""
    tokens = sentence.tokens
    first = max(0, index - _DESCRIBES)
    if any(t.text.lower() in _UNIT_WORDS for t in tokens[first:index]):
        return True
    before = max((m for m in mentions if m.stop <= index), key=lambda m: m.stop, default=None)
    if before is None or before.stop < first:
        return False
    gap = sentence.text[tokens[before.stop - 1].end:tokens[index].start]
    return "," in gap or before.targets[0].kind in ("base", "airport", "checkpoint")


def capital_mentions(sentence: Sentence, mentions: Sequence[PlaceMention],
                     excluded: set[str], earlier: Sequence[str], gazetteer: Gazetteer
                     ) -> list[PlaceMention]:
    """The capitals ``sentence`` means without their names, as reference mentions (a
    country's name said with the word is part of the mention: "the capital of Niger");
    ``excluded``: the countries of its forces; ``earlier``: the countries named before."""
    tokens, places = sentence.tokens, gazetteer.places
    nationalities = lexicon().nationalities
    found: list[PlaceMention] = []
    for index in range(len(tokens)):
        size = _at(sentence, index)
        if not size or any(m.start <= index < m.stop for m in mentions):
            continue
        start, stop, country = index, index + size, None
        if _describes(sentence, index, mentions):
            continue
        owner = next((m for m in mentions if m.stop == index
                      and m.targets[0].kind == "country"), None)
        if owner is not None and tokens[owner.stop - 1].form.endswith(("'s", "’s")):
            start, country = owner.start, owner.targets[0].key  # "Haiti's capital"
        after = stop
        if after < len(tokens) and tokens[after].key in _OF:
            after += 1 + (after + 1 < len(tokens) and tokens[after + 1].key in _ARTICLES)
        named = next((m for m in mentions if m.start in (stop, after)), None)
        if named is not None:
            if named.targets[0].kind != "country":
                continue  # "the capital Bamako", "thủ đô Kiev": the name says it
            stop, country = named.stop, named.targets[0].key  # "the capital of Niger"
        if country is None:
            after_word = nationalities.at(sentence, stop)
            before = nationalities.ending_at(sentence, index)
            before_word = nationalities.at(sentence, before) if before is not None else None
            if after_word is not None and after_word[1] in places:
                stop, country = after_word  # "la capitale malienne", "столицу Мали"
            elif before_word is not None and before_word[1] in places:
                start, country = before, before_word[1]  # "the Haitian capital"
        if tokens[index].key == "capital" and country is None and (
                not index or tokens[index - 1].key not in _ENGLISH_BEFORE):
            continue  # "capital" alone: money as often as a city
        if country is None:
            country = next((c for c in earlier if c not in excluded and c in places
                            and places[c].kind == "country"), None)
        city = next((r["id"] for r in capitals(country) if r["id"] in places), None) \
            if country else None
        if city is not None:
            found.append(PlaceMention(sentence.span(start, stop), start, stop,
                                      (target_of(places[city]),), "reference"))
    return found


__all__ = ["capital_mentions"]
