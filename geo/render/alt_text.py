"""Alt text for a static map: one paragraph, in the map's language, saying what changed.

Example (English, seed scenario): "Two maps of Armenia side by side show where ... were
reported on 1 January 2024 (left) and on 1 August 2024 (right). Withdrawn by 1 August 2024:
Russian troops and Russian border guards from Ararat, ...; ... Still there on 1 August 2024:
Russian border guards on the Armenia–Turkey border and the Armenia–Iran border; ..."
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..i18n import check_language, label
from ..timeline import CHANGES, Timeline
from .presentation import countries_shown
from .static.names import (
    country_name,
    first_upper,
    force_name,
    format_date,
    in_sentence,
    join_words,
    place_name,
    strength_text,
)

_PREPOSITION = {"border": "static_alt_on", "province": "static_alt_in",
                "region": "static_alt_in",
                "country": "static_alt_in", "city": "static_alt_in"}


def _place(row: dict[str, Any], lang: str) -> str:
    name = in_sentence(place_name(row, lang), lang)
    if lang == "en" and row["kind"] == "border" and "'s " not in name:
        name = "the " + name
    return name


def _notes(rows: list[dict[str, Any]], lang: str, *, bare: bool = False) -> str:
    """``(about 2,000; dates uncertain)``; ``bare``: the strength says "troops"."""
    notes = [s for r in rows if (s := strength_text(r["strength"], r["strength_approximate"],
                                                    lang))]
    if bare:
        notes = [label("static_map_troops", lang).format(n=n) for n in notes]
    if not all(bool(r["certain"]) for r in rows):
        notes.append(label("uncertain", lang))
    return f" ({'; '.join(notes)})" if notes else ""


def _clause(change: str, rows: list[dict[str, Any]], lang: str) -> str:
    """``Russian border guards from A, B and C; Russian peacekeepers from D (about 2,000)``."""
    places: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        places.setdefault(row["place_id"], []).append(row)
    groups: dict[tuple[str, ...], list[str]] = {}
    for place_rows in places.values():
        forces = tuple(dict.fromkeys(in_sentence(force_name(r, lang), lang)
                                     for r in place_rows))
        groups.setdefault(forces, []).append(place_rows[0]["place_id"])
    parts = []
    for forces, place_ids in groups.items():
        items, previous = [], None
        for place_id in place_ids:
            place_rows = places[place_id]
            row = place_rows[0]
            name = _place(row, lang)
            if len(forces) == 1 and (name.lower() in forces[0].lower()
                                     or forces[0].lower() in name.lower()):
                # a base named for its force
                items.append(("", forces[0] + _notes(place_rows, lang, bare=True)))
                continue
            notes = _notes(place_rows, lang)
            key = "static_alt_from" if change == "withdrawn" else _PREPOSITION.get(row["kind"],
                                                                             "static_alt_at")
            preposition = label(key, lang)
            items.append((preposition, (preposition + " " if preposition != previous else "")
                          + name + notes))
            previous = preposition
        named = [text for preposition, text in items if preposition]
        bare = [text for preposition, text in items if not preposition]
        if named:
            parts.append(f"{join_words(list(forces), lang)} {join_words(named, lang)}")
        parts.extend(bare)
    return "; ".join(parts)


def alt_text(timeline: Timeline, *, before: dt.date, after: dt.date, lang: str = "en",
             layout: str = "side-by-side") -> str:
    """One paragraph describing the static map of ``before`` → ``after`` in ``lang``.

    Parameters
    ----------
    timeline
        The scenario's timeline.
    before, after
        The two days compared.
    lang
        ``en`` or ``vi``.
    layout
        ``side-by-side`` or ``change``: only the opening sentence differs.
    """
    check_language(lang)
    frame = timeline.change(before, after)
    rows = frame.drop(columns="geometry").to_dict("records")
    dates = {"before": format_date(before, lang), "after": format_date(after, lang)}
    forces = list(dict.fromkeys(in_sentence(force_name(r, lang), lang) for r in rows))
    country = join_words([country_name(c, lang) for c in countries_shown(timeline.scenario)], lang)
    opening = "static_alt_pair" if layout == "side-by-side" else "static_alt_change"
    sentences = [label(opening, lang).format(country=country,
                                             forces=join_words(forces, lang), **dates)]
    for change in CHANGES:
        these = [r for r in rows if r["change"] == change]
        body = _clause(change, these, lang) if these else label("static_alt_none", lang)
        sentences.append(f"{label(f'static_alt_{change}', lang).format(**dates)}: {body}.")
    if any(r["kind"] in ("province", "region") for r in rows):
        sentences.append(label("static_alt_hatched", lang))
    sources = {s for r in rows for s in r["source_ids"].split(",") if s}
    sentences.append(label("static_alt_sources", lang).format(count=len(sources)))
    return first_upper(" ".join(sentences))


__all__ = ["alt_text"]
