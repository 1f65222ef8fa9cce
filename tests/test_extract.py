"""Draft records from articles (geo.extract): the seeds give the hand-written seed story.

Offline: the gazetteer and word lists ship with the package; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml

from geo.errors import BadArgument, UserInputError
from geo.extract import (
    detect_language,
    draft_to_scenario_document,
    extract_articles,
    scenario_from_articles,
)
from geo.extract.article_dates import find_dates
from geo.extract.articles import extractor
from geo.extract.evaluate import score_articles
from geo.extract.events import classify, clauses, find_triggers
from geo.extract.governing import main_trigger
from geo.extract.header import split_header
from geo.extract.merge import dump_yaml, timeline_from_draft
from geo.extract.text import sentences
from geo.scenario import load_scenario
from geo.timeline import Timeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
BEFORE, AFTER = dt.date(2024, 1, 1), dt.date(2024, 8, 1)
ARTICLE_DAY = dt.date(2024, 5, 9)


@pytest.fixture(scope="module")
def draft():
    """The five seed articles, dates inferred from their text."""
    return extract_articles(SEED_FILES)


@pytest.fixture(scope="module")
def finder():
    """The shared place finder (story country Armenia)."""
    return extractor("AM").finder


def one_sentence(text: str):
    return sentences(text)[0]


def changes(timeline: Timeline) -> dict[str, set[str]]:
    frame = timeline.change(BEFORE, AFTER)
    return {c: set(frame[frame["change"] == c]["place_id"]) for c in ("withdrawn", "remained",
                                                                     "new")}


# -- language and text ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "language"), [
    ("Russian border guards will remain on Armenia's borders with Turkey and Iran.", "en"),
    ("Lực lượng biên phòng Nga sẽ vẫn ở biên giới Armenia với Thổ Nhĩ Kỳ và Iran.", "vi"),
    ("Российские пограничники останутся на границе Армении с Турцией и Ираном.", "ru"),
    ("Ռուսական սահմանապահները կմնան Թուրքիայի և Իրանի հետ սահմանին։", "hy"),
])
def test_language(text, language):
    assert detect_language(text)[0] == language


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_languages(path):
    expected = "en" if path.name[:3] in ("003", "004") else "vi"
    assert detect_language(path.read_text(encoding="utf-8"))[0] == expected


def test_sentences_are_slices_of_the_file_and_respect_abbreviations():
    text = ("Date: 2024-05-09\nOutlet: Reuters\n\nArmenia asked the guards to leave from Aug. 1. "
            '"In autumn 2020, our troops were deployed." Peskov said so.\n')
    header, offset = split_header(text)
    assert header == {"date": "2024-05-09", "outlet": "Reuters"}
    found = sentences(text, offset)
    assert [s.text for s in found] == [
        "Armenia asked the guards to leave from Aug. 1.",
        '"In autumn 2020, our troops were deployed."', "Peskov said so."]
    assert all(text[s.start:s.start + len(s.text)] == s.text for s in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Войска ушли, говорится в заявлении.Позже стало известно, что 300 военных остались.",
     ["Войска ушли, говорится в заявлении.", "Позже стало известно, что 300 военных остались."]),
    ("Les soldats sont partis hier.Selon le ministère, 80 restent.",
     ["Les soldats sont partis hier.", "Selon le ministère, 80 restent."]),
    ("The U.S.Army and the site example.com stayed.", ["The U.S.Army and the site example.com "
                                                       "stayed."]),
])
def test_a_full_stop_that_lost_its_space_still_ends_a_sentence(text, expected):
    assert [s.text for s in sentences(text)] == expected


# -- places -------------------------------------------------------------------------------

def place_keys(finder, text: str, *, usable: bool = False) -> list[str]:
    return [t.key for m in finder.find(one_sentence(text)) if m.usable or not usable
            for t in m.targets]


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian troops left Vayots Dzor on Monday.", ["AM-VD"]),
    ("Quân đội Nga rút khỏi tỉnh Vayots Dzor.", ["AM-VD"]),
    ("Border guards were deployed in Vayots' Dzor and Siunik.", ["AM-VD", "AM-SU"]),
    ("Lực lượng biên phòng Nga sẽ vẫn ở biên giới Armenia với Thổ Nhĩ Kỳ và Iran.",
     ["border:AM-TR", "border:AM-IR"]),
    ("Luc luong bien phong Nga se van o bien gioi Armenia voi Tho Nhi Ky va Iran.",
     ["border:AM-TR", "border:AM-IR"]),
    ("Российские миротворцы покинули Нагорный Карабах.", ["region:nagorno-karabakh"]),
    ("They stay on the Armenian-Turkish and Armenian-Iranian border.",
     ["border:AM-TR", "border:AM-IR"]),
    ("Lính biên phòng Nga rút khỏi sân bay chính của đất nước ở thủ đô Yerevan.",
     ["airport:UDYZ"]),
    ("Biên phòng Nga được triển khai ở biên giới phía Đông Nam và Tây Nam của Armenia.",
     ["border:AM-AZ@AM-SU", "border:AM-NX"]),
    ("Russian troops remain at the 102nd base in Gyumri.", ["base:102-gyumri"]),
    ("5.000 quân đóng tại căn cứ quân sự số 102 ở Gyumri.", ["base:102-gyumri"]),
])
def test_places_multiword_diacritics_languages(finder, text, expected):
    assert place_keys(finder, text, usable=True) == expected


@pytest.mark.parametrize(("text", "not_a_place"), [
    ("Foreign Minister Ararat Mirzoyan said Russian troops left Tavush.", "AM-AR"),
    ("Ararat Mirzoyan said the border guards would withdraw from Tavush.", "AM-AR"),
    ("Thủ tướng Armenia Nikol Pashinyan cho biết quân đội Nga rút khỏi Tavush.", "Nikol"),
    ("Hãng tin Sputnik Armenia cho biết lính Nga rút khỏi Syunik.", "AM"),
    ("The Sputnik Armenia news service said troops left Syunik.", "AM"),
])
def test_people_and_outlets_are_not_places(finder, text, not_a_place):
    mentions = finder.find(one_sentence(text))
    keys = [t.key for m in mentions for t in m.targets]
    assert not_a_place not in keys
    assert not any(m.text.startswith(("Ararat M", "Nikol", "Sputnik")) for m in mentions)
    assert any(m.usable for m in mentions)  # the real place is still found


def test_a_government_is_not_a_place(finder):
    mentions = finder.find(one_sentence(
        "Putin agreed to withdraw Russian forces at Yerevan's request."))
    yerevan = next(m for m in mentions if m.text.startswith("Yerevan"))
    assert not yerevan.usable and "government" in yerevan.problem


def test_near_a_place_is_not_in_it(finder):
    assert place_keys(finder, "Lính Nga xuất hiện gần Nagorno-Karabakh.", usable=True) == []


# -- events and dates ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "event"), [
    ("Russian border guards were deployed in Syunik.", "deployed"),
    ("Some 2,000 Russian peacekeepers have already withdrawn from the Nagorno-Karabakh area.",
     "withdrawn"),
    ("According to the agreement, the Russian border guards in Tavush will withdraw.",
     "withdrawal_agreed"),
    ("Armenia has asked Moscow to withdraw the border guards deployed at Zvartnots.",
     "withdrawal_requested"),
    ("Russian border guards will however remain on Armenia's borders with Turkey.", "remains"),
    ("Armenia không có kế hoạch yêu cầu lực lượng Nga rút khỏi căn cứ ở Gyumri.", "remains"),
    ("Russian troops handed over the checkpoint to Armenian border guards.", "handed_over"),
    ("Tổng thống Putin đã đồng ý rút lực lượng Nga khỏi Tavush.", "withdrawal_agreed"),
])
def test_events(text, event):
    sentence = one_sentence(text)
    clause = clauses(sentence)[-1]
    trigger = main_trigger([t for t in find_triggers(sentence)
                            if clause[0] <= t.start < clause[1]])
    assert classify(sentence, clause, trigger).name == event


@pytest.mark.parametrize(("text", "expected"), [
    ("Hãng tin Interfax hôm 9/5 cho biết", "2024-05-09"),
    ("Peskov was cited on Thursday as saying", "2024-05-09"),
    ("at a meeting in Moscow on Wednesday", "2024-05-08"),
    ("leave their posts from Aug. 1.", "2024-08-01"),
    ("rút khỏi sân bay từ ngày 1/8.", "2024-08-01"),
    ("giành kiểm soát từ tháng 9 năm ngoái.", "2023-09"),
    ("which Azerbaijan returned by force in September last year", "2023-09"),
    ("a lightning offensive launched by Baku in September", "2023-09"),
    ("In autumn 2020, our troops were deployed", "~2020-09-01..2020-11-30"),
    ("Vào mùa thu năm 2020, quân đội đã được triển khai", "~2020-09-01..2020-11-30"),
    ("đạt thỏa thuận từ năm 1992", "1992"),
    ("May 9, 2024", "2024-05-09"),
])
def test_dates_relative_to_the_article(text, expected):
    found = find_dates(text)
    assert found, text
    assert str(found[-1].resolve(ARTICLE_DAY)) == expected


def test_date_cues():
    until, since = find_dates("từ năm 1992 ... cho đến năm 2044")
    assert (since.cue, until.cue) == ("from", "until") or (until.cue, since.cue) == (
        "from", "until")


# -- the articles' own dates -----------------------------------------------------------------

def test_seed_dates_are_inferred_and_explained(draft):
    by_name = {a.path.name[:3]: a.published for a in draft.articles}
    for name in ("000", "003", "004"):
        assert by_name[name].date.earliest == ARTICLE_DAY
        assert not by_name[name].weak and by_name[name].how == "inferred"
    assert "Thursday" in by_name["004"].note and "same story" in by_name["004"].note
    assert by_name["002"].date.earliest == dt.date(2023, 11, 23)
    # 001 names no year after 2010: the year is a guess, and says so.
    assert by_name["001"].weak and "gives no year" in by_name["001"].note


def test_given_dates_win(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Date: 2024-05-09\nOutlet: Test Wire\n\nRussian border guards will "
                       "leave Zvartnots airport from Aug. 1.\n", encoding="utf-8")
    draft = extract_articles([article])
    assert draft.articles[0].published.how == "header"
    assert draft.articles[0].outlet == "Test Wire"
    assert str(draft.records[0].end) == "2024-08-01"
    draft = extract_articles([article], published={"a.txt": "2023-05-09"})
    assert draft.articles[0].published.how == "option"
    assert str(draft.records[0].end) == "2023-08-01"
    with pytest.raises(BadArgument):
        extract_articles([article], published={"*": "9 May"})


# -- records ------------------------------------------------------------------------------

def test_no_invented_places(draft, finder):
    """Every record's place is named in its quote, and its quote is in its article."""
    texts = {a.source: " ".join(a.path.read_text(encoding="utf-8").split())
             for a in draft.articles}
    assert draft.records
    for record in draft.records:
        assert record.quote in texts[record.source]
        assert record.mention in record.quote
        found = {t.key for m in finder.find(one_sentence(record.quote)) for t in m.targets}
        assert record.target.key in found, (record.id, record.mention)


def test_records_carry_confidence_and_the_unused_sentences_say_why(draft):
    assert all(0 < r.confidence <= 1 and r.why for r in draft.records)
    directional = [r for r in draft.records if r.target.key == "border:AM-NX"]
    named = [r for r in draft.records if r.target.key == "AM-VD"]
    assert max(r.confidence for r in directional) < min(r.confidence for r in named)
    reasons = {u.quote[:30]: u.reason for u in draft.unused}
    assert any("whole country" in r for r in reasons.values())
    assert any("no border line" in r for r in reasons.values())


def test_draft_document_is_the_scenario_format_plus_review_keys(draft):
    document = draft_to_scenario_document(draft, review=True)
    assert {"forces", "sources", "presences", "views", "articles", "unused"} <= set(document)
    presence = document["presences"][0]
    assert {"confidence", "article", "mention", "citations", "location_precision"} <= set(
        presence)
    json.dumps(document, ensure_ascii=False)  # serialisable as is


# -- the seed story, merged ---------------------------------------------------------------

def test_merged_seeds_give_the_hand_written_change(draft):
    timeline, report = timeline_from_draft(draft)
    found = changes(timeline)
    expected = changes(Timeline.load())
    assert found["withdrawn"] >= {"AM-TV", "AM-SU", "AM-VD", "AM-GR", "AM-AR", "airport:UDYZ",
                                  "region:nagorno-karabakh"}
    assert found["remained"] == {"border:AM-TR", "border:AM-IR", "base:102-gyumri"}
    # Including the south-east (Syunik) and south-west (Nakhchivan) border lines, whose end
    # comes from the withdrawal from the provinces that contain them.
    assert found == expected
    assert any("contain this place" in note for note in report.inferred_ends.values())


def test_scenario_from_articles_next_to_the_articles(tmp_path):
    for path in SEED_FILES:
        shutil.copy(path, tmp_path / path.name)
    timeline, report = scenario_from_articles(tmp_path)
    assert changes(timeline) == changes(Timeline.load())
    assert report.used and not report.dropped
    # The document written next to the articles loads on its own, with relative paths.
    draft = extract_articles(sorted(tmp_path.glob("*.txt")))
    document = draft_to_scenario_document(draft, relative_to=tmp_path)
    assert all("confidence" not in p and "article" not in p for p in document["presences"])
    assert all(s["file"] == Path(s["file"]).name for s in document["sources"])
    path = tmp_path / "story.yaml"
    path.write_text(dump_yaml(document), encoding="utf-8")
    assert len(load_scenario(path).presences) == len(document["presences"])


def test_an_end_the_article_cannot_date_is_left_to_review(tmp_path):
    article = tmp_path / "undated.txt"
    article.write_text("Russian border guards will leave Tavush by September.\n"
                       "Russian troops remain at the 102nd base in Gyumri.\n", encoding="utf-8")
    draft = extract_articles([article])
    assert draft.articles[0].published.how == "unknown"
    timeline, report = timeline_from_draft(draft)
    assert {p.place.id for p in timeline.scenario.presences} == {"base:102-gyumri"}
    assert any("no date" in reason for _, reason in report.dropped)
    dated = extract_articles([article], published={"*": "2024-05-09"})
    assert str(next(r for r in dated.records if r.target.key == "AM-TV").end) == "2024-09"


def test_threshold_drops_records(draft):
    strict = draft_to_scenario_document(draft, threshold=0.85)
    loose = draft_to_scenario_document(draft, threshold=0.5)
    assert 0 < len(strict["presences"]) < len(loose["presences"])
    with pytest.raises(UserInputError):
        timeline_from_draft(draft, threshold=0.99)


def test_precision_and_recall_per_article(draft):
    scores = {s.article[:3]: s for s in score_articles(draft)}
    assert scores["002"].precision == scores["002"].recall == 1.0
    assert scores["003"].recall == 1.0 and scores["003"].precision >= 0.8
    assert all(s.precision >= 0.75 for s in scores.values())


# -- command line -------------------------------------------------------------------------

def run_extract(*argv: str) -> int:
    from geo.commands import extract

    parser = argparse.ArgumentParser()
    extract.register(parser.add_subparsers(dest="command"))
    arguments = parser.parse_args(["extract", *argv])
    return arguments.run(arguments)


def test_cli_yaml_and_json(capsys):
    files = [str(SEEDS / "003_b867ea8f7cc554b5.txt")]
    assert run_extract(*files) == 0
    document = yaml.safe_load(capsys.readouterr().out)
    assert document["presences"] and document["articles"][0]["published_how"] == "inferred"
    assert run_extract(*files, "--format", "json", "--published", "2024-05-09",
                       "--outlet", "RFE/RL") == 0
    captured = capsys.readouterr()
    document = json.loads(captured.out)
    assert document["sources"][0]["outlet"] == "RFE/RL"
    assert document["sources"][0]["published"] == "2024-05-09"
    assert "record(s)" in captured.err


@pytest.mark.parametrize(("argv", "error"), [
    (["missing.txt"], UserInputError),
    ([str(SEED_FILES[0]), "--published", "May 9"], BadArgument),
    ([str(SEED_FILES[0]), "--published", "2024-05"], BadArgument),
    ([str(SEED_FILES[0]), "--country", "Armenia"], BadArgument),
])
def test_cli_bad_input(argv, error):
    with pytest.raises(error):
        run_extract(*argv)


def test_a_name_repeated_in_a_sentence_gives_one_record(tmp_path):
    article = tmp_path / "repeated.txt"
    article.write_text("Date: 2024-05-09\n\nRussian border guards left "
                       + ", ".join(["Syunik"] * 600) + " in May 2024.\n", encoding="utf-8")
    draft = extract_articles([article])
    assert len(draft.records) == 1 and draft.records[0].target.name == "Syunik"


def test_records_of_one_sentence_are_capped_with_a_note(tmp_path):
    from geo.extract.records import MAX_RECORDS_PER_SENTENCE
    from geo.gazetteer.boundaries import read_layer

    towns = sorted({r["name"] for r in read_layer("places")
                    if r.get("country") == "AM" and r["kind"] == "city"
                    and r["name"].isalpha()})[:MAX_RECORDS_PER_SENTENCE + 15]
    article = tmp_path / "list.txt"
    article.write_text("Date: 2024-05-09\n\nRussian troops left " + ", ".join(towns)
                       + " in May 2024.\n", encoding="utf-8")
    draft = extract_articles([article])
    assert len(draft.records) == MAX_RECORDS_PER_SENTENCE
    assert any("more than" in u.reason and "split the sentence" in u.reason
               for u in draft.unused)


@pytest.mark.parametrize("text", [
    "About 300 Indian soldiers left Gan airport in the Maldives on May 10.",
    "Khoảng 300 binh sĩ Ấn Độ đã rời sân bay Gan ở Maldives hôm 10/5.",
])
def test_a_force_of_any_country_keeps_its_nationality(tmp_path, text):
    """Nationality words of every country (demonyms, Vietnamese country names), not only
    the curated eight: Indian troops are Indian, never borrowed from another force."""
    article = tmp_path / "a.txt"
    article.write_text(f"Date: 2024-05-10\nOutlet: Test Wire\n\n{text}\n", encoding="utf-8")
    draft = extract_articles([article], country="MV")
    assert [(r.force.country, r.force.type, r.target.key) for r in draft.records] == [
        ("IN", "army", "airport:VRMG")]
    assert draft.records[0].force.names["en"] == "Indian troops"


def test_a_withdrawal_in_stages_ends_with_its_last_departure(tmp_path):
    """Two articles date two departures from one country: the force is there until the
    later one, not gone after the first (a phased withdrawal)."""
    first = tmp_path / "first.txt"
    first.write_text("Date: 2025-01-12\n\nBelgian troops withdrew from Mali on 11 January "
                     "2025, handing over their first camp.\n", encoding="utf-8")
    last = tmp_path / "last.txt"
    last.write_text("Date: 2025-02-01\n\nThe last Belgian troops withdrew from Mali on 30 "
                    "January 2025.\n", encoding="utf-8")
    draft = extract_articles([first, last])
    timeline, _ = timeline_from_draft(draft)
    ends = {str(p.end) for p in timeline.scenario.presences
            if p.force.startswith("be") and p.place.id == "ML"}
    assert ends == {"2025-01-30"}, [(p.force, p.place.id, str(p.end))
                                    for p in timeline.scenario.presences]
