"""A synthetic scenario of many presences, built in code: the scale benchmark's input.

``synthetic_scenario(100_000)`` gives 100,000 presences of eight forces (one per force type)
at as many places: 70 % points (bases, checkpoints, airports, towns) and 30 % small polygons
(areas of 1–6 km radius), spread uniformly over Armenia and Nagorno-Karabakh, starting on
days spread over 1992–2025 with every date precision the scenario format has (day, month,
year, approximate, not reported), 40 % still there, a quarter with a reported strength, each
citing one or two of 2,000 sources with its own quote. The views are the seed story's
(``before`` 2024-01-01, ``after`` 2024-08-01): about half the presences are in force on one
of them.

Deterministic: the same ``count`` and ``seed`` give the same scenario, object for object.
Built with :func:`geo.scenario.build_scenario` (no YAML, no JSON Schema, no gazetteer), so
100,000 presences take about a second to make.

Run ``python bench/synthetic.py [COUNT] [--seed N]`` for a summary, or ``--yaml FILE`` to
write it as a scenario file (``deploymap build FILE`` then reads it the slow, checked way).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np
import shapely

from geo.dates import FuzzyDate
from geo.gazetteer.place import Place
from geo.scenario import build_scenario
from geo.scenario.model import Citation, Force, Presence, Scenario, Source, Strength, View
from geo.timeline import Timeline

SEED = 20240509
COUNT = 100_000
SOURCES = 2_000
POLYGON_SHARE = 0.3
FIRST_DAY, LAST_DAY = dt.date(1992, 1, 1), dt.date(2025, 6, 30)
BEFORE, AFTER = dt.date(2024, 1, 1), dt.date(2024, 8, 1)

FORCES: tuple[tuple[str, str, str, str], ...] = (
    ("syn-border-guards", "border_guards", "Synthetic border guards", "Biên phòng giả lập"),
    ("syn-army", "army", "Synthetic army", "Quân đội giả lập"),
    ("syn-peacekeepers", "peacekeepers", "Synthetic peacekeepers", "Gìn giữ hòa bình giả lập"),
    ("syn-base", "base", "Synthetic base garrison", "Đồn trú giả lập"),
    ("syn-air-force", "air_force", "Synthetic air force", "Không quân giả lập"),
    ("syn-navy", "navy", "Synthetic navy", "Hải quân giả lập"),
    ("syn-military-police", "military_police", "Synthetic military police",
     "Quân cảnh giả lập"),
    ("syn-other", "other", "Synthetic contractors", "Nhà thầu giả lập"),
)
POINT_KINDS = ("base", "checkpoint", "airport", "city")
OUTLETS = ("Synthetic Wire", "Example Gazette", "Test Herald (Yerevan)", "Bản tin mẫu")
SEASONS = (("winter", 1, 2), ("spring", 3, 5), ("summer", 6, 8), ("autumn", 9, 11))


@cache
def region() -> shapely.Geometry:
    """Where the presences are: Armenia and Nagorno-Karabakh (EPSG:4326)."""
    from geo.gazetteer.boundaries import read_layer

    parts = [r["geometry"] for r in read_layer("basemap") if r.get("country") == "AM"]
    parts += [r["geometry"] for r in read_layer("regions")
              if r["id"] == "region:nagorno-karabakh"]
    area = shapely.union_all(parts)
    shapely.prepare(area)
    return area


def _points_in(area: shapely.Geometry, count: int,
               rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """``count`` uniform random (lon, lat) inside ``area`` (rejection sampling)."""
    west, south, east, north = area.bounds
    xs, ys = np.empty(0), np.empty(0)
    while len(xs) < count:
        x = rng.uniform(west, east, count * 2)
        y = rng.uniform(south, north, count * 2)
        inside = shapely.contains_xy(area, x, y)
        xs, ys = np.concatenate([xs, x[inside]]), np.concatenate([ys, y[inside]])
    return np.round(xs[:count], 5), np.round(ys[:count], 5)


def _month_end(day: dt.date) -> dt.date:
    following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def _date(day: dt.date, kind: float) -> FuzzyDate:
    """``day`` written with a precision chosen by ``kind`` in [0, 1)."""
    if kind < 0.70:
        return FuzzyDate(day, day, "day")
    if kind < 0.90:
        return FuzzyDate(day.replace(day=1), _month_end(day), "month")
    if kind < 0.98:
        return FuzzyDate(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year")
    name, first, last = SEASONS[(day.month % 12) // 3]
    year = day.year - (1 if day.month == 1 and name == "winter" else 0)
    earliest = dt.date(year, first, 1) if name != "winter" else dt.date(year, 12, 1)
    latest = _month_end(dt.date(year + (name == "winter"), last, 1))
    return FuzzyDate(earliest, latest, "approximate", f"{name} {year}")


def _sources(rng: np.random.Generator, count: int) -> list[Source]:
    span = (LAST_DAY - FIRST_DAY).days + 60
    days = np.sort(rng.integers(0, span, count))
    out = []
    for i, offset in enumerate(days.tolist()):
        day = FIRST_DAY + dt.timedelta(days=offset)
        vi = i % 10 == 9
        out.append(Source(
            f"syn-src-{i:04d}", f"Synthetic report number {i}" if not vi else f"Bản tin số {i}",
            OUTLETS[i % len(OUTLETS)], "vi" if vi else "en", FuzzyDate(day, day, "day"),
            url=f"https://example.org/synthetic/{i:04d}"))
    return out


def synthetic_scenario(count: int = COUNT, *, seed: int = SEED,
                       polygon_share: float = POLYGON_SHARE) -> Scenario:
    """A scenario of ``count`` presences (see the module docs); the same for the same seed.

    The cyclic garbage collector is paused while the objects are made (it would otherwise
    rescan the growing heap again and again: a third of the time for no garbage).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _make(count, seed, polygon_share)
    finally:
        if enabled:
            gc.enable()


def _make(count: int, seed: int, polygon_share: float) -> Scenario:
    rng = np.random.default_rng(seed)
    forces = [Force(fid, {"en": en, "vi": vi}, "XX", kind) for fid, kind, en, vi in FORCES]
    sources = _sources(rng, SOURCES)
    published = np.array([(s.published.earliest - FIRST_DAY).days for s in sources])

    polygons = rng.random(count) < polygon_share
    xs, ys = _points_in(region(), count, rng)
    geometries = shapely.points(xs, ys)
    radii_km = rng.uniform(1.0, 6.0, count)
    areas = shapely.buffer(geometries[polygons], radii_km[polygons] / 111.0, quad_segs=2)
    geometries[polygons] = shapely.transform(areas, lambda xy: np.round(xy, 5))

    span = (LAST_DAY - FIRST_DAY).days
    starts = rng.integers(0, span, count)
    first_source = np.searchsorted(published, starts) + rng.integers(0, 40, count)
    second_source = first_source + rng.integers(1, 41, count)
    columns = zip(
        polygons.tolist(), geometries.tolist(), starts.tolist(),
        (rng.random(count) < 0.03).tolist(),  # start not reported
        rng.random(count).tolist(), rng.random(count).tolist(),  # start, end precision
        (rng.random(count) < 0.40).tolist(),  # still there
        rng.integers(30, 12 * 365, count).tolist(),  # days it lasts
        rng.integers(0, len(forces), count).tolist(),
        rng.integers(0, len(POINT_KINDS), count).tolist(),
        (rng.random(count) < 0.5).tolist(),  # an area known exactly
        (rng.random(count) < 0.25).tolist(),  # strength reported
        rng.integers(10, 3000, count).tolist(),
        np.minimum(first_source, SOURCES - 1).tolist(),
        np.where(rng.random(count) < 0.2, np.minimum(second_source, SOURCES - 1), -1).tolist(),
        strict=True)
    presences = []
    one_day = dt.timedelta(days=1)
    for i, (polygon, geometry, offset, unreported, start_kind, end_kind, lasting, duration,
            force_index, kind_index, precise, has_strength, strength, first,
            second) in enumerate(columns):
        force = forces[force_index]
        day = FIRST_DAY + dt.timedelta(days=offset)
        start = None if unreported else _date(day, start_kind)
        end = None
        last = day + dt.timedelta(days=duration)
        if not lasting and last <= LAST_DAY:
            end = _date(last, end_kind)
            if start is not None and end.latest <= start.earliest:
                end = FuzzyDate(start.latest + one_day, start.latest + one_day, "day")
        if polygon:
            place = Place(f"synthetic:area-{i}", f"Area {i}", "region",
                          {"en": (f"Area {i}",), "vi": (f"Khu vực {i}",)},
                          geometry, "bench/synthetic.py", "AM")
            where = "exact" if precise else ("province", "region")[i % 2]
        else:
            kind = POINT_KINDS[kind_index]
            place = Place(f"synthetic:{kind}-{i}", f"{kind.title()} {i}", kind,
                          {"en": (f"{kind.title()} {i}",)}, geometry,
                          "bench/synthetic.py", "AM")
            where = "exact"
        cited = (sources[first],) if second < 0 else (sources[first], sources[second])
        citations = tuple(Citation(
            s.id, f"{force.names['en']} were reported at {place.name} "
                  f"(report {s.id[-4:]}, item {i}).") for s in cited)
        reported = cited[0].published
        strength_record = (Strength(strength, i % 3 == 0, reported, cited[0].id)
                           if has_strength else None)
        presences.append(Presence(
            f"p{i:06d}", force.id, place, {}, where, start, end,
            "withdrawn" if end else "", citations, strength_record, "", i + 1,
            reported.earliest if second < 0 else min(reported.earliest,
                                                     cited[1].published.earliest)))
    return build_scenario(
        forces=forces, sources=sources, presences=presences,
        views={"before": View("before", BEFORE, {"en": "Before", "vi": "Trước"}),
               "after": View("after", AFTER, {"en": "After", "vi": "Sau"})},
        title={"en": f"Synthetic scenario: {count:,} presences",
               "vi": f"Kịch bản giả lập: {count:,} hiện diện".replace(",", ".")},
        country="AM", path=f"synthetic-{count}.yaml")


def synthetic_timeline(count: int = COUNT, *, seed: int = SEED) -> Timeline:
    """The :class:`~geo.timeline.Timeline` of :func:`synthetic_scenario`."""
    return Timeline(synthetic_scenario(count, seed=seed))


def _yaml_date(date: FuzzyDate | None) -> object:
    if date is None:
        return None
    if date.precision == "approximate":
        return {"earliest": date.earliest.isoformat(), "latest": date.latest.isoformat(),
                "text": date.text}
    return str(date)


def to_yaml(scenario: Scenario) -> str:
    """The scenario as a scenario file (inline geometries), for ``deploymap build FILE``."""
    import yaml

    document = {
        "title": scenario.title, "country": scenario.country,
        "views": {v.name: {"date": v.date.isoformat(), "label": v.label}
                  for v in scenario.views.values()},
        "forces": [{"id": f.id, "name": f.names, "country": f.country, "type": f.type}
                   for f in scenario.forces.values()],
        "sources": [{"id": s.id, "title": s.title, "outlet": s.outlet, "language": s.language,
                     "published": str(s.published), "url": s.url}
                    for s in scenario.sources.values()],
        "presences": [{
            "id": p.id, "force": p.force,
            "place": {"geometry": shapely.geometry.mapping(p.place.geometry),
                      "label": {"en": p.place.name}, "kind": p.place.kind},
            "location_precision": p.location_precision,
            "start": _yaml_date(p.start), "end": _yaml_date(p.end),
            "citations": [{"source": c.source, "quote": c.quote} for c in p.citations],
            **({"strength": {"value": p.strength.value, "approximate": p.strength.approximate,
                             "reported": str(p.strength.reported),
                             "source": p.strength.source}} if p.strength else {}),
        } for p in scenario.presences],
    }
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=120)


def main(argv: Sequence[str] | None = None) -> None:
    """Print a summary (and write the YAML file when asked)."""
    import time

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", nargs="?", type=int, default=COUNT)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--yaml", type=Path, help="also write the scenario file here")
    arguments = parser.parse_args(argv)
    start = time.perf_counter()
    scenario = synthetic_scenario(arguments.count, seed=arguments.seed)
    made = time.perf_counter() - start
    timeline = Timeline(scenario)
    kinds = [p.place.geometry.geom_type for p in scenario.presences]
    print(f"{len(scenario.presences):,} presences ({kinds.count('Point'):,} points, "
          f"{kinds.count('Polygon'):,} polygons) made in {made:.2f} s")
    for name in ("before", "after"):
        print(f"in force on {name} ({timeline.view(name)}): "
              f"{len(timeline.snapshot(timeline.view(name))):,}")
    if arguments.yaml:
        arguments.yaml.write_text(to_yaml(scenario), encoding="utf-8")
        print(f"written to {arguments.yaml}")


if __name__ == "__main__":
    main()
