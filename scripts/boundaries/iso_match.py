"""Natural Earth admin-1 records to ISO 3166-2 codes (the NE file's own code field is broken).

A record takes the ISO subdivision of its country whose name (or a translation) equals one
of its names once normalised, or whose transliteration skeleton does; failing that, the one
whose code suffix equals the record's HASC suffix. Each ISO code goes to one record at most.
"""

from __future__ import annotations

import re

from geo.gazetteer.normalize import normalize, skeleton

#: Words that only say what kind of division it is ("Tillabéri Region").
_KIND_WORDS = re.compile(
    r"\b(region|province|governorate|state|department|district|oblast|krai|kray|republic|"
    r"prefecture|county|municipality|territory|division|muhafazat|wilayat|wilaya|al|el|"
    r"autonomous|capital|city|of|the|provincia|departamento|region de|estado|etat|"
    r"provinsi|propinsi|mkoa|gouvernorat|prefecture de|voblast|oblys|viloyati|ili)\b")


def _keys(name: str) -> set[str]:
    key = normalize(name)
    bare = " ".join(_KIND_WORDS.sub(" ", key).split())
    return {k for k in (key, bare, skeleton(key), skeleton(bare)) if k}


def match_iso(records: list[dict], subdivisions: list[dict]) -> dict[str, dict]:
    """ISO entry by ``adm1_code`` for the records of one country that have one.

    Every (record, entry) pair whose names meet is scored by how trusted the record's name
    is (its ``ranked_names`` tier), whether the entry is top level and whether the whole
    name matched; pairs are then taken best first, each record and code once.
    """
    by_key: dict[str, list[tuple[int, dict]]] = {}
    for entry in subdivisions:
        for names in entry["names"].values():
            for name in names:
                key = normalize(name)
                for candidate in _keys(name):
                    by_key.setdefault(candidate, []).append((0 if candidate == key else 1, entry))
    pairs = []
    for order, record in enumerate(records):
        for tier, names in enumerate(record["ranked_names"]):
            for name in names:
                if not name:
                    continue
                key = normalize(name)
                for candidate in _keys(name):
                    for whole, entry in by_key.get(candidate, []):
                        score = (tier, 1 if entry["parent"] else 0,
                                 whole + (0 if candidate == key else 1))
                        pairs.append((score, order, entry["code"], entry))
    pairs.sort(key=lambda p: p[:3])
    used: set[str] = set()
    found: dict[str, dict] = {}
    for _, order, code, entry in pairs:
        record = records[order]
        if record["adm1_code"] in found or code in used:
            continue
        found[record["adm1_code"]] = entry
        used.add(code)
    codes = {e["code"]: e for e in subdivisions}
    for record in records:
        if record["adm1_code"] in found or "." not in record["hasc"]:
            continue
        country, suffix = record["hasc"].split(".", 1)
        entry = codes.get(f"{country}-{suffix}")
        if entry is not None and entry["code"] not in used:
            found[record["adm1_code"]] = entry
            used.add(entry["code"])
    return found


__all__ = ["match_iso"]
