"""An act named by a noun with a nationality is that country's forces' act, though no force
word is written: "the Italian withdrawal from Libya", "Italy's withdrawal", "the withdrawal
of Italy", "le retrait italien", "le départ de la France", "уход России из Сирии", "sự hiện
diện của Mỹ ở Syria". The nouns and the words that may link a country after them are
``acts_by_noun`` of ``data/extract/forces.yaml``; :func:`geo.extract.events.find_forces`
makes the force (army, generic) of the nationality's words, leaving the noun the verb. A
noun after a possessive ("son retrait du Tchad") is already owned: the country is where."""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import lexicon
from .text import CYRILLIC, Sentence, Token

#: Most link words between the noun and the country after it ("de la", "of the").
_MAX_LINKS = 2


def act_owners(sentence: Sentence) -> list[tuple[int, int, str]]:
    """(first word, end, country) of each nationality that owns an act's noun in
    ``sentence``: the words before it ("the Italian", "Italy's") or after it ("of Italy",
    "italien", "России")."""
    lex = lexicon()
    tokens = sentence.tokens
    found: list[tuple[int, int, str]] = []
    for start, stop, _ in lex.act_nouns.find(sentence):
        begin = lex.nationalities.ending_at(sentence, start)
        if begin is not None and owner_before(tokens, begin):
            hit = lex.nationalities.at(sentence, begin)
            if hit is not None and written_so(tokens, begin, hit[0]):
                found.append((begin, hit[0], hit[1]))
                continue
        if start > 0 and tokens[start - 1].key in lex.act_owned_by:
            continue  # "son retrait du Tchad": the act is its; Chad is where
        index = stop
        while index < min(len(tokens), stop + _MAX_LINKS) and \
                tokens[index].form in lex.act_links:
            index += 1
        hit = lex.nationalities.at(sentence, index) if index < len(tokens) else None
        if hit is not None and written_so(tokens, index, hit[0]):
            found.append((index, hit[0], hit[1]))
    return found


def owner_before(tokens: Sequence[Token], begin: int) -> bool:
    """False for a Russian country's name before a force's or an act's words, a noun
    ("передала Грузии военную базу": to Georgia): Russian says whose a force is with an
    adjective before it ("российские военные") or a name after it ("военные России")."""
    text = tokens[begin].text
    return not (begin > 0 and CYRILLIC.search(text) and text[:1].isupper() and not text.isupper())


def written_so(tokens: Sequence[Token], start: int, stop: int) -> bool:
    """False when a nationality word that is also an everyday word ("au", "us") is not
    written in capitals."""
    return not (stop - start == 1 and tokens[start].key in lexicon().capitals_only
                and not tokens[start].text.isupper())


__all__ = ["act_owners", "owner_before", "written_so"]
