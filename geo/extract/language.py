"""Which language an article is written in (ISO 639-1 code), from its letters and words.

Armenian and Cyrillic script decide at once; otherwise letters only Vietnamese uses
(``ă â đ ơ ư`` and the tone-marked vowels) and the share of each language's function words
(``data/extract/language.yaml``) do. No model, no network.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from .wordlists import load

_WORDS = re.compile(r"[^\W\d_]+")
_NOT_LETTERS = " \n\t\r.,;:!?\"'()[]-–—/0123456789“”‘’«»…%&*+="


@cache
def _tables() -> tuple[dict[str, tuple[str, ...]], re.Pattern[str], dict[str, re.Pattern[str]]]:
    data = load("language")
    words: dict[str, tuple[str, ...]] = {}
    for lang, values in data["function_words"].items():
        for word in values:
            words[word.casefold()] = (*words.get(word.casefold(), ()), lang)
    letters = re.compile("[" + re.escape(data["letters"]["vi"]) + "]")
    scripts = {lang: re.compile(f"[{chr(int(low))}-{chr(int(high))}]")
               for lang, (low, high) in data["scripts"].items()}
    return words, letters, scripts


@cache
def _any_script() -> re.Pattern[str]:
    """A letter of any of the scripts of ``language.yaml`` (one search instead of one per
    script, for the many texts in none of them)."""
    ranges = "".join(f"{chr(int(low))}-{chr(int(high))}"
                     for low, high in load("language")["scripts"].values())
    return re.compile(f"[{ranges}]")


def detect_language(text: str) -> tuple[str, float]:
    """The language code of ``text`` and a confidence between 0 and 1.

    Returns ``("und", 0.0)`` when the text has no words.

    >>> detect_language("Russian border guards will remain on Armenia's borders.")[0]
    'en'
    >>> detect_language("Lực lượng biên phòng Nga sẽ vẫn ở biên giới Armenia.")[0]
    'vi'
    """
    function_words, vi_letters, scripts = _tables()
    sample = text[:600].casefold()
    letters = len(sample) - sum(sample.count(c) for c in _NOT_LETTERS)
    if letters <= 0:
        return "und", 0.0
    scripted = not sample.isascii() and _any_script().search(sample) is not None
    for lang, pattern in scripts.items() if scripted else ():
        if pattern.search(sample):
            share = len(pattern.findall(sample)) / letters
            # Ukrainian: a few of its own letters among Cyrillic ones
            if share > 0.3 or (lang == "uk" and share > 0.015):
                return lang, round(min(1.0, share + 0.3), 2)
    words = _WORDS.findall(sample)
    counts: Counter[str] = Counter()
    # the function words only, in the order they first appear (the order of ties)
    for word, number in Counter([w for w in words if w in function_words]).items():
        for lang in function_words.get(word, ()):
            counts[lang] += number
    vi_share = len(vi_letters.findall(sample)) / letters
    if vi_share > 0.02:
        counts["vi"] += int(vi_share * len(words))
    if not counts:
        return "und", 0.0
    (best, top), *rest = counts.most_common()
    runner_up = rest[0][1] if rest else 0
    return best, round(min(1.0, (top - runner_up) / max(top, 1) + 0.2), 2)


@cache
def language_names() -> tuple[frozenset[str], dict[str, str]]:
    """The languages extraction reads, and the English name of every language detected."""
    data = load("language")
    return frozenset(data["extracted"]), dict(data["names"])


def unread_language(code: str) -> str | None:
    """"German (de)" for an article in a language extraction does not read, else None
    ("und", not known, is read: a short text may not tell)."""
    extracted, names = language_names()
    if code in extracted or code == "und":
        return None
    return f"{names.get(code, code)} ({code})"


#: What the messages about such an article advise.
UNREAD_ADVICE = ("deploymap reads English, French, Russian and Vietnamese: translate it, or "
                 "write its records by hand")


__all__ = ["UNREAD_ADVICE", "detect_language", "language_names", "unread_language"]
