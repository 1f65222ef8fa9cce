"""The seed story's GeoPackage in a real QGIS: Debian's ``python3-qgis``, headless.

``tests/qgis_probe.py`` runs in the system Python (which has ``qgis.core``), opens every
layer as QGIS's Layers panel does and reports what QGIS made of it; these tests judge that
report against the GeoPackage's promises: valid layers of one geometry type, DATE fields,
the default style from ``layer_styles`` in the presentation model's colours (read here from
``data/render/style.yaml``), and start and end fields the Temporal Controller can animate.
Marked ``qgis``; without QGIS they fail, never skip (``scripts/test`` installs it).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from geo import render
from geo.data_files import data_path
from geo.render.geopackage import LAYERS

pytestmark = pytest.mark.qgis

#: The Python that has QGIS's bindings (``apt-get install python3-qgis``).
QGIS_PYTHON = "/usr/bin/python3"
PROBE = Path(__file__).with_name("qgis_probe.py")
INSTALL = ("apt-get update && apt-get install -y --no-install-recommends python3-qgis "
           "(scripts/test installs it)")
#: QVariant types QGIS gives fields (QVariant::Type).
BOOL, INT64, DOUBLE, STRING, DATE, DATETIME = 1, 4, 6, 10, 14, 16
GEOMETRY = {"points": "MultiPoint", "lines": "MultiLineString", "areas": "MultiPolygon"}
#: Presences of the seed story in each layer (the change layers hold all 17).
COUNTS = {"before": (2, 4, 11), "after": (1, 2, 0), "change": (2, 4, 11), "timeline": (2, 4, 11),
          "places": (2, 4, 6)}
DATES = ("start", "start_earliest", "start_latest", "end", "end_earliest", "end_latest")


@pytest.fixture(scope="module")
def style() -> dict[str, Any]:
    """The presentation model's tables, read from the data file, not through deploymap."""
    return yaml.safe_load(data_path("render", "style.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def gpkg(timeline, days, tmp_path_factory) -> Path:
    return render.to_geopackage(timeline, tmp_path_factory.mktemp("qgis") / "seed.gpkg", **days)


@pytest.fixture(scope="module")
def report(gpkg: Path, tmp_path_factory) -> dict[str, Any]:
    """What QGIS makes of the seed GeoPackage (see ``tests/qgis_probe.py``)."""
    found = subprocess.run([QGIS_PYTHON, "-c", "import qgis.core"], capture_output=True,
                           check=False) if Path(QGIS_PYTHON).exists() else None
    if found is None or found.returncode != 0:
        pytest.fail(f"QGIS is not installed ({QGIS_PYTHON} cannot import qgis.core): {INSTALL}",
                    pytrace=False)
    runtime = tmp_path_factory.mktemp("xdg")
    runtime.chmod(0o700)
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    environment.update(QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime))
    done = subprocess.run([QGIS_PYTHON, str(PROBE), str(gpkg)], capture_output=True,
                          text=True, env=environment, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_every_layer_opens_valid_with_one_geometry_type(report: dict[str, Any]) -> None:
    layers = report["layers"]
    assert list(layers) == [*LAYERS, "sources", "layer_styles"]
    assert report["qgis"].startswith("3.") and "ogr" in report["providers"]
    for name in LAYERS:
        group, shape = name.rsplit("_", 1)
        layer = layers[name]
        assert layer["valid"], name
        assert layer["wkb_type"] == GEOMETRY[shape], name
        assert layer["features"] == COUNTS[group][list(GEOMETRY).index(shape)], name
    for name in ("sources", "layer_styles"):
        assert layers[name]["valid"] and layers[name]["wkb_type"] == "NoGeometry"


def test_dates_are_date_fields(report: dict[str, Any]) -> None:
    for name in LAYERS:
        fields = {key: value["type"] for key, value in report["layers"][name]["fields"].items()}
        if name.startswith("places_"):
            assert fields["approximate"] == BOOL and fields["kind"] == STRING
            continue
        assert all(fields[key] == DATE for key in DATES), (name, fields)
        assert fields["start_precision"] == fields["start_text"] == STRING
        assert fields["certain"] == BOOL and fields["strength"] == INT64
        assert fields["style_fill_opacity"] == DOUBLE
    sources = {k: v["type"] for k, v in report["layers"]["sources"]["fields"].items()}
    assert sources["published_earliest"] == sources["published_latest"] == DATE
    assert sources["published"] == STRING
    styles = {k: v["type"] for k, v in report["layers"]["layer_styles"]["fields"].items()}
    assert styles["update_time"] == DATETIME and styles["useAsDefault"] == BOOL


def colours(layers: list[dict[str, Any]]) -> set[str]:
    """Every colour a symbol's layers (and sub-symbols) paint with."""
    found = set()
    for layer in layers:
        found |= {layer["colour"], layer.get("stroke", layer["colour"])}
        found |= colours(layer.get("sub", []))
    return found


def test_layers_open_styled_like_the_published_map(report: dict[str, Any],
                                                   style: dict[str, Any]) -> None:
    """The default style from ``layer_styles`` is applied: colour by force, open symbols for
    what was withdrawn, the kind of place's symbol, hatched areas; places in the neutral
    colour."""
    for name in LAYERS:
        layer = report["layers"][name]
        assert layer["renderer"] == "RuleRenderer", name
        assert layer["rules"][-1]["filter"] == "ELSE"
        for feature in layer["drawn"]:
            attributes = feature["attributes"]
            assert len(feature["rules"]) == 1, (name, attributes)  # one rule takes it
            assert not feature["rules"][0]["else"], (name, attributes)
            layers = feature["rules"][0]["symbol"]
            if name.startswith("places_"):
                expected = style["neutral"]
            else:
                # the seed has one force of each type: each in its type's colour
                expected = style["colours"][style["types"][attributes["force_type"]]]
            assert expected in colours(layers), (name, attributes, layers)
            if name.endswith("_points"):
                marker = layers[-1]
                assert marker["shape"] == style["symbols"].get(attributes["kind"], "circle")
                if name.startswith("change_") and attributes["change"] == "withdrawn":
                    paint = ("#ffffff", expected)  # open: white inside
                else:  # filled; edged in white, or in the colour where the day is unsure
                    paint = (expected, "#ffffff" if attributes.get("certain", True) else expected)
                assert (marker["colour"], marker["stroke"]) == paint, attributes
            if name.endswith("_areas") and not name.startswith("places_"):
                hatch = [x for x in layers if x["class"] == "LinePatternFill"]
                assert bool(hatch) == (attributes["location_precision"] != "exact")
                assert all(expected in colours(x["sub"]) for x in hatch)
    drawn = {f["attributes"]["presence_id"]: f for f in report["layers"]["change_points"]["drawn"]}
    assert set(drawn) == {"ru-border-guards-zvartnots", "ru-102-base-gyumri"}


def test_start_and_end_animate_in_the_temporal_controller(report: dict[str, Any]) -> None:
    """QGIS picks ``start`` and ``end`` as the layer's start and end fields when it opens
    it; the stored style makes the layer time-aware once loaded again (README, "QGIS")."""
    for name in LAYERS:
        layer = report["layers"][name]
        if name.startswith("places_"):
            assert not layer["temporal_from_style"]["active"]
            continue
        expected = {"start_and_end_fields": True, "start_field": "start", "end_field": "end",
                    "include_end": False}
        assert {k: layer["temporal"][k] for k in expected} == expected, name
        assert layer["style_reloaded"]
        assert layer["temporal_from_style"] == {"active": True, **expected}, name


def test_ogrinfo_reports_one_geometry_type_and_date_fields(gpkg: Path) -> None:
    """GDAL's own tool, installed with QGIS, sees the same layers."""
    try:
        done = subprocess.run(["ogrinfo", "-so", "-al", str(gpkg)], capture_output=True,
                              text=True, check=True, timeout=120)
    except FileNotFoundError:
        pytest.fail(f"ogrinfo is not installed (it comes with QGIS): {INSTALL}", pytrace=False)
    blocks = done.stdout.split("Layer name: ")[1:]
    seen = {}
    for block in blocks:
        name = block.splitlines()[0].strip()
        geometry = next(line.split(": ", 1)[1] for line in block.splitlines()
                        if line.startswith("Geometry: "))
        seen[name] = geometry
        if name in LAYERS and not name.startswith("places_"):
            assert "start: Date" in block and "end_latest: Date" in block, name
    assert seen == {**{n: {"points": "Multi Point", "lines": "Multi Line String",
                           "areas": "Multi Polygon"}[n.rsplit("_", 1)[1]] for n in LAYERS},
                    "sources": "None", "layer_styles": "None"}
    assert "partially supported" not in done.stderr, "GeoPackage 1.2 opens in GDAL 3.6 as is"
