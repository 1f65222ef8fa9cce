"""From article files to a :class:`~geo.extract.draft.Draft`: the extraction pipeline.

1. Read each file: header, language, sentences; in each sentence with a force or a trigger,
   the place mentions, forces, clauses and events; and every date (for step 2).
2. Date each article (:mod:`geo.extract.published`): given, from its header, or inferred
   from its text and the other articles of its story.
3. Date each record against its article: a deployment's start, a withdrawal's end (one with
   no date ended before the article; an agreed one ends on the day of the agreement) and
   score its confidence."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from operator import attrgetter
from pathlib import Path

from ..gazetteer.lookup import Gazetteer
from .agents import agent_forces
from .anaphora import Antecedent, opens_with_pronoun, resolve
from .article_dates import DateMention, find_dates
from .asides import aside_words
from .cues import listed
from .datelines import dateline_end
from .draft import Draft, Unused
from .drafting import finish
from .events import (
    ForceMention,
    Trigger,
    classify,
    clauses,
    find_forces,
    find_triggers,
)
from .governing import by_verb, kept_positions, main_trigger, sites_first
from .header import split_header
from .hosts import clause_host
from .language import UNREAD_ADVICE, detect_language, unread_language
from .lexicon import lexicon
from .mentions import PlaceFinder
from .owners import (
    actor_country,
    note_nationalities,
    one_per_country,
    operators_of,
    recipients,
)
from .partial import one_site_of, partial
from .parts import compass_elsewhere, country_parts
from .passive import passive_site
from .pending import Pending
from .published import Published
from .reading import Reading
from .record_dates import clause_date
from .references import with_references
from .rotations import rotation, with_rotations
from .stationed import stationed
from .targets import PlaceMention, target_of
from .text import Sentence, sentences
from .unused_reasons import NO_VERB, place_problems

#: Events that move a force away: a destination named with them is where it arrives.
_LEAVING = ("withdrawn", "withdrawal_agreed", "withdrawal_requested")

#: How far apart (degrees, ~30 km) the places a force moves between are ("Ream's pier" and
#: "the Ream base" are one place).
MOVE_DEGREES = 0.3
#: The most records one sentence gives (a list of 600 places is not 600 deployments).
MAX_RECORDS_PER_SENTENCE = 20


class Extractor:
    """Extracts draft records with one gazetteer (build once: the index takes ~0.5 s)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.country = gazetteer.country
        self.finder = PlaceFinder(gazetteer)

    # -- step 1 -----------------------------------------------------------------------------

    def read(self, path: Path, text: str, source: str, cut: list[Sentence] | None = None,
             countries: tuple[str, ...] | None = None) -> Reading:
        """Step 1 for one article (``cut``: its sentences, when already made from ``text``;
        ``countries``: the story's, when not the gazetteer's: none for a text that names
        none, so that "the country" is no default country)."""
        header, offset = split_header(text)
        body = text[offset:]
        language = (header["language"].strip().lower()[:2], 1.0) if "language" in header \
            else detect_language(body)
        reading = Reading(path, source, text, header, language,
                          sentences(text, offset) if cut is None else cut,
                          countries=self.gazetteer.countries if countries is None
                          else countries)
        unread = unread_language(language[0])
        if unread and reading.sentences:
            reading.unused.append(Unused(source, 0, reading.sentences[0].quote,
                                         f"the article is in {unread}; {UNREAD_ADVICE}"))
            return reading
        for sentence in reading.sentences:
            self._sentence(reading, sentence)
        return reading

    def _sentence(self, reading: Reading, sentence: Sentence) -> None:
        lex = lexicon()
        tags = lex.scan.tags(unicodedata.normalize("NFC", sentence.text.lower()))
        dates = find_dates(sentence.text)
        for date in dates:
            reading.evidence.add(date, future="future" in tags)
            reading.dates.append(date)
            if "agreed" in tags and date.day:
                reading.agreements.append(date)
        # No record without a force (a base's name is one) and a verb (else worth a look).
        if "site" in tags and ("trigger" not in tags or "force" not in tags):
            # "Ream Naval Base is being expanded": a later "the base" is that base
            reading.antecedents.note_sites(self.finder.names(sentence))
        pointing = opens_with_pronoun(sentence, reading.forces_before)
        if "force" not in tags and "base" not in tags and "site" not in tags and not pointing:
            return
        if "trigger" not in tags:
            if "force" in tags or pointing:
                forces = self._forces(reading, sentence)
                if not self._verbless(reading, sentence, forces, dates):
                    self._unused(reading, sentence, NO_VERB)
            return
        forces = resolve(sentence, find_forces(sentence), reading.forces_before)
        # a verb inside a force's words is none ("peacekeeping presence"; "rút quân" is)
        triggers = [t for t in find_triggers(sentence) if not any(
            f.start <= t.start and t.stop <= f.stop for f in forces)]
        if not triggers:
            if forces:
                self._unused(reading, sentence, NO_VERB)
            return
        mentions = compass_elsewhere([self._same_sense(reading, m)
                                      for m in self._mentions(sentence, triggers)])
        parts = country_parts(sentence, mentions, self.gazetteer)  # "northern Mali"
        if parts is not mentions:
            mentions = self.finder.judge(sentence, parts)
        reading.areas.update(m.targets[0].key for m in mentions if m.role == "name"
                             and m.targets[0].kind in ("province", "region"))
        named = {i for m in mentions if m.role == "name" for i in range(m.start, m.stop)}
        # a force word with its nationality ("US Marines") is a force, even where the word
        # is also a place's name, and so is one that is all of a name no cue makes a place
        # ("Marines have begun to arrive"); otherwise the name wins ("the Kapan garrison")
        bare = {(m.start, m.stop) for m in mentions if m.role == "name" and not m.locative}
        kept = {i for f in forces if f.country or (f.start, f.stop) in bare
                for i in range(f.start, f.stop)}
        mentions = [m for m in mentions if m.role != "name"
                    or not kept.intersection(range(m.start, m.stop))]
        named -= kept
        forces = [f for f in forces if not named.intersection(range(f.start, f.stop))]
        triggers = [t for t in triggers if not named.intersection(range(t.start, t.stop))]
        note_nationalities(reading.nationalities, forces)
        if forces:
            reading.forces_before = Antecedent(sentence.index, tuple(forces))
        mentions = with_references(sentence, mentions, forces, triggers, reading.antecedents,
                                   reading.countries, self.finder)
        usable = [m for m in mentions if m.usable]
        reading.evidence.places.update(t.key for m in usable for t in m.targets)
        bases = [m for m in usable if m.targets[0].kind == "base" or (  # or handed over by
            m.targets[0].kind == "airport" and passive_site(sentence, m))]
        if not forces and not bases:
            return
        reasons: list[str] = []
        made = 0
        previous: list[ForceMention] = []
        before: list[PlaceMention] = []
        for clause in clauses(sentence):
            own = [f for f in forces if clause[0] <= f.start < clause[1]]
            if previous and all(f.type == "base" and not f.country for f in own):
                own = []  # "but most of them moved to the X air base": the troops before
            clause_forces, inherited = (own, False) if own else (previous, True)
            previous = own or previous
            places = [m for m in usable if clause[0] <= m.start < clause[1]] or (
                kept_positions(sentence, clause, triggers) and before)
            before = places or before  # "..., but will keep five positions": there
            if not places:  # "Chad asked France to withdraw its troops": Chad; "returned
                # home", "la France ... le retrait de ses soldats": the story's country
                places = clause_host(sentence, clause, mentions, clause_forces, triggers,
                                     reading.countries, self.gazetteer)
            if not places:
                reasons.extend(place_problems(
                    [m for m in mentions if clause[0] <= m.start < clause[1]], forces))
                continue
            trigger = main_trigger([t for t in triggers if clause[0] <= t.start < clause[1]],
                                   sentence, clause)
            if trigger is None:
                reasons.append(NO_VERB)
                continue
            owner = actor_country(sentence, mentions, clause, trigger.start,
                                  {m.targets[0].country for m in places})
            if owner and not inherited:
                clause_forces = [f if f.country else replace(f, country=owner)
                                 for f in clause_forces]
            if not clause_forces and owner:  # "the Abeche base was handed over by France"
                clause_forces = [ForceMention(m.start, m.stop, "base" if m.targets[0].kind == "base"
                                              else "army", m.text, owner, False, None)
                                 for m in places if m.targets[0].kind in ("base", "airport")][:1]
            clause_forces = one_per_country(sentence, clause_forces)
            verbs = [t for t in triggers if clause[0] <= t.start < clause[1]]
            agents = agent_forces(sentence, verbs, clause_forces)  # "vacated by X troops"
            for verb, group in with_rotations(sentence, by_verb(sentence, places, verbs,
                                                                trigger), verbs, places):
                group = sites_first(group, [self.finder.cue(sentence, m) for m in group],
                                    {f.country for f in clause_forces}, verb.action)
                event = classify(sentence, clause, verb)
                if agents:
                    made += self._others(reading, sentence, clause, verbs, agents, verb,
                                         clause_forces, group, dates)
                if verb.action == "replace" and event is not None:  # one arrives, one leaves
                    arriving, leaving = rotation(sentence, verb, clause_forces, agents)
                    made += self._clause(reading, sentence, clause, leaving, inherited, group,
                                         event, dates)
                    made += self._clause(reading, sentence, clause, arriving, False, group,
                                         replace(event, name="deployed"), dates)
                    continue
                givers, takers = recipients(sentence, agents.get(verb.start) or [
                    f for f in clause_forces if not any(f in a for a in agents.values())], verb)
                if not givers and verb.action == "hand_over":  # "la rétrocession du camp de
                    givers = operators_of(group)  # Port-Bouët à l'armée ivoirienne": France
                if event is None:
                    reasons.append(f"the deployment is negated ({verb.text!r})")
                    continue
                made += self._clause(reading, sentence, clause, givers, inherited, group,
                                     event, dates)
                if takers:  # "handed over the base to Russian troops": they take it over
                    made += self._clause(reading, sentence, clause, takers, False, group,
                                         replace(event, name="deployed"), dates)
        if not made:
            reason = "; ".join(dict.fromkeys(reasons)) or "no place named where a force can be"
            self._unused(reading, sentence, reason)

    def _others(self, reading: Reading, sentence: Sentence, clause: tuple[int, int],
                verbs: list[Trigger], agents: dict[int, list[ForceMention]], verb: Trigger,
                forces: list[ForceMention], group: list[PlaceMention],
                dates: list[DateMention]) -> int:
        """Records of the forces that are no agent of ``verb``, an agent's verb, at its
        places: what the clause's other verb says ("moved into the bases vacated by ...")."""
        leaving = {f.country for a in agents.values() for f in a}  # nor the agents' bases
        others = [f for f in forces if not any(f in a for a in agents.values())
                  and not (f.type == "base" and f.country in leaving)]
        main = main_trigger([t for t in verbs if t.start not in agents], sentence, clause)
        event = classify(sentence, clause, main) if main and verb.start in agents else None
        if not others or event is None:
            return 0
        return self._clause(reading, sentence, clause, others, False, group, event, dates)

    def _forces(self, reading: Reading, sentence: Sentence) -> list[ForceMention]:
        """The forces of a sentence with no verb, noted for the sentences after it."""
        forces = resolve(sentence, find_forces(sentence), reading.forces_before)
        note_nationalities(reading.nationalities, forces)
        if forces:
            reading.forces_before = Antecedent(sentence.index, tuple(forces))
        return forces

    def _mentions(self, sentence: Sentence, triggers: list[Trigger]) -> list[PlaceMention]:
        """The place mentions of ``sentence`` outside its dateline and bracketed asides."""
        filed = dateline_end(sentence.text, sentence.index)
        found = self.finder.find(sentence)
        aside = aside_words(sentence, triggers, {i for m in found for i in range(m.start, m.stop)})
        return [m for m in found if sentence.tokens[m.start].start >= filed
                and m.start not in aside]

    def _verbless(self, reading: Reading, sentence: Sentence, forces: list[ForceMention],
                  dates: list[DateMention]) -> int:
        """Records of forces named at a place with no verb ("the 900 US troops in Syria")."""
        made = 0
        clause = (0, len(sentence.tokens))
        for force, mention, event in stationed(sentence, forces, self._mentions(sentence, [])):
            made += self._clause(reading, sentence, clause, [force], False, [mention], event,
                                 dates)
        return made

    def _same_sense(self, reading: Reading, mention: PlaceMention) -> PlaceMention:
        """A town's name that the article used before for a province or region of that name
        means the area again (one sense per article)."""
        if mention.role != "name" or mention.targets[0].kind != "city":
            return mention
        area = next((key for key in mention.chosen_from if key in reading.areas), None)
        if area is None:
            return mention
        return replace(mention, targets=(target_of(self.gazetteer.get(area)),),
                       chosen_from=(mention.targets[0].key,))

    def _clause(self, reading: Reading, sentence: Sentence, clause: tuple[int, int],
                forces: list[ForceMention], inherited: bool, places: list[PlaceMention],
                event, dates: list[DateMention]) -> int:
        date = clause_date(sentence, clause, event.trigger.start, dates,
                         start_only=event.name in ("deployed", "remains"))
        made = 0
        lex = lexicon()
        cues = {id(m): self.finder.cue(sentence, m) for m in places}
        for before, mention in pairwise(sorted(places, key=attrgetter("start"))):
            if not cues[id(mention)] and before.stop <= mention.start and listed(
                    sentence, before.stop, mention.start):
                cues[id(mention)] = cues[id(before)]  # "returned to Gedo, Bay and Bakool"
        for mention in places:
            near = abs(mention.start - event.trigger.start) <= 12
            name = event.name
            others = [m for m in places if cues[id(m)] not in lex.origins]
            verb = sentence.tokens[event.trigger.start:event.trigger.stop]
            moving = " ".join(t.form for t in verb) in lex.movement_verbs or \
                verb[-1].form in lex.movement_verbs  # as written; "được chuyển"
            cue, later = cues[id(mention)], [m for m in others if m.start > mention.start]
            origin = cue in lex.origins or (cue in lex.origin_before_place and moving and any(
                cues[id(m)] in lex.destinations for m in later))  # "de Gao vers Niamey"
            if name == "deployed" and origin and ((moving and all(
                    cues[id(m)] in lex.destinations for m in others if m is not mention)) or any(
                    self._apart(m, mention) for m in later)):
                # "moved troops from Hmeimim to Libya", "the relocation from Ain al-Asad"
                name = "withdrawn"
            if name in _LEAVING and cues[id(mention)] in lex.into_after_origin and any(
                    o.start < mention.start and (cues[id(o)] in lex.origins or cues[id(
                        o)] in lex.origin_before_place) and not self._nested(o, mention)
                    for o in places):
                name = "deployed"  # "вылетели из Румынии в Косово": from one into the other
            if name in _LEAVING and cues[id(mention)] in lex.destinations and \
                    event.trigger.start < mention.start:  # not "X, sent to Japan, left"
                if mention.role == "reference":
                    continue  # "returned to the country": home, most likely
                name = "deployed"  # "withdrew from Niger to Benin": it arrives in Benin
            modifiers = event.modifiers
            if name in _LEAVING and (any(partial(sentence, f.start) for f in forces)
                                     or one_site_of(sentence, mention)):
                name, modifiers = "remains", modifiers | {"partial"}  # "part of the troops"
            for target in mention.targets:
                chosen = forces
                if target.kind == "base":
                    # The base is the force, with the strength of the force words nearest
                    # before it; "Niger's Air Base 101": the host's word owns nothing
                    owners = [f for f in forces if not (f.type == "base"
                                                        and f.country == target.country)]
                    before = [f for f in owners if f.start < mention.start] or owners
                    top = max((f.start for f in before), default=None)  # "US and NATO troops"
                    closest = [f for f in before if f.start == top and f.country]
                    if closest:
                        chosen = [ForceMention(mention.start, mention.stop, "base", mention.text,
                                               f.country, False, f.strength) for f in closest]
                    else:  # whose base the clause does not say: its forces are there, if any
                        chosen = [f for f in forces if f.type != "base"]
                seen: set[tuple[str, str | None]] = set()
                for force in chosen:
                    if (force.type, force.country) in seen or (
                            force.type == "base" and target.kind != "base" and (
                                len(chosen) > 1 or target.kind == "country")):
                        continue
                    seen.add((force.type, force.country))
                    # one record per place, force and event in a sentence, however often
                    # the sentence repeats the name; at most MAX_RECORDS_PER_SENTENCE
                    key = (sentence.index, target.key, force.type, force.country, name)
                    if key in reading.made:
                        continue
                    if reading.per_sentence[sentence.index] >= MAX_RECORDS_PER_SENTENCE:
                        if reading.capped != sentence.index:
                            reading.capped = sentence.index
                            self._unused(reading, sentence, "more than "
                                         f"{MAX_RECORDS_PER_SENTENCE} records in one sentence; "
                                         "the rest are left out: split the sentence")
                        return made
                    reading.made.add(key)
                    reading.per_sentence[sentence.index] += 1
                    reading.pending.append(Pending(sentence, force, force.country, mention,
                                                   target, name, event.trigger.text,
                                                   date, modifiers, inherited, near))
                    made += 1
        return made

    def _apart(self, one: PlaceMention, other: PlaceMention) -> bool:
        """True when two mentions are places :data:`MOVE_DEGREES` or more apart."""
        first, second = (self.gazetteer.get(m.targets[0].key).geometry for m in (one, other))
        return first.distance(second) >= MOVE_DEGREES

    def _nested(self, one: PlaceMention, other: PlaceMention) -> bool:
        """True when one mention's place holds the other's ("Kassala in Sudan")."""
        first, second = (self.gazetteer.get(m.targets[0].key).geometry for m in (one, other))
        return bool(first.contains(second.representative_point())
                    or second.contains(first.representative_point()))

    def _unused(self, reading: Reading, sentence: Sentence, reason: str) -> None:
        reading.unused.append(Unused(reading.source, sentence.index, sentence.quote, reason))

    # -- steps 2 and 3 ----------------------------------------------------------------------

    def finish(self, readings: Sequence[Reading], given: Sequence[Published | None],
               outlets: Sequence[str | None]) -> Draft:
        """Steps 2 and 3: date the articles, then the records (:mod:`.drafting`)."""
        return finish(self.gazetteer, readings, given, outlets)


__all__ = ["MAX_RECORDS_PER_SENTENCE", "Extractor"]
