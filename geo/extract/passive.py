"""The passive voice: a site as the subject of a hand-over or departure ("the Abeche base
was handed over", "la base de Faya a été rétrocédée"), and the country after "by", "par",
"bởi" as the one acting ("rétrocédée par la France")."""

from __future__ import annotations

from .lexicon import lexicon
from .targets import PlaceMention
from .text import Sentence


def passive_site(sentence: Sentence, mention: PlaceMention) -> bool:
    """True when a base or airport is the subject of a passive hand-over or departure
    (``passive_aux`` words, then a ``hand_over`` or ``withdraw`` verb)."""
    if mention.role != "name" or mention.targets[0].kind not in ("base", "airport"):
        return False
    lex = lexicon()
    tokens = sentence.tokens
    index = mention.stop
    while index < len(tokens) and index - mention.stop < 4 and \
            tokens[index].key in lex.passive_aux:
        index += 1
    verb = lex.triggers.at(sentence, index) if index > mention.stop else None
    return verb is not None and verb[1] in ("hand_over", "withdraw")


def is_agent(sentence: Sentence, start: int) -> bool:
    """True when "by", "par" or "bởi" (an article between) stands before word ``start``."""
    tokens = sentence.tokens
    index = start - 1
    while index >= 0 and tokens[index].key in ("the", "la", "le", "les", "l"):
        index -= 1
    return index >= 0 and tokens[index].key in lexicon().agent_before


__all__ = ["is_agent", "passive_site"]
