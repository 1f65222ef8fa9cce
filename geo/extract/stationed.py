"""Forces named at a place with no verb: "the roughly 900 US troops in Syria", "Lực lượng
của CSTO tại sân bay Almaty", "les 400 soldats britanniques déjà au Kosovo". The force is
there on the article's day; the record says it was read without a verb."""

from __future__ import annotations

from collections.abc import Sequence

from .cues import cue_span
from .events import Event, ForceMention, Trigger
from .lexicon import lexicon
from .targets import PlaceMention
from .text import Sentence

#: The most words between a force and the cue of its place ("của CSTO", "déjà").
MAX_GAP = 2
#: The modifier a verbless record carries (scored lower).
VERBLESS = "verbless"


def stationed(sentence: Sentence, forces: Sequence[ForceMention],
              mentions: Sequence[PlaceMention]) -> list[tuple[ForceMention, PlaceMention, Event]]:
    """(force, place, event) for each force whose nationality is said and which stands
    right before a place's static cue ("in", "tại", "в", "au"; not "from" or "to")."""
    lex = lexicon()
    tokens = sentence.tokens
    found: list[tuple[ForceMention, PlaceMention, Event]] = []
    for mention in mentions:
        if not mention.usable or mention.role != "name":
            continue
        span = cue_span(sentence, mention.start)
        if span is None:
            continue
        first, stop = span
        words = " ".join(t.key for t in tokens[first:stop])
        if words not in lex.stationed_cues:
            continue
        force = next((f for f in forces if f.country and f.type != "base"
                      and 0 <= first - f.stop <= MAX_GAP
                      and not any(c in sentence.text[tokens[f.stop - 1].end:tokens[first].start]
                                  for c in ",;:()")), None)
        if force is not None:
            trigger = Trigger(first, stop, "remain", " ".join(t.text for t in tokens[first:stop]))
            found.append((force, mention, Event("remains", trigger, frozenset({VERBLESS}))))
    return found


__all__ = ["MAX_GAP", "VERBLESS", "stationed"]
