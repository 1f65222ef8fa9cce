"""A withdrawal between two countries with no place named: one country's forces, the other
country the place ("Chad asked France to withdraw its troops").

The sentences are written for these tests, about countries the annotated set does not use
for such a frame.
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles


def _records(tmp_path, text: str):
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return extract_articles([article]).records


@pytest.mark.parametrize(("text", "force", "host", "event"), [
    ("Djibouti asked Japan to withdraw its troops.", "JP", "DJ", "withdrawal_requested"),
    ("Japan agreed with Djibouti on the withdrawal of Japanese troops.", "JP", "DJ",
     "withdrawal_agreed"),
    ("Djibouti and Japan agreed on the withdrawal of Japanese troops.", "JP", "DJ",
     "withdrawal_agreed"),
    ("Le Gabon a exigé de la Belgique le retrait de ses troupes.", "BE", "GA",
     "withdrawal_requested"),
    ("Габон потребовал от Бельгии вывести войска.", "BE", "GA", "withdrawal_requested"),
    ("Gabon yêu cầu Bỉ rút quân.", "BE", "GA", "withdrawal_requested"),
])
def test_the_other_country_is_the_host(tmp_path, text, force, host, event):
    records = _records(tmp_path, text)
    assert [(r.force.country, r.target.key, r.event) for r in records] == [
        (force, host, event)], [(r.force.id, r.target.key, r.event) for r in records]


@pytest.mark.parametrize(("text", "force", "host", "event"), [
    ("Djibouti's president demanded that the Japanese troops be withdrawn by May.",
     "JP", "DJ", "withdrawal_requested"),
    ("Le Gabon a demandé que les soldats belges quittent le pays.", "BE", "GA",
     "withdrawal_requested"),
])
def test_the_one_country_that_asks_is_the_host(tmp_path, text, force, host, event):
    records = _records(tmp_path, text)
    assert (force, host, event) in {(r.force.country, r.target.key, r.event)
                                    for r in records}, \
        [(r.force.id, r.target.key, r.event) for r in records]


@pytest.mark.parametrize("text", [
    # one country that neither asks nor agrees: not the host
    "Belgium welcomed the withdrawal of Japanese troops.",
    # whose troops? The country nearest the verb is only a party to the agreement
    "Габон договорился с Бельгией о выводе войск.",
    # three countries: which one hosts is not said
    "Gabon, Benin and Belgium agreed on the withdrawal of Belgian troops.",
    # the country told is no country asked: whose troops, not said by the frame
    "Belgium informed Gabon that it would reduce its troops.",
])
def test_no_host_when_the_sentence_does_not_say(tmp_path, text):
    assert _records(tmp_path, text) == []


def test_the_deadline_of_a_withdrawal_asked_for_is_ahead(tmp_path):
    # the article is of 10 March 2025: "by May" is May 2025, not May 2024
    records = _records(tmp_path, "Djibouti's president demanded that the Japanese troops "
                                 "be withdrawn by May.")
    assert [str(r.end) for r in records if r.event == "withdrawal_requested"] == ["2025-05"]


@pytest.mark.parametrize(("text", "force"), [
    # "Washington" is also a US state, which a story may read the name as
    ("Washington agreed to withdraw its troops from Djibouti.", "US"),
    ("Tokyo decided to withdraw its troops from Djibouti.", "JP"),
])
def test_a_capital_before_the_verb_is_its_country(tmp_path, text, force):
    records = _records(tmp_path, text)
    assert [(r.force.country, r.target.key) for r in records] == [(force, "DJ")], \
        [(r.force.id, r.target.key) for r in records]


@pytest.mark.parametrize("text", [
    "Le Tchad a demandé le départ des soldats français. La France dispose d'un délai d'un "
    "mois pour achever le retrait de ses soldats.",
    "Chad asked French troops to leave. France plans to withdraw its soldiers within a "
    "month.",
])
def test_a_planned_withdrawal_named_with_its_own_country_is_from_the_story_s(tmp_path, text):
    """The second sentence names only France: its withdrawal is from the story's Chad."""
    article = tmp_path / "article.txt"
    article.write_text("Date: 2024-12-02\n\n" + text, encoding="utf-8")
    found = {(r.sentence, r.force.country, r.target.key, r.event)
             for r in extract_articles([article]).records}
    assert (1, "FR", "TD", "withdrawal_agreed") in found, found


def test_a_withdrawal_done_from_unnamed_areas_is_no_country_s(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Date: 2024-12-02\n\nQuân Nga đã triển khai tại Ukraine. Tại những khu "
                       "vực quân Nga vừa rút đi, xác xe tăng nằm rải rác.", encoding="utf-8")
    found = {(r.force.country, r.target.key, r.event)
             for r in extract_articles([article]).records}
    assert ("RU", "UA", "withdrawn") not in found, found
