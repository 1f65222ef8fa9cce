"""Gazetteer look-ups per second: exact names and misspelt ones (fuzzy suggestions).

Run: ``python bench/gazetteer_lookups.py [--seconds 3]``. Prints one table; goals from the
issue: >= 100,000 exact and >= 10,000 fuzzy look-ups a second.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence

from geo import Gazetteer, PlaceNotFound

EXACT = ["Syunik", "Tavush", "Vayots Dzor", "Gegharkunik", "Ararat", "Yerevan", "Gyumri",
         "Thổ Nhĩ Kỳ", "Iran", "Nagorno-Karabakh", "tỉnh Syunik", "Сюник", "Zvartnots",
         "Yerevan's main airport", "AM-SU", "Armavir"]
FUZZY = ["Syunk", "Gegarkunk", "Tavuch", "Vayots Dzorr", "Zvartnotz", "Gyumir", "Yerevn",
         "Nagorno Karabkh", "Ararrat", "Armavr"]
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
    rows = [
        ("load gazetteer (s)", f"{load:.2f}"),
        ("build fuzzy index, first miss (s)", f"{index:.2f}"),
        ("exact resolve / s", f"{rate(gazetteer.resolve, EXACT, seconds):,.0f}"),
        ("border phrase resolve / s", f"{rate(gazetteer.resolve, BORDERS, seconds):,.0f}"),
        ("fuzzy (misspelt -> suggestions) / s", f"{rate(fuzzy(gazetteer), FUZZY, seconds):,.0f}"),
        ("fuzzy, no near match (full scan) / s",
         f"{rate(gazetteer.suggest, ['Kremlin', 'Qwxzv'], seconds):,.0f}"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  value")
    for label, value in rows:
        print(f"{label:<{width}}  {value:>10}")


if __name__ == "__main__":
    main()
