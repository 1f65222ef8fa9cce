"""One force taking another's place: "the Turkish battalion was replaced by Bulgarian
troops", "Bulgarian troops replaced the Turkish battalion", "relevés par des soldats
grecs", "их сменили болгарские военные", "thay thế lực lượng Thổ Nhĩ Kỳ". The force
replaced leaves the clause's places, its replacement arrives there.

The words are the ``replace`` triggers of ``data/extract/events.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .events import ForceMention, Trigger
from .lexicon import lexicon
from .targets import PlaceMention
from .text import CYRILLIC, Sentence

#: Russian plural endings of an adjective or noun as an object (accusative of people) and
#: as a subject (nominative): "Турецких военных ... сменили болгарские военные".
_OBJECT_ENDINGS = ("их", "ых")
_SUBJECT_ENDINGS = ("ие", "ые")


def rotation(sentence: Sentence, verb: Trigger, forces: Sequence[ForceMention],
             agents: Mapping[int, Sequence[ForceMention]]
             ) -> tuple[list[ForceMention], list[ForceMention]]:
    """The forces of a clause that arrive and that leave by the replacing ``verb``: its
    agent ("replaced by X") arrives and the force named last before the verb leaves; with
    no agent, the force before the verb arrives and the one after it leaves (in Russian,
    the one in the nominative arrives, wherever it stands)."""
    agent = list(agents.get(verb.start, ()))
    before = [f for f in forces if f.stop <= verb.start and f not in agent]
    after = [f for f in forces if f.start >= verb.stop and f not in agent]
    last = [f for f in before if before and f.stop == before[-1].stop]  # "French and Italian"
    if agent:
        return agent, last
    first = [f for f in after if f.start == after[0].start] if after else []
    if last and first and _ends(sentence, last[0], _OBJECT_ENDINGS) and _ends(
            sentence, first[0], _SUBJECT_ENDINGS):
        return first, last
    return last, first


def _ends(sentence: Sentence, force: ForceMention, endings: tuple[str, ...]) -> bool:
    """True when the word before ``force`` (its adjective) or its first word ends so."""
    tokens = sentence.tokens
    words = tokens[max(0, force.start - 1):force.start + 1]
    return any(t.text.casefold().endswith(endings) for t in words if CYRILLIC.search(t.text))


def with_rotations(sentence: Sentence, groups: list[tuple[Trigger, list[PlaceMention]]],
                   verbs: Sequence[Trigger], places: Sequence[PlaceMention]
                   ) -> list[tuple[Trigger, list[PlaceMention]]]:
    """``groups`` (places by the verb that speaks for them) with each replacing verb that
    speaks for none given the clause's ``places`` before any word of speech after it ("left
    Gao and were replaced by ..." is a replacement at Gao; "..., a indiqué une source au
    Sahel" is where the source is)."""
    if not any(verb.action == "replace" for verb in verbs):
        return groups
    grouped = {verb.start for verb, _ in groups}
    spoken = [start for start, _, _ in lexicon().speech.find(sentence)]

    def said(verb: Trigger, group: Sequence[PlaceMention]) -> list[PlaceMention]:
        return [m for m in group if verb.action != "replace"
                or not any(verb.start < s < m.start for s in spoken)]

    return [(verb, said(verb, group)) for verb, group in groups] + [
        (verb, said(verb, places)) for verb in verbs
        if verb.action == "replace" and verb.start not in grouped]


__all__ = ["rotation", "with_rotations"]
