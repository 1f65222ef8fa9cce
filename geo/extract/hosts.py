"""The country a withdrawal is from when a clause names two countries and no place: "Chad
asked France to withdraw its troops", "France agreed with Chad on the withdrawal of French
troops", "Iraq and the United States agreed on the withdrawal of US troops". One country's
forces are withdrawn (their nationality, or the country asked to withdraw); the other is
where they are. With no nationality, only a request says whose troops they are (the
country asked); "Ирак договорился с Турцией о выводе войск" and "the US told Romania it
would reduce its troops" do not: no host.

A force going home with no place named ("the last Japanese troops returned home",
"вернулись домой", "đã về nước") leaves the first of the story's countries that is not its
own (:func:`home_leaving`); so does a withdrawal whose clause names only the force's own
country (:func:`implied_host`)."""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import replace

from ..gazetteer.lookup import Gazetteer
from .cues import partial
from .events import ForceMention, Trigger, classify
from .governing import main_trigger
from .lexicon import lexicon
from .owners import actor_country
from .targets import PlaceMention, target_of
from .text import Sentence, sentences, word_in

#: The problems of a country's name that a host frame overrides: no cue before it, or a
#: demand addressed to its government ("потребовал от Франции").
_NOT_A_SITE = ("names a whole country", "stands for a government here, not a place")
#: The events of a withdrawal planned, not done.
_PLANNED = ("withdrawal_agreed", "withdrawal_requested")


def host_country(sentence: Sentence, clause: tuple[int, int], mentions: list[PlaceMention],
                 forces: list[ForceMention], trigger: Trigger, owner: str | None,
                 event: str | None) -> list[PlaceMention]:
    """The mention of the host country, made a place, or [] (see the module); ``event``:
    what the clause says of the withdrawal (requested, agreed, done)."""
    if trigger.action != "withdraw":
        return []
    named = [m for m in mentions if clause[0] <= m.start < clause[1] and m.role == "name"
             and m.targets[0].kind == "country" and not m.locative
             and m.problem.endswith(_NOT_A_SITE) and not partial(sentence, m.start)]
    countries = {m.targets[0].key for m in named}
    asked = event == "withdrawal_requested"
    # the forces withdrawn are named after the verb ("the withdrawal of French troops"), or
    # anywhere in a request ("demanded that the Indian personnel be withdrawn"); a force
    # before the verb acts in a clause of its own ("quân đội Iraq tiếp quản ... sau khi Mỹ
    # rút quân")
    withdrawn = {f.country for f in forces if f.country and (asked or f.start >= trigger.stop)}
    if len(countries) == 1 and len(withdrawn) == 1 and withdrawn.isdisjoint(countries) and (
            asked or event == "withdrawal_agreed"):
        return [replace(named[0], locative=True, problem="")]  # "Mali demanded that
        # Russian troops leave": the one country named asks, or agrees, for its own soil
    if len(countries) != 2:
        return []
    stated = withdrawn & countries
    if not stated:
        before = [m for m in named if m.stop <= trigger.start]
        if owner is None or not before or before[-1].targets[0].key != owner or not asked:
            return []  # only a request names the country asked ("asked France to withdraw")
        stated = {owner}
    if len(stated) != 1:
        return []
    host = next(m for m in named if m.targets[0].key not in stated)
    return [replace(host, locative=True, problem="")]


def goes_home(verb: str) -> bool:
    """Whether the words of a verb say going home: "returned", "rentrés", "вернулись", "về
    nước" (``going_home`` of events.yaml)."""
    lex = lexicon()
    words = sentences(verb)[0].tokens
    said = " ".join(t.form for t in words)
    return any(word_in(t, lex.going_home) for t in words) or \
        any(p in said for p in lex.going_home_phrases)


def story_host(story: Sequence[str], own: Set[str], gazetteer: Gazetteer) -> str | None:
    """The first of the story's countries that is not one of ``own`` (the force's)."""
    return next((c for c in story if c not in own and c in gazetteer.places
                 and gazetteer.places[c].kind == "country"), None)


def home_leaving(sentence: Sentence, clause: tuple[int, int], forces: list[ForceMention],
                 trigger: Trigger | None, story: Sequence[str], gazetteer: Gazetteer
                 ) -> list[PlaceMention]:
    """The story's country a force going home leaves, as a mention of the words that say
    home (or of the verb that says it alone: "về nước"), or [] (see the module)."""
    if trigger is None or trigger.action != "withdraw" or not goes_home(trigger.text):
        return []
    home = next(((start, stop) for start, stop, _ in lexicon().home_words.find(sentence)
                 if clause[0] <= start < clause[1]
                 and (trigger.stop <= start <= trigger.stop + 3
                      or trigger.start <= start < trigger.stop)), None)
    own = {f.country for f in forces if f.country}
    host = story_host(story, own, gazetteer)
    if home is None or host is None or not own:
        return []
    start, stop = home
    return [PlaceMention(sentence.span(start, stop), start, stop,
                         (target_of(gazetteer.places[host]),), "reference", locative=True)]


def implied_host(sentence: Sentence, clause: tuple[int, int], mentions: list[PlaceMention],
                 forces: list[ForceMention], trigger: Trigger | None, event: str | None,
                 story: Sequence[str], gazetteer: Gazetteer) -> list[PlaceMention]:
    """The story's country a withdrawal is from when the clause names no place but the
    force's own country ("La France dispose d'un mois pour achever le retrait de ses
    soldats"): the first of the story's countries that is not the force's, as a mention of
    the verb; or []. Only for a withdrawal asked for or agreed (``event``)."""
    if trigger is None or trigger.action != "withdraw" or event not in _PLANNED:
        return []  # a withdrawal done ("vừa rút đi") may be from part of the country only
    named = [m for m in mentions if clause[0] <= m.start < clause[1] and m.targets]
    # the force's nationality, else the one country named: its owner ("la France ... ses")
    own = {f.country for f in forces if f.country} or {
        m.targets[0].key for m in named if m.targets[0].kind == "country"}
    if len(own) != 1 or not named or any(m.targets[0].key not in own for m in named):
        return []
    host = story_host(story, own, gazetteer)
    if host is None:
        return []
    return [PlaceMention(trigger.text, trigger.start, trigger.stop,
                         (target_of(gazetteer.places[host]),), "reference", locative=True)]


def clause_host(sentence: Sentence, clause: tuple[int, int], mentions: list[PlaceMention],
                forces: list[ForceMention], triggers: list[Trigger], story: Sequence[str],
                gazetteer: Gazetteer) -> list[PlaceMention]:
    """The place of a clause that names no site, by the rules of this module, or []."""
    trigger = main_trigger([t for t in triggers if clause[0] <= t.start < clause[1]],
                           sentence, clause)
    if trigger is None:
        return []
    event = classify(sentence, clause, trigger)
    return host_country(sentence, clause, mentions, forces, trigger,
                        actor_country(sentence, mentions, clause, trigger.start),
                        event.name if event is not None else None) or home_leaving(
        sentence, clause, forces, trigger, story, gazetteer) or implied_host(
        sentence, clause, mentions, forces, trigger, event.name if event else None, story,
        gazetteer)


__all__ = ["clause_host", "goes_home", "home_leaving", "host_country", "implied_host",
           "story_host"]
