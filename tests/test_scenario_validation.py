"""Every kind of scenario problem is reported with its file, line and fix (exit code 2)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from geo import Gazetteer
from geo.errors import ScenarioError
from geo.scenario import load_scenario

ARTICLE = (
    "Russian border guards have served in Syunik since autumn 2020. "
    "They will leave Syunik from Aug. 1, the ministry said."
)

SCENARIO = """\
title: {en: Test story}
country: AM
views:
  before: "2024-01-01"
  after: "2024-09-01"
forces:
  - id: guards
    name: {en: Border guards, vi: Biên phòng}
    country: RU
    type: border_guards
sources:
  - id: art
    title: Test article
    outlet: Test outlet
    language: en
    published: "2024-05-09"
    file: article.txt
presences:
  - id: guards-syunik
    force: guards
    place: Syunik
    location_precision: province
    start: {earliest: "2020-09", latest: "2020-11", text: autumn 2020}
    end: "2024-08-01"
    citations:
      - source: art
        quote: They will leave Syunik from Aug. 1, the ministry said.
"""


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "story.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the ``occurrence``-th line containing ``needle``."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def problems(tmp_path: Path, text: str, gazetteer: Gazetteer) -> list[str]:
    path = write(tmp_path, text)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path, gazetteer=gazetteer)
    return caught.value.problems


def test_the_template_itself_is_valid(tmp_path: Path, gazetteer: Gazetteer) -> None:
    scenario = load_scenario(write(tmp_path, SCENARIO), gazetteer=gazetteer)
    (presence,) = scenario.presences
    assert presence.place.id == "AM-SU" and presence.end.precision == "day"


EXTRA = """\
  - id: guards-tavush
    force: guards
    place: Tavush
    location_precision: province
    start: "2021"
    end: null
    citations:
      - source: art
        quote: They will leave Syunik from Aug. 1, the ministry said.
"""

# (name, replace this, with that, the line marker the problem must name, words of the fix)
CASES = [
    ("unknown force", "    force: guards\n", "    force: gaurds\n", "force: gaurds",
     ["unknown force 'gaurds'", "use one of: guards"]),
    ("unknown source", "      - source: art\n", "      - source: artt\n", "source: artt",
     ["unknown source 'artt'", "use one of: art"]),
    ("unknown place", "place: Syunik", "place: Syunk", "place: Syunk",
     ["unknown place name 'Syunk'", "Syunik (province, AM-SU)"]),
    ("impossible date", 'end: "2024-08-01"', 'end: "2024-02-30"', "end:",
     ["'2024-02-30' is not a real date"]),
    ("bad date form", 'end: "2024-08-01"', 'end: "1 Aug 2024"', "end:",
     ["accepted forms"]),
    ("end before start", 'end: "2024-08-01"', 'end: "2019-01-01"', "end:",
     ["ends (2019-01-01) before it starts", "swap"]),
    ("no citations", "    citations:\n      - source: art\n        quote: They will leave Syunik "
     "from Aug. 1, the ministry said.\n", "", "- id: guards-syunik",
     ["'citations' is a required property", "add it"]),
    ("empty citations", "    citations:\n      - source: art\n        quote: They will leave "
     "Syunik from Aug. 1, the ministry said.\n", "    citations: []\n", "citations: []",
     ["should be non-empty"]),
    ("citation without quote", "        quote: They will leave Syunik from Aug. 1, the ministry "
     "said.\n", "", "- source: art", ["'quote' is a required property"]),
    ("quote not in the article", "quote: They will leave Syunik", "quote: They will quit Syunik",
     "quote: They will quit", ["the quote is not in article.txt", "copy the sentence exactly"]),
    ("unknown key", "    location_precision: province\n",
     "    location_precision: province\n    strenght: 200\n", "strenght:",
     ["unknown key 'strenght'", "check its spelling"]),
    ("bad location precision", "location_precision: province", "location_precision: county",
     "location_precision: county", ["'county' is not allowed", "exact, province, region"]),
    ("missing source file", "file: article.txt", "file: missing.txt", "file: missing.txt",
     ["file 'missing.txt' not found", "relative to the scenario file"]),
]


@pytest.mark.parametrize(("name", "old", "new", "marker", "words"), CASES,
                         ids=[c[0] for c in CASES])
def test_problem_names_line_and_fix(tmp_path: Path, gazetteer: Gazetteer, name: str, old: str,
                                    new: str, marker: str, words: list[str]) -> None:
    assert old in SCENARIO, name
    text = SCENARIO.replace(old, new, 1)
    found = problems(tmp_path, text, gazetteer)
    expected = f"story.yaml:{line_of(text, marker)}: "
    matching = [p for p in found if expected in p]
    assert matching, f"no problem on line {expected!r}: {found}"
    for word in words:
        assert any(word in p for p in matching), (word, matching)


def test_duplicate_presence_id(tmp_path: Path, gazetteer: Gazetteer) -> None:
    text = SCENARIO + EXTRA.replace("guards-tavush", "guards-syunik")
    found = problems(tmp_path, text, gazetteer)
    line = line_of(text, "- id: guards-syunik", 2)
    assert any(f":{line}: duplicate presence id 'guards-syunik' (first on line "
               f"{line_of(text, '- id: guards-syunik')})" in p for p in found), found


def test_overlapping_presences_of_one_force_at_one_place(tmp_path: Path,
                                                         gazetteer: Gazetteer) -> None:
    text = SCENARIO + EXTRA.replace("place: Tavush", "place: Syunik province")
    found = problems(tmp_path, text, gazetteer)
    line = line_of(text, "- id: guards-tavush")
    assert any(f":{line}: presence 'guards-tavush' overlaps 'guards-syunik'" in p
               and "merge them or fix the dates" in p for p in found), found


def test_every_problem_is_reported_at_once(tmp_path: Path, gazetteer: Gazetteer) -> None:
    text = (SCENARIO.replace("force: guards", "force: nobody")
            .replace("place: Syunik", "place: Nowhereville")
            .replace('end: "2024-08-01"', 'end: "2024-13-01"'))
    found = problems(tmp_path, text, gazetteer)
    assert len(found) == 3
    assert [int(p.split(":")[1]) for p in found] == sorted(int(p.split(":")[1]) for p in found)


def test_yaml_syntax_error_names_the_line(tmp_path: Path, gazetteer: Gazetteer) -> None:
    text = SCENARIO.replace("    type: border_guards\n", "    type: [border_guards\n")
    path = write(tmp_path, text)
    with pytest.raises(Exception) as caught:
        load_scenario(path, gazetteer=gazetteer)
    assert "story.yaml:" in str(caught.value) and "fix the YAML syntax" in str(caught.value)


def test_duplicate_key_names_both_lines(tmp_path: Path, gazetteer: Gazetteer) -> None:
    text = SCENARIO.replace("    force: guards\n", "    force: guards\n    force: guards\n")
    path = write(tmp_path, text)
    with pytest.raises(Exception, match=r"story.yaml:21: duplicate key 'force' \(first on line "
                       r"20\); keep only one"):
        load_scenario(path, gazetteer=gazetteer)


@pytest.mark.parametrize("case", ["unknown force", "end before start", "quote not in the article"])
def test_cli_exit_code_2_and_one_message(tmp_path: Path, case: str) -> None:
    _, old, new, marker, words = next(c for c in CASES if c[0] == case)
    text = SCENARIO.replace(old, new, 1)
    path = write(tmp_path, text)
    for command in (["diff", str(path)], ["snapshot", str(path), "--date", "2024-01-01"]):
        result = subprocess.run([sys.executable, "-m", "geo", *command], capture_output=True,
                                text=True, check=False)
        assert result.returncode == 2, result.stderr
        assert result.stdout == "" and "Traceback" not in result.stderr
        assert f"story.yaml:{line_of(text, marker)}:" in result.stderr
        assert words[0] in result.stderr
