"""Write ``data/boundaries/SOURCES.md``: what each file comes from, its licence and attribution."""

from __future__ import annotations

from pathlib import Path

from .fetch import Package

HEADER = """\
# Sources of data/boundaries/

Every file here is derived by `python -m scripts.boundaries` from the registry packages below
(pinned versions; each download is checked against the sha256 shown before it is read). Hand
curated additions (Vietnamese and other names, military sites, border crossings, lake names)
live in `data/curated/`, each entry with its own source. Nothing is fetched at run time.

| package | registry | version | sha256 | files used | licence | used for |
|---|---|---|---|---|---|---|
"""

FILES = """
## Files

| file | what it holds | derived from |
|---|---|---|
| countries.geojson | every country (ISO 3166-1 alpha-2 ids) with names in en/ru/hy/fr/vi/uk/es (formal ones from ISO 3166, short ones from CLDR), generalised (insets, world view) | Armenia: OSM outline; all others: Natural Earth 1:50m; short names: Unicode CLDR via Babel |
| basemap.geojson | every country's outline (238) at ~200 m detail, drawn under the maps | Armenia: OSM; all others: union of their Natural Earth 1:10m admin-1 divisions |
| provinces.geojson | first-level divisions of every country (4,500+; ISO 3166-2 ids where one matched by name, else `adm1:` + the Natural Earth code), names in en/fr/ru/vi/uk/es and alternates | Natural Earth 1:10m admin-1 (Armenia fitted to the OSM outline); ISO 3166-2 via pycountry |
| borders.geojson | the land border of every pair of neighbours (`border:XX-YY`, codes in alphabetical order) with its length | Armenia: edges of its OSM outline; others: the stretch of one Natural Earth outline along the other |
| regions.geojson | named and disputed regions (Nagorno-Karabakh, Crimea, Donbas, Kashmir, Gaza Strip, Sahel, ...), all approximate | data/curated/regions.yaml and regions.py; see each feature's `note` |
| water.geojson | Lake Sevan and other lakes of the Caucasus at full detail, the Aras; 55 large or newsworthy lakes of the world (data/curated/lakes.yaml) at ~200 m | GSHHG / WDBII |
| islands.geojson | 177 islands and island groups that news about armed forces name (data/curated/islands.yaml: names in en/fr/ru/vi, published areas) at ~500 m; each the shoreline holding a GeoNames town or an airport of the island, a group with the islands near it (approximate) | GSHHG, GeoNames, airportsdata |
| demonyms.json | English and French demonyms of every country and its alternative spellings ("Finnish", "saoudienne", "DRC"), for border phrases; a demonym two countries share goes to neither unless one is 3 times larger | world-countries (mledoze/countries) |
| places.tsv | populated places (235,000: every place of GeoNames cities500; the 300 cities time zones are named after also with CLDR's names of them in en/ru/hy/fr/vi/uk/es: "Bình Nhưỡng", "Брюссель", "La Havane"), airports (28,000), border crossings, military sites (257): a point table, one JSON header line then tab-separated rows | GeoNames, Unicode CLDR exemplar cities via Babel, airportsdata, data/curated/sites.yaml and bases.yaml |

## Attribution

"""


def write_sources(path: Path, packages: dict[str, Package]) -> None:
    """Write the SOURCES.md table for ``packages``."""
    rows = []
    attributions = []
    for package in packages.values():
        name, _, version = package.spec.rpartition("@" if package.registry == "npm" else "==")
        files = "<br>".join(f"`{f}`" for f in package.files)
        rows.append(
            f"| {name} | {package.registry} | {version} | `{package.sha256[:16]}…` | {files} "
            f"| {package.licence} | {package.used_for} |"
        )
        if package.attribution not in attributions:
            attributions.append(package.attribution)
    text = HEADER + "\n".join(rows) + "\n" + FILES
    text += "\n".join(f"- {a}" for a in attributions) + "\n"
    text += (f"- Short country names and the names of time-zone cities: Unicode CLDR "
             f"(Unicode License v3), read with Babel "
             f"{_babel_version()} (BSD-3-Clause), pinned in requirements.txt\n")
    path.write_text(text, encoding="utf-8")


def _babel_version() -> str:
    from importlib.metadata import version

    return version("Babel")


__all__ = ["write_sources"]
