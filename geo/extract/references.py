"""Words that mean a place without naming it (``data/extract/places.yaml``):

- a country: "withdraw from the country", "rút quân khỏi nước này", "quitter le pays", "из
  страны" (``country_references``). It is the last country named before them (in the
  sentence, then in the article), else the first of the story's countries; never the
  country of a force the sentence names (the force is not in its own country);
- a country by its adjective: "le territoire tchadien", "Polish soil", "иракскую
  территорию" (``territory_words``);
- a site: "two warships spent four months at the base", "căn cứ này" (``site_references``):
  the last base or airport the article named;
- a town: "will leave the city", "покинуть этот город", "thành phố này"
  (``town_references``): the last town the article named;
- a capital: "the Haitian capital", "в столицу Мали" (:mod:`.capitals`).

They are place mentions of role ``reference``; none when a place's name follows them ("the
West African nation of Niger", "the base in Gyumri": the name is the mention).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ..gazetteer.lookup import Gazetteer
from .capitals import capital_mentions
from .lexicon import lexicon
from .names import continues_a_name
from .owners import actor_country
from .targets import NameMatch, PlaceMention, target_of
from .text import Sentence, phrase_form
from .wordlists import load

if TYPE_CHECKING:
    from .events import ForceMention, Trigger
    from .mentions import PlaceFinder

#: A place's name starting this many words after the reference makes it a description.
NAME_AFTER = 2
#: Kinds of place a site reference may mean, and a town reference ("the city").
SITE_KINDS = frozenset({"base", "airport"})
TOWN_KINDS = frozenset({"city"})


@cache
def _pattern(table: str) -> re.Pattern[str]:
    places = load("places")
    stops = "|".join(re.escape(phrase_form(w)) for w in places["country_reference_stops"])
    described = rf"(?:(?!(?:{stops}|\d+) )\S+ ){{0,3}}?"
    branches = ["".join(described if w == "D" else re.escape(phrase_form(w)) + " "
                        for w in phrase.split()).rstrip(" ")
                for phrases in places[table].values() for phrase in phrases]
    return re.compile(r" (?:" + "|".join(sorted(branches, key=len, reverse=True)) + r")(?= )")


@cache
def _needed(table: str) -> frozenset[str]:
    """The last word (form) of each phrase of ``table``, which a match holds as a whole
    word: a sentence with none of them holds no phrase."""
    return frozenset(phrase_form(phrase.replace(" D ", " ")).split(" ")[-1]
                     for phrases in load("places")[table].values() for phrase in phrases)


def _spans(sentence: Sentence, table: str, mentions: list[PlaceMention]
           ) -> list[tuple[int, int]]:
    """Word spans of the phrases of ``table``, not part of another mention (a name inside
    the words is theirs: "the Sahel country") and not followed by a name."""
    text, offsets, words = sentence.joined_words("form")
    if words is not None and _needed(table).isdisjoint(words):
        return []  # (words told apart by single spaces: the pattern's words are whole words)
    found = []
    for match in _pattern(table).finditer(text):
        start = bisect_left(offsets, match.start() + 1)
        stop = bisect_left(offsets, match.end() + 1)
        if start >= stop or offsets[start] != match.start() + 1:
            continue
        if any((start < m.stop and m.start < stop and not (
                m.role == "name" and start <= m.start and m.stop <= stop))
                or (m.role == "name" and stop <= m.start < stop + NAME_AFTER)
               for m in mentions):
            continue  # part of a name or a border phrase, or described before its name
        found.append((start, stop))
    return found


@cache
def _territory_forms() -> frozenset[str]:
    return frozenset(phrase_form(w)
                     for w in load("places")["territory_words"])


@cache
def _territory_firsts() -> frozenset[str]:
    """The first words of :func:`_territory_forms`."""
    return frozenset(w.split(" ")[0] for w in _territory_forms())


def _territories(sentence: Sentence, mentions: list[PlaceMention]
                 ) -> list[tuple[int, int, str]]:
    """(start, stop, country) of a territory named by its country's adjective ("le
    territoire tchadien", "Polish soil", "российской территории"), outside other mentions."""
    words = _territory_forms()
    tokens = sentence.tokens
    taken = {i for m in mentions for i in range(m.start, m.stop)}
    nationalities = lexicon().nationalities
    found = []
    # words i to j: text[offsets[i]:offsets[j] - 1]; ``plain``: each word alone, if none
    # is empty or holds a space (then a phrase there starts with one of ``firsts``)
    text, offsets, plain = sentence.joined_words("form")
    firsts = _territory_firsts()
    count = len(tokens)
    for index in range(count):
        if plain is not None and plain[index] not in firsts:
            continue
        begin = offsets[index]
        size = 2 if index + 2 <= count and text[begin:offsets[index + 2] - 1] in words else (
            1 if text[begin:offsets[index + 1] - 1] in words else 0)
        if not size or index in taken:
            continue
        after = nationalities.at(sentence, index + size)
        before = nationalities.ending_at(sentence, index)
        if after is not None:
            found.append((index, after[0], after[1]))
        elif before is not None and (adjective := nationalities.at(sentence, before)):
            found.append((before, index + size, adjective[1]))
    return [(a, b, c) for a, b, c in found if not taken.intersection(range(a, b))]


def find_references(sentence: Sentence, mentions: list[PlaceMention], excluded: set[str],
                    earlier: Sequence[str], sites: Sequence[str],
                    gazetteer: Gazetteer, towns: Sequence[str] = ()) -> list[PlaceMention]:
    """The references of ``sentence`` as mentions (not yet judged), given its name
    ``mentions``; ``excluded``: the countries of the sentence's forces and actors;
    ``earlier``: the countries named before the sentence, the likeliest first; ``sites``
    and ``towns``: the bases and airports, and the towns, named before it, the last last."""
    found: list[PlaceMention] = []
    places = gazetteer.places
    for start, stop in _spans(sentence, "country_references", mentions):
        named = [m.targets[0].key for m in mentions if m.role == "name"
                 and m.stop <= start and m.targets[0].kind == "country"]
        country = next((c for c in (*reversed(named), *earlier) if c not in excluded
                        and c in places and places[c].kind == "country"), None)
        if country is not None:
            found.append(PlaceMention(sentence.span(start, stop), start, stop,
                                      (target_of(places[country]),), "reference"))
    for start, stop, country in _territories(sentence, mentions):
        if country not in excluded and country in places and places[country].kind == "country":
            found.append(PlaceMention(sentence.span(start, stop), start, stop,
                                      (target_of(places[country]),), "reference"))
    for table, kinds, before in (("site_references", SITE_KINDS, sites),
                                 ("town_references", TOWN_KINDS, towns)):
        for start, stop in _spans(sentence, table, mentions):
            named = [m.targets[0].key for m in mentions if m.role == "name"
                     and m.stop <= start and m.targets[0].kind in kinds]
            words = sentence.span(start, stop)
            cue = lexicon().locative.at(sentence, start)
            if cue is not None and cue[0] < stop:  # "sur place", "на базе": its own cue
                start = cue[0]
            site = next((s for s in (*reversed(named), *reversed(before)) if s in places),
                        None)
            if site is not None:
                found.append(PlaceMention(words, start, stop, (target_of(places[site]),),
                                          "reference"))
    found += capital_mentions(sentence, mentions, excluded, earlier, gazetteer)
    return sorted(found, key=lambda m: m.start)


@dataclass
class Antecedents:
    """What an article has named so far, last named last: countries and sites."""

    countries: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    towns: list[str] = field(default_factory=list)

    def note_sites(self, names: Sequence[NameMatch]) -> None:
        """Keeps the bases, airports and towns of a sentence's place names."""
        self.sites.extend(n.place.id for n in names if n.place.kind in SITE_KINDS)
        self.towns.extend(n.place.id for n in names if n.place.kind in TOWN_KINDS)


def with_references(sentence: Sentence, mentions: list[PlaceMention],
                    forces: Sequence[ForceMention], triggers: Sequence[Trigger],
                    antecedents: Antecedents, story: Sequence[str], finder: PlaceFinder
                    ) -> list[PlaceMention]:
    """``mentions`` with the sentence's references ("from the country", "at the base"),
    judged; the names inside a reference are part of it ("the Sahel country"). Notes the
    sentence's countries and sites in ``antecedents`` for the sentences after it."""
    everything = (0, len(sentence.tokens))
    excluded = {f.country for f in forces if f.country}
    if any(not f.country for f in forces):  # the actor owns them ("Rome withdrew its")
        excluded |= {a for t in triggers if (a := actor_country(sentence, mentions,
                                                                   everything, t.start))}
    earlier = (*reversed(antecedents.countries), *story)
    found = find_references(sentence, mentions, excluded, earlier, antecedents.sites,
                            finder.gazetteer, antecedents.towns)
    names = [m for m in mentions if m.role == "name"]
    starts = {m.start for m in mentions}
    antecedents.countries.extend(m.targets[0].key for m in names
                                 if m.targets[0].kind == "country"
                                 and not _opens_a_name(sentence, m, starts))
    antecedents.sites.extend(m.targets[0].key for m in names
                             if m.targets[0].kind in SITE_KINDS)
    antecedents.towns.extend(m.targets[0].key for m in names
                             if m.targets[0].kind in TOWN_KINDS)
    if not found:
        return mentions
    inside = {i for m in found for i in range(m.start, m.stop)}
    kept = [m for m in mentions if not inside.intersection(range(m.start, m.stop))]
    return finder.judge(sentence, sorted(kept + found, key=lambda m: m.start))


def _opens_a_name(sentence: Sentence, mention: PlaceMention, starts: set[int]) -> bool:
    """Whether a country's name opens an organisation's ("the Sudan People's Liberation
    Movement", "South Sudan People's Defense Forces"): a capitalised word follows it that
    starts no place's name (``starts``: where the sentence's place mentions start). Such a
    name is no country "the country" may mean later."""
    return (not sentence.title_case and continues_a_name(sentence, mention.stop)
            and mention.stop not in starts)


__all__ = ["NAME_AFTER", "SITE_KINDS", "TOWN_KINDS", "Antecedents", "find_references",
           "with_references"]
