"""The words before a place's name that say what kind of place it is: "tỉnh Tavush" (a
province), "la base d'Abéché", "Air Base 101", "cảng dân sự Sihanoukville" (a port, so the
town, with describing words between that are left out of the query)."""

from __future__ import annotations

from .lexicon import lexicon
from .text import Sentence

#: The most words before a name that may say its kind.
REACH = 4


def kind_words(sentence: Sentence, start: int) -> tuple[int, tuple[int, ...]]:
    """Where the kind words before the name at word ``start`` begin, and the positions of
    those that go into the query (describing words right before the name, "dân sự", are
    left out unless every one is a kind word too, as in "căn cứ quân sự")."""
    lex = lexicon()
    tokens = sentence.tokens
    generic, describing = lex.generic_words, lex.kind_adjectives
    if not start:
        return start, ()
    before = tokens[start - 1].key
    if before not in generic and before not in describing and before not in lex.kind_links:
        return start, ()  # most names: no kind word before them (what the rest finds then)
    first = start
    if start > 1 and tokens[start - 1].key in lex.kind_links and \
            tokens[start - 2].key in generic:  # "la base d'Abéché"
        first = start - 1
    while first > 0 and start - first < REACH and (
            tokens[first - 1].key in generic or tokens[first - 1].key in describing):
        first -= 1
    while first < start and tokens[first].key in describing and \
            tokens[first].key not in generic:
        first += 1  # "the commercial port of X": the kind words start at "port"
    run = start
    while run > first and tokens[run - 1].key in describing:
        run -= 1
    if any(tokens[i].key not in generic for i in range(run, start)):
        head = tuple(range(first, run))
    else:
        head = tuple(range(first, start))
    return (first if head else start), head


def with_kind_words(sentence: Sentence, first: int, start: int, stop: int,
                    head: tuple[int, ...]) -> str:
    """The name at words ``start`` to ``stop`` with its kind words ``head`` before it, as
    written when nothing was left out between."""
    if len(head) == start - first:
        return sentence.span(first, stop)
    return " ".join([*(sentence.tokens[i].text for i in head), sentence.span(start, stop)])


__all__ = ["REACH", "kind_words", "with_kind_words"]
