"""One presentation model: the HTML map and the static maps of one scenario draw the same
colour for the same force and list the same legend entries, read back from the files."""

from __future__ import annotations

import io
import json
import re

import numpy as np
import pytest
import yaml
from PIL import Image

from geo.cli import main
from geo.data_files import data_path
from geo.render.presentation import force_colours, legend_entries, palette, style_for

STEM = "armenia-2024"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("maps")
    assert main(["build", "--out", str(out), "--format", "html,png,svg",
                 "--layout", "change"]) == 0
    return {p.name: p.read_bytes() for p in out.iterdir()}


def html_payload(built: dict[str, bytes]) -> dict:
    """The data the page hands to deploymap.draw() (its legend, styles and layers)."""
    document = built[f"{STEM}.en.html"].decode()
    marker = "deploymap.draw(map_deploymap, "
    start = document.index(marker) + len(marker)
    return json.loads(document[start:document.index(");\n", start)])


def entries_of_html(legend: str) -> dict[str, set[str]]:
    """Legend entry key -> the colours its swatches are drawn in (fills and strokes)."""
    rows = re.findall(r'data-entry="([^"]+)"(.*?)</div>', legend)
    assert rows, "the HTML legend has no entries"
    return {key: {c.lower() for c in re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{6})"', body)}
            for key, body in rows}


def entries_of_svg(svg: str) -> list[str]:
    return re.findall(r'<g id="legend-entry ([^"]+)"', svg)


def test_html_and_static_legends_list_the_same_entries(built) -> None:
    in_html = entries_of_html(html_payload(built)["ui"]["legend"])
    in_svg = entries_of_svg(built[f"{STEM}.change.en.svg"].decode())
    shared = ("force:", "change:", "symbol:")
    assert [k for k in in_html if k.startswith(shared)] == [
        k for k in in_svg if k.startswith(shared)]
    # the seed story: four forces (a line each), two changes, a base and an airport
    assert {k for k in in_svg if k.startswith("force:")} == {
        "force:ru-border-guards", "force:ru-army", "force:ru-102-base", "force:ru-peacekeepers"}
    assert {"change:withdrawn", "change:remained", "symbol:base", "symbol:airport"} <= set(
        in_svg)


def test_each_force_has_one_colour_in_every_output(built) -> None:
    """The HTML legend's colour of a force is the colour of its features in the HTML and
    the colour found in the PNG; every force colour differs from the others. The seed has
    one force of each type: each keeps its type's colour (read here from the data file)."""
    data = html_payload(built)
    colours = {}
    for key, found in entries_of_html(data["ui"]["legend"]).items():
        if key.startswith("force:"):
            assert len(found) == 1, (key, found)
            colours[key.removeprefix("force:")] = found.pop()
    assert len(set(colours.values())) == len(colours)
    table = yaml.safe_load(data_path("render", "style.yaml").read_text("utf-8"))
    types = {"ru-border-guards": "border_guards", "ru-army": "army", "ru-102-base": "base",
             "ru-peacekeepers": "peacekeepers"}
    assert colours == {f: table["colours"][table["types"][t]].lower() for f, t in types.items()}
    for key, drawn in data["styles"].items():
        force_id = key.split("|")[2].split("+")[0]
        if "icon" in drawn:  # a point: its symbol's paint, but for white and the halo
            paints = set(re.findall(r'(?:fill|stroke)="(#[0-9a-f]{6})"', drawn["icon"]))
            paints -= {"#ffffff", palette().halo}
        else:
            paints = {drawn["color"]}
        assert paints == {colours[force_id]}, key
    pixels = np.asarray(Image.open(io.BytesIO(built[f"{STEM}.change.en.png"])).convert("RGB"),
                        dtype=int)
    for force_id, colour in colours.items():
        rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
        close = (np.abs(pixels - rgb).sum(axis=2) < 24).sum()
        assert close > 150, (force_id, colour, close)


COLOURS = force_colours((("guards", "border_guards"), ("troops", "army"), ("base", "base")))


def test_model_tells_changes_apart_without_colour() -> None:
    looks = {c: style_for("line", c, ("guards",), COLOURS) for c in ("remained", "withdrawn")}
    assert looks["remained"].colour == looks["withdrawn"].colour
    assert (looks["remained"].outline, looks["remained"].treatment.line_width) != (
        looks["withdrawn"].outline, looks["withdrawn"].treatment.line_width)
    assert style_for("point", "present", ("troops",), COLOURS, kind="base").symbol == "square"
    assert style_for("point", "present", ("troops",), COLOURS,
                     kind="airport").symbol == "triangle"
    assert style_for("point", "present", ("troops",), COLOURS,
                     kind="village").symbol == "circle"
    unsure = style_for("area", "present", ("troops",), COLOURS, certain=False)
    assert unsure.outline == palette().uncertain_outline != "solid"


def test_legend_entries_follow_what_is_drawn() -> None:
    drawn = [style_for("area", "withdrawn", ("troops",), COLOURS, hatched=True),
             style_for("point", "remained", ("base",), COLOURS, kind="base")]
    forces = {"troops": ("Troops", "army"), "base": ("Base", "base")}
    keys = [e.key for e in legend_entries(drawn, forces, COLOURS, "vi")]
    assert keys == ["force:troops", "force:base", "change:remained", "change:withdrawn",
                    "symbol:base", "reading:hatched"]
    texts = {e.key: e.text for e in legend_entries(drawn, {"troops": ("", "army")}, COLOURS,
                                                    "vi")}
    assert texts["change:withdrawn"] == "Đã rút" and texts["force:troops"] == "Quân đội"
