"""Forces that are the agent of a leaving or handing-over verb: "AMISOM moved into the
bases vacated by Ethiopian troops", "les positions abandonnées par les soldats français",
"позиции, оставленные российскими войсками", "các căn cứ do quân đội Mỹ rời đi". The
verb is that force's; the clause's other forces do what its other verb says.

The words are ``agents`` of ``data/extract/events.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .events import ForceMention, Trigger
from .lexicon import lexicon
from .text import Sentence, tokenize
from .wordlists import load

#: Actions whose agent is the force that acts (a deployment's agent is its sender; the
#: agent of "replaced by" is the force that arrives).
_ACTIONS = ("withdraw", "hand_over", "replace")
#: How many words may stand between "by" and the force word ("by the Ethiopian troops").
_REACH = 4


@cache
def _words() -> tuple[frozenset[str], frozenset[str], tuple[str, ...], tuple[str, ...]]:
    spec = load("events")["agents"]
    return (frozenset(spec["after_verb"]), frozenset(spec["before_force"]),
            tuple(spec["ru_participle_endings"]), tuple(spec["ru_instrumental_endings"]))


@cache
def _after_leaving() -> tuple[tuple[str, ...], ...]:
    """The words before a leaving phrase ("after", "sau khi"), as token keys."""
    return tuple(tuple(t.key for t in tokenize(w)) for w in load("events")["agents"][
        "after_leaving"])


def _after(sentence: Sentence, verb: Trigger, forces: Sequence[ForceMention]) -> int | None:
    """Where the phrase of a leaving ``verb`` starts when "after" (any language) opens it,
    with only articles, nationalities and ``forces`` between ("after US troops withdrew",
    "après le départ"), or None."""
    lex = lexicon()
    tokens = sentence.tokens
    index = verb.start
    while index > 0:
        if any(len(w) <= index and all(tokens[index - len(w) + i].key == key
                                       for i, key in enumerate(w)) for w in _after_leaving()):
            return index
        force = next((f for f in forces if f.stop == index), None)
        nationality = lex.nationalities.ending_at(sentence, index)
        if force is not None:
            index = force.start
        elif nationality is not None:
            index = nationality
        elif tokens[index - 1].form in lex.part_links:
            index -= 1
        else:
            return None
    return None


def _agent(sentence: Sentence, verb: Trigger, force: ForceMention) -> bool:
    after, before, participles, instrumental = _words()
    tokens = sentence.tokens
    if verb.stop < len(tokens) and tokens[verb.stop].key in after:
        return 0 < force.start - verb.stop <= _REACH  # "vacated by (the) Ethiopian troops"
    nationality = lexicon().nationalities.at(sentence, force.stop)
    end = nationality[0] if nationality is not None else force.stop
    if end == verb.start and force.start > 0 and tokens[force.start - 1].key in before:
        return True  # "do quân đội Mỹ rời đi"
    last = verb.text.casefold().split()[-1]
    return (force.start - verb.stop in (0, 1) and last.endswith(participles)
            and tokens[verb.stop].text.casefold().endswith(instrumental))


def agent_forces(sentence: Sentence, triggers: Sequence[Trigger],
                 forces: Sequence[ForceMention]) -> dict[int, list[ForceMention]]:
    """The start of each leaving or handing-over trigger of ``triggers`` with a force of
    ``forces`` as its agent, and those forces."""
    found: dict[int, list[ForceMention]] = {}
    for verb in triggers:
        if verb.action in _ACTIONS:
            agents = [f for f in forces if _agent(sentence, verb, f)]
            # only beside another force's arrival or stay: "handed over ... after the
            # departure of French troops" is one force's story
            opened = _after(sentence, verb, forces) if verb.action == "withdraw" and any(
                t.action not in _ACTIONS for t in triggers) else None
            if opened is not None:  # "after US troops withdrew", "after the withdrawal of"
                agents += [f for f in forces if f not in agents and (
                    opened <= f.start < verb.start or 0 <= f.start - verb.stop <= _REACH)]
            if agents:
                found[verb.start] = agents
    return found


__all__ = ["agent_forces"]
