"""Inputs a user can write that once crashed a command: places far from the story drawn on
the static maps, argument bytes that are not UTF-8, and text that no writer can encode."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.cli import main
from geo.gazetteer.shapes import geometry_problem
from geo.inputs import text_problem

HERE = Path(__file__).parent / "bad_inputs"
BASE = (HERE / "scenario" / "date-feb-30.yaml").read_text("utf-8").replace(
    'end: "2024-02-30"', 'end: "2024-02-20"')


def story(tmp_path: Path, place: str, precision: str = "exact") -> Path:
    (tmp_path / "article.txt").write_text(
        (HERE / "scenario" / "article.txt").read_text("utf-8"), encoding="utf-8")
    path = tmp_path / "story.yaml"
    path.write_text(BASE.replace("place: Syunik", f"place: {place}").replace(
        "location_precision: province", f"location_precision: {precision}"), encoding="utf-8")
    return path


@pytest.mark.parametrize("place", [
    "Vladivostok", "New York",
    "{label: {en: Pole}, kind: base, geometry: {type: Point, coordinates: [0, 90]}}",
    "{label: {en: Fiji}, kind: base, geometry: {type: Point, coordinates: [179.9, -17]}}",
])
def test_a_place_far_from_the_story_is_drawn_not_a_crash(tmp_path, place):
    path = story(tmp_path, place)
    out = tmp_path / "out"
    assert main(["build", str(path), "--out", str(out), "--format", "png,svg",
                 "--layout", "change"]) == 0
    png = (out / "story.change.en.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 20_000
    assert "Border guards" in (out / "story.change.en.svg").read_text("utf-8")


def test_argument_bytes_that_are_not_utf8_are_refused(tmp_path):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run([sys.executable.encode(), b"-m", b"geo", b"resolve", b"Gyumri\x80"],
                            capture_output=True, env=env, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == b""
    error = result.stderr.decode("utf-8")
    assert "argument 2" in error and "not UTF-8" in error and "Traceback" not in error


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.characters(codec=None, exclude_categories=()),
                          st.integers(0xD800, 0xDFFF).map(chr)), max_size=12).map("".join))
def test_every_text_that_passes_can_be_written_as_utf8(text):
    if text_problem(text):
        assert any(0xD800 <= ord(c) <= 0xDFFF or ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0
                   for c in text)
    else:
        text.encode("utf-8")  # never raises for text that passed


COORDINATES = st.recursive(
    st.one_of(st.booleans(), st.integers(-400, 400), st.floats(allow_nan=True),
              st.text(max_size=3), st.none()),
    lambda children: st.lists(children, max_size=5), max_leaves=30)


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["Point", "LineString", "Polygon", "MultiPoint", "MultiLineString",
                        "MultiPolygon", "GeometryCollection", "Circle"]), COORDINATES)
def test_a_geometry_that_passes_is_one_shapely_reads_and_renderers_draw(kind, coordinates):
    import shapely
    from shapely.geometry import shape

    spec = {"type": kind, "coordinates": coordinates}
    if geometry_problem(spec):
        return
    geometry = shape(spec)  # must not raise
    west, _, east, _ = geometry.bounds
    assert east - west <= 180
    assert shapely.get_coordinates(geometry).size == 0 or geometry.geom_type == kind


#: Any character, with the ones writers choke on (lone surrogates, controls) drawn as often
#: as the rest of Unicode together (hypothesis' text() never draws surrogates itself).
SCENARIO_TEXT = st.lists(st.one_of(
    st.characters(codec=None, exclude_categories=()), st.integers(0xD800, 0xDFFF).map(chr),
    st.integers(0, 0x9F).map(chr)), max_size=8).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(title=SCENARIO_TEXT, number=st.integers(-(2**70), 2**70))
def test_any_name_or_strength_gives_exit_0_or_one_clear_error(tmp_path, capsys, title, number):
    written = yaml.safe_dump(title, allow_unicode=False).strip().removesuffix("...").strip()
    text = BASE.replace("title: {en: Test story}", "title: {en: " + written + "}").replace(
        "name: {en: Border guards,", "name: {en: " + written + ",").replace(
        "    location_precision: province", "    location_precision: province\n    strength: "
        f'{{value: {number}, reported: "2024-05-09", source: art}}')
    (tmp_path / "article.txt").write_text(
        (HERE / "scenario" / "article.txt").read_text("utf-8"), encoding="utf-8")
    path = tmp_path / "story.yaml"
    path.write_text(text, encoding="utf-8")
    code = main(["diff", str(path)])
    captured = capsys.readouterr()
    assert code in (0, 2), captured.err
    if code == 2:
        assert captured.err.count("error:") == 1 and "Traceback" not in captured.err
    else:
        captured.out.encode("utf-8")


@pytest.mark.parametrize(("text", "codec", "advice"), [
    ("Российские военные покинули аэродром в Хмеймиме в январе.", "cp1251", "WINDOWS-1251"),
    ("Les soldats français ont quitté la base d'Abéché en janvier.", "cp1252", "WINDOWS-1252"),
])
def test_text_in_an_old_encoding_gets_the_iconv_line_for_its_script(tmp_path, text, codec,
                                                                  advice):
    from geo.errors import UserInputError
    from geo.inputs import decode_text

    with pytest.raises(UserInputError) as caught:
        decode_text(text.encode(codec), tmp_path / "a.txt", what="article")
    assert f"iconv -f {advice} -t UTF-8" in str(caught.value)
    # the advice is right: the command it names gives the text back
    assert text.encode(codec).decode(advice.replace("WINDOWS-", "cp")) == text
