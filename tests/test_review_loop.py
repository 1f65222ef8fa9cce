"""The review loop of issue 13: extract's draft loads as it is, one presence per fact,
check says what the maps will show, build --from-articles saves its scenario, and the
messages advise only what exists and would help."""

from __future__ import annotations

import pytest
import yaml

from geo.cli import main

ARTICLES = {
    "one.txt": "Date: 2025-02-03\nURL: https://example.org/one\n\nDanish troops arrived in "
               "Tapa, Estonia, on Monday.\nThe Danish troops are stationed in Tapa.\n",
    "two.txt": "Date: 2025-06-02\nURL: https://example.org/two\n\nDanish troops left Tapa, "
               "Estonia, on Sunday.\n",
}


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_draft_loads_in_diff_snapshot_and_check(tmp_path, articles, capsys):
    code, out, _ = _run(capsys, "extract", *sorted(articles.glob("*.txt")))
    assert code == 0
    draft = tmp_path / "draft.yaml"
    draft.write_text(out, encoding="utf-8")
    document = yaml.safe_load(out)
    # one presence per force and place, with every quote that supports it
    assert len(document["presences"]) == 1
    presence = document["presences"][0]
    assert len(presence["citations"]) == 3
    assert {"confidence", "article", "event", "mention", "why"} <= set(presence)
    assert {"articles", "unused"} <= set(document)
    for command in (["diff"], ["snapshot", "--date", "2025-03-01"], ["check"]):
        code, out, err = _run(capsys, *command, draft)
        assert code == 0, err
    assert "valid" in out and "Danish troops: Tapa" in out


def test_build_from_articles_saves_a_scenario_that_builds_again(tmp_path, articles, capsys):
    saved = tmp_path / "story" / "tapa.yaml"
    saved.parent.mkdir()
    code, _, err = _run(capsys, "build", "--from-articles", articles, "--save-scenario", saved,
                        "--out", tmp_path / "maps", "--format", "geojson")
    assert code == 0, err
    document = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert {s["file"] for s in document["sources"]} == {"../articles/one.txt",
                                                        "../articles/two.txt"}
    code, out, err = _run(capsys, "check", saved)
    assert code == 0 and "valid" in out, err


def test_save_scenario_without_articles_is_refused(tmp_path, capsys):
    code, _, err = _run(capsys, "build", "--save-scenario", tmp_path / "x.yaml")
    assert code == 2 and "--save-scenario applies only with --from-articles" in err


@pytest.mark.parametrize(("text", "threshold", "advice", "not_advised"), [
    # nothing to find: lowering the threshold would not help
    ("The weather in Tapa was cold on Monday.\n", "0", "deploymap extract", "--threshold"),
    ("The weather in Tapa was cold on Monday.\n", "0.5", "deploymap extract", "--threshold"),
])
def test_when_nothing_is_found_the_advice_is_one_that_helps(tmp_path, capsys, text,
                                                              threshold, advice, not_advised):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Date: 2025-02-03\n\n" + text, encoding="utf-8")
    code, _, err = _run(capsys, "build", "--from-articles", folder, "--threshold", threshold,
                        "--out", tmp_path / "maps")
    assert code == 2
    assert advice in err and not_advised not in err


def test_check_reports_every_problem_with_its_line(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\n", encoding="utf-8")
    code, _, err = _run(capsys, "check", bad)
    assert code == 2 and "bad.yaml:1" in err and "Traceback" not in err
