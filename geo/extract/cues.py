"""The words before a place that say a force is there: a locative cue ("in", "khỏi", "из",
"près de"), perhaps with `between` words after it ("in the region of"), or a leaving verb
taking the place as its object ("exiting Niger"); and what the cue says besides (someone
spoke there, only part of a country is meant)."""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon
from .text import VIETNAMESE, Sentence

#: How many words back from a place its cue is looked for.
CUE_REACH = 6
#: The words joining two places of one list.
JOIN_WORDS = r"(?:and|và|or|hoặc|cùng|et|ou|ainsi que|и|или|а также)"
#: ... as the optional start of the words between two places.
JOIN = r"(?:" + JOIN_WORDS + r"\s+)?"
#: The conjunction a list's next place may start with, before `between` words.
_LIST_HEAD = re.compile(r"^\s*(?:[,(]\s*)?" + JOIN, re.IGNORECASE)
#: What may stand between two places of one list: "in Mali, Niger and the Chad".
_LIST_GAP = re.compile(r"^\s*(?:[,(]\s*)?" + JOIN + r"(?:(?:the|le|la|les|l['’]|các|từ)\s*)?$",
                       re.IGNORECASE)


def cue_span(sentence: Sentence, start: int) -> tuple[int, int] | None:
    """The first and end word of the locative cue before the words at ``start``, with only
    ``between`` words after it, or None."""
    lex = lexicon()
    tokens = sentence.tokens
    index = start
    described = 0  # words describing a kind word: "the desert city of", "the border town of"
    for _ in range(CUE_REACH):
        if index == 0:
            return None
        cue = lex.locative.ending_at(sentence, index)
        if cue is not None:
            if _with_instrumental(sentence, cue, start):
                return None  # "договорился с Турцией": "with", not "from"
            return cue, index
        # a leaving or handing-over verb takes the place as its object: "exiting Niger",
        # "покинули Нигер", "bàn giao căn cứ Manbij"
        verb = lex.triggers.ending_at(sentence, index)
        if verb is not None and lex.triggers.at(sentence, verb) in ((index, "withdraw"),
                                                                    (index, "hand_over")):
            return verb, index
        word = tokens[index - 1]
        if word.form in lex.split_verbs and _particle_after(sentence, index - 1):
            return index - 1, index  # "handed the Faya base back to", "pulled ... out"
        # "покидать сирийский аэродром", "left the Syrian airfield": a nationality word
        # stands between the cue and the place as "the" does
        adjective = lex.nationalities.ending_at(sentence, index)
        if adjective is not None and adjective < index:
            index = adjective
            continue
        # "in Russia's western Kursk region": a possessive name and a direction word
        # stand between the cue and the place as "the" does
        if word.key in lex.between or word.text.endswith(("'s", "’s")):
            index -= 1
        elif index > 1 and f"{tokens[index - 2].key} {word.key}" in lex.between:
            index -= 2  # "tiếp quản toàn bộ căn cứ": two words of one filler
        elif described < 2 and _describes_kind(sentence, index):
            described += 1
            index -= 1
        else:
            return None
    return None


@cache
def _kind_nouns() -> frozenset[str]:
    """The kind words a describing word may stand before: "city", "town"; never "of"."""
    lex = lexicon()
    return lex.generic_words - lex.part_links


def _describes_kind(sentence: Sentence, index: int) -> bool:
    """True when the word before ``index`` is a lower-case word describing the kind word
    at ``index`` (or the describing word after it): "desert" of "the desert city of".
    Vietnamese writes every word in lower case and describes after the noun: never."""
    lex = lexicon()
    tokens = sentence.tokens
    word = tokens[index - 1]
    if not word.text.isalpha() or not word.text.islower() or word.key in lex.part_links \
            or VIETNAMESE.search(sentence.text):
        return False
    kinds = _kind_nouns()
    following = tokens[index:index + 2]
    return bool(following) and (following[0].key in kinds or (
        len(following) > 1 and following[0].text.islower() and following[1].key in kinds))


def _with_instrumental(sentence: Sentence, cue: int, start: int) -> bool:
    """True when the Russian cue "с"/"со" at word ``cue`` governs a name in the instrumental
    case ("с Турцией", "со Францией", "с Ираком"): "with", where the genitive ("с Украины",
    "с базы") is "from"."""
    tokens = sentence.tokens
    return (start - cue == 1 and tokens[cue].key in ("с", "со")
            and tokens[start].text.lower().endswith(_INSTRUMENTAL))


#: Endings of the Russian instrumental case of nouns and names.
_INSTRUMENTAL = ("ей", "ой", "ом", "ем", "ами", "ями", "ью", "ёй")


def _particle_after(sentence: Sentence, verb: int) -> bool:
    """True when the particle of the split verb at word ``verb`` follows within four words
    ("handed the Faya base back"), not "turned Gao into"."""
    forms = {t.form for t in sentence.tokens[verb + 2:verb + 6]}
    word = sentence.tokens[verb].form
    return any(v == word and particle in forms for v, particle, _ in lexicon().split_triggers)


def is_locative(sentence: Sentence, start: int) -> bool:
    """True when a cue stands before the words at ``start`` and makes no government of
    them ("at the request of Yerevan")."""
    cue = cue_span(sentence, start)
    return cue is not None and lexicon().metonymy_before.ending_at(sentence, cue[1]) is None


def near_cue(sentence: Sentence, start: int) -> bool:
    """True when "near", "gần", "недалеко от" (with only ``between`` words after it) stands
    before the words at ``start``: said of a town, base or airport, the force is there."""
    lex = lexicon()
    tokens = sentence.tokens
    for index in range(start, max(0, start - CUE_REACH), -1):
        if lex.near.ending_at(sentence, index) is not None:
            return True
        if tokens[index - 1].key not in lex.between and not _describes_kind(sentence, index):
            return False
    return False


def cue_words(sentence: Sentence, start: int) -> str:
    """The words of the cue before ``start`` ("to", "vers", "из"; forms), or ""."""
    cue = cue_span(sentence, start)
    return "" if cue is None else " ".join(t.form for t in sentence.tokens[cue[0]:cue[1]])


def spoken_at(sentence: Sentence, start: int) -> bool:
    """True when the place is where someone spoke ("said in Bamako", "a déclaré à")."""
    cue = cue_span(sentence, start)
    return cue is not None and lexicon().speech.ending_at(sentence, cue[0]) is not None


def partial(sentence: Sentence, start: int) -> bool:
    """True when the words before a country's name make it a part ("parts of")."""
    lex = lexicon()
    tokens = sentence.tokens
    for index in range(start - 1, max(-1, start - 7), -1):
        if tokens[index].key in lex.partitive:
            return True
        if lex.locative.ending_at(sentence, index + 1) is not None and \
                tokens[index].key not in lex.between:
            return False
    return False


__all__ = ["CUE_REACH", "cue_span", "cue_words", "is_locative", "near_cue", "partial",
           "spoken_at"]


def listed(sentence: Sentence, stop: int, start: int) -> bool:
    """True when the place at word ``start`` goes on the list of the place ending before
    word ``stop`` (and shares its cue): "in Iraq and Syria", "in Iraq and neighbouring
    Syria", "и соседнюю Сирию": a comma or a conjunction, then at most three `between`
    words ("the", "neighbouring", "northern")."""
    tokens = sentence.tokens
    begin = tokens[stop - 1].end
    gap = sentence.text[begin:tokens[start].start]
    if _LIST_GAP.match(gap):
        return True
    head = _LIST_HEAD.match(gap)
    if head is None or not head.group():
        return False
    words = [t for t in tokens[stop:start] if t.start >= begin + head.end()]
    between = lexicon().between
    return (0 < len(words) <= 3 and all(w.key in between for w in words)
            and not any(c in ",;:()\"«»“”" for c in gap[head.end():]))
