"""Region polygons derived from other layers: Nagorno-Karabakh, Nakhchivan, South Caucasus."""

from __future__ import annotations

import json

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from .fetch import Package
from .geometry import polygons_only, to_degrees, to_metric

#: Districts lying partly in Nagorno-Karabakh contribute what lies this close to the core.
PARTIAL_REACH_M = 20_000.0
#: A "part of Nagorno-Karabakh" feature west of this longitude is the mislabelled Lachin
#: district (named "Lankaran", code AZ.SU) and is left out: Lachin is the corridor, not NK.
MISLABELLED_WEST_OF = 46.45

NK_NOTE = (
    "Approximate. Union of Natural Earth 1:10m districts of Azerbaijan noted 'part of "
    "Nagorno-Karabakh' (Khojavend, Khojali, Shusha, Stepanakert), without the mislabelled "
    "Lachin district, plus the parts of Tartar and Kalbajar (noted 'partly in') within 20 km "
    "of them, clipped to the OSM outline of Azerbaijan. Area ~3,800 km2 against ~4,400 km2 "
    "for the former autonomous oblast."
)


def nagorno_karabakh(package: Package, azerbaijan: BaseGeometry) -> BaseGeometry:
    """Approximate Nagorno-Karabakh (see NK_NOTE), in EPSG:4326."""
    data = json.loads(package.read("package/src/js/data/aze.json"))
    core, partial = [], []
    for feature in data["features"]:
        note = str(feature["properties"].get("note") or "")
        geometry = shapely.make_valid(shape(feature["geometry"]))
        if note.startswith("part of Nagorno-Karabakh"):
            if geometry.representative_point().x >= MISLABELLED_WEST_OF:
                core.append(geometry)
        elif "Nagorno-Karabakh" in note:
            partial.append(geometry)
    core_m = to_metric(shapely.union_all(core))
    reach = to_metric(shapely.union_all(partial)).intersection(core_m.buffer(PARTIAL_REACH_M))
    region = to_degrees(core_m.union(reach).buffer(0))
    return polygons_only(region.intersection(azerbaijan))





def curated_regions(entries: list[dict], divisions: list[dict],
                    outlines: dict[str, BaseGeometry]) -> list[dict]:
    """Regions of ``data/curated/regions.yaml``: unions of divisions or countries, or a box
    cut to countries, each marked approximate with its note."""
    by_code = {d["adm1_code"]: d["geometry"] for d in divisions}
    records = []
    for entry in entries:
        if "divisions" in entry:
            missing = [c for c in entry["divisions"] if c not in by_code]
            if missing:
                raise SystemExit(f"regions.yaml: {entry['id']}: no division {missing[0]!r}")
            geometry = shapely.union_all([by_code[c] for c in entry["divisions"]])
        elif "box" in entry:
            land = shapely.union_all([outlines[c] for c in entry["within"]])
            geometry = shapely.intersection(shapely.box(*entry["box"]), land)
        else:
            geometry = shapely.union_all([outlines[c] for c in entry["countries"]])
        records.append({
            "id": entry["id"], "name": entry["name"], "kind": "region",
            "country": entry["country"], "approximate": True, "note": entry["note"],
            "names": {lang: list(v) for lang, v in entry["names"].items()},
            "geometry": polygons_only(geometry),
            "source": "derived: " + entry["note"],
        })
    return records
__all__ = ["NK_NOTE", "curated_regions", "nagorno_karabakh"]
