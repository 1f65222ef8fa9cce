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


__all__ = ["NK_NOTE", "nagorno_karabakh"]
