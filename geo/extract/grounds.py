"""An agreement named as the ground of an act: "Yesterday, under the 2005 agreement, Russia
handed over its base", "в соответствии с договоренностями 2005 года передала", "theo thỏa
thuận năm 2020". Its words say nothing of the act's mood (:mod:`.events` does not read them
as an agreement to come) and its date is not the act's (:mod:`.record_dates`)."""

from __future__ import annotations

from .lexicon import lexicon
from .text import Sentence

#: Words after the agreement's word that still belong to it ("2005 года", "năm 2020",
#: "de 2019").
_TAIL = 3


def agreement_grounds(sentence: Sentence) -> list[tuple[int, int, int]]:
    """Each ground of ``sentence`` as (first word, agreement word, end): from the words that
    name it ("under", "согласно") to a few words after the agreement's, not past a comma."""
    cached = sentence.cache.get("agreement grounds")
    if cached is not None:
        return cached
    lex = lexicon()
    found: list[tuple[int, int, int]] = []
    basis = lex.agreement_basis.find(sentence)
    if basis:
        agreed = [start for start, _, name in lex.modifiers.find(sentence) if name == "agreed"]
        for start, stop, _ in basis:
            word = next((p for p in agreed if stop <= p < stop + lex.agreement_basis_reach),
                        None)
            if word is None:
                continue
            end = word + 1
            while end < min(len(sentence.tokens), word + 1 + _TAIL) and \
                    "," not in sentence.gap(end - 1, end):
                end += 1
            found.append((start, word, end))
    sentence.cache["agreement grounds"] = found
    return found


__all__ = ["agreement_grounds"]
