"""Score the gazetteer on the independent reference set (tests/data/refset/).

Usage::

    python -m bench.refset            # figures per split, kind and continent
    python -m bench.refset --misses   # also every miss, with what it resolved to

Each place row is resolved with the row's country as the story's country; a point must lie
within the row's tolerance of the reference point (towns 10 km, airports and bases 5 km), a
province or region's polygon must contain it; a border's length must be within 15% of the CIA
World Factbook figure, and a pair without a land border must be refused. The `split` column
keeps 40% of the rows out of tuning: report both figures.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import shapely

REFSET = Path(__file__).resolve().parents[1] / "tests" / "data" / "refset"
#: Border lengths must be within this fraction of the published figure.
BORDER_TOLERANCE = 0.15
#: Continent of each country of the set (GeoNames continent codes, as the set's README uses).
CONTINENTS_FILE = REFSET / "continents.csv"


@dataclass(frozen=True)
class Outcome:
    """One row's result."""

    row: dict[str, str]
    ok: bool
    got: str


#: Splits, in the order they are reported. ``fresh`` rows (``fresh_<name>.csv``) were
#: gathered after the gazetteer was tuned on the others; their misses are not listed.
SPLITS = ("tune", "holdout", "fresh")


def rows(name: str) -> list[dict[str, str]]:
    """The rows of ``tests/data/refset/<name>.csv`` and ``fresh_<name>.csv``."""
    found = []
    for path in (REFSET / f"{name}.csv", REFSET / f"fresh_{name}.csv"):
        if path.exists():
            with path.open(encoding="utf-8", newline="") as handle:
                found += list(csv.DictReader(handle))
    return found


def check_place(gazetteer_for, row: dict[str, str]) -> Outcome:
    """Resolve one place row; ``gazetteer_for(country)`` gives the gazetteer to use."""
    from geo.errors import BadArgument, PlaceNotFound
    from geo.gazetteer.distance import great_circle_km

    lat, lon = float(row["lat"]), float(row["lon"])
    try:
        place = gazetteer_for(row["country"]).resolve(row["query"])
    except (PlaceNotFound, BadArgument) as error:  # BadArgument: a country code not known
        return Outcome(row, False, f"not found: {str(error)[:120]}")
    where = f"{place.id} {place.kind} {place.name}"
    if row["kind"] in ("province", "region"):
        ok = place.kind in ("province", "region", "country") and place.geometry.covers(
            shapely.Point(lon, lat))
        return Outcome(row, ok, where)
    point = place.geometry.representative_point() if place.geometry.geom_type != "Point" else (
        place.geometry)
    distance = great_circle_km(lat, lon, point.y, point.x)
    ok = distance <= float(row["tolerance_km"]) and place.kind not in ("province", "country")
    return Outcome(row, ok, f"{where} at {distance:.1f} km")


def check_border(gazetteer_for, row: dict[str, str]) -> Outcome:
    """Resolve one border row: length within BORDER_TOLERANCE, or refused when 0."""
    from geo.errors import BadArgument, PlaceNotFound
    from scripts.boundaries.world import geodesic_km

    expected = float(row["length_km"])
    try:
        place = gazetteer_for(row["country_a"]).resolve(row["query"])
    except BadArgument as error:
        return Outcome(row, False, f"refused: {str(error)[:100]}")
    except PlaceNotFound as error:
        refused = "share no land border" in str(error)
        return Outcome(row, expected == 0 and refused, f"refused: {str(error)[:100]}")
    if expected == 0 or place.kind != "border":
        return Outcome(row, False, f"{place.id} {place.kind}")
    length = geodesic_km(place.geometry)
    ok = abs(length - expected) <= BORDER_TOLERANCE * expected
    return Outcome(row, ok, f"{place.id} {length:.0f} km against {expected:.0f}")


def evaluate() -> tuple[list[Outcome], list[Outcome]]:
    """Every place row's and border row's outcome."""
    from geo.gazetteer import Gazetteer

    gazetteers: dict[str, Gazetteer] = {}

    def gazetteer_for(country: str) -> Gazetteer:
        if country not in gazetteers:
            gazetteers[country] = Gazetteer(country=country)
        return gazetteers[country]

    places = [check_place(gazetteer_for, r) for r in rows("places")]
    borders = [check_border(gazetteer_for, r) for r in rows("borders")]
    return places, borders


def continent_of() -> dict[str, str]:
    """Continent code by country code."""
    with CONTINENTS_FILE.open(encoding="utf-8", newline="") as handle:
        return {r["country"]: r["continent"] for r in csv.DictReader(handle)}


def report(places: list[Outcome], borders: list[Outcome], misses: bool) -> None:
    """Print the figures."""
    def share(items: list[Outcome]) -> str:
        good = sum(o.ok for o in items)
        return f"{good}/{len(items)} ({100 * good / max(len(items), 1):.1f}%)"

    for split in SPLITS:
        print(f"places {split}: {share([o for o in places if o.row['split'] == split])}   "
              f"borders {split}: {share([o for o in borders if o.row['split'] == split])}")
    for kind in sorted({o.row["kind"] for o in places}):
        of_kind = [o for o in places if o.row["kind"] == kind]
        print(f"  {kind:9} " + "   ".join(
            f"{split} {share([o for o in of_kind if o.row['split'] == split])}"
            for split in SPLITS))
    continents = continent_of()
    counts = Counter(continents.get(o.row["country"], "?") for o in places)
    for continent in sorted(counts):
        chosen = [o for o in places if continents.get(o.row["country"], "?") == continent]
        countries = len({o.row["country"] for o in chosen})
        print(f"  {continent}: {share(chosen)} in {countries} countries")
    if misses:
        for outcome in [*places, *borders]:
            if not outcome.ok and outcome.row["split"] != "fresh":
                print(f"MISS [{outcome.row['split']}] {outcome.row['query']!r} "
                      f"({outcome.row.get('country') or outcome.row.get('country_a')}, "
                      f"{outcome.row.get('kind', 'border')}): {outcome.got}")


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="list every miss")
    places, borders = evaluate()
    report(places, borders, parser.parse_args().misses)


if __name__ == "__main__":
    main()
