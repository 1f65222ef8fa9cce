"""The place names a sentence is searched for, as tables of word keys.

Every name the index knows is looked for exactly (its normalised key); spelling variants
are looked for only where a wrong match costs little: the transliteration skeleton
("Siunik" = "Syunik"), the Snowball stems of Russian names, which match every case ending
("из Херсона", "в Курской области"), and names with a French elision cut into words
("Côte d'Ivoire") — for the world's countries, provinces, regions, bases and borders, and for
the towns, airports, lakes and rivers of the story's own countries. The world part is built
once per process and index; each country's part once per country.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

from ..gazetteer.lookup import Gazetteer
from ..gazetteer.normalize import normalize, skeleton
from ..gazetteer.place import Place
from .lexicon import lexicon
from .targets import NameMatch
from .text import CYRILLIC, VIETNAMESE, Sentence, Token, stem, tokenize

#: Kinds whose spelling variants are looked for only in the story's countries.
LOCAL_KINDS = ("city", "lake", "river", "airport")


def _sizes(table: dict[str, set[int]]) -> dict[str, list[int]]:
    """The lengths of each first word's names, longest first (most have one)."""
    return {key: [*lengths] if len(lengths) == 1 else sorted(lengths, reverse=True)
            for key, lengths in table.items()}


@dataclass
class NameTable:
    """Word keys of names: exact keys, skeletons, Russian stems (each with the lengths of the
    names by first word, longest first) and the first words of names written in lower case."""

    exact: set[str] = field(default_factory=set)
    lengths: dict[str, list[int]] = field(default_factory=dict)
    loose: set[tuple[str, ...]] = field(default_factory=set)
    loose_lengths: dict[str, list[int]] = field(default_factory=dict)
    #: Stems of a Russian name -> the name, to look it up in the gazetteer.
    stems: dict[tuple[str, ...], str] = field(default_factory=dict)
    #: Other names with the same stems ("Сум": Soum of Burkina Faso; Сумы in that case).
    more_stems: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    stem_lengths: dict[str, list[int]] = field(default_factory=dict)
    lower_starts: set[str] = field(default_factory=set)

    def merged(self, others: Iterable[NameTable]) -> NameTable:
        """This table with ``others`` added (a new table; this one's exact keys are shared
        unless the others add some)."""
        others = list(others)
        parts = [self, *others]
        extra = set().union(*(p.exact for p in others)) - self.exact
        lengths = self.lengths
        if extra:
            lengths = dict(self.lengths)
            for key, value in _union(others, "lengths").items():
                lengths[key] = sorted(set(value) | set(self.lengths.get(key, ())), reverse=True)
        stems, more = dict(self.stems), dict(self.more_stems)  # the first table's name wins
        for part in others:
            for key, name in part.stems.items():
                _add_stem(stems, more, key, name)
            for key, names in part.more_stems.items():
                for name in names:
                    _add_stem(stems, more, key, name)
        return NameTable(
            exact=self.exact | extra if extra else self.exact, lengths=lengths,
            loose=set().union(*(p.loose for p in parts)),
            loose_lengths=_union_onto(self.loose_lengths, others, "loose_lengths"),
            stems=stems, more_stems=more,
            stem_lengths=_union_onto(self.stem_lengths, others, "stem_lengths"),
            lower_starts=set().union(*(p.lower_starts for p in parts)))


def _add_stem(stems: dict[tuple[str, ...], str],
              more: dict[tuple[str, ...], tuple[str, ...]], key: tuple[str, ...], name: str
              ) -> None:
    """Add ``name`` under the stems ``key``: the first name, or one more."""
    first = stems.setdefault(key, name)
    if first != name and name not in more.get(key, ()):
        more[key] = (*more.get(key, ()), name)


def _union(tables: list[NameTable], attr: str) -> dict[str, list[int]]:
    """The name lengths by first word of ``tables`` (one of their ``*lengths`` fields)."""
    found: dict[str, set[int]] = {}
    for table in tables:
        for key, value in getattr(table, attr).items():
            found.setdefault(key, set()).update(value)
    return _sizes(found)


def _union_onto(base: dict[str, list[int]], others: list[NameTable], attr: str
                ) -> dict[str, list[int]]:
    """``base`` (lengths as :func:`_sizes` makes them) with the lengths of ``others`` (one of
    their ``*lengths`` fields) added: only the first words they hold are sorted again, not
    the world's (a new story's tables took a second)."""
    added: dict[str, set[int]] = {}
    for table in others:
        for key, value in getattr(table, attr).items():
            added.setdefault(key, set(base.get(key, ()))).update(value)
    found = dict(base)
    found.update(_sizes(added))
    return found


#: Case endings a Russian noun takes after each final letter (the Snowball stemmer
#: over-cuts some nominatives: "Карабах" gives "караб", "Карабахе" gives "карабах").
_ENDINGS = {"а": ("ы", "и", "е", "у", "ой"), "я": ("и", "ю", "ей", "е"),
            "й": ("я", "ю", "е", "ем"), "ь": ("и", "ю", "ем", "я")}
_CONSONANT_ENDINGS = ("а", "у", "е", "ом", "ы")
#: Names longer than this many words get their own stems only (the forms multiply).
_MAX_INFLECTED_WORDS = 3


def _stems_of(word: str) -> set[str]:
    """The stems of a Russian word in every case ending."""
    lower = word.casefold()
    last = lower[-1:]
    if last in _ENDINGS:
        forms = [lower[:-1] + e for e in _ENDINGS[last]]
    elif last.isalpha() and last not in "еиоуыэюё":
        forms = [lower + e for e in _CONSONANT_ENDINGS]
    else:
        forms = []
    return {stem(f) for f in (lower, *forms)}


def _stem_keys(name: str) -> list[tuple[str, ...]]:
    """Every stem tuple a Russian name may be written with in a sentence."""
    words = [t.text for t in tokenize(name)]
    if not words:
        return []
    if len(words) > _MAX_INFLECTED_WORDS:
        return [tuple(stem(w) for w in words)]
    return list(itertools.product(*(sorted(_stems_of(w)) for w in words)))


#: Case endings taken off a Russian word, longest first, and the nominative endings tried
#: in their place ("Идлибе" -> "Идлиб", "Ниамее" -> "Ниамей", "Сирии" -> "Сирия").
_CASE_ENDINGS = tuple(normalize(e) for e in (
    "ами", "ями", "ией", "ом", "ем", "ой", "ей", "ою", "ах", "ях", "ам", "ям", "ии", "ию", "у",
    "ю", "а", "я", "е", "и", "ы"))  # as index keys write them: "й" is "и"
_NOMINATIVE_ENDINGS = tuple(normalize(e) if e else e for e in ("", "а", "я", "ь", "й", "ия"))


def nominative(key: str, names: set[str], tail: str = "") -> str | None:
    """The name ``key`` (a normalised Russian word in any case, then the words ``tail``)
    is a form of, when the index knows it, or None: "идлибе" -> "идлиб"; "ростове" with
    " на дону" -> "ростов на дону"."""
    if len(key) < 4 or key + tail in names:
        return None
    for ending in _CASE_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            root = key[:-len(ending)]
            for new in _NOMINATIVE_ENDINGS:
                if root + new + tail in names:
                    return root + new + tail
    return None


@lru_cache(maxsize=1 << 15)
def fold(key: str) -> str:
    """A word's key on the transliteration skeleton ("siunik" and "syunik" alike), kept."""
    return skeleton(key)


#: Gaps between two words of one name (one space, or one before a line end).
RUN_GAPS = frozenset({" ", " \n"})


def without_runs(sentence: Sentence, names: list[NameMatch]) -> list[NameMatch]:
    """``names`` without towns written one after the other with a space between: they
    are one name the gazetteer does not know ("the Sultan Murat Barracks" is neither
    Sultan nor Murat)."""
    run = {i for a, b in pairwise(names)
           if a.stop == b.start and a.place.kind == b.place.kind == "city"
           and sentence.gap(a.stop - 1, b.start) in RUN_GAPS for i in (a.start, b.start)}
    return [n for n in names if n.start not in run] if run else names


#: What joins the halves of one name ("Port-Bouët", "Кот-д’Ивуара", "Алма-Ата").
HYPHENS = frozenset({"-", "\u2011"})


def inflected_compound(sentence: Sentence, index: int, limit: int, names: set[str]
                       ) -> int | None:
    """End of a hyphenated Russian name from word ``index`` (before word ``limit``) in a
    case ending ("в Алма-Ату" of Алма-Ата), when ``names`` holds its nominative."""
    tokens = sentence.tokens
    stop = index + 1
    while stop < limit and sentence.gap(stop - 1, stop) in HYPHENS and \
            tokens[stop].text[:1].isalpha():
        stop += 1
    if stop == index + 1 or not CYRILLIC.search(tokens[index].key):
        return None
    keys = [t.key for t in tokens[index:stop]]
    # the last part declines ("Алма-Аты"), or the first ("Ростове-на-Дону")
    if nominative(" ".join(keys), names) or nominative(keys[0], names, " " + " ".join(keys[1:])):
        return stop
    return None


def _variants(places: Iterable[Any]) -> NameTable:
    table = NameTable()
    loose: dict[str, set[int]] = {}
    stems: dict[str, set[int]] = {}
    exact: dict[str, set[int]] = {}
    for place in places:
        for name in (place.name, *(n for values in place.names.values() for n in values)):
            words = tuple(normalize(name).split())
            if not words:
                continue
            if name[:1].islower():
                table.lower_starts.add(words[0])
            folded = tuple(skeleton(w) for w in words)
            table.loose.add(folded)
            loose.setdefault(folded[0], set()).add(len(folded))
            if CYRILLIC.search(name) or "'" in name or "’" in name:
                tokens = tokenize(name)
                if CYRILLIC.search(name):
                    for key in _stem_keys(name):
                        _add_stem(table.stems, table.more_stems, key, name)
                        stems.setdefault(key[0], set()).add(len(key))
                else:
                    split = [t.key for t in tokens]
                    if split and tuple(split) != words:
                        table.exact.add(" ".join(split))
                        exact.setdefault(split[0], set()).add(len(split))
    table.loose_lengths = _sizes(loose)
    table.stem_lengths = _sizes(stems)
    table.lengths = _sizes(exact)
    return table


#: Tables by index (the gazetteer's place table object, kept alive with its table).
_WORLD: dict[int, tuple[Any, NameTable]] = {}
_LOCAL: dict[tuple[int, str], NameTable] = {}


def world_names(gazetteer: Gazetteer) -> NameTable:
    """Every exact key of the index, and the variants of every place not of a local kind."""
    token = id(gazetteer.places)
    if token not in _WORLD:
        exact: set[str] = set()
        lengths: dict[str, set[int]] = {}
        for key in gazetteer.name_keys(stripped=True):  # 600,000 keys: no spare objects
            exact.add(key)
            size = key.count(" ") + 1
            known = lengths.get(first := key.partition(" ")[0])
            if known is None:
                lengths[first] = {size}
            else:
                known.add(size)
        table = _variants(gazetteer.places_where(lambda kind, _: kind not in LOCAL_KINDS))
        for key in table.exact:
            exact.add(key)
        for key, sizes in table.lengths.items():
            lengths.setdefault(key, set()).update(sizes)
        table.exact, table.lengths = exact, _sizes(lengths)
        _WORLD[token] = (gazetteer.places, table)
    return _WORLD[token][1]


def country_names(gazetteer: Gazetteer, country: str) -> NameTable:
    """The variants of the towns, airports, lakes and rivers of ``country``."""
    key = (id(gazetteer.places), country)
    if key not in _LOCAL:
        world_names(gazetteer)  # keeps the index object alive with its tables
        _LOCAL[key] = _variants(gazetteer.places_where(
            lambda kind, code: code == country and kind in LOCAL_KINDS))
    return _LOCAL[key]


def story_names(gazetteer: Gazetteer) -> NameTable:
    """The names to look for in a story set in ``gazetteer.countries``."""
    return world_names(gazetteer).merged(country_names(gazetteer, c)
                                         for c in gazetteer.countries)


def may_name(words: tuple[Token, ...], sentence: Sentence, start: int) -> bool:
    """False when ``words`` (from word ``start``) cannot be a place's name: no capital or
    digit; a word that is never a place; a kind word ("Air" and "Base" of "Air Base
    101", but "Bay" is a Somali province where it is not the "bay" of "sân bay")."""
    lex = lexicon()
    if not any(t.upper or t.text[:1].isdigit() for t in words):
        return False
    if len(words) > 1:
        return True
    word = words[0]
    if (len(word.key) == 1 and not word.text.isdigit()) or word.key in lex.function_words:
        return False  # "C’" of "C’est"; "From" of "Withdraw From Bay Region"
    if word.upper and word.form in lex.capitalised_places:
        return True
    if word.key in lex.not_places or word.key in lex.generic_single:
        return False  # "May"
    if word.key not in lex.generic_words:
        return True
    tokens, pairs = sentence.tokens, lex.generic_pairs
    return not ((start > 0 and (tokens[start - 1].key, word.key) in pairs) or (
        start + 1 < len(tokens) and (word.key, tokens[start + 1].key) in pairs))


def marks_agree(forms: dict[tuple[str, ...], set[tuple[str, ...]]],
                words: tuple[Token, ...], places: tuple[Place, ...], text: str = "") -> bool:
    """False when the words carry marks no name has ("Ảnh" is not "Anh", "Hãng" not "Hang").

    Words written without marks match any name (the look-up ignores diacritics); so do
    Russian words, whose case endings differ from the name's, and every word of a sentence
    (``text``) that is not Vietnamese: a French "N'Djaména" is N'Djamena. ``forms`` keeps,
    by words' keys, the forms any name of those places writes them in.
    """
    if text and not VIETNAMESE.search(text):
        return True
    if all(t.text.isascii() or CYRILLIC.search(t.text) or not any(
            c.isalpha() and not c.isascii() for c in t.text) for t in words):
        return True
    keys = tuple(t.key for t in words)
    if keys not in forms:  # the words as any name writes them, in part too
        size = len(keys)   # ("Port-Bouët" of "43e BIMa camp at Port-Bouët")
        forms[keys] = {
            tuple(t.form for t in named[i:i + size]) for place in places
            for name in (place.name, *(n for v in place.names.values() for n in v))
            for named in (tokenize(name),) for i in range(len(named) - size + 1)
            if tuple(t.key for t in named[i:i + size]) == keys}
    return tuple(t.form for t in words) in forms[keys]


def continues_a_name(sentence: Sentence, stop: int) -> bool:
    """Whether the word at ``stop`` goes on a name that ends before it: a capitalised word
    one space after it that may not follow a place's name ("Ararat Mirzoyan", "the Sudan
    People's Liberation Movement"; not "Gyumri Airport" when "airport" may)."""
    tokens = sentence.tokens
    if stop >= len(tokens) or not stop:
        return False
    after = tokens[stop]
    return (after.upper and sentence.gap(stop - 1, stop) in RUN_GAPS
            and after.key not in lexicon().capitalised)


def titled(sentence: Sentence, start: int, stop: int) -> bool:
    """Whether words ``start`` to ``stop`` are a title ("the Minister") or follow one, maybe
    through an office's links ("President Kiir", "ministre de la Défense", "Président de
    la République"): a person or an office, not a place."""
    lex = lexicon()
    tokens = sentence.tokens
    return lex.titles.ending_at(sentence, stop) == start or any(
        lex.titles.ending_at(sentence, at) is not None
        and all(t.form in lex.office_links for t in tokens[at:start])
        for at in range(start, max(0, start - 3) - 1, -1))


__all__ = ["HYPHENS", "LOCAL_KINDS", "RUN_GAPS", "NameTable", "continues_a_name",
           "country_names", "fold",
           "marks_agree", "may_name", "nominative", "story_names", "titled", "without_runs",
           "world_names"]
