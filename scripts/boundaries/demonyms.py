"""Demonyms and alternative spellings of every country ("Finnish", "saoudienne", "DRC"):
the words border phrases name countries by ("the Finnish-Russian border")."""

from __future__ import annotations

import json
from pathlib import Path

from .fetch import Package

#: A demonym two countries share ("Dominican") goes to the larger one only when it is at
#: least this many times larger (the Dominican Republic, not Dominica); else to neither
#: ("Korean").
SHARED_DEMONYM_RATIO = 3.0


def read_demonyms(package: Package) -> dict[str, dict[str, list[str]]]:
    """{alpha-2: {"en": [...], "fr": [...], "alt": [...]}} from world-countries."""
    countries = json.loads(package.read("package/countries.json"))
    area = {c["cca2"]: float(c.get("area") or 0) for c in countries}
    owners: dict[tuple[str, str], list[str]] = {}
    for country in countries:
        for lang, key in (("en", "eng"), ("fr", "fra")):
            forms = country.get("demonyms", {}).get(key, {})
            for word in dict.fromkeys((forms.get("m", ""), forms.get("f", ""))):
                if word:
                    owners.setdefault((lang, word), []).append(country["cca2"])
    table: dict[str, dict[str, list[str]]] = {}
    for (lang, word), codes in sorted(owners.items()):
        ranked = sorted(codes, key=lambda c: (-area[c], c))
        if len(ranked) > 1 and area[ranked[0]] < SHARED_DEMONYM_RATIO * area[ranked[1]]:
            continue
        table.setdefault(ranked[0], {}).setdefault(lang, []).append(word)
    for country in countries:
        alternates = [a for a in country.get("altSpellings", []) if len(a) > 2]
        if alternates:
            table.setdefault(country["cca2"], {})["alt"] = alternates
    return dict(sorted(table.items()))


def write_demonyms(path: Path, table: dict[str, dict[str, list[str]]], source: str) -> int:
    """Write the table as compact, sorted JSON; its size in bytes."""
    text = json.dumps({"source": source, "countries": table}, ensure_ascii=False,
                      sort_keys=True, separators=(",", ":")) + "\n"
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


__all__ = ["read_demonyms", "write_demonyms"]
