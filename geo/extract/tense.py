"""Whether a verb's own words say its event is still to come.

Most languages say "will" with a word before the verb (the ``future`` modifiers of
``data/extract/events.yaml``: "will", "sẽ", "va", "будут"). French and Russian also say it
with the verb's form ("quitteront", "выведут": ``future`` of ``inflections.yaml``), and an
English headline with an infinitive after the force ("Japan troops to withdraw").
"""

from __future__ import annotations

from .lexicon import lexicon
from .text import Sentence


def says_will(sentence: Sentence, start: int, stop: int) -> bool:
    """Whether the verb at tokens ``start:stop`` of ``sentence`` is in a future form or is a
    headline's infinitive after a force or a country."""
    lex = lexicon()
    tokens = sentence.tokens
    if any(tokens[i].form in lex.future_forms for i in range(start, stop)):
        return True
    at = start - 1
    if at < 1 or tokens[at].form not in lex.headline_infinitive:
        return False
    return any(end == at and value for _, end, value in
               (*lex.forces.find(sentence), *lex.nationalities.find(sentence)))


__all__ = ["says_will"]
