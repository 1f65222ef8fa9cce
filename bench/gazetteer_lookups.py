"""Gazetteer look-ups per second: exact names and misspelt ones (fuzzy suggestions).

Run: ``python bench/gazetteer_lookups.py [--seconds 3]``. Prints one table; goals from the
issue: >= 100,000 exact and >= 10,000 fuzzy look-ups a second.

The baseline (:class:`LinearScan`) is the straightforward way to do the same: every
(normalised name, place id) pair of the gazetteer in one list, scanned in full for each
query, with the same normaliser and, for misspelt names, the same scorer (rapidfuzz
``fuzz.ratio``, cut-off 70) as the gazetteer's suggestions.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from rapidfuzz import fuzz

from geo import Gazetteer, PlaceNotFound
from geo.errors import UserInputError
from geo.gazetteer.normalize import normalize
from geo.gazetteer.suggest import MIN_SCORE

EXACT = ["Syunik", "Tavush", "Vayots Dzor", "Gegharkunik", "Ararat", "Yerevan", "Gyumri",
         "Thổ Nhĩ Kỳ", "Iran", "Nagorno-Karabakh", "tỉnh Syunik", "Сюник", "Zvartnots",
         "Yerevan's main airport", "AM-SU", "Armavir", "Niamey airport", "Tillabéri",
         "Latakia province", "Hmeimim air base", "Dakar region", "Faya-Largeau", "Mombasa",
         "Kyiv", "Tromsø"]
FUZZY = ["Syunk", "Gegarkunk", "Tavuch", "Vayots Dzorr", "Zvartnotz", "Gyumir", "Yerevn",
         "Nagorno Karabkh", "Ararrat", "Armavr", "Niamy", "Tilaberi", "Latakiya", "Mombassa"]
BORDERS = ["Armenia's borders with Turkey and Iran", "biên giới Armenia với Thổ Nhĩ Kỳ và Iran"]


def rate(call: Callable[[str], object], names: Sequence[str], seconds: float) -> float:
    """Calls per second of ``call`` cycling over ``names`` for about ``seconds``."""
    for name in names:  # warm-up: lazy indexes, caches of the normaliser
        call(name)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for name in names:
            call(name)
        count += len(names)
    return count / (time.perf_counter() - start)


def fuzzy(gazetteer: Gazetteer) -> Callable[[str], object]:
    """A misspelt name through the full error path: resolve, fail, suggest."""
    def call(name: str) -> object:
        try:
            return gazetteer.resolve(name)
        except PlaceNotFound as error:
            return error.suggestions
    return call


class LinearScan:
    """The baseline: one list of (normalised name, place id), scanned in full per query."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        pairs = set()
        for place in gazetteer.places.values():
            for name in (place.name, *(n for names in place.names.values() for n in names)):
                if key := normalize(name):
                    pairs.add((key, place.id))
        self.pairs = sorted(pairs)

    def exact(self, name: str) -> list[str]:
        """Ids of the places with a name equal to ``name`` once normalised."""
        key = normalize(name)
        return [place_id for known, place_id in self.pairs if known == key]

    def fuzzy(self, name: str, limit: int = 5) -> list[str]:
        """Ids of the ``limit`` places whose names score best against ``name``."""
        key = normalize(name)
        scored = [(fuzz.ratio(key, known), place_id) for known, place_id in self.pairs]
        best = sorted((s for s in scored if s[0] >= MIN_SCORE), reverse=True)
        return list(dict.fromkeys(place_id for _, place_id in best))[:limit]


REFSET = Path(__file__).resolve().parent.parent / "tests" / "data" / "refset" / "places.csv"


def first_time() -> tuple[float, float, int]:
    """Look-ups per second of names never asked before in this process (the reference
    set's queries, each once, in the story's country): exact and misspelt (one letter
    dropped). Nothing kept from an earlier answer helps these."""
    with REFSET.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))

    by_country = {c: Gazetteer(country=c) for c in sorted({r["country"] for r in rows})}

    def run(names: list[tuple[str, str]]) -> float:
        start = time.perf_counter()
        for name, country in names:
            with contextlib.suppress(UserInputError):
                by_country[country].resolve(name)
        return len(names) / (time.perf_counter() - start)

    exact = [(r["query"], r["country"]) for r in rows]
    misspelt = [(q[:len(q) // 2] + q[len(q) // 2 + 1:], c) for q, c in exact if len(q) > 5]
    return run(exact), run(misspelt), len(exact)


def measure(seconds: float = 3.0, *, gazetteer: Gazetteer | None = None) -> dict[str, float]:
    """Look-ups per second: the gazetteer's and the linear scan's, exact and fuzzy."""
    gazetteer = gazetteer or Gazetteer()
    scan = LinearScan(gazetteer)
    gazetteer.suggest("warm")
    return {
        "exact": rate(gazetteer.resolve, EXACT, seconds),
        "fuzzy": rate(fuzzy(gazetteer), FUZZY, seconds),
        "exact_scan": rate(scan.exact, EXACT, seconds / 2),
        "fuzzy_scan": rate(scan.fuzzy, FUZZY, seconds / 2),
        "names": len(scan.pairs),
    }


def main(argv: Sequence[str] | None = None) -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    seconds = parser.parse_args(argv).seconds
    start = time.perf_counter()
    gazetteer = Gazetteer()
    load = time.perf_counter() - start
    start = time.perf_counter()
    gazetteer.suggest("warm")
    index = time.perf_counter() - start
    exact_first, fuzzy_first, count = first_time()
    rows = [
        ("load gazetteer (s)", f"{load:.2f}"),
        ("build fuzzy index, first miss (s)", f"{index:.2f}"),
        (f"exact resolve, {count} names never asked before / s", f"{exact_first:,.0f}"),
        ("misspelt, never asked before (-> suggestions) / s", f"{fuzzy_first:,.0f}"),
        ("exact resolve / s", f"{rate(gazetteer.resolve, EXACT, seconds):,.0f}"),
        ("border phrase resolve / s", f"{rate(gazetteer.resolve, BORDERS, seconds):,.0f}"),
        ("fuzzy (misspelt -> suggestions) / s", f"{rate(fuzzy(gazetteer), FUZZY, seconds):,.0f}"),
        ("fuzzy, no near match (full scan) / s",
         f"{rate(gazetteer.suggest, ['Kremlin', 'Qwxzv'], seconds):,.0f}"),
    ]
    scan = LinearScan(gazetteer)
    rows += [
        (f"baseline: linear scan of {len(scan.pairs):,} names, exact / s",
         f"{rate(scan.exact, EXACT, seconds):,.0f}"),
        ("baseline: linear scan, fuzzy / s", f"{rate(scan.fuzzy, FUZZY, seconds):,.0f}"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  value")
    for label, value in rows:
        print(f"{label:<{width}}  {value:>10}")


if __name__ == "__main__":
    main()
