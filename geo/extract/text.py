"""Article text: the optional header, sentences exactly as written, and their words.

An article is plain text. It may start with a small header, one ``Key: value`` per line
(``Date: 2024-05-09``, ``Outlet: Reuters``, ``Title: ...``, ``URL: ...``, ``Language: vi``),
ended by the first line that is not one. Everything after it is the body, cut into
paragraphs (lines) and sentences. A sentence's text is a slice of the file, so it can be
quoted back exactly; each word (:class:`Token`) keeps its offsets in the sentence, its
normalised key (:func:`geo.gazetteer.normalize.normalize`, no diacritics) and its
*form* (lower case, Vietnamese tone marks kept but placed uniformly, see :func:`form`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache, partial
from itertools import accumulate, compress, count
from operator import add, attrgetter, itemgetter
from typing import Any, NamedTuple

from ..gazetteer.normalize import normalize
from .header import HEADER_DEPTH, HEADER_LINE
from .wordlists import load

WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
#: :data:`WORD` for a text without "_" (the one word character it leaves out): the same
#: words, found faster (one class test a character instead of two).
_PLAIN_WORD = re.compile(r"\w+(?:['’ʼ]\w+)*")
_END = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s)")
_OPENERS = "\"“‘«(['"
_MARKS = re.compile(r"[\u0300-\u036f]")
_NEXT = re.compile(r"\s*(\S)")
#: A full stop with no space after it between a word and a capitalised one ("в
#: сообщении.Ранее сообщалось"): the pasted text lost the space.
#: (The full stop comes first, then the look back: the regex engine then jumps from full
#: stop to full stop instead of trying the look back at every letter.)
_GLUED = re.compile(r"\.(?<=[^\W\d_]{3}\.)(?=[^\W\d_]{2})")
#: Vietnamese tone marks (combining) and the digit that stands for each in a form.
#: A Vietnamese syllable whose final "i" may be spelt "y" ("binh sỹ", "binh sĩ").
_I_SPELLED_Y = re.compile(r"[hklmst]y")
_TONES = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}


@lru_cache(maxsize=1 << 16)
def form(word: str) -> str:
    """Lower case with Vietnamese tone marks moved to the end (``hòa`` and ``hoà`` agree).

    Vowel marks (``â``, ``ă``, ``ơ``, ``đ``) stay, so ``quân`` ("troops") and ``quan`` differ.
    A toned syllable ending in "y" after h, k, l, m, s or t is spelt with "i" (both
    spellings are in use: ``sỹ``/``sĩ``).
    """
    decomposed = unicodedata.normalize("NFD", word.casefold())
    tone = ""
    if any(c in _TONES for c in decomposed):
        kept = []
        for char in decomposed:
            if char in _TONES:
                tone = _TONES[char]
            else:
                kept.append(char)
        decomposed = "".join(kept)
    if tone and _I_SPELLED_Y.fullmatch(decomposed):
        decomposed = decomposed[:-1] + "i"  # "sỹ" and "sĩ", "kỹ" and "kĩ" agree
    return unicodedata.normalize("NFC", decomposed).replace("’", "'").replace("ʼ", "'") + tone


_TEXT, _FIRST, _UPPER = attrgetter("text"), itemgetter(0), attrgetter("upper")
#: A token's key and form by position (a Token is a tuple: faster than by name).
_KEY_OF, _FORM_OF = itemgetter(3), itemgetter(4)


class Token(NamedTuple):
    """A word of a sentence: its text, offsets in the sentence, key and form, and whether
    it starts with a capital letter. (A named tuple: :func:`tokenize` makes a sentence's
    words in C, where a class's ``__init__`` cost a Python call a word.)"""

    text: str
    start: int
    end: int
    key: str
    form: str
    upper: bool


#: A token from its fields, without a Python call (``Token(...)`` runs ``__new__``).
_MAKE_TOKEN = partial(tuple.__new__, Token)
_GROUP, _START, _END_OF = re.Match.group, re.Match.start, re.Match.end


def word_offsets(words: list[str]) -> list[int]:
    """Where each of ``words`` starts in ``" " + " ".join(words) + " "``, and that text's
    length: 1 + the lengths before it + one space each (sums and counts made in C)."""
    return list(map(add, accumulate(map(len, words), initial=1), count()))


class Sentence:
    """A sentence as the article writes it; ``start`` is its offset in the file's text.

    Its words (:attr:`tokens`) are only cut when first asked for: most sentences of an
    article are never looked at word by word.
    """

    __slots__ = ("_joined", "_words", "cache", "index", "quote", "start", "text", "title_case",
                 "tokens")

    tokens: tuple[Token, ...]
    #: The sentence with runs of white space as single spaces (how scenarios quote).
    quote: str
    #: True for a headline in Title Case (capitals say nothing about names there).
    title_case: bool

    def __init__(self, text: str, start: int, index: int) -> None:
        self.text, self.start, self.index = text, start, index
        self._joined: dict[str, tuple[str, list[int]]] = {}
        self._words: dict[str, list[str] | None] = {}
        #: Per-sentence results of the word-list matchers (see PhraseMatcher.spans) and of
        #: place finders, by the id of the (long-lived) matcher or finder.
        self.cache: dict[int | str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        # Called only while ``tokens`` / ``title_case`` / ``quote`` are unset: cut the
        # words once, tell the case once, quote once.
        if name == "tokens":
            self.tokens = tokenize(self.text)
            return self.tokens
        if name == "title_case":
            tokens = self.tokens  # (counted in C: asked of nearly every sentence)
            words = sum(map(str.isalpha, map(_FIRST, map(_TEXT, tokens))))
            self.title_case = words >= 4 and sum(map(_UPPER, tokens)) >= 0.7 * words
            return self.title_case
        if name == "quote":
            self.quote = " ".join(self.text.split())
            return self.quote
        raise AttributeError(name)

    def __repr__(self) -> str:
        return f"Sentence({self.index}, {self.text[:40]!r})"

    def joined(self, attr: str) -> tuple[str, list[int]]:
        """The words' ``attr`` (``"form"`` or ``"key"``) joined by single spaces, with a
        space before the first and after the last, and the offset in it where each word
        starts, plus one last entry: the text's length (word ``i`` ends before
        ``offsets[i + 1] - 1``). Plain lists, no maps: this runs for every sentence."""
        found = self._joined.get(attr)
        if found is None:
            found = self._join(attr)
        return found

    def joined_words(self, attr: str) -> tuple[str, list[int], list[str] | None]:
        """:meth:`joined` and :meth:`words` in one call (the phrase matchers ask both)."""
        found = self._joined.get(attr)
        if found is None:
            found = self._join(attr)
        return found[0], found[1], self._words[attr]

    def _join(self, attr: str) -> tuple[str, list[int]]:
        words = list(map(_KEY_OF if attr == "key" else _FORM_OF, self.tokens))
        found = (" " + " ".join(words) + " ", word_offsets(words))
        self._joined[attr] = found
        # words are told apart by the spaces between them only when none is empty or
        # holds a space (a key of some rare letters may: NFKD splits them)
        plain = found[0].count(" ") == len(words) + 1 and "" not in words
        self._words[attr] = words if plain else None
        return found

    def words(self, attr: str) -> list[str] | None:
        """The words' ``attr`` as in :meth:`joined` (same order), or None when a word is
        empty or holds a space (then only the joined text tells where words are)."""
        if attr not in self._words:
            self.joined(attr)
        return self._words[attr]

    def gap(self, left: int, right: int) -> str:
        """The text between token ``left`` and token ``right`` (``left`` < ``right``)."""
        return self.text[self.tokens[left].end:self.tokens[right].start]

    def span(self, first: int, stop: int) -> str:
        """The text of tokens ``first`` to ``stop - 1``."""
        return self.text[self.tokens[first].start:self.tokens[stop - 1].end]



#: A Cyrillic letter (Russian words are matched by their stems).
CYRILLIC = re.compile("[\u0400-\u04ff]")
#: Letters only Vietnamese writes (ă, đ, ơ, ư and the vowels with a hook or dot below or
#: their stacked marks): a sentence without one is no Vietnamese.
VIETNAMESE = re.compile("[ăĂđĐơƠưƯĩĨũŨ\u1ea0-\u1ef9]")
#: French elision: "l'armée", "d'Agadez", "qu'il" are two words each.
ELISION = re.compile(r"(?i:[ldjmsct]|qu|jusqu|lorsqu|puisqu)['’ʼ](?=[^\W\d_])"
                      r"|[nN]['’ʼ](?=[a-zà-ÿ])")


@lru_cache(maxsize=1)
def _russian() -> Any:
    import Stemmer  # PyStemmer: the Snowball stemmers compiled (~1 µs a word)

    return Stemmer.Stemmer("russian")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The Snowball stem of a Russian word (lower case), the word itself otherwise:
    "российских" and "российские" agree, as "Херсона" and "Херсон" do."""
    lower = word.casefold().replace("ё", "е")
    if not CYRILLIC.search(lower):
        return lower
    return _russian().stemWord(lower)


def _word(word: str) -> tuple[str, str, bool]:
    shape = stem(word) if CYRILLIC.search(word) else form(word)
    return normalize(word), shape, word[:1].isupper()


#: The most words :data:`_WORDS` keeps before it starts again.
_MAX_WORDS = 1 << 16


class _Words(dict[str, tuple[str, str, bool]]):
    """:func:`_word` of each word met, by its text (emptied when full): a plain dict's
    look-up in C, cheaper than an LRU cache's, which moves its entry on every hit."""

    def __missing__(self, word: str) -> tuple[str, str, bool]:
        if len(self) >= _MAX_WORDS:
            self.clear()
        found = self[word] = _word(word)
        return found


_WORDS = _Words()


def tokenize(text: str) -> tuple[Token, ...]:
    """The words of ``text`` with their offsets. A Russian word's ``form`` is its stem, so
    word lists match every case ending; a French elided article is a word of its own."""
    words = WORD if "_" in text else _PLAIN_WORD
    # no Python code a word: this runs for every sentence of every article
    matches = list(words.finditer(text))
    if ("'" in text or "’" in text) and _elides(text, matches):
        spans = []
        for a, b in map(_SPAN, matches):
            elided = ELISION.match(text, a, b)
            if elided and elided.end() < b:
                spans += [(a, elided.end() - 1), (elided.end(), b)]
            else:
                spans.append((a, b))
        return _tokens([text[a:b] for a, b in spans], [a for a, _ in spans],
                       [b for _, b in spans])
    return _tokens(list(map(_GROUP, matches)), map(_START, matches), map(_END_OF, matches))


#: A word that may start with an elided article holds an apostrophe.
_APOSTROPHE = re.compile("['’ʼ]")
_SPAN = re.Match.span


def _elides(text: str, matches: list[re.Match[str]]) -> bool:
    """True when a word of ``matches`` (of ``text``) starts with an elided article: only
    the words holding an apostrophe are asked (found in C; "Russia's" elides nothing)."""
    holding = compress(matches, map(_APOSTROPHE.search, map(_GROUP, matches)))
    return any((elided := ELISION.match(text, a, b)) and elided.end() < b
               for a, b in map(_SPAN, holding))


def _tokens(words: list[str], starts: Iterable[int], ends: Iterable[int]
            ) -> tuple[Token, ...]:
    """The tokens of ``words`` at ``starts`` to ``ends``."""
    if not words:
        return ()
    # (text, start, end) + (key, form, upper) of each word, made into tokens, all in C
    return tuple(map(_MAKE_TOKEN, map(tuple.__add__, zip(words, starts, ends, strict=True),
                                      map(_WORDS.__getitem__, words))))


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(load("language")["abbreviations"])


def _ends(line: str) -> Iterator[int]:
    """Offsets in ``line`` where a sentence ends."""
    glued = [m.end() for m in _GLUED.finditer(line) if line[m.start() - 1].islower()
             and line[m.end()].isupper() and line[m.end() + 1].islower()] if "." in line else []
    if glued:
        yield from sorted({*glued, *_spaced_ends(line)})
    else:
        yield from _spaced_ends(line)


def _spaced_ends(line: str) -> Iterator[int]:
    abbreviations = _abbreviations()
    for match in _END.finditer(line):
        after = _NEXT.match(line, match.end())
        following = after.group(1) if after else ""
        if not following or not (following.isupper() or following.isdigit()
                                 or following in _OPENERS):
            continue
        if match.group() == ".":
            word = _word_before(line, match.start()).lstrip(_OPENERS)
            if word.lower() in abbreviations or (len(word) == 1 and word.isupper()):
                continue
        yield match.end()


def _word_before(line: str, end: int) -> str:
    """The last run of non-blanks in ``line[:end]`` (``line[:end].rsplit(None, 1)[-1]``,
    "" if none) without copying the line up to ``end``: a paragraph has many full stops."""
    while end and line[end - 1].isspace():
        end -= 1
    start = end
    while start and not line[start - 1].isspace():
        start -= 1
    return line[start:end]


#: The longest piece of text read as one sentence (characters); news sentences are shorter.
MAX_SENTENCE_CHARS = 1000


def _bounded(cuts: list[int], line: str) -> list[int]:
    """``cuts`` with more cuts in any piece longer than :data:`MAX_SENTENCE_CHARS`: at its
    last comma or semicolon within the limit, else its last space, else at the limit. A
    text pasted without full stops is read in pieces of bounded length (the work on a
    sentence grows faster than its length)."""
    if all(b - a <= MAX_SENTENCE_CHARS for a, b in itertools.pairwise(cuts)):
        return cuts
    bounded = [cuts[0]]
    for right in cuts[1:]:
        left = bounded[-1]
        while right - left > MAX_SENTENCE_CHARS:
            window = line[left + MAX_SENTENCE_CHARS // 2:left + MAX_SENTENCE_CHARS]
            found = max(window.rfind(", "), window.rfind("; "))
            found = found + 1 if found >= 0 else window.rfind(" ")
            left += MAX_SENTENCE_CHARS // 2 + found if found > 0 else MAX_SENTENCE_CHARS
            bounded.append(left)
        bounded.append(right)
    return bounded


def sentences(text: str, offset: int = 0) -> list[Sentence]:
    """The sentences of ``text[offset:]``, each a slice of ``text``."""
    found: list[Sentence] = []
    position = offset
    for number, line in enumerate(text[offset:].splitlines(keepends=True)):
        if number < HEADER_DEPTH and HEADER_LINE.match(line):  # a header under the headline
            position += len(line)
            continue
        cuts = _bounded([0, *_ends(line), len(line)], line)
        for left, right in itertools.pairwise(cuts):
            piece = line[left:right]
            stripped = piece.strip()
            if stripped:
                start = position + left + (len(piece) - len(piece.lstrip()))
                found.append(Sentence(stripped, start, len(found)))
        position += len(line)
    return found


def word_in(token: Token, words: frozenset[str]) -> bool:
    """Whether ``token`` is one of ``words`` (a word list's forms): a Russian word by its
    whole form, not its stem ("вернулись", "вернутся" and "вернут" share the stem of
    "вернуть" but not their tense)."""
    return token.form in words or (CYRILLIC.search(token.text) is not None
                                   and form(token.text) in words)


def phrase_form(text: str) -> str:
    """``text`` as its words' forms joined by spaces: how a word list's phrase is compared
    with a sentence's words ("на базе": "на баз", "à": "a2")."""
    return " ".join(t.form for t in tokenize(text))


def strip_marks(text: str) -> str:
    """Lower case without diacritics (not cached: for whole sentences)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return _MARKS.sub("", decomposed).replace("đ", "d")


__all__ = ["CYRILLIC", "ELISION", "MAX_SENTENCE_CHARS", "WORD", "Sentence", "Token", "form",
           "phrase_form", "sentences", "stem", "strip_marks", "tokenize", "word_in"]
