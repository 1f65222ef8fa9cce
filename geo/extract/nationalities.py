"""Whose force it is: the nationality words of every country ("Indian soldiers", "binh sĩ
Ấn Độ", "Chadian army").

The curated entries of ``data/extract/forces.yaml`` come first (they carry possessives and
the labels the seed story uses); every other country adds its English demonyms
(``data/boundaries/demonyms.json``) and its names in Vietnamese, which names a force by its
country ("quân đội Pháp"), from the countries layer.
"""

from __future__ import annotations

from typing import Any

from ..gazetteer.boundaries import country_names, read_demonyms
from .text import form

#: Words too common to name a nationality on their own, whatever a data file says.
_NOT_NATIONALITIES = frozenset({"us", "ca", "my", "ma"})


def nationality_words(curated: dict[str, Any]) -> tuple[list[tuple[str, str]],
                                                        dict[str, dict[str, str]]]:
    """(phrase, country code) pairs and the labels of each code; ``curated`` is forces.yaml's
    ``nationalities`` (the lexicon that calls this is built once per process)."""
    pairs: list[tuple[str, str]] = []
    labels: dict[str, dict[str, str]] = {}
    for code, spec in curated.items():
        pairs += [(p, code) for lang in ("en", "vi") for p in spec[lang]]
        labels[code] = {"adjective": spec["adjective"], "vi_name": spec["vi_name"]}
    taken = {form(p) for p, _ in pairs}
    names = country_names()
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


__all__ = ["nationality_words"]
