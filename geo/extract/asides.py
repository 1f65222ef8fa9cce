"""Bracketed asides: "(запрещена на территории России)", "(a group banned in Russia)" say
something beside the sentence's event, so the places in them are not where its force is.
A list or a holder in brackets belongs to the sentence: "(Baraka, Bukavu et Sange)",
"(province de Ninive)", "(Syria)"."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence, Set

from .events import Trigger
from .lexicon import lexicon
from .text import Sentence

_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
#: Words that join the names of a bracketed list (keys).
_JOINING = frozenset({"and", "or", "et", "ou", "и", "или", "va", "hoac"})


def aside_words(sentence: Sentence, triggers: Sequence[Trigger], named: Set[int]) -> set[int]:
    """The indices of the words inside bracketed asides of ``sentence`` that hold no trigger
    of their own and say more than names: a word in lower case, outside the place names
    (``named``: word indices), that is no joining, cue or `between` word ("запрещена")."""
    text = sentence.text
    if "(" not in text and "[" not in text:
        return set()
    lex = lexicon()
    tokens = sentence.tokens
    starts = [t.start for t in tokens]
    found: set[int] = set()
    for match in _BRACKETED.finditer(text):
        first = bisect_left(starts, match.start())
        stop = bisect_right(starts, match.end() - 1)
        if first >= stop or any(first <= t.start < stop for t in triggers):
            continue
        if any(i not in named and not tokens[i].upper and tokens[i].text.isalpha()
               and tokens[i].key not in lex.between and tokens[i].key not in _JOINING
               and lex.locative.ending_at(sentence, i + 1) is None
               for i in range(first, stop)):
            found.update(range(first, stop))
    return found


__all__ = ["aside_words"]
