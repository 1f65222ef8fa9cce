"""Coverage of small places named in deployment news (tests/data/small_places.tsv).

Usage::

    python -m bench.small_places            # hit rates per split, before the misses
    python -m bench.small_places --misses    # also what each miss resolved to

A row with a reference position (``lat``/``lon``, taken from a registry package and named in
``coordinate_source``) is a hit when the name resolves, with the row's country as the
story's, to a place within :data:`HIT_KM` of it. A row without one (the place is in no
package read) is counted apart: it hits when the name resolves to a place of that country.
Rows whose name hashes to :data:`HOLDOUT` are kept out of tuning: report both parts.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from geo.errors import PlaceNotFound
from geo.gazetteer.distance import great_circle_km
from geo.gazetteer.place import Place

LIST = Path(__file__).resolve().parents[1] / "tests" / "data" / "small_places.tsv"
#: A resolved point this close to the reference position is the place meant (km).
HIT_KM = 25.0
#: First hex digit of sha256(name) that puts a row in the held-out half.
HOLDOUT = frozenset("01234567")


@dataclass(frozen=True)
class Row:
    """One place named in a news page."""

    name: str
    country: str
    kind: str
    url: str
    lat: float | None
    lon: float | None

    @property
    def split(self) -> str:
        """``holdout`` or ``tune``, from the SHA-256 of the name."""
        digest = hashlib.sha256(self.name.encode("utf-8")).hexdigest()
        return "holdout" if digest[0] in HOLDOUT else "tune"


def read_rows(path: Path = LIST) -> list[Row]:
    """The rows of the list."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [Row(r["name"], r["country"], r["kind"], r["url"],
                    float(r["lat"]) if r["lat"] else None, float(r["lon"]) if r["lon"] else None)
                for r in csv.DictReader(handle, delimiter="\t")]


def judge(row: Row, resolve: Callable[[str, str], Place]) -> tuple[bool, str]:
    """Whether ``row`` resolves to its place, and what it resolved to."""
    try:
        place = resolve(row.name, row.country)
    except PlaceNotFound:
        return False, "not found"
    point = place.geometry.representative_point()
    said = f"{place.name} ({place.id}, {place.country})"
    if row.lat is None or row.lon is None:
        return place.country == row.country, said
    km = great_circle_km(row.lat, row.lon, point.y, point.x)
    return km <= HIT_KM, f"{said} {km:,.0f} km"


def rates(rows: list[Row], resolve: Callable[[str, str], Place]) -> dict[str, tuple[int, int]]:
    """(hits, rows) per split and kind of check: ``tune/point``, ``holdout/country``, ..."""
    counts: dict[str, tuple[int, int]] = {}
    for row in rows:
        hit, _ = judge(row, resolve)
        check = "country" if row.lat is None else "point"
        for key in (f"{row.split}/{check}", f"all/{check}"):
            hits, total = counts.get(key, (0, 0))
            counts[key] = (hits + hit, total + 1)
    return dict(sorted(counts.items()))


def gazetteer_resolver() -> Callable[[str, str], Place]:
    """``resolve(name, country)`` with the shipped data, one gazetteer per country."""
    from geo.gazetteer.lookup import Gazetteer

    made: dict[str, Gazetteer] = {}

    def resolve(name: str, country: str) -> Place:
        if country not in made:
            made[country] = Gazetteer(country=country)
        return made[country].resolve(name)

    return resolve


def main() -> None:
    """Print the hit rates (and the misses)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the rows missed")
    args = parser.parse_args()
    rows = read_rows()
    resolve = gazetteer_resolver()
    for key, (hits, total) in rates(rows, resolve).items():
        print(f"{key:18} {hits:3}/{total:3}  {hits / total:.2f}")
    if args.misses:
        for row in rows:
            hit, said = judge(row, resolve)
            if not hit:
                print(f"  miss [{row.split}] {row.name} ({row.country}): {said}")


if __name__ == "__main__":
    main()
