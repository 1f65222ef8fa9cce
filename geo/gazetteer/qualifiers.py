"""Names with a qualifier that says where they lie: "Minsk, Belarus", "Tyr (Liban)",
"Palma, Cabo Delgado", "Sahel region of Burkina Faso", "Gao au Mali".

:func:`qualified_parts` splits such a name into (head, qualifier) pairs to try, best first;
the gazetteer resolves the qualifier to a country or an area and the head inside it. It is
tried only when the whole name matched nothing ("Republic of Korea" is a name of its own).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from ..errors import BadArgument, PlaceNotFound
from .normalize import normalize
from .place import Place

#: The gazetteer's look-up of a name (kind, within): its places, best first, and the key.
Ranked = Callable[[str, str | None, str | None], tuple[list[Place], str]]

#: "Tyr (Liban)", "Nord (Haïti)": a qualifier in brackets at the end.
_BRACKETED = re.compile(r"^(?P<head>.+?)\s*\((?P<tail>[^()]+)\)\s*$")
#: "Sahel region of Burkina Faso", "Gao au Mali", "Kidal в Мали", "Gao ở Mali": the last
#: "in/of" word (en, fr, ru, vi) before the qualifier.
_OF = re.compile(r"^(?P<head>.+)\s+(?:of|in|du|de la|de l'|de|des|en|au|aux|в|во|на|ở|tại|"
                 r"thuộc|của)\s+(?P<tail>[^\s].*)$", re.IGNORECASE)


def qualified_parts(name: str) -> list[tuple[str, str]]:
    """(head, qualifier) pairs ``name`` may be split into, best first (empty if none)."""
    text = " ".join(name.split())
    parts: list[tuple[str, str]] = []
    bracketed = _BRACKETED.match(text)
    if bracketed:
        parts.append((bracketed["head"], bracketed["tail"]))
    head, comma, tail = text.rpartition(",")
    if comma and head.strip() and tail.strip():
        parts.append((head.strip(), tail.strip()))
    of = _OF.match(text)
    if of:
        parts.append((of["head"], of["tail"]))
    return [(h, t) for h, t in dict.fromkeys(parts) if h.strip(" ,") and t.strip()]


def inside(places: Iterable[Place], within: str, known: Mapping[str, Place],
           resolve: Callable[[str], Place]) -> list[Place]:
    """The ``places`` in the country ``within`` (alpha-2 code) or inside the place it names
    (an id or a name, resolved with ``resolve``)."""
    if len(within) == 2 and within.isalpha():
        code = within.upper()
        if known.get(code) is None or known[code].kind != "country":
            raise BadArgument(f"within: unknown country code {within!r}; give an ISO "
                              "3166-1 alpha-2 code such as AM, or a place name")
        return [p for p in places if p.country == code]
    area = resolve(within).geometry
    return [p for p in places if area.intersects(p.geometry.representative_point())]


def qualified(head: str, tail: str, kind: str | None, ranked: Ranked) -> tuple[list[Place], str]:
    """``head`` inside the country or area ``tail`` names ("Tyr (Liban)"), with the
    gazetteer's ``ranked`` look-up (its places best first and the key that matched)."""
    try:
        areas, _ = ranked(tail, None, None)
    except PlaceNotFound:  # the tail names no area ("Gao, a town")
        areas = []
    area = next((a for a in areas if a.kind in ("country", "province", "region")), None)
    if area is None:
        return [], normalize(head)
    return ranked(head, kind, area.id if area.kind != "country" else area.country)


__all__ = ["inside", "qualified", "qualified_parts"]
