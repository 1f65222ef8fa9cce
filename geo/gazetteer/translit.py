"""Names written in another script or spelling than the gazetteer knows: the sound tier.

A Russian article writes "в Башике" for a town the data knows only as Bashiqa; an English
one writes "Afmadow" for Afmadoow, "Galgadud" for Galguduud. None of the exact, loose or
consonant keys meet. This tier, tried last and only among the places of the story's
countries, compares *sound keys*: a Cyrillic name is romanised (BGN/PCGN, with the Russian
case endings of its last word taken off and the nominative's tried instead, as the data file
``data/transliteration.yaml`` lists them), then the loose skeleton is folded further (k, q
and c alike; a final h, the Arabic article and doubled letters dropped). Two names match when
their consonants are the same and their sound keys are the same, or differ in one vowel in
a longer name (two in a long one; a vowel more or less is a typo, "Gegarkunk"); in a
country whose names are romanised from Arabic, where the vowels say little, the
consonants alone match much as the consonant tier's do.

The places of a country are keyed once per process, when a name of its story first misses
every other tier.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache

from ..data_files import read_data_yaml
from .index import MIN_CONSONANTS, SHORT_CONSONANTS
from .normalize import is_arabic_named, lexicon, normalize, skeleton, strip_generic
from .place import Place

_CYRILLIC = re.compile("[\u0400-\u04ff]")
_VOWELS = re.compile(r"[aeiouy]")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
#: Romanised forms of one name tried at most (alternative spellings multiply them).
MAX_FORMS = 24
#: A sound key shorter than this must be a name's; one this long or longer may differ from
#: it by one vowel, and by two from LONG_SOUND letters on.
SHORT_SOUND = 7
LONG_SOUND = 10
#: Kinds whose names, in a country romanised from Arabic, match by SHORT_CONSONANTS - 1
#: consonants (as the consonant tier's do).
_AREA_KINDS = frozenset({"province", "region"})


@cache
def _scheme() -> dict[str, object]:
    raw = read_data_yaml("transliteration.yaml")
    pairs = sorted(raw["alternatives"].items(), key=lambda kv: -len(kv[0]))
    return {
        "letters": {normalize(k) or k: v for k, v in raw["letters"].items()},
        "ye_after": frozenset(normalize(raw["ye_after"])),
        "alternatives": re.compile("|".join(re.escape(normalize(k)) for k, _ in pairs)),
        "alternative": {normalize(k): [v for v in values] for k, values in pairs},
        "endings": tuple((normalize(ending), tuple(normalize(n) for n in nominatives))
                         for ending, nominatives in raw["case_endings"].items()),
        "folds": str.maketrans({old: new for old, new in raw["sound_folds"]}),
    }


def case_endings() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The Russian case endings of ``data/transliteration.yaml``, longest first, each with
    the nominative endings tried in its place, as normalised keys write them."""
    return _scheme()["endings"]  # type: ignore[return-value]


def _romanise_word(word: str) -> list[str]:
    """A Cyrillic word (a normalised key) in Latin letters: BGN/PCGN first, then with the
    alternative spellings of ``data/transliteration.yaml``."""
    scheme = _scheme()
    letters: dict[str, str] = scheme["letters"]  # type: ignore[assignment]
    after: frozenset[str] = scheme["ye_after"]  # type: ignore[assignment]

    def plain(text: str, start: bool) -> str:
        out = []
        for i, c in enumerate(text):
            if c == "е" and ((start and i == 0) or (i and text[i - 1] in after)):
                out.append("ye")
            else:
                out.append(letters.get(c, c))
        return "".join(out)

    pattern: re.Pattern[str] = scheme["alternatives"]  # type: ignore[assignment]
    choices: dict[str, list[str]] = scheme["alternative"]  # type: ignore[assignment]
    pieces: list[list[str]] = []
    last = 0
    for found in pattern.finditer(word) if pattern.pattern else ():
        pieces.append([plain(word[last:found.start()], last == 0)])
        pieces.append([plain(found.group(0), found.start() == 0), *choices[found.group(0)]])
        last = found.end()
    pieces.append([plain(word[last:], last == 0)])
    return ["".join(p) for p in itertools.islice(itertools.product(*pieces), MAX_FORMS)]


@lru_cache(maxsize=1 << 12)
def latin_forms(key: str, declined: bool = True) -> tuple[str, ...]:
    """The Latin keys a normalised key may stand for: itself when it has no Cyrillic
    letter; else romanised as written, then with each nominative its last word's case
    ending allows ("башике": "bashike", "bashik", "bashika", ...); without ``declined``,
    only as written."""
    if not _CYRILLIC.search(key):
        return (key,)
    *head, last = key.split()
    lasts = [last]
    for ending, nominatives in case_endings() if declined else ():
        if last.endswith(ending) and len(last) - len(ending) >= 3:
            lasts += [last[: -len(ending)] + new for new in nominatives]
    heads = [_romanise_word(w) for w in head]
    forms = (" ".join(p) for w in dict.fromkeys(lasts)
             for p in itertools.product(*heads, _romanise_word(w)))
    return tuple(itertools.islice(dict.fromkeys(forms), MAX_FORMS))


@lru_cache(maxsize=1 << 16)
def sound_key(key: str) -> str:
    """A Latin key folded for the sound tier: Arabic articles and a word's final h dropped,
    the loose skeleton, and the folds of ``data/transliteration.yaml`` ("al hudaydah":
    "hudaida"; "bashiqa" and "bashika": "basika")."""
    articles = lexicon()["articles"]
    words = [w for w in key.split() if w not in articles] or key.split()
    folded = "".join(skeleton(w).removesuffix("h") or w for w in words)
    return re.sub(r"(.)\1+", r"\1", folded.translate(_scheme()["folds"]))  # type: ignore[arg-type]


def consonant_key(sound: str) -> str:
    """The consonants of a sound key (the table's key)."""
    return _VOWELS.sub("", sound)


#: A country's places by the consonants of their names' sound keys: (sound key, id, kind).
SoundTable = dict[str, list[tuple[str, str, str]]]


def sound_table(places: Iterable[Place]) -> SoundTable:
    """The sound keys of the Latin names of ``places`` (generic words dropped)."""
    table: SoundTable = {}
    for place in places:
        names = dict.fromkeys([place.name, *(n for v in place.names.values() for n in v)])
        seen = set()
        for name in names:
            key = strip_generic(normalize(name))[0]
            if not key.isascii() or not key:
                continue
            sound = sound_key(key)
            if sound in seen:
                continue
            seen.add(sound)
            table.setdefault(consonant_key(sound), []).append((sound, place.id, place.kind))
    return table


def allowed_edits(sound: str) -> int:
    """Vowels a sound key may differ in: none below SHORT_SOUND letters, one below
    LONG_SOUND, else two (a short word is a name or a word by one letter)."""
    return 0 if len(sound) < SHORT_SOUND else 1 if len(sound) < LONG_SOUND else 2


def _changed(sound: str, known: str) -> int:
    """How many letters of two keys of the same consonants differ, when they are as long
    (more than any allowed edit otherwise)."""
    if len(sound) != len(known):
        return len(sound) + len(known)
    return sum(a != b for a, b in zip(sound, known, strict=True))


def _vowel_groups(sound: str) -> int:
    return len(_VOWEL_GROUPS.findall(sound))


def sound_matches(key: str, countries: Iterable[str],
                  table_of: Callable[[str], SoundTable]) -> list[str]:
    """Ids of the places of ``countries`` whose names sound like ``key`` (a normalised
    key, without generic words), the closest first; empty when none does.

    In a country romanised from Arabic, a name of the same consonants, first letter and
    number of syllables matches too, after any closer one, when it has SHORT_CONSONANTS
    consonants or is a province or region ("Ниневия", Nineveh)."""
    best: dict[str, tuple[int, int]] = {}
    countries = tuple(countries)
    written = frozenset(latin_forms(key, declined=False))
    for order, form in enumerate(latin_forms(key)):
        sound = sound_key(form)
        consonants = consonant_key(sound)
        if len(sound) < 4 or len(consonants) < MIN_CONSONANTS:
            continue
        # a nominative guessed must sound exactly as a name does
        allowed = allowed_edits(sound) if form in written else 0
        for country in countries:
            arabic = is_arabic_named(country)
            for known, place_id, kind in table_of(country).get(consonants, ()):
                # vowels changed, never dropped or added: "Gegarkunk" is a typo
                distance = _changed(sound, known)
                if distance > allowed:
                    if not arabic or known[0] != sound[0] or (
                            len(consonants) < SHORT_CONSONANTS and kind not in _AREA_KINDS) \
                            or _vowel_groups(known) != _vowel_groups(sound):
                        continue
                    distance = 3  # the consonants alone: after any closer name
                rank = (distance, order)
                if place_id not in best or rank < best[place_id]:
                    best[place_id] = rank
    if not best:
        return []
    first = min(best.values())[0]
    return sorted((i for i, r in best.items() if r[0] == first), key=best.__getitem__)


__all__ = ["LONG_SOUND", "MAX_FORMS", "SHORT_SOUND", "SoundTable", "allowed_edits",
           "case_endings", "consonant_key",
           "latin_forms", "sound_key", "sound_matches", "sound_table"]
