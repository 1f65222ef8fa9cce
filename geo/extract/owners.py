"""Whose force a record names: the country acting in the clause, the article's only
nationality for a kind of force, and the :class:`~geo.extract.draft.Force` itself."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence, Set
from itertools import pairwise

from ..gazetteer.boundaries import base_operators, capital_ids
from ..gazetteer.lookup import Gazetteer
from .draft import Force
from .events import ForceMention, Trigger
from .lexicon import lexicon
from .passive import is_agent
from .targets import PlaceMention, Target
from .text import Sentence

_SLUG = re.compile(r"[^a-z0-9]+")
#: The words between two forces named together ("border guards and troops", "MONUSCO
#: peacekeepers").
_COORDINATED = re.compile(r"\s*(?:,|,?\s*(?:and|và|cùng|et|и|as well as|ainsi que|cũng như)\s|\s)"
                          r"\s*(?:(?:the|les|la|le|các)\s+)?", re.IGNORECASE)


def slug(text: str) -> str:
    """``text`` as an id part: lower case, runs of other characters as one ``-``."""
    return _SLUG.sub("-", text.lower()).strip("-")


def actor_country(sentence: Sentence, mentions: list[PlaceMention], clause: tuple[int, int],
                  trigger: int, hosts: Set[str] = frozenset()) -> str | None:
    """The country whose forces act when a country's name, or its capital's, is the actor:
    the nearest one before the verb that is not where anything is ("India withdrew its
    troops", "Armenia asked Russia to withdraw", "Mỹ rút quân khỏi Iraq", "Россия вывела
    войска", "Washington agreed to withdraw"); never one after "with", "của"
    (:func:`_not_actor`), nor one of ``hosts``, the countries the clause's places are in
    ("the agreement between Iraq and the coalition: the withdrawal from Baghdad")."""
    actors = [m for m in mentions if clause[0] <= m.start and m.stop <= trigger
              and m.role == "name" and not m.locative and (
                  m.targets[0].kind == "country" or _capital(m))
              and not _not_actor(sentence, mentions, m)
              and (m.targets[0].key if m.targets[0].kind == "country"
                   else m.targets[0].country) not in hosts]
    if not actors:  # the passive's agent: "handed over by France", "rétrocédée par la France"
        actors = [m for m in mentions if trigger < m.start < clause[1] and m.role == "name"
                  and m.targets[0].kind == "country" and m.targets[0].key not in hosts
                  and is_agent(sentence, m.start)][:1]
    if not actors:
        return None
    target = actors[-1].targets[0]
    return target.key if target.kind == "country" else target.country


def _capital(mention: PlaceMention) -> bool:
    """True when the name is a capital's, even where the story read it as another place of
    that name ("Washington" as the state): a capital's name before the verb is its state."""
    capitals = capital_ids()
    return mention.targets[0].key in capitals or (
        mention.targets[0].kind in ("city", "province")
        and any(key in capitals for key in mention.chosen_from))


def _not_actor(sentence: Sentence, mentions: list[PlaceMention], mention: PlaceMention) -> bool:
    """True when a name cannot be the one acting: the object of a preposition ("between
    Iraq and the coalition", "with Niger", "для Мали"), the second of a pair after one, or
    a possessive before another place ("Iraq's Anbar province")."""
    lex = lexicon()
    tokens = sentence.tokens
    index = mention.start - 1
    while index >= 0 and tokens[index].key in ("the", "la", "le", "les", "l"):
        index -= 1
    if index >= 0 and tokens[index].key in lex.not_actor_before:
        return True
    if index >= 1 and tokens[index].key in ("and", "et", "и", "va"):
        earlier = next((m for m in mentions if m.stop == index), None)
        if earlier is not None and earlier is not mention:
            return _not_actor(sentence, mentions, earlier)
    last = tokens[mention.stop - 1].text
    return last.endswith(("'s", "’s")) and any(m.start == mention.stop for m in mentions)


#: Force types from the most to the least specific: one clause naming one country's
#: "peacekeeping contingent" and its "troops" names one force, the peacekeepers.
SPECIFIC_FIRST = ("pmc", "peacekeepers", "advisers", "border_guards", "military_police",
                  "navy", "air_force", "police", "mission", "army")


def note_nationalities(counts: dict[str, Counter[str]], forces: Sequence[ForceMention]) -> None:
    """Counts the nationality of each specific force named with one ("Russian
    peacekeepers"), in any sentence: a later "the peacekeepers" may be the same."""
    for force in forces:
        if force.country and not force.generic:
            counts.setdefault(force.type, Counter())[force.country] += 1


def recipients(sentence: Sentence, forces: list[ForceMention], verb: Trigger
               ) -> tuple[list[ForceMention], list[ForceMention]]:
    """``forces`` split into those that hand a site over and those it is handed over to
    ("rétrocédé à l'armée ivoirienne", "handed over to Russian troops", "bàn giao cho quân
    đội Iraq"): the latter take the site over."""
    if verb.action != "hand_over":
        return forces, []
    tokens = sentence.tokens
    words = lexicon().recipient_before
    taking = [f for f in forces if f.start > verb.start and f.type != "base" and any(
        tokens[i].form in words for i in range(max(verb.stop, f.start - 3), f.start))]
    givers = [f for f in forces if f not in taking]
    # a force hands nothing over to itself: "quân đội chính phủ Syria" took the only
    # nationality its sentence names, the giver's
    return givers, [f for f in taking if f.country not in {g.country for g in givers}]


def operators_of(places: Sequence[PlaceMention]) -> list[ForceMention]:
    """The force of the foreign country that ran the first of ``places`` that is a foreign
    base of the data (``operator`` of data/curated/bases.yaml): the giver of a hand-over whose
    sentence names only the taker ("la rétrocession du camp de Port-Bouët à l'armée
    ivoirienne": France's)."""
    operators = base_operators()
    return [ForceMention(m.start, m.stop, "base", m.text, found[0], True, None)
            for m in places if (found := operators.get(m.targets[0].key))][:1]


def one_per_country(sentence: Sentence, forces: list[ForceMention]) -> list[ForceMention]:
    """One force per country in a clause (bases apart): the most specific of its words
    ("Kenyan police officers ... the Kenyan force" is the police; "CSTO peacekeepers ...
    CSTO troops" the peacekeepers). Forces joined by "and" ("border guards and troops")
    are two."""
    chosen: dict[str | None, ForceMention] = {}
    kept: list[ForceMention] = []
    # "MONUSCO peacekeepers" are two forces; "SAMIDRC troops" one ("troops" says nothing)
    joined = {id(f) for a, b in pairwise(forces)
              if b.start >= a.stop and _COORDINATED.fullmatch(sentence.gap(a.stop - 1, b.start))
              and not (b.generic and sentence.gap(a.stop - 1, b.start).isspace())
              for f in (a, b)}
    equipment = lexicon().equipment
    machines = {id(f) for f in forces
                if " ".join(t.form for t in sentence.tokens[f.start:f.stop]) in equipment}
    for force in forces:
        if force.type == "base" or force.type not in SPECIFIC_FIRST or id(force) in joined:
            kept.append(force)
            continue
        best = chosen.get(force.country)
        if best is None or (id(best) in machines) > (id(force) in machines) or (
                (id(best) in machines) == (id(force) in machines)
                and SPECIFIC_FIRST.index(force.type) < SPECIFIC_FIRST.index(best.type)):
            chosen[force.country] = force  # people before machines, then the most specific
    return [f for f in forces if f in kept or chosen.get(f.country) is f]


def same_kind_country(nationalities: Mapping[str, Set[str]],
                      force: ForceMention) -> str | None:
    """The nationality of a force named without one ("the border guards"), when the article
    names that specific kind of force with one nationality only (``nationalities``: kind ->
    countries); never for generic words ("troops", "forces") and never from another kind."""
    if force.generic or force.type == "base":
        return None
    named = nationalities.get(force.type)
    if named and len(named) == 1:
        return next(iter(named))
    return None


def record_force(kind: str, country: str, target: Target, gazetteer: Gazetteer) -> Force:
    """The force a record names: by type and country, or the base itself."""
    lex = lexicon()
    labels = lex.nationality_labels.get(country, {"adjective": country, "vi_name": country})
    if kind == "base" and target.kind == "base":
        place = gazetteer.get(target.key)
        part = slug(target.key.split(":", 1)[-1])
        return Force(f"{country.lower()}-{part}-base", "base", country,
                     {"en": place.name, "vi": place.name_in("vi")})
    templates = lex.force_labels.get(kind, {"en": "{adjective} " + kind.replace("_", " ")})
    names = {lang: template.format(**labels) for lang, template in templates.items()}
    return Force(f"{country.lower()}-{kind.replace('_', '-')}", kind, country, names)


__all__ = [
    "SPECIFIC_FIRST",
    "actor_country",
    "note_nationalities",
    "one_per_country",
    "recipients",
    "record_force",
    "same_kind_country",
    "slug",
]
