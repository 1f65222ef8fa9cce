"""One kind word for a list of names: "the Kherson and Mykolaiv regions", "Anbar and Nineveh
provinces", "les régions de Gao et de Tombouctou", "các tỉnh Kherson và Mykolaiv", "в Курской
и Белгородской областях". The kind is written once, after the last name or before the
first, and holds for every name of the list: each is looked up again with it."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .cues import JOIN_WORDS
from .kind_words import kind_words
from .lexicon import lexicon
from .targets import NameMatch
from .text import CYRILLIC, Sentence, sentences, stem

#: The places words ``start`` to ``stop`` of a sentence name, best first
#: (``PlaceFinder._candidates``).
Candidates = Callable[[Sentence, int, int], tuple]
#: What stands between two names of a list: a comma or a conjunction, and articles ("Gao
#: et de Tombouctou"); not a space alone ("Iraq’s Anbar province"), nor other words
#: ("Bukavu, the capital of South Kivu province").
_LIST_GAP = re.compile(r"^\s*(?:,\s*|(?:,\s*)?" + JOIN_WORDS + r"\s+)"
                       r"(?:(?:the|les?|la|de|des|du|d['’])\s*)?$", re.IGNORECASE)

#: The words that join the last two of a Russian list.
_AND = frozenset({"и", "а", "или"})


@lru_cache(maxsize=1)
def _kind_stems() -> frozenset[str]:
    """The stems of the Russian kind words ("областях" is "област", as "область")."""
    return frozenset(stem(w) for w in lexicon().generic_words if CYRILLIC.search(w))


def _is_kind(sentence: Sentence, index: int) -> bool:
    token = sentence.tokens[index]
    return token.key in lexicon().generic_words or (
        not token.key.isascii() and token.form in _kind_stems())


def _bare(sentence: Sentence, name: NameMatch) -> bool:
    """True when no kind word is written with the name, before or after it."""
    tokens = sentence.tokens
    return not (kind_words(sentence, name.start)[1] or _is_kind(sentence, name.stop - 1)
                or (name.stop < len(tokens) and _is_kind(sentence, name.stop)))


def _kind_after(sentence: Sentence, name: NameMatch) -> int | None:
    """Where the kind word after the list's last name is, if it has one."""
    if name.stop < len(sentence.tokens) and _is_kind(sentence, name.stop):
        return name.stop  # "Anbar and Nineveh provinces": Nineveh is a province anyway
    if name.stop - name.start > 1 and _is_kind(sentence, name.stop - 1):
        return name.stop - 1  # "the Kherson and Mykolaiv regions": "Mykolaiv regions"
    return None


def _lists(sentence: Sentence, names: list[NameMatch]) -> list[list[NameMatch]]:
    """The runs of two or more names that make one list ("X, Y and Z")."""
    runs: list[list[NameMatch]] = []
    for name in names:
        if runs and _LIST_GAP.match(sentence.gap(runs[-1][-1].stop - 1, name.start)):
            runs[-1].append(name)
        else:
            runs.append([name])
    return [run for run in runs if len(run) > 1]


def _with_kind(text: str, start: int, kind: str, candidates: Candidates) -> tuple:
    """The places ``text`` names (the name from its word ``start`` on, with the list's
    kind word before or after it) when the first is of ``kind``, else ()."""
    asked = sentences(text)[0]
    places = candidates(asked, start, len(asked.tokens))
    return places if places and places[0].kind == kind else ()


def _again(name: NameMatch, text: str, start: int, kind: str,
           candidates: Candidates) -> NameMatch:
    """``name`` looked up as ``text`` (see :func:`_with_kind`)."""
    places = _with_kind(text, start, kind, candidates)
    if not places or places[0].id == name.place.id:
        return name
    return NameMatch(name.start, name.stop, places[0], tuple(p.id for p in places[1:]))


def _adjectives(sentence: Sentence, last: NameMatch, word: str, taken: set[int],
                candidates: Candidates) -> list[NameMatch]:
    """The Russian adjectives listed before ``last`` that name a place with its kind word
    ``word``: "в Курской и Белгородской областях" ("Курской" alone is no name the
    gazetteer knows, "Смоленской" is the town); ``taken``: words of longer names."""
    tokens, found = sentence.tokens, []
    index = last.start - 1
    if index < 1 or tokens[index].key not in _AND:
        return found
    index -= 1
    while index >= 0 and index not in taken and tokens[index].upper and \
            CYRILLIC.search(tokens[index].key):
        places = _with_kind(f"{tokens[index].text} {word}", 0, last.place.kind, candidates)
        if not places:
            break
        found.append(NameMatch(index, index + 1, places[0], tuple(p.id for p in places[1:])))
        if index < 1 or sentence.gap(index - 1, index).strip() != ",":
            break
        index -= 1
    return found


def shared_kinds(sentence: Sentence, names: list[NameMatch],
                 candidates: Candidates) -> list[NameMatch]:
    """``names`` with those of a list that has one kind word for all looked up with it."""
    if not names:
        return names
    changed: dict[int, NameMatch] = {}
    added: list[NameMatch] = []
    taken = {i for n in names for i in range(n.start, n.stop) if n.stop - n.start > 1}
    for run in _lists(sentence, names) + [[n] for n in names if n.start > 1 and CYRILLIC.search(
            sentence.tokens[n.start].key)]:
        first, last = run[0], run[-1]
        after = _kind_after(sentence, last)
        if after is not None and last.place.kind != "city":
            word = sentence.tokens[after].text
            for name in run[:-1]:
                if _bare(sentence, name):
                    changed[name.start] = _again(name, sentence.span(
                        name.start, name.stop) + " " + word, 0, last.place.kind, candidates)
            if first is last:
                added += _adjectives(sentence, last, word, taken, candidates)
        head_start, head = kind_words(sentence, first.start)
        if head and first.place.kind != "city" and first is not last:
            phrase = sentence.span(head_start, first.start)  # "các tỉnh Kherson và Mykolaiv"
            size = len(sentences(phrase)[0].tokens)
            for name in run[1:]:
                if _bare(sentence, name):
                    changed[name.start] = _again(name, phrase + " " + sentence.span(
                        name.start, name.stop), size, first.place.kind, candidates)
    if not changed and not added:
        return names
    changed.update((n.start, n) for n in added)
    starts = {n.start for n in names}
    return sorted([changed.get(n.start, n) for n in names] + [
        n for n in added if n.start not in starts], key=lambda n: n.start)


__all__ = ["shared_kinds"]
