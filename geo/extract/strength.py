"""The headcount written before a force word: "5.000 quân", "some 2,000 Russian troops",
"2 500 à 3 500 soldats" (the most, approximate)."""

from __future__ import annotations

import re
from functools import cache

from .text import Sentence
from .wordlists import load


@cache
def _number_pattern() -> re.Pattern[str]:
    words = sorted(load("forces")["approximate"], key=len, reverse=True)
    approx = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?:(?P<approx>{approx})\s+)?(?P<range>\d[\d.,\u00a0\u202f ]*\s*(?:[-–]|"
                      r"à|to|đến|tới|до)\s*)?(?P<n>\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+)\s+"
                      r"(?:[^\W\d_]+\s+){0,1}$", re.IGNORECASE)


def strength(sentence: Sentence, start: int) -> tuple[int, bool] | None:
    """The number just before a force mention ("5.000 quân", "some 2,000 Russian ...")."""
    before = sentence.text[max(0, sentence.tokens[start].start - 40):sentence.tokens[start].start]
    if not any(map(str.isdigit, before[-25:])):
        return None
    match = _number_pattern().search(before)
    if not match:
        return None
    value = int(re.sub(r"\D", "", match.group("n")))
    if 1900 <= value <= 2100 and match.group("n").isdigit():
        return None  # a year ("the 2020 war"), not a headcount
    # "2 500 à 3 500 soldats", "2,500-3,500 US troops": the most, and approximate
    return value, bool(match.group("approx") or match.group("range"))



__all__ = ["strength"]
