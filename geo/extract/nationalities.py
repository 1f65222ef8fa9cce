"""Whose force it is: the nationality words of every country ("Indian soldiers", "binh sĩ
Ấn Độ", "Chadian army").

The curated entries of ``data/extract/forces.yaml`` come first (they carry possessives and
the labels the seed story uses); every other country adds its English demonyms
(``data/boundaries/demonyms.json``) and its names in Vietnamese, which names a force by its
country ("quân đội Pháp"), from the countries layer.
"""

from __future__ import annotations

import re
from typing import Any

from ..gazetteer.boundaries import country_names, read_demonyms
from ..gazetteer.country_names import short_country_name
from .text import form

#: Words too common to name a nationality on their own, whatever a data file says.
_NOT_NATIONALITIES = frozenset({"us", "ca", "my", "ma"})


_LABEL_KEYS = ("adjective", "vi_name")
#: An alternative name that is a short form ("DPRK") or Russian ("Белоруссия").
_SHORT = re.compile(r"[A-Z]{3,5}")
_RUSSIAN = re.compile(r"[А-ЯЁ][а-яё]+(?:[ -][А-ЯЁа-яё]+)*")


def _french(demonyms: list[str]) -> list[str]:
    """French demonyms with their plurals ("américain", "américaines", "français")."""
    found: list[str] = []
    for word in demonyms:
        lower = word.lower()
        found += [lower] if lower.endswith(("s", "x")) else [lower, lower + "s"]
    return found


def russian_adjectives(name: str) -> list[str]:
    """The adjectives Russian forms from a one-word country name, by its ending: Танзания
    -> танзанийский, Бурунди -> бурундийский, Гана -> ганский, Непал -> непальский,
    Бангладеш -> бангладешский. Irregular ones (итальянский) are in forces.yaml; a wrong
    guess is a word no text writes."""
    word = name.lower()
    if " " in word or "-" in word or len(word) < 3:
        return []
    if word.endswith("ия"):
        return [word[:-2] + "ийский", word[:-2] + "ский"]
    if word.endswith(("и", "е", "у", "о")):
        return [word[:-1] + "ийский", word + "йский"]
    if word.endswith(("а", "я")):
        return [word[:-1] + "ский", word[:-1] + "инский"]
    return [word + "ский", word + "ьский", word + "ийский"]


def russian_cases(name: str) -> list[str]:
    """The oblique cases of a one-word Russian country name, by its ending ("от Беларуси",
    "из России", "с Непалом"): names ending in a vowel other than а/я (Мали, Того) do not
    decline."""
    word = name.lower()
    if " " in word or "-" in word or len(word) < 3:
        return []
    if word.endswith("ия"):
        return [word[:-1] + e for e in ("и", "ю", "ей")]
    if word.endswith("ь"):
        return [word[:-1] + "и", word + "ю"]
    if word.endswith("а"):
        stem = word[:-1]
        return [stem + ("и" if stem[-1] in "кгхжшчщ" else "ы")] + [
            stem + e for e in ("е", "у", "ой")]
    if word.endswith("я"):
        return [word[:-1] + e for e in ("и", "е", "ю", "ей")]
    if word.endswith("й"):
        return [word[:-1] + e for e in ("я", "е", "ю", "ем")]
    if word[-1] in "аеёиоуыэюя":
        return []
    return [word + e for e in ("а", "е", "у", "ом")]


def nationality_words(forces: dict[str, Any]) -> tuple[list[tuple[str, str]],
                                                       dict[str, dict[str, str]]]:
    """(phrase, country code) pairs and the labels of each code, from forces.yaml (its
    ``nationalities``, ``organisations`` and ``ru_adjectives``) and the data of every
    country; built once per process by the lexicon."""
    pairs: list[tuple[str, str]] = []
    labels: dict[str, dict[str, str]] = {}
    for code, spec in (*forces["nationalities"].items(), *forces["organisations"].items()):
        pairs += [(p, code) for lang, words in spec.items() if lang not in _LABEL_KEYS
                  for p in words]
        labels[code] = {"adjective": spec["adjective"], "vi_name": spec["vi_name"]}
    for code, words in forces["ru_adjectives"].items():
        pairs += [(w, code) for w in words]
    for table in ("abbreviations", "more_demonyms"):
        for code, words in forces[table].items():
            pairs += [(w, code) for w in words]
    taken = {form(p) for p, _ in pairs}
    names = country_names()
    for code, words in sorted(read_demonyms().items()):
        if code not in names:
            continue
        english_names = [n for n in names[code].get("en", ()) if len(n) > 3]
        # other names of the data that a text uses: short forms ("DPRK", "UAE") and
        # Russian ones ("Белоруссия")
        other_names = [n for n in words.get("alt", ()) if _SHORT.fullmatch(n)
                       or _RUSSIAN.fullmatch(n)]
        phrases = [p for p in (*words.get("en", ()), *_french(words.get("fr", [])),
                               *names[code].get("vi", ()), *names[code].get("ru", ()),
                               *names[code].get("fr", ()), *english_names,
                               *(a for n in names[code].get("ru", ())
                                 for a in russian_adjectives(n)),
                               *(c for n in names[code].get("ru", ()) for c in russian_cases(n)),
                               *(n + "'s" for n in english_names), *other_names)
                   if form(p) not in taken and form(p) not in _NOT_NATIONALITIES]
        pairs += [(p, code) for p in phrases]
        taken.update(form(p) for p in phrases)
        if code in labels:
            continue
        shown_name = (names[code].get("en") or [code])[0]
        labels[code] = {"adjective": (words.get("en") or [shown_name])[0],
                        # the name the maps write ("Syria", not ISO's formal name)
                        "vi_name": short_country_name(code, "vi") or shown_name}
    return pairs, labels


__all__ = ["nationality_words"]
