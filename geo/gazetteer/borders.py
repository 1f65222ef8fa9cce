"""Border phrases: "Armenia's border with Turkey", "biên giới Armenia với Thổ Nhĩ Kỳ và Iran".

:func:`parse_border_phrase` turns a normalised phrase into the country codes it names, so the
gazetteer can answer with the border lines between the story's country and each of them.
"""

from __future__ import annotations

from collections.abc import Callable

from .normalize import lexicon

#: Longest run of words tried as one country name ("tho nhi ky" is three).
MAX_NAME_WORDS = 5


def is_border_phrase(key: str) -> bool:
    """True when the normalised ``key`` contains a border word."""
    words = lexicon()["border_words"]
    tokens = key.split()
    return any(
        " ".join(tokens[i : i + n]) in words for n in (1, 2, 3) for i in range(len(tokens))
    )


def parse_border_phrase(key: str, country_of: Callable[[str], str | None]) -> list[str] | None:
    """The country codes a border phrase names, in order, or None if a word is not understood.

    Parameters
    ----------
    key
        A normalised phrase (see :func:`geo.gazetteer.normalize.normalize`).
    country_of
        Maps a normalised name to a country code (or a region code such as ``"NX"``), or None.
    """
    words = lexicon()
    skip = words["border_words"] | words["connectors"] | words["filler"]
    tokens = key.split()
    codes: list[str] = []
    position = 0
    while position < len(tokens):
        for size in range(min(MAX_NAME_WORDS, len(tokens) - position), 0, -1):
            span = " ".join(tokens[position : position + size])
            code = words["adjectives"].get(span) or country_of(span)
            if code:
                if code not in codes:
                    codes.append(code)
                position += size
                break
            if span in skip:
                position += size
                break
        else:
            return None
    return codes or None


__all__ = ["is_border_phrase", "parse_border_phrase"]
