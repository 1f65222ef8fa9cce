"""Forces of which a sentence moves only a part: "part of the Turkish troops", "une partie
des soldats français", "часть турецких военных", "một phần binh sĩ Pháp". When part of a
force leaves a place, the rest is still there: the record is a stay, not a departure. So is
a force leaving one site of a country the sentence names only as where the site lies.

The words come from ``partial_before`` and ``partial_links`` of ``data/extract/forces.yaml``.
"""

from __future__ import annotations

from functools import cache

from .lexicon import lexicon
from .phrases import PhraseMatcher
from .targets import PlaceMention
from .text import Sentence, form, tokenize
from .wordlists import load

#: How many words may stand between the partial words and the force word.
_REACH = 6


@cache
def _words() -> tuple[PhraseMatcher[bool], frozenset[str]]:
    forces = load("forces")
    return (PhraseMatcher((p, True) for p in forces["partial_before"]),
            frozenset(form(w) for w in forces["partial_links"]))


@cache
def _one_site() -> tuple[frozenset[str], PhraseMatcher[bool]]:
    forces = load("forces")
    return (frozenset(t.key for w in forces["one_site_words"] for t in tokenize(w)),
            PhraseMatcher((p, True) for p in forces["one_site_words_vi"]))


def one_site_of(sentence: Sentence, mention: PlaceMention) -> bool:
    """True when a country is named only as where one site lies ("from a military base in
    Syria"): a site word in the three words before its cue."""
    if mention.targets[0].kind != "country" or mention.start < 2:
        return False
    words, vietnamese = _one_site()
    tokens = sentence.tokens
    cue = mention.start - 1
    for index in range(max(0, cue - 3), cue):
        if tokens[index].key in words or vietnamese.ending_at(sentence, index + 1) is not None:
            return True
    return False


def partial(sentence: Sentence, start: int) -> bool:
    """True when the force whose words start at token ``start`` is only a part of one:
    partial words end before it, with at most links ("the", "des"), numbers and
    nationalities between."""
    before, links = _words()
    if any(first < start < stop for first, stop, _ in before.find(sentence)):
        return True  # "the first contingent of": the force word inside the phrase
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


__all__ = ["one_site_of", "partial"]
