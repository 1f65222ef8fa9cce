"""Colour says which FORCE, not which type: two forces of one type (Turkish troops in Iraq,
Iraqi troops in Turkey) get two colours and two legend lines in every output, from one
colour-blind-safe palette (data/render/style.yaml); past its colours, the forces left share
one colour and one line, "Other forces"; the same scenario gives the same colours."""

from __future__ import annotations

import io
import itertools
import json
import re
import sqlite3
from pathlib import Path
from xml.etree import ElementTree

import matplotlib
import numpy as np
import pytest
import yaml
from PIL import Image

from geo.data_files import data_path
from geo.render import api
from geo.render.alt_text import alt_text
from geo.render.gis import geojson_documents
from geo.render.html import map_data
from geo.render.presentation import (
    OTHERS,
    force_colours,
    legend_entries,
    palette,
    scenario_colours,
    style_for,
)
from geo.render.static import build_figure, render_static
from geo.render.static.style import RC
from geo.scenario.load import load_scenario
from geo.timeline import Timeline

FIXTURE = Path(__file__).parent / "data" / "colours" / "two-armies.yaml"
STYLE = yaml.safe_load(data_path("render", "style.yaml").read_text("utf-8"))


# --- the palette: apart for every common kind of colour vision --------------------------

#: Machado, Oliveira & Fernandes (2009), severity 1: linear-RGB matrices simulating
#: protanopia, deuteranopia and tritanopia.
VISION = {
    "normal": np.eye(3),
    "protan": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                        [-0.003882, -0.048116, 1.051998]]),
    "deutan": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                        [-0.011820, 0.042940, 0.968881]]),
    "tritan": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                        [0.004733, 0.691367, 0.303900]]),
}


def _lab(colour: str, vision: np.ndarray) -> np.ndarray:
    """CIELAB (D65) of ``#rrggbb`` as seen with ``vision``."""
    srgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)]) / 255
    linear = np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)
    linear = np.clip(vision @ linear, 0, 1)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                    [0.0193, 0.1192, 0.9505]]) @ linear / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def _delta_e2000(one: np.ndarray, two: np.ndarray) -> float:
    """CIEDE2000 colour difference."""
    (l1, a1, b1), (l2, a2, b2) = one, two
    c_mean = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7)))
    a1, a2 = a1 * (1 + g), a2 * (1 + g)
    c1, c2 = np.hypot(a1, b1), np.hypot(a2, b2)
    h1, h2 = np.degrees(np.arctan2(b1, a1)) % 360, np.degrees(np.arctan2(b2, a2)) % 360
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    d_big_h = 2 * np.sqrt(c1 * c2) * np.sin(np.radians(dh / 2))
    l_mean, c_mean = (l1 + l2) / 2, (c1 + c2) / 2
    h_mean = (h1 + h2) / 2 + (180 if abs(h1 - h2) > 180 else 0)
    if c1 * c2 == 0:
        h_mean = h1 + h2
    t = (1 - 0.17 * np.cos(np.radians(h_mean - 30)) + 0.24 * np.cos(np.radians(2 * h_mean))
         + 0.32 * np.cos(np.radians(3 * h_mean + 6)) - 0.2 * np.cos(np.radians(4 * h_mean - 63)))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / np.sqrt(20 + (l_mean - 50) ** 2)
    s_c, s_h = 1 + 0.045 * c_mean, 1 + 0.015 * c_mean * t
    r_t = (-np.sin(np.radians(60 * np.exp(-(((h_mean - 275) / 25) ** 2))))
           * 2 * np.sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7)))
    dl, dc, dh_s = (l2 - l1) / s_l, (c2 - c1) / s_c, d_big_h / s_h
    return float(np.sqrt(dl ** 2 + dc ** 2 + dh_s ** 2 + r_t * dc * dh_s))


def test_distance_formula_matches_the_published_pairs() -> None:
    """Sharma, Wu & Dalal (2005), pairs 1 and 17 of their CIEDE2000 test data."""
    assert _delta_e2000(np.array([50, 2.6772, -79.7751]),
                        np.array([50, 0, -82.7485])) == pytest.approx(2.0425, abs=1e-3)
    assert _delta_e2000(np.array([50, 2.5, 0]),
                        np.array([73, 25, -18])) == pytest.approx(27.1492, abs=1e-3)


@pytest.mark.parametrize("vision", list(VISION))
def test_every_two_force_colours_stay_apart(vision: str) -> None:
    """The forces' colours, the "Other forces" colour and the halo of what is new: every
    pair at least 10 CIEDE2000 apart (clearly different at a glance), for each vision."""
    look = palette()
    colours = [*look.colours, look.others, look.halo]
    assert len(set(colours)) == len(colours)
    labs = {c: _lab(c, VISION[vision]) for c in colours}
    closest = min((_delta_e2000(labs[a], labs[b]), a, b)
                  for a, b in itertools.combinations(colours, 2))
    assert closest[0] >= 10, closest


def test_the_data_file_is_the_palette() -> None:
    look = palette()
    assert list(look.colours) == [c.lower() for c in STYLE["colours"].values()]
    assert set(STYLE["types"].values()) <= set(STYLE["colours"])
    schema = json.loads(data_path("scenarios", "scenario.schema.json").read_text("utf-8"))
    types = set(schema["$defs"]["force"]["properties"]["type"]["enum"])
    assert set(look.types) <= types


# --- the rule ---------------------------------------------------------------------------

def test_two_forces_of_one_type_get_two_colours() -> None:
    """The first army keeps the army colour, the second takes the first colour left."""
    colours = force_colours((("tr-army", "army"), ("iq-army", "army")))
    assert colours.colour("tr-army") == palette().types["army"]
    assert colours.colour("iq-army") == palette().colours[
        next(i for i, c in enumerate(palette().colours) if c != palette().types["army"])]
    peacekeepers = force_colours((("au", "peacekeepers"), ("et", "peacekeepers")))
    assert peacekeepers.colour("au") != peacekeepers.colour("et")


def test_a_force_of_each_type_keeps_its_types_colour() -> None:
    forces = (("guards", "border_guards"), ("troops", "army"), ("blue", "peacekeepers"),
              ("base", "base"))
    colours = force_colours(forces)
    assert [colours.colour(f) for f, _ in forces] == [palette().types[t] for _, t in forces]


def test_forces_never_share_a_colour_while_the_palette_lasts() -> None:
    """Any mix of types, up to as many forces as colours: all different; the same forces
    in the same order, the same colours."""
    size = len(palette().colours)
    types = [*sorted(palette().types), "other"]
    for count in range(1, size + 1):
        for start in range(len(types)):
            forces = tuple((f"f{i}", types[(start + i * 3) % len(types)]) for i in range(count))
            colours = force_colours(forces)
            drawn = [colours.colour(f) for f, _ in forces]
            assert len(set(drawn)) == count, forces
            assert set(drawn) <= set(palette().colours)
            assert not any(colours.grouped(f) for f, _ in forces)
            force_colours.cache_clear()
            assert [force_colours(forces).colour(f) for f, _ in forces] == drawn


def test_forces_past_the_palette_are_other_forces_on_one_legend_line() -> None:
    size = len(palette().colours)
    forces = tuple((f"army-{i}", "army") for i in range(size + 2))
    colours = force_colours(forces)
    own = [colours.colour(f) for f, _ in forces[:size]]
    assert sorted(own) == sorted(palette().colours)  # every colour used, once
    assert all(colours.grouped(f) for f, _ in forces[size:])
    assert {colours.colour(f) for f, _ in forces[size:]} == {palette().others}
    names = {f: (f"Army {i}", "army") for i, (f, _) in enumerate(forces)}
    looks = [style_for("area", "present", (f,), colours) for f in names]
    entries = [e for e in legend_entries(looks, names, colours, "en")
               if e.key.startswith("force:")]
    assert [e.key for e in entries] == [f"force:{f}" for f, _ in forces[:size]] + [
        f"force:{OTHERS}"]
    assert [e.swatches[0].colour for e in entries] == [*own, palette().others]
    assert entries[-1].text == "Other forces"
    assert entries[-1].note == f"Army {size}, Army {size + 1}"
    vietnamese = legend_entries(looks, names, colours, "vi")
    assert any(e.text == "Các lực lượng khác" for e in vietnamese)


# --- every output of a scenario with two armies -----------------------------------------

@pytest.fixture(scope="module")
def two_armies() -> Timeline:
    return Timeline(load_scenario(FIXTURE))


@pytest.fixture(scope="module")
def days(two_armies: Timeline) -> dict:
    return {"before": two_armies.view("before"), "after": two_armies.view("after")}


@pytest.fixture(scope="module")
def expected(two_armies: Timeline) -> dict[str, str]:
    colours = scenario_colours(two_armies.scenario)
    found = {f: colours.colour(f) for f in ("tr-army", "iq-army")}
    assert found["tr-army"] != found["iq-army"]
    return found


def test_html_legend_and_features_have_a_colour_per_army(two_armies, days, expected) -> None:
    data = map_data(two_armies, **days, lang="en")
    rows = re.findall(r'data-entry="(force:[^"]+)"(.*?)</div>', data["ui"]["legend"])
    legend = {key.removeprefix("force:"): (
        re.search(r"<span>([^<]+)", body)[1],
        {c.lower() for c in re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{6})"', body)})
        for key, body in rows}
    assert legend == {"tr-army": ("Turkish troops", {expected["tr-army"]}),
                      "iq-army": ("Iraqi troops", {expected["iq-army"]})}
    for layer in data["layers"]:
        for feature in layer["features"]:
            force = feature["s"].split("|")[2]
            drawn = data["styles"][feature["s"]]
            paints = ({drawn["color"]} if "color" in drawn else
                      set(re.findall(r'(?:fill|stroke)="(#[0-9a-f]{6})"', drawn["icon"]))
                      - {"#ffffff", palette().halo})
            assert paints == {expected[force]}, (layer["id"], feature["s"])


def test_static_legend_and_map_have_a_colour_per_army(two_armies, days, expected) -> None:
    with matplotlib.rc_context(RC):
        built = build_figure(two_armies, **days, lang="en", layout="side-by-side")
    legend_ax = next(ax for ax in built.figure.axes
                     if any((t.get_gid() or "").startswith("legend-entry") for t in ax.texts))
    found = {}
    for text in legend_ax.texts:
        gid = text.get_gid() or ""
        if not gid.startswith("legend-entry force:"):
            continue
        x, y = text.get_position()
        row = [p for p in legend_ax.patches if p.get_x() < x and p.get_edgecolor()[3] > 0
               and abs(p.get_y() + p.get_height() / 2 - y) < 0.01]
        swatch = max(p.get_x() for p in row)  # the swatch just before the entry's words
        edges = {matplotlib.colors.to_hex(p.get_edgecolor()) for p in row
                 if p.get_x() == swatch}
        found[gid.removeprefix("legend-entry force:")] = (text.get_text(), edges)
    assert found == {"tr-army": ("Turkish troops", {expected["tr-army"]}),
                     "iq-army": ("Iraqi troops", {expected["iq-army"]})}
    png = render_static(two_armies, **days, lang="en", fmt="png")
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)
    for force, colour in expected.items():
        rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
        assert (np.abs(pixels - rgb).sum(axis=2) < 24).sum() > 150, force


def test_gis_style_hints_and_qgis_rules_have_a_colour_per_army(two_armies, days, expected,
                                                               tmp_path) -> None:
    for name, text in geojson_documents(two_armies, **days).items():
        features = json.loads(text)["features"]
        hinted = {(f["properties"]["force_id"], f["properties"]["style_colour"])
                  for f in features}
        assert hinted == set(expected.items()), name
    gpkg = api.to_geopackage(two_armies, tmp_path / "two.gpkg", **days)
    with sqlite3.connect(gpkg) as connection:
        qml = dict(connection.execute(
            "SELECT f_table_name, styleQML FROM layer_styles").fetchall())
    root = ElementTree.fromstring(qml["change_areas"].split("\n", 1)[1])
    rules = {r.get("label"): r for r in root.findall("renderer-v2/rules/rule")}
    for force, name in (("tr-army", "Turkish troops"), ("iq-army", "Iraqi troops")):
        rule = next(r for label, r in rules.items() if label.startswith(name))
        assert f'"force_id" = \'{force}\'' in rule.get("filter")
        symbol = root.find(f"renderer-v2/symbols/symbol[@name='{rule.get('symbol')}']")
        rgb = ",".join(str(int(expected[force][i:i + 2], 16)) for i in (1, 3, 5)) + ","
        assert any(o.get("value", "").startswith(rgb) for o in symbol.iter("Option")), name


def test_alt_text_names_both_armies(two_armies, days) -> None:
    text = alt_text(two_armies, **days, lang="en", layout="side-by-side")
    assert "Turkish troops" in text and "Iraqi troops" in text


def test_the_same_scenario_gives_the_same_bytes(two_armies, days) -> None:
    """Loaded twice, built twice: the same HTML, GeoJSON and SVG, byte for byte."""
    again = Timeline(load_scenario(FIXTURE))
    force_colours.cache_clear()
    style_for.cache_clear()
    first = (api.to_html(two_armies, **days), geojson_documents(two_armies, **days),
             render_static(two_armies, **days, lang="en", fmt="svg"))
    force_colours.cache_clear()
    style_for.cache_clear()
    second = (api.to_html(again, **days), geojson_documents(again, **days),
              render_static(again, **days, lang="en", fmt="svg"))
    assert first == second
