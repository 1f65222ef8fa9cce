"""An organisation named with a country's force is no second force on the move:

- its frame: "Kyrgyz soldiers as part of the CSTO peacekeepers", "в составе миротворцев
  ОДКБ", "Sri Lankan peacekeepers of UNMISS", "les casques bleus tchadiens de la Minusma",
  "Japanese engineers serving with the UN mission" (the country's force is the one there,
  and a peacekeeper when the frame is);
- what a withdrawal leaves: "the pullout of its troops from the UN mission", "выход из
  миссии ООН", "se retirer de la Minusma" (the mission stays; the troops leave it).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Protocol, TypeVar

from .lexicon import lexicon
from .text import Sentence, form
from .wordlists import load


class _Force(Protocol):
    """What this module reads of a force mention (``events.ForceMention``, which imports
    this module)."""

    start: int
    stop: int
    type: str
    country: str | None


ForceMention = TypeVar("ForceMention", bound=_Force)

#: Words between a withdrawal's verb and the "from" before the organisation it leaves ("of
#: its troops").
LEFT_REACH = 5


def framed(sentence: Sentence, found: list[ForceMention]) -> list[ForceMention]:
    """``found`` without the organisations' forces that frame a country's force named
    before them (see the module)."""
    lex = lexicon()
    kept: list[ForceMention] = []
    for force in found:
        if force.country not in lex.organisation_codes:
            kept.append(force)
            continue
        national = [f for f in kept if f.country and f.country not in lex.organisation_codes
                    and f.type != "base"]
        if national and (_frame_before(sentence, force.start)
                         or _linked(sentence, national[-1].stop, force.start)):
            if force.type == "peacekeepers":
                kept = [replace(f, type="peacekeepers") if f in national and f.type == "army"
                        else f for f in kept]
            continue
        kept.append(force)
    return kept


def left_behind(sentence: Sentence, found: list[ForceMention]) -> list[ForceMention]:
    """``found`` without the organisations a withdrawal leaves ("the pullout of its troops
    from the UN mission"): before a force word takes the sentence's one nationality."""
    codes = lexicon().organisation_codes
    return [f for f in found if f.country not in codes or not _left(sentence, f.start)]


def _frame_before(sentence: Sentence, start: int) -> bool:
    """True when a frame link ("as part of", "в составе") ends before word ``start``, with
    only "of", articles and an organisation's name between."""
    lex = lexicon()
    index = start
    while lex.frame_links.ending_at(sentence, index) is None:
        if index > 0 and sentence.tokens[index - 1].form in lex.part_links:
            index -= 1
        elif (begin := lex.nationalities.ending_at(sentence, index)) is not None:
            index = begin
        else:
            return False
    return True


def _linked(sentence: Sentence, first: int, stop: int) -> bool:
    """True when words ``first:stop`` are only "of", "de la" and nationalities ("Sri Lankan
    peacekeepers of UNMISS", "casques bleus tchadiens de la Minusma"), at least one link,
    no comma."""
    lex = lexicon()
    index, links = first, 0
    while index < stop:
        nationality = lex.nationalities.at(sentence, index)
        if nationality is not None:
            index = nationality[0]
            continue
        if sentence.tokens[index].form not in lex.part_links:
            return False
        index, links = index + 1, links + 1
    return links > 0 and index == stop and \
        "," not in sentence.text[sentence.tokens[first - 1].end:sentence.tokens[stop].start]


def _left(sentence: Sentence, start: int) -> bool:
    """True when "from" comes right before word ``start`` (articles aside) and a verb of
    withdrawal shortly before it: "the pullout of its troops from the UN mission", "rút
    binh sĩ khỏi phái bộ", "retirer ses soldats de la Minusma" ("de", also "of": "le
    retrait de la Monusco", only with a force between)."""
    lex = lexicon()
    tokens = sentence.tokens
    cue = start - 1
    while cue >= 0 and tokens[cue].form in lex.part_links and \
            tokens[cue].form not in lex.origin_before_place:
        cue -= 1
    if cue < 0:
        return False
    weak = tokens[cue].form in lex.origin_before_place  # "de", "du": also "of"
    if not weak and tokens[cue].form not in lex.origins:
        return False
    forces = {i for begin, end, kind in lex.forces.find(sentence) if kind
              for i in range(begin, end)}
    return any(action == "withdraw" and 0 <= cue - stop <= LEFT_REACH and (not weak or (
        forces.intersection(range(stop, cue)) and all(
            i in forces or tokens[i].form in _determiners() for i in range(stop, cue))))
        for _, stop, action in lex.triggers.find(sentence))


@cache
def _determiners() -> frozenset[str]:
    """Words that may stand before a force ("ses soldats", "của các binh sĩ")."""
    return frozenset(form(w) for w in load("forces")["partial_links"])


__all__ = ["LEFT_REACH", "framed", "left_behind"]
