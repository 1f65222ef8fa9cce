"""Whether a force's name already says its type ("Russian troops" is an army).

Legends and labels add the type's label ("Troops") after a force only when its name does
not say it already: its own label's words, or one of :data:`TYPE_WORDS`. The catch-all
type ``other`` is never written out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from ..i18n import label

#: Words a force's name may use to say its type beyond the type's own label, in lower case
#: (a plural "s" is matched without it): "US-led coalition forces" are troops.
TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "army": ("troop", "force", "army", "soldier", "military", "quân", "quân đội", "lính",
             "lực lượng"),
    "border_guards": ("border guard", "border force", "border troop", "biên phòng"),
    "peacekeepers": ("peacekeeper", "peacekeeping", "gìn giữ hòa bình"),
    "base": ("base", "căn cứ"),
    "air_force": ("air force", "airmen", "không quân"),
    "navy": ("navy", "naval", "marine", "hải quân"),
    "military_police": ("military police", "quân cảnh"),
    "advisers": ("adviser", "advisor", "instructor", "cố vấn"),
    "pmc": ("private military company", "pmc", "mercenary", "wagner", "lính đánh thuê"),
    "mission": ("mission", "phái bộ"),
    "police": ("police", "cảnh sát"),
}

#: Types whose label says nothing a reader can use ("Other"): never printed as a note.
SILENT_TYPES: frozenset[str] = frozenset({"other"})


def words(text: str) -> tuple[str, ...]:
    """Lower-case words of ``text``, a plural ``s`` dropped: ``US-led Forces`` ->
    ``("us", "led", "force")``."""
    found = re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())
    return tuple(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                 for w in found)


@cache
def _phrases(force_type: str, lang: str) -> tuple[tuple[str, ...], ...]:
    phrases = [words(p) for p in TYPE_WORDS.get(force_type, ())]
    try:
        phrases.append(words(label(force_type, lang)))
    except KeyError:
        phrases.append(words(force_type.replace("_", " ")))
    return tuple(p for p in phrases if p)


def _contains(name: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(name[i:i + size] == phrase for i in range(len(name) - size + 1))


def says_type(name: str, force_type: str, lang: str) -> bool:
    """Whether ``name`` already says ``force_type`` (``Russian border guards``)."""
    said = words(name)
    return any(_contains(said, p) for p in _phrases(force_type, lang))


def type_note(names: Iterable[str], force_type: str, lang: str) -> str:
    """The type's label to print after ``names``, or ``""`` when every name says it (or the
    type is ``other``)."""
    if force_type in SILENT_TYPES:
        return ""
    listed = [n for n in names if n]
    if listed and all(says_type(n, force_type, lang) for n in listed):
        return ""
    return force_type_name(force_type, lang)


def force_type_name(force_type: str, lang: str) -> str:
    """``border_guards`` -> ``Border guards`` / ``Biên phòng``."""
    try:
        return label(force_type, lang)
    except KeyError:
        return force_type.replace("_", " ").capitalize()


__all__ = ["SILENT_TYPES", "TYPE_WORDS", "force_type_name", "says_type", "type_note", "words"]
