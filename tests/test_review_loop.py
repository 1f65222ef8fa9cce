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


LIBYA = {
    "en.txt": "Turkey deepens its military footprint in Libya\n\nTripoli, 12 June 2020\n\n"
              "Turkish troops deployed at Al-Watiya air base, officials said. Turkish forces "
              "are also stationed in Misrata and Tripoli.\n",
    "fr.txt": "La Turquie renforce sa présence militaire en Libye\n\nTripoli, 20 juillet 2020\n"
              "\nDes soldats turcs sont déployés sur la base aérienne d'Al-Watiya, selon des "
              "responsables. Les forces turques sont également stationnées à Misrata et à "
              "Tripoli.\n",
}


def test_a_map_drafted_from_articles_has_a_title_from_its_records(tmp_path, capsys):
    """The forces, the country and the year, in each language; how the draft was made goes
    in the description, not on the map."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in LIBYA.items():
        (folder / name).write_text(text, encoding="utf-8")
    saved, out = tmp_path / "libya.yaml", tmp_path / "maps"
    code, _, err = _run(capsys, "build", "--from-articles", folder, "--save-scenario", saved,
                        "--out", out, "--format", "html", "--lang", "en,vi")
    assert code == 0, err
    document = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert document["title"] == {"en": "Turkish forces in Libya, 2020",
                                 "vi": "Lực lượng Thổ Nhĩ Kỳ tại Libya, năm 2020"}
    assert "Drafted from 2 article(s)" in document["description"]["en"]
    # deployments only: no view speaks of a withdrawal
    assert [v["label"]["en"] for v in document["views"].values()] == [
        "As first reported", "As last reported"]
    page = (out / "articles.en.html").read_text(encoding="utf-8")
    assert "<title>Turkish forces in Libya, 2020</title>" in page
    assert "Drafted from" not in page


def test_a_draft_title_names_one_force_two_countries_or_foreign_forces(gazetteer):
    from geo.dates import parse_date_text
    from geo.extract.draft import Force
    from geo.extract.title import draft_title

    danes = Force("dk-army", "army", "DK", {"en": "Danish troops", "vi": "Quân đội Đan Mạch"})
    french = Force("fr-army", "army", "FR", {"en": "French troops", "vi": "Quân đội Pháp"})
    base = Force("us-x-base", "base", "US", {"en": "Camp X", "vi": "Camp X"})
    years = [parse_date_text("2019-03"), parse_date_text("2024-05-01")]
    assert draft_title([danes], "EE", years, gazetteer)["en"] == (
        "Danish troops in Estonia, 2019–2024")
    assert draft_title([danes, french], "EE", [], gazetteer)["en"] == (
        "Danish and French forces in Estonia")
    title = draft_title([danes, french, base], "EE", years[1:], gazetteer)
    assert title["en"] == "Foreign forces in Estonia, 2024"
    assert title["vi"].startswith("Lực lượng nước ngoài tại ")
    assert title["vi"].endswith(", năm 2024")


@pytest.mark.parametrize("ends, starts, reported, expected", [
    (["2024-06-10"], ["2024-02-01"], ["2024-06-12"],
     [("2024-02-01", "Before the first reported withdrawal"),
      ("2024-06-10", "After the last reported end")]),
    # another force took over after the withdrawal: the after view shows it there
    (["2018-04-30"], ["2018-04-20", "2018-05-13"], ["2018-05-14"],
     [("2018-04-20", "Before the first reported withdrawal"),
      ("2018-05-13", "After the last reported change")]),
    ([], ["2024-02-01", "2024-03"], ["2024-04-02"],
     [("2024-01-31", "Before the first reported arrival"), ("2024-04-02", "As last reported")]),
    ([], [], ["2024-04-02", "2024-05-06"],
     [("2024-04-02", "As first reported"), ("2024-05-06", "As last reported")]),
    ([], [], ["2024-04-02"],
     [("2024-04-02", "As first reported"), ("2024-04-03", "As last reported")]),
])
def test_a_drafts_views_say_what_they_show(ends, starts, reported, expected):
    """A story with no withdrawal gets no view named after one, in any map language."""
    import datetime as dt

    from geo.dates import parse_date_text
    from geo.extract.draft import default_views
    from geo.i18n import LANGUAGES

    views = default_views([parse_date_text(e) for e in ends],
                          [dt.date.fromisoformat(r) for r in reported],
                          [parse_date_text(s) for s in starts])
    assert [(v["date"], v["label"]["en"]) for v in views.values()] == expected
    for view in views.values():
        assert set(view["label"]) == set(LANGUAGES) and all(view["label"].values())
        if not ends:
            assert "rút" not in view["label"]["vi"] and "withdraw" not in view["label"]["en"]


def test_a_draft_saved_beside_its_articles_loads_both_ways(tmp_path, articles, capsys,
                                                          monkeypatch):
    monkeypatch.chdir(tmp_path)
    # "extract articles/ > articles/draft.yaml": paths from the folder extract ran in
    code, out, _ = _run(capsys, "extract", "articles")
    assert code == 0 and "file: articles/one.txt" in out
    (articles / "draft.yaml").write_text(out, encoding="utf-8")
    code, _, err = _run(capsys, "check", articles / "draft.yaml")
    assert code == 0, err
    # "extract articles/ -o articles/saved.yaml": paths from the draft's folder
    code, out, _ = _run(capsys, "extract", "articles", "-o", articles / "saved.yaml")
    assert code == 0 and out == ""
    saved = (articles / "saved.yaml").read_text(encoding="utf-8")
    assert "file: one.txt" in saved
    monkeypatch.chdir(articles.parent.parent)
    code, _, err = _run(capsys, "check", articles / "saved.yaml")
    assert code == 0, err
    code, _, err = _run(capsys, "build", articles / "saved.yaml", "-o", tmp_path / "maps",
                        "--format", "geojson")
    assert code == 0, err
    assert list((tmp_path / "maps").glob("*.geojson"))


def test_the_story_s_country_is_where_the_foreign_force_is(tmp_path, capsys):
    # France is named three times as the actor, Chad once as the host
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\nFrance announced on Monday that France would hand "
                       "over its last base. Paris said France wants new partnerships. French "
                       "troops left the base in Abeche, Chad, on Sunday.\n", encoding="utf-8")
    code, out, _ = _run(capsys, "extract", article)
    assert code == 0
    document = yaml.safe_load(out)
    assert document["country"] == "TD"
    assert document["title"]["en"].startswith("French troops in Chad")


def test_a_warning_about_the_merged_scenario_names_no_temporary_file(tmp_path, capsys):
    # the Sahel lies far from a Chadian story's countries: a warning, which used to point
    # at a line of a temporary file deleted before the user could open it
    folder = tmp_path / "chad"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "Date: 2025-01-13\n\nFrench troops left Faya-Largeau in Chad on 26 December 2024. "
        "French troops are still deployed in the Sahel, a French officer in N'Djamena "
        "said.\n", encoding="utf-8")
    from geo.extract import extract_articles
    from geo.extract.merge import timeline_from_draft

    timeline_from_draft(extract_articles([folder / "one.txt"]))
    err = capsys.readouterr().err
    assert "warning" in err and "the scenario merged from the articles" in err, err
    assert "from-articles.yaml" not in err
