"""A direction before a country's name makes the mention that part of the country:
"in northern Mozambique", "dans le nord du Mali", "на севере Мали", "ở miền Bắc Mali".

The direction words are the gazetteer's (``data/directions.yaml``); the gazetteer computes
the part (an approximate region, ``part:MZ-north``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import cache

from ..errors import PlaceNotFound
from ..gazetteer.directions import direction_phrases, vietnamese_direction_forms
from ..gazetteer.lookup import Gazetteer
from ..gazetteer.normalize import normalize
from ..gazetteer.place import Place
from .lexicon import lexicon
from .targets import PlaceMention, target_of
from .text import Sentence

#: Words in the Latin script (Vietnamese, French): the others are not checked for tones.
_LATIN = re.compile(r"[a-z\u00c0-\u024f\u1e00-\u1eff]+")
#: The most words a direction phrase takes before the name ("the north east of the").
REACH = 5


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """Words a direction phrase may start with (normalised, articles included), and the
    direction phrases themselves ("mien bac" is a part's words, not Cameroon's Nord)."""
    phrases = direction_phrases()
    return frozenset({p.split()[0] for p in phrases} | {"the", "le", "la", "l"}), phrases


def _spelt_as_direction(sentence: Sentence, start: int, stop: int) -> bool:
    """False when a Vietnamese word between ``start`` and ``stop`` only looks like a
    direction without its tone marks ("hoạt động tại Djibouti" is not "đông ... Djibouti")."""
    forms = vietnamese_direction_forms()
    for token in sentence.tokens[start:stop]:
        text = unicodedata.normalize("NFC", token.text.lower())
        if not text.isascii() and _LATIN.fullmatch(text) and text not in forms:
            return False
    return True


def country_parts(sentence: Sentence, mentions: list[PlaceMention],
                  gazetteer: Gazetteer) -> list[PlaceMention]:
    """``mentions`` with each country named after a direction made that part (not judged:
    the mention now starts at the direction's first word)."""
    firsts, phrases = _words()
    tokens = sentence.tokens
    changed = False
    found: list[PlaceMention] = []
    directions = [m for m in mentions if normalize(m.text) in phrases]
    taken = {i for m in mentions if m not in directions for i in range(m.start, m.stop)}
    for mention in mentions:
        if mention.role != "name" or mention.targets[0].kind != "country":
            found.append(mention)
            continue
        best = None
        for start in range(mention.start - 1, max(-1, mention.start - REACH - 1), -1):
            if start in taken:
                break
            if normalize(tokens[start].text) not in firsts or not _spelt_as_direction(
                    sentence, start, mention.start):
                continue
            try:
                place = gazetteer.resolve(sentence.span(start, mention.stop))
            except PlaceNotFound:
                continue
            if place.id.startswith("part:") and place.country == mention.targets[0].key:
                best = (start, place)
        if best is None:
            found.append(mention)
            continue
        start, place = best
        changed = True
        found = [m for m in found if m.stop <= start]  # a direction's words are its own
        if found and _says_where(sentence, found[-1], start, place, gazetteer):
            continue  # "the camp in Tessalit, northern Mali": where the camp is
        found.append(replace(mention, text=sentence.span(start, mention.stop), start=start,
                             targets=(target_of(place),), chosen_from=(), locative=False,
                             problem=""))
    return found if changed else mentions


#: Between a place and the part of a country after it that says where it lies.
_WHERE_GAP = re.compile(r"^\s*(?:,|\(|,?\s*(?:in|dans|au|en|в|во|на|ở|tại))\s*$",
                        re.IGNORECASE)


def _says_where(sentence: Sentence, before: PlaceMention, start: int, part: Place,
                gazetteer: Gazetteer) -> bool:
    """True when the part starting at word ``start`` follows ``before`` with only a comma or
    "in" between and holds its place: it says where that place is, as a country would."""
    if before.role != "name" or before.stop > start:
        return False
    gap = sentence.text[sentence.tokens[before.stop - 1].end:sentence.tokens[start].start]
    if not _WHERE_GAP.match(gap):
        return False
    inside = gazetteer.get(before.targets[0].key).geometry.representative_point()
    return bool(part.geometry.buffer(0.05).contains(inside))


def compass_elsewhere(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """``mentions`` without a province named by a compass word ("l'Est du pays") whose
    country the sentence does not name: Cameroon's Est province is meant only with
    Cameroon in the sentence ("la région de l'Est, au Cameroun")."""
    compass = lexicon().compass_names
    named = {m.targets[0].key for m in mentions if m.targets and m.targets[0].kind == "country"}
    return [m for m in mentions if not (
        m.role == "name" and m.targets and m.targets[0].kind == "province"
        and m.targets[0].country not in named and normalize(m.text) in compass)]


__all__ = ["REACH", "compass_elsewhere", "country_parts"]
