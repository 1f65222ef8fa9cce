"""Whose force it is: the nationality words of every country ("Indian soldiers", "binh sĩ
Ấn Độ", "Chadian army").

The curated entries of ``data/extract/forces.yaml`` come first (they carry possessives and
the labels the seed story uses); every other country adds its English demonyms
(``data/boundaries/demonyms.json``) and its names in Vietnamese, which names a force by its
country ("quân đội Pháp"), from the countries layer.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ..gazetteer.boundaries import read_demonyms, read_layer
from .text import form

#: Words too common to name a nationality on their own, whatever a data file says.
_NOT_NATIONALITIES = frozenset({"us", "ca", "my", "ma"})


@cache
def nationality_words(curated: tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...],
                                           str, str], ...]) -> tuple[
        list[tuple[str, str]], dict[str, dict[str, str]]]:
    """(phrase, country code) pairs and the labels of each code.

    ``curated`` is forces.yaml's entries as (code, ((language, words), ...), adjective,
    Vietnamese name), hashable so that the answer is kept."""
    pairs: list[tuple[str, str]] = []
    labels: dict[str, dict[str, str]] = {}
    for code, languages, adjective, vi_name in curated:
        pairs += [(p, code) for _lang, words in languages for p in words]
        labels[code] = {"adjective": adjective, "vi_name": vi_name}
    taken = {form(p) for p, _ in pairs}
    names = {r["id"]: r.get("names", {}) for r in read_layer("countries")}
    for code, words in sorted(read_demonyms().items()):
        if code in labels or code not in names:
            continue
        english = [w for w in words.get("en", ()) if form(w) not in taken]
        vietnamese = [n for n in names[code].get("vi", ()) if form(n) not in taken]
        phrases = [p for p in (*english, *vietnamese) if form(p) not in _NOT_NATIONALITIES]
        if not phrases:
            continue
        pairs += [(p, code) for p in phrases]
        taken.update(form(p) for p in phrases)
        shown_name = (names[code].get("en") or [code])[0]
        labels[code] = {"adjective": (words.get("en") or [shown_name])[0],
                        # the last: CLDR's short name ("Chad", not ISO's "Chê-đ")
                        "vi_name": (names[code].get("vi") or [shown_name])[-1]}
    return pairs, labels


def curated_key(nationalities: dict[str, Any]) -> tuple:
    """forces.yaml's ``nationalities`` as the hashable argument of nationality_words."""
    return tuple((code, tuple((lang, tuple(spec[lang])) for lang in ("en", "vi")),
                  spec["adjective"], spec["vi_name"]) for code, spec in nationalities.items())


__all__ = ["curated_key", "nationality_words"]
