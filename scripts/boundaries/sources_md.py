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
| countries.geojson | every country (ISO 3166-1 alpha-2 ids) with names in en/ru/hy/vi | Armenia: OSM outline; all others: Natural Earth 1:50m |
| basemap.geojson | fine outlines of Armenia, Georgia, Azerbaijan, Turkey, Iran, Russia clipped to 42.0–48.5°E, 37.8–42.2°N | OSM (countries-maritime-10m) |
| provinces.geojson | Armenia's 11 provinces (ISO 3166-2 ids), tiling the OSM outline exactly | Natural Earth 1:10m admin-1, fitted |
| borders.geojson | Armenia's borders with Turkey, Iran, Georgia, Azerbaijan and Nakhchivan | edges of the OSM outline of Armenia |
| regions.geojson | Nagorno-Karabakh (approximate), Nakhchivan, South Caucasus | see each feature's `note` |
| water.geojson | Lake Sevan and other lakes, the Aras | GSHHG / WDBII |
| places.geojson | populated places, airports, border crossings, military sites | GeoNames, airportsdata, data/curated/sites.yaml |

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
    path.write_text(text, encoding="utf-8")


__all__ = ["write_sources"]
