"""Names no table holds that sound like a place of the story: "в Башике" (Bashiqa, known
only in Latin script), "deployed to Afmadow" (Afmadoow).

The name tables (:mod:`.names`) hold every spelling the data has; a word they miss is
looked up once more, in the gazetteer's sound tier (:mod:`geo.gazetteer.translit`), which
answers only with places of the story's countries. Only words that may be such a name are
asked: capitalised, four letters or more, neither the first word of its sentence (where
every word is capitalised) nor after a capitalised word (the second word of a person's or a
body's name), no word the lexicon says is never a place, nor a force or border word; a word
in Latin script only when written without marks (a foreign name's romanisation) and after a
cue ("in", "to", "à"), as English and French capitalise names of people and bodies as often
as places.
"""

from __future__ import annotations

from collections.abc import Callable

from ..gazetteer.place import Place
from .cues import is_locative
from .lexicon import lexicon
from .names import HYPHENS
from .text import CYRILLIC, Sentence

#: Words of one name at most ("Тель-Абьяд", "Дейр-эз-Зор").
MAX_WORDS = 3


def may_sound(sentence: Sentence, index: int) -> bool:
    """True when the word at ``index`` may start a name the gazetteer knows only by sound
    (see the module's words)."""
    tokens = sentence.tokens
    token = tokens[index]
    if (index == 0 or not token.upper or len(token.key) < 4 or not token.text[:1].isalpha()
            or tokens[index - 1].upper):  # a sentence's first word; a name's second
        return False
    cyrillic = CYRILLIC.search(token.key) is not None
    if not cyrillic and not token.text.isascii():
        return False  # written with marks: a word of the article's language
    lex = lexicon()
    if (token.key in lex.not_places or token.key in lex.function_words
            or token.key in lex.capitalised):
        return False
    if not cyrillic and not is_locative(sentence, index):
        return False
    # the tool's own words ("Войска", "Граница") are no names
    return lex.forces.at(sentence, index) is None and lex.border_words.at(sentence, index) is None


def sounded(sentence: Sentence, index: int, limit: int,
            candidates: Callable[..., tuple[Place, ...]]) -> int | None:
    """The end of a name starting at word ``index`` (before word ``limit``) that only the
    sound tier knows, or None; ``candidates(sentence, start, stop, checked=True,
    by_sound=True)`` gives the places words name (the finder's)."""
    if not may_sound(sentence, index):
        return None
    tokens = sentence.tokens
    stop = index + 1
    while (stop < limit and stop - index < MAX_WORDS and tokens[stop].text[:1].isalpha()
           and sentence.gap(stop - 1, stop) in HYPHENS):
        stop += 1
    for end in range(stop, index, -1):
        if candidates(sentence, index, end, checked=True, by_sound=True):
            return end
    return None


__all__ = ["MAX_WORDS", "may_sound", "sounded"]
