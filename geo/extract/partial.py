"""Forces of which a sentence moves only a part: "part of the Turkish troops", "une partie
des soldats français", "часть турецких военных", "một phần binh sĩ Pháp". When part of a
force leaves a place, the rest is still there: the record is a stay, not a departure.

The words come from ``partial_before`` and ``partial_links`` of ``data/extract/forces.yaml``.
"""

from __future__ import annotations

from functools import cache

from .lexicon import lexicon
from .phrases import PhraseMatcher
from .text import Sentence, form
from .wordlists import load

#: How many words may stand between the partial words and the force word.
_REACH = 6


@cache
def _words() -> tuple[PhraseMatcher[bool], frozenset[str]]:
    forces = load("forces")
    return (PhraseMatcher((p, True) for p in forces["partial_before"]),
            frozenset(form(w) for w in forces["partial_links"]))


def partial(sentence: Sentence, start: int) -> bool:
    """True when the force whose words start at token ``start`` is only a part of one:
    partial words end before it, with at most links ("the", "des"), numbers and
    nationalities between."""
    before, links = _words()
    nationalities = lexicon().nationalities
    tokens = sentence.tokens
    index = start
    for _ in range(_REACH):
        if before.ending_at(sentence, index) is not None:
            return True
        if index == 0:
            return False
        word = tokens[index - 1]
        nationality = nationalities.ending_at(sentence, index)
        if nationality is not None:
            index = nationality
        elif word.form in links or word.text.replace(",", "").replace(".", "").isdigit():
            index -= 1
        else:
            return False
    return False


__all__ = ["partial"]
