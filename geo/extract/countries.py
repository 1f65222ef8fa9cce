"""The story's countries, read from an article when the user does not name them.

Every place name of the text counts for the country it lies in (a country's own name for
itself, counted twice: a town's name may be another country's town; a town's name that is
also a town of a country the text names counts for that country), except a name
standing next to a force word, which says whose the force is
("quân đội Mỹ", "troops of France"), not where it is, and a country's name just before a
verb of sending ("Россия отправила в Нигер", "Uganda deployed troops to"), the sender: it
comes after the others (a text that names no country is about the governments it names
by their nationality, "South Sudanese authorities"). The countries named at least a third
as often as the most named one are the story's, and the country of a military base named
after a cue ("left the Al Udeid air base"), most named first (at most :data:`MAX_COUNTRIES`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..gazetteer.normalize import normalize
from .cues import cue_span
from .lexicon import lexicon
from .mentions import PlaceFinder
from .names import country_names
from .text import CYRILLIC, Sentence

#: The most countries a story is given.
MAX_COUNTRIES = 5
#: A country is the story's when named at least this share of the most named one's count.
SHARE = 1 / 3
#: What a country's own name counts for (a town's or a province's counts 1).
COUNTRY_WEIGHT = 2


def _is_country(finder: PlaceFinder, code: str) -> bool:
    """True when ``code`` is a country of the data (GeoNames' 'GF' is a part of France)."""
    places = finder.gazetteer.places
    return bool(code) and code in places and places[code].kind == "country"


def _sender(sentence: Sentence, stop: int, sends: set[int], auxiliaries: frozenset[str]
            ) -> bool:
    """Whether a verb of sending starts at ``stop`` or one of the ``auxiliaries`` after it
    ("Uganda has deployed", "Mỹ đã đưa"): the name before it is whose the force is."""
    return stop in sends or (stop + 1 in sends and stop < len(sentence.tokens)
                             and sentence.tokens[stop].key in auxiliaries)


def story_parts(sentences: Iterable[Sentence], finder: PlaceFinder
                ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The countries ``sentences`` are about, most named first, and the countries named
    only as a force's sender (see the module)."""
    lex = lexicon()
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    countries: dict[str, bool] = {}  # _is_country by code: every name asks
    named: set[str] = set()  # countries named as such
    cued: set[str] = set()  # countries of a place named after "in", "from", "to", ...
    sites: set[str] = set()  # countries of a base named so
    senders: list[str] = []  # countries named as the sender of a force
    auxiliaries = lex.passive_aux | lex.ongoing_auxiliaries  # "has sent", "đã đưa"
    states: list[str] = []  # countries of a government named by its nationality
    # (country, other senses, weight, whether the name is a compass word, Russian stems)
    found: list[tuple[str, tuple[str, ...], int, bool, tuple[str, ...]]] = []
    for sentence in sentences:
        if not sentence.text:
            continue
        tokens = sentence.tokens
        states.extend(code for start, stop, code in lex.nationalities.find(sentence)
                      if (stop < len(tokens) and tokens[stop].key in lex.state_nouns)
                      or (start > 0 and tokens[start - 1].key in lex.state_nouns
                          and not CYRILLIC.search(tokens[start].text)))  # "autorités
        # maliennes"; Russian says "нигерских властей российские военные"
        names = finder.names(sentence)
        if not names:
            continue  # no force words needed
        # a base's word ("căn cứ al-Tanf", "the Bashiqa base") is part of a place's name
        forces = [f for f in lex.forces.find(sentence) if f[2] not in (None, "base")]
        edges = {i for start, stop, kind in forces if kind is not None
                 for i in (start - 1, stop, stop + 1 if stop < len(tokens)
                           and tokens[stop].form in lex.nationality_links else stop)}
        inside = {i for start, stop, kind in forces if kind is not None
                  for i in range(start, stop)}
        sends = {a for a, _, action in lex.triggers.find(sentence) if action == "deploy"}
        for name in names:
            place = name.place
            code = place.id if place.kind == "country" else place.country
            span = range(name.start, name.stop)
            country = countries.get(code)
            if country is None:
                country = countries[code] = _is_country(finder, code)
            if not country or inside.intersection(span) or (
                    edges.intersection(span) and (
                        place.kind == "country"
                        or lex.nationalities.at(sentence, name.start) is not None)):
                continue  # "German brigade": whose the force is, not where
            if place.kind == "country" and _sender(sentence, name.stop, sends, auxiliaries) and (
                    cue_span(sentence, name.start) is None):  # not "В Мозамбик прибыли"
                senders.append(code)  # "Россия отправила в Нигер": whose the force is
                continue
            # a country's own name is plainer evidence than a town's, which may be another
            # country's town of the same name ("Tapa, Estonia")
            if place.kind == "country":
                named.add(code)
            elif cue_span(sentence, name.start) is not None:
                cued.add(code)  # "withdrew from Juba": a place, not a stray word
                if place.kind == "base":  # "rời khỏi căn cứ không quân Al Udeid"; not the
                    sites.add(code)  # world's airports: "la Légion d'Afrique" is no "Legion"
            written = sentence.span(name.start, name.stop)
            found.append((code, (*name.chosen_from, *finder.gazetteer.senses(written)),
                          COUNTRY_WEIGHT if place.kind == "country" else 1,
                          normalize(written) in lex.compass_names,
                          tuple(t.form for t in tokens[span.start:span.stop])
                          if CYRILLIC.search(written) else ()))
    gazetteer = finder.gazetteer
    for code, others, weight, compass, stems in found:
        if compass and code not in named:
            continue  # "dans le Nord": not Cameroon's Nord province
        if code not in named:  # "Kant ... in Kyrgyzstan": not India's Kant; "Bagram, en
            # Afghanistan": Bagram Airfield, not Iran's Bahrām; "из Сум ... Украины": Сумы
            # in a case ending (a town's forms are known in its country only), not Soum
            code = next((c for other in others
                         if (c := gazetteer.places[other].country) in named), None) or next(
                (c for c in sorted(named) if stems and stems in country_names(
                    gazetteer, c).stems), code)
        counts[code] += weight
        first.setdefault(code, len(first))
    if not counts:  # no place named: the governments' countries ("South Sudanese
        # authorities"), then the senders
        hosts = tuple(dict.fromkeys(states))[:MAX_COUNTRIES]
        return hosts, tuple(c for c in dict.fromkeys(senders) if c not in hosts)
    top = max(counts.values())
    # a country no name of its own names, only one word with no cue before it, is no
    # story's beside one named more ("Колонна" -> Colón, Honduras; "the Gulf states" ->
    # Papua New Guinea's Gulf province)
    least = min(2, top)
    chosen = sorted((c for c, n in counts.items()
                     if c in sites or (n >= top * SHARE
                                       and (c in named or c in cued or n >= least))),
                    key=lambda c: (-counts[c], first[c]))
    # a sender counts for nothing: its places and forces' words are read, but it is no
    # country "the country" or a force going home may mean
    return tuple(chosen[:MAX_COUNTRIES]), tuple(
        c for c in dict.fromkeys(senders) if c not in chosen)


__all__ = ["COUNTRY_WEIGHT", "MAX_COUNTRIES", "SHARE", "story_parts"]
