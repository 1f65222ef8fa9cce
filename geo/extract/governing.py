"""Which verb of a clause speaks for which place: "the contingent that left Kigali ... is
part of a force based in Cabo Delgado" has two verbs, each right before its own place."""

from __future__ import annotations

from collections.abc import Sequence

from .cues import cue_span
from .events import Trigger
from .targets import PlaceMention
from .text import Sentence


def governing(sentence: Sentence, mention: PlaceMention,
              triggers: Sequence[Trigger]) -> Trigger | None:
    """The verb standing right before ``mention`` or its cue ("left Kigali", "based in
    Cabo Delgado", "withdrew from Gan"), or None."""
    span = cue_span(sentence, mention.start)
    anchor = mention.start if span is None else span[0]
    verb = next((t for t in triggers if t.start <= anchor <= t.stop), None)
    if verb is not None and any(0 <= verb.start - t.stop <= 1 for t in triggers):
        return None  # "việc rút quân được triển khai tại": the withdrawal is carried out
    return verb


def by_verb(sentence: Sentence, places: Sequence[PlaceMention], triggers: Sequence[Trigger],
            main: Trigger) -> list[tuple[Trigger, list[PlaceMention]]]:
    """``places`` grouped by the verb that speaks for each: when two verbs each stand right
    before a place of the clause, each place takes its own and the rest ``main``."""
    own = [governing(sentence, m, triggers) for m in places]
    if len({(t.start, t.action) for t in own if t is not None}) < 2:
        return [(main, list(places))]
    groups: dict[int, tuple[Trigger, list[PlaceMention]]] = {}
    for mention, trigger in zip(places, own, strict=True):
        verb = trigger or main
        groups.setdefault(verb.start, (verb, []))[1].append(mention)
    return [groups[start] for start in sorted(groups)]


__all__ = ["by_verb", "governing"]
