"""Labels in English and Vietnamese, from ``data/labels/*.yaml`` (one file per renderer)."""

from __future__ import annotations

import re
from functools import cache

from .data_files import data_path, read_data_yaml
from .errors import BadArgument

LANGUAGES: tuple[str, ...] = ("en", "vi")


@cache
def labels() -> dict[str, dict[str, str]]:
    """Every label, by key then language, from all files in ``data/labels/``."""
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(data_path("labels").glob("*.yaml")):
        for key, values in (read_data_yaml("labels", path.name) or {}).items():
            if key in merged:
                raise ValueError(f"{path}: label {key!r} is defined twice")
            merged[key] = values
    return merged


def check_language(lang: str) -> str:
    """``lang`` if supported, else a BadArgument listing the languages."""
    if lang not in LANGUAGES:
        raise BadArgument(f"unknown language {lang!r}; use one of: {', '.join(LANGUAGES)}")
    return lang


def label(key: str, lang: str) -> str:
    """The label ``key`` in ``lang`` (English when the language lacks it)."""
    values = labels()[key]
    return values.get(lang) or values["en"]


#: How a scenario or a draft names a source known by its language only: "unnamed French news
#: site (cites AFP, TASS)", "Vietnamese news site (unnamed; cites Interfax and TASS)"; the
#: notes in brackets may follow a real outlet's name too ("lemonde.fr (cites AFP)").
_NOTES = re.compile(r"(?P<name>.*?)(?:\s*\((?P<notes>[^()]*)\))?")
_UNNAMED = re.compile(r"(?:unnamed\s+)?(?P<language>[A-Z][a-z]+)\s+news\s+site", re.IGNORECASE)
_CITES = re.compile(r"cites\s+(?P<names>.+)", re.IGNORECASE)


def outlet_in(outlet: str, language: str, lang: str) -> str:
    """``outlet`` in ``lang``: a source named by its ``language`` only ("unnamed French news
    site (cites AFP)") is said in the map's language, and so is "cites A and B" after any
    outlet; a real outlet's name and the agencies' names stay as they are.

    English keeps the writer's words as they are.
    """
    parts = _NOTES.fullmatch(outlet.strip())
    if lang == "en" or parts is None:
        return outlet
    unnamed = _UNNAMED.fullmatch(parts["name"])
    name = parts["name"]
    if unnamed is not None:
        key = f"language_{language}"
        name = (label("outlet_unnamed", lang).format(language=label(key, lang))
                if key in labels() else label("outlet_unnamed_any", lang))
    notes = []
    for note in (parts["notes"] or "").split(";"):
        note = note.strip()
        if not note or (unnamed is not None and note.lower() == "unnamed"):
            continue  # said already
        cited = _CITES.fullmatch(note)
        if cited is not None:
            names = re.sub(r"\s+and\s+", f" {label('outlet_and', lang)} ", cited["names"])
            note = label("outlet_cites", lang).format(names=names)
        notes.append(note)
    return f"{name} ({'; '.join(notes)})" if notes else name


__all__ = ["LANGUAGES", "check_language", "label", "labels", "outlet_in"]
