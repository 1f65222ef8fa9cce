"""``deploymap resolve`` as a user runs it: output formats, exit codes, messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def deploymap(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed command line in a child process."""
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=120, check=False)


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("deploymap")
    assert script.exists(), "pip install did not create the deploymap command"
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0 and result.stdout.startswith("deploymap ")


def test_text_output() -> None:
    result = deploymap("resolve", "Syunik", "tỉnh Tavush", "Yerevan's main airport", "Ararat")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Syunik -> AM-SU  province  Syunik")
    assert any(line.startswith("tỉnh Tavush -> AM-TV  province") for line in lines)
    assert any("airport:UDYZ  airport  Zvartnots International Airport" in ln for ln in lines)
    assert any("chosen among" in ln and "geonames:174991" in ln for ln in lines)


def test_geojson_output() -> None:
    names = ["Gyumri", "biên giới Armenia với Thổ Nhĩ Kỳ và Iran", "Nagorno-Karabakh"]
    result = deploymap("resolve", *names, "--format", "geojson")
    assert result.returncode == 0, result.stderr
    collection = json.loads(result.stdout)
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    features = collection["features"]
    assert [f["properties"]["query"] for f in features] == names
    assert [f["properties"]["kind"] for f in features] == ["city", "border", "region"]
    assert [f["geometry"]["type"] for f in features] == ["Point", "MultiLineString", "Polygon"]
    for feature in features:
        assert {"query", "id", "name", "kind"} <= feature["properties"].keys()
    assert features[2]["properties"]["approximate"] is True


def test_unknown_names_exit_2_with_suggestions_and_no_output() -> None:
    result = deploymap("resolve", "Syunik", "Syunk", "Gegarkunk")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "'Syunk'" in result.stderr and "Syunik (province, AM-SU)" in result.stderr
    assert "'Gegarkunk'" in result.stderr and "Gegharkunik (province, AM-GR)" in result.stderr
    # the name that was found is on stderr too, so a list can be checked in one run
    assert "found: " in result.stderr and "AM-SU" in result.stderr.split("found: ", 1)[1]


@pytest.mark.parametrize("args", [["resolve"], ["resolve", "x", "--format", "kml"], ["nosuch"]])
def test_bad_arguments_exit_2(args: list[str]) -> None:
    result = deploymap(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr and "Traceback" not in result.stderr


def test_help_has_examples() -> None:
    top = deploymap("--help")
    assert top.returncode == 0 and "examples:" in top.stdout and "resolve" in top.stdout
    sub = deploymap("resolve", "--help")
    assert sub.returncode == 0
    for needle in ("examples:", "--format", "--online", "--kind", "--within", "exit codes"):
        assert needle in sub.stdout


def test_out_file_is_written_only_when_every_name_resolves(tmp_path: Path) -> None:
    out = tmp_path / "places.geojson"
    bad = deploymap("resolve", "Tavush", "Syunk", "--format", "geojson", "--out", str(out))
    assert bad.returncode == 2 and not out.exists()
    good = deploymap("resolve", "Tavush", "Syunik", "--format", "geojson", "--out", str(out))
    assert good.returncode == 0 and good.stdout == ""
    assert [f["properties"]["id"] for f in json.loads(out.read_text())["features"]] == [
        "AM-TV", "AM-SU"]
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind


@pytest.mark.parametrize("names, country", [
    # GeoNames has towns named Gao and Kidal only in Mali; Tessalit likewise
    (["Gao", "Kidal", "Tessalit"], "ML"),
    (["Sinjar", "Mosul"], "IQ"),
])
def test_the_storys_country_comes_from_the_names(names, country) -> None:
    # no --country: the names' own country, and no "far from the story's countries" warning
    result = deploymap("resolve", *names)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stdout, result.stdout
    lines = [ln for ln in result.stdout.splitlines() if " -> " in ln]
    assert len(lines) == len(names)


def test_a_given_country_still_decides() -> None:
    # Ararat is an Armenian province and a town of Victoria, Australia (GeoNames 2177756)
    result = deploymap("resolve", "Ararat", "--country", "AU")
    assert result.returncode == 0 and result.stdout.startswith("Ararat -> geonames:2177756")
