"""Phrases found in a sentence: the matchers of the word lists (:mod:`geo.extract.lexicon`).

:class:`PhraseMatcher` finds phrases in a sentence's words (keys or forms), :class:`TextScan`
in its raw text before it is cut into words. Both find, at each word, the longest phrase
that starts there, then go on after it, as a regular expression of the phrases (a trie,
:func:`trie_pattern`) run between spaces would; they find it with dictionary look-ups by
the phrases' first words (:func:`longest_phrases`), a few times faster in the pipeline.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Container, Iterable, Sequence
from itertools import compress
from typing import Any, Generic, TypeVar

from .text import CYRILLIC, ELISION, Sentence, Token, stem, tokenize, word_offsets

V = TypeVar("V")


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, longest first, built as a trie.

    Python's ``re`` tries the branches of ``a|b|c`` one by one at every position; sharing
    prefixes (``b(?:ase|order guards)``) makes a scan over hundreds of phrases several times
    faster.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(node[char])
                    for char in sorted((c for c in node if c), reverse=True)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return build(trie)


#: Not a phrase's value (values may be None).
_NONE: Any = object()


def first_words(phrases: Iterable[str]) -> dict[str, list[int]]:
    """The word counts of ``phrases`` (words between single spaces) by first word, most
    first."""
    counts: dict[str, set[int]] = {}
    for phrase in phrases:
        parts = phrase.split(" ")
        counts.setdefault(parts[0], set()).add(len(parts))
    return {word: sorted(sizes, reverse=True) for word, sizes in counts.items()}


def longest_phrases(text: str, offsets: list[int], words: list[str],
                    firsts: dict[str, list[int]], values: dict[str, V]
                    ) -> list[tuple[int, int, V]]:
    """``(first word, stop, value)`` of the phrases of ``values`` in ``text``, left to right:
    at each word the longest phrase starting there, then on after it. ``text`` is ``words``
    between single spaces with one before and after, ``offsets`` where each word starts in
    it and its length (:meth:`~geo.extract.text.Sentence.joined`), ``firsts`` the phrases'
    :func:`first_words`. What ``re.finditer`` of " (?:" + trie_pattern(values) + ")(?= )"
    finds in ``text``, when no word is empty or holds a space.
    """
    found: list[tuple[int, int, V]] = []
    count, after = len(words), 0
    sizes_at = list(map(firsts.get, words))  # the look-ups in one C loop
    for index in compress(range(count), sizes_at):  # the words that start a phrase
        if index < after:
            continue  # inside the phrase found before
        begin = offsets[index]
        for size in sizes_at[index]:
            stop = index + size
            if stop <= count:
                # one word is the word itself: no slice of the text
                value = values.get(words[index] if size == 1 else
                                   text[begin:offsets[stop] - 1], _NONE)
                if value is not _NONE:
                    found.append((index, stop, value))
                    after = stop
                    break
    return found


def _word(offsets: list[int], position: int) -> int:
    """The word starting at ``position`` of a sentence's joined words (``offsets``: see
    :meth:`~geo.extract.text.Sentence.joined`); a match always starts at a word."""
    index = bisect_left(offsets, position)
    if index == len(offsets) or offsets[index] != position:
        raise KeyError(position)
    return index


class PhraseMatcher(Generic[V]):
    """Finds phrases (one or more words) in a token sequence, longest first.

    Parameters
    ----------
    entries
        ``(phrase, value)`` pairs; a phrase is tokenised like article text.
    attr
        ``"form"`` (lower case, tone marks kept) or ``"key"`` (no diacritics).
    """

    def __init__(self, entries: Iterable[tuple[str, V]], *, attr: str = "form") -> None:
        self.attr = attr
        self._values: dict[str, V] = {}
        for phrase, value in entries:
            words = " ".join(getattr(t, attr) for t in tokenize(str(phrase)))
            if words:
                self._values.setdefault(words, value)
        #: The word counts of the phrases by first word: a sentence is scanned word by word
        #: (:func:`longest_phrases`), with :meth:`_regex` only when its words are not told
        #: apart by single spaces.
        self._firsts = first_words(self._values)
        #: The phrases' last words: what :meth:`ending_at` asks before scanning.
        self._lasts = frozenset(phrase.rpartition(" ")[2] for phrase in self._values)
        self._compiled: re.Pattern[str] | None = None

    def _regex(self) -> re.Pattern[str]:
        """The phrases as one regex over " word word ... " (see Sentence.joined): a match
        starts at a space, which lets the regex engine skip from space to space. Compiled
        when first needed (rarely)."""
        if self._compiled is None:
            self._compiled = re.compile(r" (?:" + trie_pattern(self._values) + r")(?= )")
        return self._compiled

    def _scan(self, sentence: Sentence) -> tuple[dict[int, tuple[int, V]], dict[int, int],
                                                 list[tuple[int, int, V]]]:
        """The phrases of ``sentence`` by first word, by end, and in order; one scan per
        sentence and matcher, kept in ``sentence.cache``."""
        cached = sentence.cache.get(id(self))
        if cached is None:
            found: list[tuple[int, int, V]] = []
            if self._values and sentence.text:
                text, offsets, words = sentence.joined_words(self.attr)
                if words is None:
                    values = self._values
                    found = [(_word(offsets, m.start() + 1), _word(offsets, m.end() + 1),
                              values[m.group()[1:]]) for m in self._regex().finditer(text)]
                elif not self._firsts.keys().isdisjoint(words):
                    found = longest_phrases(text, offsets, words, self._firsts, self._values)
            cached = ({a: (b, v) for a, b, v in found}, {b: a for a, b, _ in found},
                      found) if found else ({}, {}, found)
            sentence.cache[id(self)] = cached
        return cached

    def spans(self, sentence: Sentence) -> tuple[dict[int, tuple[int, V]], dict[int, int]]:
        """The phrases of :meth:`find`, by first word (``start: (stop, value)``) and by end
        (``stop: start``); computed once per sentence."""
        by_start, by_end, _ = self._scan(sentence)
        return by_start, by_end

    def at(self, sentence: Sentence, index: int) -> tuple[int, V] | None:
        """``(stop, value)`` of the phrase starting at word ``index``, or None."""
        cached = sentence.cache.get(id(self))
        if cached is None:
            if not 0 <= index < len(sentence.tokens) or self._never(
                    sentence.tokens[index], self._firsts):
                return None  # no phrase starts with that word: no need to scan
            cached = self._scan(sentence)
        return cached[0].get(index)

    def ending_at(self, sentence: Sentence, stop: int) -> int | None:
        """First word of the phrase that ends just before word ``stop``, or None."""
        cached = sentence.cache.get(id(self))
        if cached is None:
            if not 0 < stop <= len(sentence.tokens) or self._never(
                    sentence.tokens[stop - 1], self._lasts):
                return None  # no phrase ends with that word: no need to scan
            cached = self._scan(sentence)
        return cached[1].get(stop)

    def value_of(self, sentence: Sentence, start: int, stop: int, default: Any = None) -> Any:
        """The value of the phrase that words ``start`` to ``stop`` spell, or ``default``;
        without a scan, so whether the scan finds it there is :meth:`at`'s to say."""
        text, offsets, _ = sentence.joined_words(self.attr)
        return self._values.get(text[offsets[start]:offsets[stop] - 1], default)

    def _never(self, token: Token, words: Container[str]) -> bool:
        """True when ``token`` is none of ``words`` (phrases' first or last words), so no
        phrase of the scan can start or end with it. (A word that is empty or holds a
        space is told apart only by the whole sentence's scan: False.)"""
        word = token.form if self.attr == "form" else getattr(token, self.attr)
        return bool(word) and " " not in word and word not in words

    def find(self, sentence: Sentence,
             blocked: frozenset[int] | set[int] = frozenset()) -> list[tuple[int, int, V]]:
        """Every phrase in ``sentence``, left to right, longest first, not overlapping
        (one scan per sentence); phrases touching a blocked word are
        left out. The list without ``blocked`` is shared: do not change it."""
        found = self._scan(sentence)[2]
        if blocked and found:
            found = [f for f in found if not any(i in blocked for i in range(f[0], f[1]))]
        return found


def _tone_variants(word: str) -> set[str]:
    """``word`` with its Vietnamese tone mark on each of its vowels ("hòa", "hoà")."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323"]
    if not tones:
        return {word}
    base = [c for c in decomposed if c not in tones]
    if len(base) == 2 and base[0] in "hklmst" and base[1] in "iy":  # "sĩ" and "sỹ"
        return {unicodedata.normalize("NFC", base[0] + v + tones[0]) for v in "iy"}
    variants = {word}
    for index, char in enumerate(base):
        if char in "aeiouy":
            end = index + 1
            while end < len(base) and unicodedata.combining(base[end]):
                end += 1
            variants.add(unicodedata.normalize(
                "NFC", "".join(base[:end]) + tones[0] + "".join(base[end:])))
    return variants


class TextScan:
    """Finds phrases in a sentence's raw text before it is cut into words.

    Every phrase (with the tone mark on either vowel: "hòa", "hoà"), longest first, looked
    for in the lower-case text with every run of non-word characters made one space (as
    :class:`PhraseMatcher` does, :func:`longest_phrases`); :meth:`tags` says which kinds of
    phrase the sentence holds. A blocking entry (tag None) hides the shorter phrase inside
    it ("quân sự" is not "quân"). Sentences without a force and a verb are never cut into
    words: on news about troops that is about half of them.
    """

    def __init__(self, entries: Iterable[tuple[str, str | None]]) -> None:
        self._tags: dict[str, set[str | None]] = {}
        for phrase, tag in entries:
            lower = unicodedata.normalize("NFC", str(phrase).lower())
            if "'" in lower or "’" in lower or "ʼ" in lower:  # as :meth:`tags` reads a text:
                lower = _ELIDED.sub(" ", lower)  # "victime d'une embuscade"
            words = [stem(w) for w in _NON_WORD.sub(" ", lower).split()]
            if not words:
                continue  # a blank entry is no phrase
            for variant in itertools.product(*map(_tone_variants, words)):
                self._tags.setdefault(" ".join(variant), set()).add(tag)
        # a phrase holding another ("rút quân", to withdraw troops, holds "quân", troops)
        # carries the other's tags too: the scan finds the longest phrase only
        for phrase, tags in self._tags.items():
            if None in tags:  # a blocking phrase ("quân sự") hides what it holds
                continue
            words = phrase.split()
            for size in range(1, len(words)):
                for first in range(len(words) - size + 1):
                    inner = self._tags.get(" ".join(words[first:first + size]), set())
                    tags.update(t for t in inner if t is not None)
        self._firsts = first_words(self._tags)

    def tags(self, lower: str) -> set[str | None]:
        """The tags of the phrases in ``lower`` (NFC, lower case)."""
        if "'" in lower or "’" in lower or "ʼ" in lower:  # an elision needs an apostrophe
            lower = _ELIDED.sub(" ", lower)
        text = " " + _NON_WORD.sub(" ", lower) + " "  # (a lone space stays as it is)
        if not text.isascii() and CYRILLIC.search(text):
            text = " " + " ".join(stem(w) for w in text.split()) + " "
        found: set[str | None] = set()
        words = text[1:-1].split(" ")  # one space between words; "" where two meet
        if self._firsts.keys().isdisjoint(words):
            return found
        offsets = word_offsets(words)
        for _, _, tags in longest_phrases(text, offsets, words, self._firsts, self._tags):
            found |= tags
        return found


#: A run of characters that are not word characters or apostrophes, except a lone space:
#: what ``[^\w']+`` finds, bar the runs it would replace by themselves (most of them).
_NON_WORD = re.compile(r"[^\w' ][^\w']*| [^\w']+")
_ELIDED = re.compile(r"(?<!\w)(?:" + ELISION.pattern + ")")


#: What joins the digit groups of one number ("2,000", "2 000", "2.000").
_DIGIT_GROUPS = frozenset({",", ".", " ", "\u00a0", "\u202f"})


def split_phrases(sentence: Sentence, table: Sequence[tuple[str, str, str]]
                  ) -> list[tuple[int, str, str]]:
    """(verb's word, "verb ... particle", value) of each ``table`` entry (verb form, particle
    form, value) in ``sentence``: at most four words between verb and particle (a number
    is one word), no comma between ("handed the Bunia base over to", "pulled its troops
    out of", "pulled 2,000 troops out of")."""
    tokens = sentence.tokens
    verbs = {verb for verb, _, _ in table}
    # where each verb stands, found in one pass over the words (most sentences have none)
    places: dict[str, list[int]] = {}
    for index, token in enumerate(tokens):
        if token.form in verbs:
            places.setdefault(token.form, []).append(index)
    found: list[tuple[int, str, str]] = []
    if not places:
        return found
    for verb, particle, value in table:
        for index in places.get(verb, ()):
            token, words = tokens[index], 0
            for after in range(index + 1, len(tokens)):
                gap = sentence.gap(after - 1, after)
                if gap in _DIGIT_GROUPS and tokens[after - 1].text.isdigit() and \
                        tokens[after].text.isdigit():
                    continue  # "pulled 2,000 troops out": one number, one word
                words += 1
                if words > 5 or any(c in gap for c in ",;:()"):
                    break
                if words > 1 and tokens[after].form == particle:
                    found.append((index, f"{token.text} ... {tokens[after].text}", value))
                    break
    return found


__all__ = ["PhraseMatcher", "TextScan", "first_words", "longest_phrases", "split_phrases",
           "trie_pattern"]
