"""The GIS exports hold the name fields of the languages a build writes, no others (an
English build has no ``force_vi``), and the GeoPackage's QGIS styles still name only fields
its layers have."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pyogrio
import pytest

from geo.render.geopackage import LAYERS, write_geopackage
from geo.render.gis import geojson_documents

NAME_FIELDS = {"force_vi", "place_vi", "name_vi"}


@pytest.mark.parametrize(("langs", "with_vi"), [(("en",), False), (("en", "vi"), True),
                                                (("vi",), True)])
def test_gis_exports_hold_the_name_fields_of_the_languages_built(
        timeline, days, tmp_path: Path, langs: tuple[str, ...], with_vi: bool) -> None:
    documents = geojson_documents(timeline, **days, langs=langs)
    for text in documents.values():
        for feature in json.loads(text)["features"]:
            assert ("force_vi" in feature["properties"]) is with_vi
            assert {"force", "place"} <= set(feature["properties"])
    path = tmp_path / "seed.gpkg"
    write_geopackage(timeline, **days, path=path, langs=langs)
    styles = pyogrio.read_dataframe(path, layer="layer_styles")
    for layer in LAYERS:
        fields = set(pyogrio.read_info(path, layer=layer)["fields"])
        assert bool(fields & NAME_FIELDS) is with_vi, (layer, fields)
        qml = ElementTree.fromstring(styles.set_index("f_table_name").loc[layer, "styleQML"])
        used = {name for rule in qml.iter("rule")
                for name in re.findall(r'"(\w+)"', rule.get("filter", ""))}
        assert used <= fields, (layer, used - fields)  # the style's filters still work
