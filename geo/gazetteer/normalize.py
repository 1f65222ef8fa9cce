"""Name normalisation: the keys the gazetteer indexes and looks up.

``normalize("Syunik' Province")`` gives ``"syunik province"``; :func:`strip_generic` then
removes the generic word and says what kind it hinted at (``("syunik", "province")``);
:func:`skeleton` folds transliteration variants (``"Siunik"`` and ``"Syunik"`` both become
``"siunik"``) for a second, looser exact match.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

from ..data_files import read_data_yaml

_APOSTROPHES = "'’‘ʼʻ`´ʹ"
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}]s\b")
_DROP = re.compile(rf"[{_APOSTROPHES}\u0300-\u036f]")
_SEPARATORS = re.compile(r"[<>\s\-‐‑‒–—―−_/,;:.()\[\]{}\"«»“”„!?…]+")
_TAGS = re.compile(r"<[^<>]{0,200}>")
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiouyw]")
_SPECIAL = str.maketrans({"đ": "d", "ı": "i", "ə": "e", "ø": "o", "ß": "ss", "æ": "ae",
                          "ł": "l", "ё": "е", "և": "եւ"})


@cache
def lexicon() -> dict[str, Any]:
    """The word lists of ``data/lexicon.yaml``, keys normalised."""
    raw = read_data_yaml("lexicon.yaml")
    return {
        # longest first, then alphabetical: the same order in every process (a set's
        # order changes with the hash seed, and with it the names the index holds)
        "generic": {kind: sorted({normalize(w) for w in words}, key=_longest_first)
                    for kind, words in raw["generic"].items()},
        "filler": frozenset(normalize(w) for w in raw["filler"]),
        "capital_words": frozenset(normalize(w) for w in raw["capital_words"]),
        "border_words": frozenset(normalize(w) for w in raw["border_words"]),
        "connectors": frozenset(normalize(w) for w in raw["connectors"]),
        "adjectives": {normalize(w): code for code, words in raw["adjectives"].items()
                       for w in words},
        "variants": re.compile("|".join(sorted((re.escape(o) for o, _ in raw["variants"]),
                                               key=len, reverse=True))),
        "arabic_names": frozenset(raw["arabic_names"]),
        "ru_adjective": tuple(sorted({normalize(w) for w in raw["russian_adjective_endings"]},
                                     key=_longest_first)),
        "ru_noun": tuple(normalize(w) for w in raw["russian_noun_endings"]),
        "compass": {normalize(w): english for english, words in raw["compass"].items()
                    for w in words},
        "articles": frozenset(normalize(w) for w in raw["arabic_articles"]),
        "trigger": frozenset(
            w for kind in raw["generic"].values() for phrase in kind
            for w in normalize(phrase).split()
        ) | frozenset(normalize(w) for w in raw["filler"]),
    }


def _longest_first(word: str) -> tuple[int, str]:
    return -len(word), word


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """Lower case, no diacritics, apostrophes or possessive 's, punctuation to single spaces."""
    text = unicodedata.normalize("NFKD", _TAGS.sub(" ", text))
    text = unicodedata.normalize("NFKD", text.casefold())
    text = _POSSESSIVE.sub("", text)
    text = _DROP.sub("", text).translate(_SPECIAL)
    return _SEPARATORS.sub(" ", text).strip()


@lru_cache(maxsize=1 << 16)
def strip_generic(key: str) -> tuple[str, str | None]:
    """``key`` without generic and filler words, and the kind the generic word hinted at.

    The words are only dropped when something is left (``"lake"`` alone stays ``"lake"``).
    """
    words = lexicon()
    tokens = key.split()
    if not words["trigger"].intersection(tokens):
        return key, None
    hint: str | None = None
    padded = f" {key} "
    for kind, phrases in words["generic"].items():
        for phrase in phrases:
            candidate = padded.replace(f" {phrase} ", " ")
            if candidate != padded and candidate.strip():
                padded, hint = candidate, hint or kind
    kept = [w for w in padded.split() if w not in words["filler"]]
    return " ".join(kept) or key, hint


@lru_cache(maxsize=1 << 16)
def skeleton(key: str) -> str:
    """``key`` with transliteration variants folded and doubled letters single."""
    variants = lexicon()["variants"]
    key = variants.sub(lambda m: variants_table()[m.group(0)], key)
    return _DOUBLE.sub(r"\1", key.replace("ie", "e"))


def loose_key(key: str) -> str:
    """The key of the index's loose tier: the skeleton without spaces, so that "Bani
    Bangou" and "Banibangou", "Nor Nork" and "Nornork" meet."""
    return skeleton(key).replace(" ", "")


@lru_cache(maxsize=1 << 16)
def consonants(key: str) -> str:
    """The consonant skeleton of a romanised Arabic name: articles, vowels and a final h
    dropped, variants folded, so that "Hodeidah" and "Al Hudaydah", "Tell Abyad" and "Tall
    Abyad", "Deir al-Balah" and "Dayr al Balah" meet. Used only among places of countries
    whose names are romanised from Arabic (``arabic_names`` in ``data/lexicon.yaml``)."""
    words = lexicon()
    kept = [w for w in key.split() if w not in words["articles"]]
    folded = skeleton(" ".join(kept)).replace("q", "k")
    return " ".join(_VOWELS.sub("", w.removesuffix("h")) or w[:1] for w in folded.split())


#: Two compass words written as one in English ("Northwest region").
_JOINED = re.compile(r"\b(north|south) (east|west)\b")


@lru_cache(maxsize=1 << 16)
def compass_english(key: str) -> tuple[str, ...]:
    """``key`` with its compass words in English, and the joined form ("nord ouest" gives
    ("north west", "northwest")); empty when ``key`` has none."""
    table = lexicon()["compass"]
    words = key.split()
    if not any(w in table for w in words):
        return ()
    english = " ".join(table.get(w, w) for w in words)
    joined = _JOINED.sub(r"\1\2", english)
    return (english, joined) if joined != english else (english,)


@lru_cache(maxsize=1 << 12)
def russian_nouns(key: str) -> tuple[str, ...]:
    """Nouns a Russian adjectival name may come from: "сюникская" gives "сюник", "донецкая"
    "донецк", "запорожская" "запорожье", "лорийская" "лори" (the last word changed; empty
    when it has no adjectival ending)."""
    words = lexicon()
    *head, last = key.split() or [""]
    ending = next((e for e in words["ru_adjective"]
                   if last.endswith(e) and len(last) > len(e) + 2), None)
    if ending is None or not any("\u0430" <= c <= "\u044f" for c in last):
        return ()
    stem = last[: -len(ending)]
    bases = [stem, stem.removesuffix("ск")] if stem.endswith("ск") else [stem]
    # "й" is "и" once normalised: "лорийская" -> "лории" -> "лори".
    bases += [b[:-1] for b in bases if b.endswith("и") and len(b) > 3]
    found = [" ".join([*head, b + n]) for b in dict.fromkeys(bases) for n in words["ru_noun"]]
    return tuple(dict.fromkeys(found))


def is_arabic_named(country: str) -> bool:
    """True when ``country``'s place names are romanised from Arabic (see consonants)."""
    return country in lexicon()["arabic_names"]


@cache
def variants_table() -> dict[str, str]:
    """Each spelling variant of ``data/lexicon.yaml`` to what it folds into."""
    pairs = read_data_yaml("lexicon.yaml")["variants"]
    table: dict[str, str] = {}
    for old, new in pairs:
        # Follow chains (tch -> ch -> c) so that one pass gives the folded form.
        while any(new == o for o, _ in pairs):
            new = dict(pairs)[new]
        table[old] = new
    return table


__all__ = ["compass_english", "consonants", "is_arabic_named", "lexicon", "loose_key",
           "normalize", "russian_nouns", "skeleton", "strip_generic", "variants_table"]
