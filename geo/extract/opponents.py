"""Forces a sentence names as the enemy: "sent 500 soldiers to Tripoli to fight against
Russian mercenaries" is no deployment of Russian mercenaries, and their nationality is not
the soldiers'. The words are `opponent_before` in data/extract/forces.yaml."""

from __future__ import annotations

from .lexicon import lexicon
from .text import Sentence

#: The most words between an opposing word and the force word ("against the Russian-
#: backed mercenaries").
REACH = 3


def opponent_ends(sentence: Sentence) -> frozenset[int]:
    """The word positions where an opposing phrase of ``sentence`` ends."""
    return frozenset(stop for _, stop, _ in lexicon().opponents.find(sentence))


def opposed(sentence: Sentence, start: int, ends: frozenset[int]) -> bool:
    """True when the force word at ``start`` follows an opposing phrase ending at one of
    ``ends`` within :data:`REACH` words, with no comma between."""
    for end in ends:
        if 0 <= start - end <= REACH:
            tokens = sentence.tokens
            gap = sentence.text[tokens[end - 1].end:tokens[start].start]
            if "," not in gap and ";" not in gap:
                return True
    return False


__all__ = ["REACH", "opponent_ends", "opposed"]
