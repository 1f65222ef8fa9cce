"""The short name of a country in a language, the one every map and label writes ("Syria",
"Triều Tiên", "Libya"), chosen among the countries layer's names.

The layer lists a country's names in one language from several sources (the curated file,
ISO 3166, the CLDR), so its first name is sometimes the formal or the inverted ISO form
("Bắc Hàn, Cộng hoà Nhân dân Dân chủ", "Nước Cộng Hoà Thống Nhất Than-xa-ni-a") or an old
syllable-by-syllable spelling ("Khi-ni-a" for Kenya, "Li-bi") where the news write the
CLDR's "Kenya", "Libya". The short name is the first of those that read least like one.
"""

from __future__ import annotations

import re
from functools import cache

from .boundaries import country_names

#: How formal a name reads (lower is shorter and plainer), pattern by pattern: an inverted
#: ISO form ("Palestine, quốc gia"), a CLDR disambiguation ("Congo - Kinshasa"), a "State
#: of" opening ("Nước Cộng Hoà ..."), a "Republic of" opening ("Cộng hoà Nam Hàn"), and
#: each hyphen between syllables ("Gi-oa-đanh": 2; "Guinea-Bissau": 1).
_FORMAL: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r","), 4),
    (re.compile(r" - "), 4),
    (re.compile(r"^Nước\b", re.IGNORECASE), 2),
    (re.compile(r"^Cộng (?:hoà|hòa)\b", re.IGNORECASE), 1),
)


_SYLLABLE_HYPHEN = re.compile(r"\w-(?=\w)")


def _formality(name: str) -> int:
    return (sum(weight for pattern, weight in _FORMAL if pattern.search(name))
            + len(_SYLLABLE_HYPHEN.findall(name)))


@cache
def short_country_name(code: str, lang: str) -> str | None:
    """Country ``code``'s short name in ``lang`` (its English one when ``lang`` has none),
    None for a code the countries layer does not have."""
    names = country_names().get(code)
    if names is None:
        return None
    for language in (lang, "en"):
        found = names.get(language) or ()
        if found:
            return min(found, key=_formality)  # the first of the plainest
    return code


__all__ = ["short_country_name"]
