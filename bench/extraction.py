"""Score ``deploymap extract`` on the annotated set of real passages (tests/data/extraction/).

Usage::

    python -m bench.extraction                 # P/R/F1 per language and split, overall
    python -m bench.extraction --misses        # also the tuning part's misses and extras
    python -m bench.extraction --lang ru --misses

Each passage is written to a file with its page's date as a ``Date:`` header and extracted
on its own, with no ``--country`` (the story's countries come from the text). A record
(confidence at least ``--threshold``) and an annotated fact *match* when:

- the force's country is the same (``XX`` = not said) and its type is the same (a record
  whose force is the base itself matches army, air force or navy at that base);
- the place is the same: a country by code, a border by its two countries, a province or
  region whose polygon holds the annotated point (or, without one, of the same country),
  a town, base or airport within ``POINT_KM`` of it; a town the gazetteer gives as its own
  outline (a capital district smaller than ``CITY_PROVINCE_KM2``) that holds the point;
- the change is the same: *in* (arrived, present) or *out* (leaving, left).

``day`` scores also ask the record's date (its start for *in*, its end for *out*) to
overlap the annotated day, month or year when the passage gives one. Each record and each
fact is matched once (records repeating one fact count once). Passages whose id hashes to
``HOLDOUT`` are kept out of tuning: report both parts.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "extraction"
LANGUAGES = ("en", "fr", "ru", "vi")
#: A town, base or airport matches within this distance of the annotated point.
POINT_KM = 30.0
#: First hex digit of sha256(passage id) that puts a passage in the held-out part.
HOLDOUT = frozenset("01234")
IN, OUT = "in", "out"
CHANGE = {"arrived": IN, "present": IN, "leaving": OUT, "left": OUT}
EVENT_CHANGE = {"deployed": IN, "remains": IN, "withdrawn": OUT, "withdrawal_agreed": OUT,
                "withdrawal_requested": OUT, "handed_over": OUT}
POINT_KINDS = frozenset({"city", "base", "airport", "checkpoint"})
AREA_KINDS = frozenset({"province", "region"})


def split_of(passage_id: str) -> str:
    """``holdout`` or ``tune``, from the SHA-256 of the passage id."""
    digest = hashlib.sha256(passage_id.encode("utf-8")).hexdigest()
    return "holdout" if digest[0] in HOLDOUT else "tune"


@dataclass
class Passage:
    """One annotated passage."""

    id: str
    story: str
    language: str
    continent: str
    url: str
    text: str
    published: str | None
    facts: list[dict[str, Any]]

    @property
    def split(self) -> str:
        return split_of(self.id)


def passages(root: Path = SET) -> list[Passage]:
    """Every passage of the set, in file and passage order."""
    found: list[Passage] = []
    for path in sorted(root.glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data["passages"]:
            published = entry.get("published")
            found.append(Passage(
                str(entry["id"]), str(data["story"]), str(data["language"]),
                str(data.get("continent", "")), str(entry["url"]), str(entry["text"]),
                None if published is None else str(published), list(entry.get("facts") or [])))
    return found


@dataclass(frozen=True)
class Found:
    """One extracted record, reduced to what is scored."""

    country: str
    type: str
    kind: str
    place_id: str
    place_country: str
    geometry: Any
    change: str
    date: Any
    text: str


@dataclass
class Outcome:
    """One passage's facts, records and matches (``day``: matches that also agree on the day)."""

    passage: Passage
    found: list[Found]
    matched: int = 0
    matched_day: int = 0
    missed: list[dict[str, Any]] = field(default_factory=list)
    extra: list[Found] = field(default_factory=list)


def _type_ok(fact_type: str, found_type: str) -> bool:
    if fact_type == found_type:
        return True
    return found_type == "base" and fact_type in ("army", "air_force", "navy")


def _place_ok(fact: dict[str, Any], found: Found) -> bool:
    from geo.gazetteer.distance import great_circle_km

    kind = fact["kind"]
    if kind == "country":
        return found.kind == "country" and found.place_id == str(fact["country"]).upper()
    if kind == "border":
        pair = sorted(str(c).upper() for c in fact["country"])
        return found.kind == "border" and _border_pair(found.place_id) == pair
    at = fact.get("at")
    if kind in AREA_KINDS:
        if found.kind not in AREA_KINDS:
            return False
        if at is None:
            return found.place_country == str(fact.get("country", "")).upper()
        import shapely

        return bool(found.geometry.buffer(0.02).contains(shapely.Point(at[1], at[0])))
    if at is None:
        return False
    if kind == "city" and found.kind in AREA_KINDS:
        # a city the gazetteer gives as its own outline (Niamey, Bamako: a capital district
        # under CITY_PROVINCE_KM2) is the city
        import shapely

        from geo.gazetteer.aliases import CITY_PROVINCE_KM2

        latitude = found.geometry.representative_point().y
        km2 = found.geometry.area * 111.32**2 * math.cos(math.radians(latitude))
        return (km2 < CITY_PROVINCE_KM2
                and bool(found.geometry.buffer(0.02).contains(shapely.Point(at[1], at[0]))))
    if found.kind not in POINT_KINDS:
        return False
    point = found.geometry.centroid
    return great_circle_km(point.y, point.x, float(at[0]), float(at[1])) <= POINT_KM


def _border_pair(place_id: str) -> list[str]:
    body = place_id.split(":", 1)[-1].split("@", 1)[0]
    return sorted(body.split("-")[:2])


def _day_ok(fact: dict[str, Any], found: Found) -> bool:
    day = fact.get("day")
    if day is None:
        return True
    from geo.dates import parse_date

    wanted = parse_date(str(day))
    got = found.date
    if got is None:
        return False
    return got.earliest <= wanted.latest and wanted.earliest <= got.latest


def _fact_ok(fact: dict[str, Any], found: Found) -> bool:
    return (str(fact["force"]).upper() == found.country and _type_ok(str(fact["type"]),
            found.type) and CHANGE[str(fact["change"])] == found.change
            and _place_ok(fact, found))


def _reduce(draft: Any, gazetteer: Any, threshold: float) -> list[Found]:
    from geo.extract.merge import place_geometry

    seen: dict[tuple[str, str, str, str], Found] = {}
    for record in draft.records:
        if record.confidence < threshold:
            continue
        change = EVENT_CHANGE.get(record.event, OUT if record.ends else IN)
        target = record.target
        geometry = place_geometry(gazetteer, target.key)
        date = record.start if change == IN else record.end
        key = (record.force.country, record.force.type, target.key, change)
        if key not in seen:
            seen[key] = Found(record.force.country, record.force.type, target.kind, target.key,
                              target.country, geometry, change, date, record.mention)
    return list(seen.values())


def _match(outcome: Outcome) -> None:
    """Pair facts with found records, one to one, as many pairs as can be (augmenting paths:
    the order of the facts does not decide); a record matching the fact's day is tried
    first."""
    facts = list(outcome.passage.facts)
    found = list(outcome.found)
    options = [sorted((j for j, f in enumerate(found) if _fact_ok(fact, f)),
                      key=lambda j, fact=fact: not _day_ok(fact, found[j])) for fact in facts]
    partner: dict[int, int] = {}  # found index -> fact index

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j not in seen:
                seen.add(j)
                if j not in partner or augment(partner[j], seen):
                    partner[j] = i
                    return True
        return False

    for i in range(len(facts)):
        augment(i, set())
    paired = {i: j for j, i in partner.items()}
    for i, fact in enumerate(facts):
        if i not in paired:
            outcome.missed.append(fact)
            continue
        outcome.matched += 1
        outcome.matched_day += _day_ok(fact, found[paired[i]])
    outcome.extra = [f for j, f in enumerate(found) if j not in partner]


def run(items: list[Passage], *, threshold: float = 0.5) -> tuple[list[Outcome], float]:
    """Extract every passage (one file each) and match; returns the outcomes and the CPU
    seconds extraction took."""
    from geo.extract import extract_articles
    from geo.gazetteer.lookup import Gazetteer

    gazetteer = Gazetteer(country="AM")
    outcomes: list[Outcome] = []
    spent = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for passage in items:
            path = Path(folder) / f"{passage.id}.txt"
            header = f"Date: {passage.published}\n" if passage.published else ""
            header += f"URL: {passage.url}\n\n" if passage.url else "\n"
            path.write_text(header + passage.text, encoding="utf-8")
            begin = time.process_time()
            draft = extract_articles([path])
            spent += time.process_time() - begin
            outcome = Outcome(passage, _reduce(draft, gazetteer, threshold))
            _match(outcome)
            outcomes.append(outcome)
    return outcomes, spent


@dataclass
class Score:
    """Counts behind precision, recall and F1."""

    matched: int = 0
    found: int = 0
    expected: int = 0
    matched_day: int = 0
    passages: int = 0

    def add(self, outcome: Outcome) -> None:
        self.matched += outcome.matched
        self.matched_day += outcome.matched_day
        self.found += len(outcome.found)
        self.expected += len(outcome.passage.facts)
        self.passages += 1

    @staticmethod
    def prf(hits: int, found: int, expected: int) -> tuple[float, float, float]:
        precision = hits / found if found else 1.0
        recall = hits / expected if expected else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    @property
    def f1(self) -> float:
        return self.prf(self.matched, self.found, self.expected)[2]

    @property
    def f1_day(self) -> float:
        return self.prf(self.matched_day, self.found, self.expected)[2]

    def row(self, name: str) -> str:
        p, r, f = self.prf(self.matched, self.found, self.expected)
        pd, rd, fd = self.prf(self.matched_day, self.found, self.expected)
        return (f"{name:<14} {self.passages:>4} {self.expected:>5} {self.found:>5} "
                f"{p:>6.3f} {r:>6.3f} {f:>6.3f}   {pd:>6.3f} {rd:>6.3f} {fd:>6.3f}")


def scores(outcomes: list[Outcome]) -> dict[tuple[str, str], Score]:
    """Scores by (split, language); ``all`` for either."""
    table: dict[tuple[str, str], Score] = defaultdict(Score)
    for outcome in outcomes:
        for split in (outcome.passage.split, "all"):
            for language in (outcome.passage.language, "all"):
                table[split, language].add(outcome)
    return table


def _describe(fact: dict[str, Any]) -> str:
    return (f"{fact['force']} {fact['type']} {fact['change']} @ {fact['place']!r} "
            f"({fact['kind']}) {fact.get('day', '')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true",
                        help="list the tuning part's misses and extra records")
    parser.add_argument("--lang", choices=LANGUAGES, help="only this language")
    parser.add_argument("--threshold", type=float, default=0.5)
    arguments = parser.parse_args(argv)
    items = [p for p in passages() if arguments.lang in (None, p.language)]
    outcomes, spent = run(items, threshold=arguments.threshold)
    table = scores(outcomes)
    stories = {p.story for p in items}
    print(f"{len(items)} passages, {sum(len(p.facts) for p in items)} facts, {len(stories)} "
          f"stories, continents {sorted({p.continent for p in items})}; extraction "
          f"{spent:.2f} CPU s ({len(items) / spent if spent else 0:.0f} passages/s)")
    print(f"{'split/lang':<14} {'pass':>4} {'facts':>5} {'found':>5} {'P':>6} {'R':>6} "
          f"{'F1':>6}   {'P+day':>6} {'R+day':>6} {'F1+day':>6}")
    for split in ("tune", "holdout", "all"):
        for language in (*LANGUAGES, "all"):
            if (split, language) in table:
                print(table[split, language].row(f"{split}/{language}"))
    if arguments.misses:
        for outcome in outcomes:
            if outcome.passage.split != "tune" or not (outcome.missed or outcome.extra):
                continue
            print(f"\n{outcome.passage.id}: {outcome.passage.text.strip()[:300]!r}")
            for fact in outcome.missed:
                print(f"  MISSED {_describe(fact)}")
            for found in outcome.extra:
                print(f"  EXTRA  {found.country} {found.type} {found.change} @ "
                      f"{found.place_id} ({found.kind}) {found.text!r} {found.date}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
