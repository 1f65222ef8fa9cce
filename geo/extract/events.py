"""Forces and what happens to them, within one sentence.

A *force* is a phrase of ``data/extract/forces.yaml`` ("border guards", "lính gìn giữ hòa
bình", "military points") with its nationality when the sentence gives it ("Russian border
guards", "lực lượng biên phòng Nga") and the number before it ("some 2,000 Russian
peacekeepers"). A *trigger* is a verb or noun of ``events.yaml`` (withdraw, deploy, remain,
hand over). A sentence is cut into clauses at "but", "however", "tuy nhiên", ... and each
clause's trigger is read with the words before it:

==========================  ======================================================
words before the trigger    event
==========================  ======================================================
negation ("không ... rút")  ``remains`` (a withdrawal that is not planned)
request ("asked ... to")    ``withdrawal_requested``
agreement / future / going  ``withdrawal_agreed`` ("agreed to withdraw", "sẽ rút",
on                          "выводит", "are pulling out")
none                        ``withdrawn``
==========================  ======================================================

A hand-over reads the same words, with ``handed_over`` when none stands before it ("il
s'agira de rendre les clés": agreed, not yet done). "remain" gives ``remains``, "deploy"
``deployed`` (and nothing when negated); "replace" reads as a withdrawal of the force
replaced (its replacement arrives: :mod:`.rotations`). When a clause has several triggers,
remain > hand over > replace > withdraw > deploy:
"asked Moscow to withdraw the border guards that had been deployed at the airport" is a
withdrawal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from .acts import act_owners, owner_before, written_so
from .cues import is_locative
from .frames import framed, left_behind
from .grounds import agreement_grounds
from .lexicon import lexicon
from .mood import mood
from .opponents import opponent_ends, opposed
from .origins import arrived, country_list, leader, origins
from .phrases import split_phrases
from .strength import strength
from .text import CYRILLIC, Sentence, phrase_form

#: Trigger actions, strongest first.
PRIORITY = ("remain", "hand_over", "replace", "withdraw", "deploy")
#: Words between a presence and the verb that ends it ("presence in the Sahel region").
PRESENCE_REACH = 10
#: Events a record may carry, and whether each ends a presence.
EVENTS = {"deployed": False, "remains": False, "withdrawn": True, "withdrawal_agreed": True,
          "withdrawal_requested": True, "handed_over": True}


@dataclass(slots=True)
class ForceMention:
    """Words naming a force: token range, scenario force type, nationality, strength."""

    start: int
    stop: int
    type: str
    text: str
    country: str | None = None
    generic: bool = False
    strength: tuple[int, bool] | None = None
    #: True when the nationality is the sentence before's ("They", "the soldiers").
    anaphor: bool = False


@dataclass(slots=True)
class Trigger:
    """A word saying what happens to a force (token range and action)."""

    start: int
    stop: int
    action: str
    text: str


@dataclass(slots=True)
class Event:
    """What a clause says happens: one of :data:`EVENTS`, and the words that said so."""

    name: str
    trigger: Trigger
    modifiers: frozenset[str]


#: Words joining nationalities before one force word ("French and Italian troops").
_AND = frozenset({"and", "et", "и", "va2", "và"})


def _nationality(sentence: Sentence, start: int, stop: int) -> str | None:
    lex = lexicon()
    tokens = sentence.tokens
    index = stop
    if index < len(tokens) and tokens[index].form in lex.nationality_links:
        index += 1
    if index < len(tokens):
        found = lex.nationalities.at(sentence, index)
        if found and written_so(tokens, index, found[0]):
            return found[1]
    begin = lex.nationalities.ending_at(sentence, start)
    if begin is not None and owner_before(tokens, begin):
        found = lex.nationalities.at(sentence, begin)
        return found[1] if found and written_so(tokens, begin, found[0]) else None
    return leader(sentence, start, stop)


def _adjacent(sentence: Sentence, start: int, stop: int) -> str | None:
    """A nationality written right next to a force's words, with no link word between
    ("Casques bleus indiens", "Indian blue helmets"): it beats the organisation that owns
    the force word; "la Mission des Nations unies en RDC" names no nationality."""
    lex = lexicon()
    found = (lex.nationalities.at(sentence, stop) if stop < len(sentence.tokens)
             and sentence.gap(stop - 1, stop).isspace() else None)
    if found is None and start > 0 and sentence.gap(start - 1, start).isspace() and (
            begin := lex.nationalities.ending_at(sentence, start)) is not None and \
            owner_before(sentence.tokens, begin):
        found = lex.nationalities.at(sentence, begin)
        stop = begin
    if found is None or not written_so(sentence.tokens, stop, found[0]):
        return None
    return found[1]


def _coordinated(sentence: Sentence, found: list[ForceMention]) -> list[ForceMention]:
    """The forces of the other nationalities coordinated before a force's own adjective
    ("French and Italian troops", "US, British and NATO troops")."""
    lex = lexicon()
    tokens = sentence.tokens
    more: list[ForceMention] = []
    for force in found:
        begin = lex.nationalities.ending_at(sentence, force.start) if force.country else None
        while begin:
            if tokens[begin - 1].key in _AND:
                end = begin - 1
            elif sentence.gap(begin - 1, begin).strip() == ",":
                end = begin
            else:
                break
            begin = lex.nationalities.ending_at(sentence, end)
            named = lex.nationalities.at(sentence, begin) if begin is not None else None
            if named is None or named[0] != end or not written_so(tokens, begin, end):
                break
            more.append(ForceMention(force.start, force.stop, force.type, force.text,
                                     named[1], force.generic, force.strength))
        after = (lex.nationalities.at(sentence, force.stop)
                 if force.country and force.stop < len(tokens) else None)
        while after is not None and after[0] < len(tokens) - 1 and (
                tokens[after[0]].key in _AND):  # "soldats français et italiens"
            after = lex.nationalities.at(sentence, after[0] + 1)
            if after is not None:
                more.append(ForceMention(force.start, force.stop, force.type, force.text,
                                         after[1], force.generic, force.strength))
    return more


def find_forces(sentence: Sentence, blocked: frozenset[int] | set[int] = frozenset()
                ) -> list[ForceMention]:
    """Every force mentioned in ``sentence`` (phrases in ``not_forces`` excluded)."""
    lex = lexicon()
    found: list[ForceMention] = []
    # before any verb, "troops from Chad" says whose they are; after one ("withdrew troops
    # from Niger") where they were
    verbs = [(a, b, action) for a, b, action in lex.triggers.find(sentence) if action]
    first_verb = min((a for a, _, _ in verbs), default=len(sentence.tokens))
    named: list[int] = []  # the first nationality not after a locative cue, when asked

    def first_name() -> int:
        if not named:
            named.append(min((a for a, _, _ in lex.nationalities.find(sentence)
                              if not is_locative(sentence, a)), default=len(sentence.tokens)))
        return named[0]

    for start, stop, kind in lex.forces.find(sentence, blocked):
        if kind is None:
            continue
        forms = [t.form for t in sentence.tokens[start:stop]]
        words = " ".join(forms)
        owner = next((lex.force_owners[part] for size in range(len(forms), 0, -1)
                      for first in range(len(forms) - size + 1)
                      if (part := " ".join(forms[first:first + size])) in lex.force_owners),
                     None)
        country = (_adjacent(sentence, start, stop) or owner if owner
                   else _nationality(sentence, start, stop))
        came, end = [], stop
        if country is None and (stop <= first_verb or (arrived(sentence, verbs, start)
                                and first_name() >= stop)):
            came, end = origins(sentence, stop)  # the countries' names are the force's words
        elif country is not None and lex.nationalities.at(sentence, stop) is not None and \
                not CYRILLIC.search(sentence.tokens[stop].text):  # (Russian: a possessive)
            listed, last = country_list(sentence, stop, stop)  # "binh sĩ Pháp, Anh và Na Uy"
            if len(listed) > 1:
                came, end = listed, last
        found.extend(ForceMention(start, end, kind, sentence.span(start, end), country,
                                  words in lex.generic_forces, strength(sentence, start))
                     for country in (came or [country]))
    taken = {i for f in found for i in range(f.start - 1, f.stop + 1)}
    found += [ForceMention(start, stop, "army", sentence.span(start, stop), country, True)
              for start, stop, country in act_owners(sentence)  # "the Italian withdrawal"
              if taken.isdisjoint(range(start, stop))]
    found.sort(key=lambda f: f.start)
    # "its pullout from the UN mission": what is left is no force, nor owns one
    found = _of_a_base(sentence, _parts_named(sentence, left_behind(sentence, found)))
    if ends := opponent_ends(sentence):  # "to fight against Russian mercenaries"
        found = [f for f in found if not opposed(sentence, f.start, ends)]
    # "các lực lượng và lực lượng biên phòng Nga": coordinated forces share a nationality.
    for position, force in enumerate(found):
        if force.country is None:
            for other in found[position + 1:position + 2] + found[max(0, position - 1):position]:
                gap = sentence.text[sentence.tokens[min(force.stop, other.stop) - 1].end:
                                    sentence.tokens[max(force.start, other.start)].start]
                if other.country and re.fullmatch(r"\s*(?:,|and|và)?\s*", gap):
                    found[position] = ForceMention(force.start, force.stop, force.type,
                                                   force.text, other.country, force.generic,
                                                   force.strength)
                    break
    found += _coordinated(sentence, found)
    # "Kenyan police officers ... the security personnel": a force word without a
    # nationality takes the only one its own sentence names (never another sentence's).
    named = {f.country for f in found if f.country and f.type != "base"}  # "Niger's base"
    if len(named) == 1:
        country = next(iter(named))
        found = [f if f.country or f.type == "base" else ForceMention(
            f.start, f.stop, f.type, f.text, country, f.generic, f.strength) for f in found]
    return framed(sentence, found)


def _parts_named(sentence: Sentence, found: list[ForceMention]) -> list[ForceMention]:
    """Drops a general word for troops that names a part of the next, specific force
    ("units of the Russian peacekeeping contingent", "Подразделения российского
    миротворческого контингента"): the specific one says what the force is."""
    kept: list[ForceMention] = []
    for position, force in enumerate(found):
        after = found[position + 1] if position + 1 < len(found) else None
        if (after is not None and force.type == "army" and after.type not in ("army", "base")
                and not (force.country and after.country and force.country != after.country)
                and _only_links(sentence, force.stop, after.start)):
            if after.strength is None and force.strength is not None:
                after.strength = force.strength
            continue
        kept.append(force)
    return kept


def _of_a_base(sentence: Sentence, found: list[ForceMention]) -> list[ForceMention]:
    """A force of no stated nationality that belongs to the base named right after it
    ("soldiers of the 102nd Russian base", "Военнослужащие 102-й российской военной базы")
    is that base's country's."""
    nationalities = lexicon().nationalities
    owned = list(found)
    for position, (force, after) in enumerate(pairwise(found)):
        adjective = nationalities.ending_at(sentence, after.start)  # "Russian", not "Niger's"
        if (force.country is None and after.type == "base" and after.country
                and adjective is not None
                and _only_links(sentence, force.stop, adjective, numbers=True)):
            owned[position] = replace(force, country=after.country)
    return owned


def _only_links(sentence: Sentence, first: int, stop: int, numbers: bool = False) -> bool:
    """True when the words in ``[first, stop)`` are only "of", articles and nationality
    (and numbers, "the 102nd", with ``numbers``)."""
    lex = lexicon()
    index = first
    while index < stop:
        nationality = lex.nationalities.at(sentence, index)
        if nationality is not None:
            index = nationality[0]
            continue
        token = sentence.tokens[index]
        number = numbers and (token.text[:1].isdigit() or (  # "102", "102-й"
            index > first and sentence.tokens[index - 1].text[:1].isdigit()
            and sentence.gap(index - 1, index) == "-"))
        if token.form not in lex.part_links and not number:
            return False
        index += 1
    return index == stop and "," not in sentence.text[
        sentence.tokens[first - 1].end:sentence.tokens[stop].start]


def find_triggers(sentence: Sentence, blocked: frozenset[int] | set[int] = frozenset()
                  ) -> list[Trigger]:
    """Every trigger in ``sentence`` (phrases in ``not_triggers`` excluded); a word for
    staying that qualifies the force after it ("its remaining troops", "оставшиеся
    войска") says nothing happens, nor an act's word that ends the sentence after a word
    of time ("after base handover")."""
    lex = lexicon()
    found = []
    for start, stop, action in lex.triggers.find(sentence, blocked):
        if action is None:
            continue
        if action == "remain" and stop - start == 1 and _qualifies_force(sentence, stop):
            continue
        if _dates_another(sentence, start, stop):  # "after the withdrawal, ...": a date
            continue
        found.append(Trigger(start, stop, action, sentence.span(start, stop)))
    taken = {i for t in found for i in range(t.start, t.stop)} | set(blocked)
    split = [Trigger(start, start + 1, action, text) for start, text, action
             in split_phrases(sentence, lex.split_triggers) if start not in taken]
    return _ended(sentence, sorted(found + split, key=lambda t: t.start))


def _dates_another(sentence: Sentence, start: int, stop: int) -> bool:
    """Whether the act's word at ``start:stop`` follows a word of time and ends its phrase:
    "after the withdrawal, ...", "après le retrait.", not "after their withdrawal from"."""
    tokens = sentence.tokens
    closed = stop == len(tokens) or any(c in sentence.gap(stop - 1, stop) for c in ",;:")
    return closed and any(tokens[i].key in lexicon().time_before
                          for i in range(max(0, start - 2), start))


def _ended(sentence: Sentence, found: list[Trigger]) -> list[Trigger]:
    """A presence said to end after it ("the French military presence in Chad ended", "la
    présence ... a pris fin", "присутствие ... завершилось"): the verb that ends it is a
    withdrawal, and the presence no deployment."""
    lex = lexicon()
    nouns = [stop for _, stop, _ in lex.presence_nouns.find(sentence)]
    ends = [(start, stop) for start, stop, _ in lex.presence_endings.find(sentence)
            if any(0 <= start - noun <= PRESENCE_REACH for noun in nouns)]
    if not ends:
        return found
    first = min(start for start, _ in ends)
    kept = [t for t in found if not (t.action == "deploy" and t.start < first
                                     and phrase_form(t.text) in lex.presence_words)]
    taken = {i for t in kept for i in range(t.start, t.stop)}
    kept += [Trigger(start, stop, "withdraw", sentence.span(start, stop)) for start, stop in ends
             if taken.isdisjoint(range(start, stop))]
    return sorted(kept, key=lambda t: t.start)



def _qualifies_force(sentence: Sentence, stop: int) -> bool:
    """True when a force's words (after its nationality) start at word ``stop``."""
    lex = lexicon()
    index = stop
    nationality = lex.nationalities.at(sentence, index)
    if nationality is not None:
        index = nationality[0]
    force = lex.forces.at(sentence, index)
    return force is not None and force[1] is not None


def clauses(sentence: Sentence) -> list[tuple[int, int]]:
    """Token ranges of the clauses of ``sentence`` (cut before "but", "tuy nhiên", ...)."""
    lex = lexicon()
    tokens = sentence.tokens
    cuts = [0]
    for start, _, _ in lex.clause_breaks.find(sentence):
        if start == 0:
            continue
        if tokens[start].form in lex.comma_breaks and "," not in sentence.gap(start - 1, start):
            continue
        cuts.append(start)
    if ";" in sentence.text:
        for index in range(1, len(tokens)):
            if ";" in sentence.gap(index - 1, index) and index not in cuts:
                cuts.append(index)
    cuts = sorted(set(cuts))
    return [(a, b) for a, b in zip(cuts, [*cuts[1:], len(tokens)], strict=True) if b > a]


def _modifiers(sentence: Sentence, clause: tuple[int, int], trigger: Trigger) -> set[str]:
    lex = lexicon()
    found: set[str] = set()
    grounds = {word for _, word, _ in agreement_grounds(sentence)}  # not its mood
    for position, _, name in lex.modifiers.find(sentence):
        if not clause[0] <= position < clause[1] or position in grounds:
            continue
        before = position < trigger.start
        if name == "agreed" or (before and trigger.start - position <= lex.modifier_reach[name]):
            found.add(name)
    return found | mood(sentence, trigger.start, trigger.stop, clause[1])


def classify(sentence: Sentence, clause: tuple[int, int], trigger: Trigger) -> Event | None:
    """The event ``trigger`` states in ``clause``, or None (a negated deployment)."""
    modifiers = _modifiers(sentence, clause, trigger)
    negated = "negation" in modifiers
    action = trigger.action
    if action == "deploy":
        name = None if negated else "deployed"
    elif action == "remain":
        name = "withdrawal_agreed" if negated else "remains"
    elif negated:
        name = "remains"
    elif "requested" in modifiers:
        name = "withdrawal_requested"
    elif modifiers & {"future", "purpose", "ongoing"} or (
            modifiers & {"agreed", "announced"} and "done" not in modifiers):
        name = "withdrawal_agreed"
    else:
        name = "handed_over" if action == "hand_over" else "withdrawn"
    return None if name is None else Event(name, trigger, frozenset(modifiers))


__all__ = ["EVENTS", "PRESENCE_REACH", "PRIORITY", "Event", "ForceMention", "Trigger",
           "classify", "clauses", "find_forces", "find_triggers"]
