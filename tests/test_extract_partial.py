"""When only part of a force leaves ("part of the troops", "une partie des soldats", "часть
военных", "một phần binh sĩ"), the rest stays: the record is a stay, not an end of the
presence. The whole force leaving, or a number of soldiers, is still a withdrawal.

The sentences are written for these tests, about places the annotated set does not use.
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles


def _records(tmp_path, text: str):
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return extract_articles([article]).records


def _events(records) -> list[tuple[str, str, str]]:
    return [(r.force.country, r.target.country, r.event) for r in records]


@pytest.mark.parametrize("text", [
    "Part of the Italian troops left Herat on Monday.",
    "Some of the 800 Italian soldiers withdrew from Herat last week.",
    "Half of its Italian troops will leave Herat by June.",
    "Une partie des soldats italiens a quitté Herat lundi.",
    "La moitié des 800 militaires italiens ont quitté Herat.",
    "Часть итальянских военных покинула Герат в понедельник.",
    "Một phần binh sĩ Italy đã rút khỏi Herat hôm thứ Hai.",
    "Một số binh sĩ Italy đã rời Herat hôm thứ Hai.",
])
def test_part_of_a_force_leaving_leaves_the_rest(tmp_path, text):
    records = _records(tmp_path, text)
    assert _events(records) == [("IT", "AF", "remains")], [
        (r.force.country, r.target.key, r.event, r.trigger) for r in records]
    assert "only part of the force leaves: the rest stays" in records[0].why


@pytest.mark.parametrize("text", [
    "The Italian troops left Herat on Monday.",
    "Some 800 Italian soldiers withdrew from Herat last week.",
    "Les soldats italiens ont quitté Herat lundi.",
    "Итальянские военные покинули Герат в понедельник.",
    "Binh sĩ Italy đã rút khỏi Herat hôm thứ Hai.",
])
def test_a_whole_force_or_a_number_still_leaves(tmp_path, text):
    # "some 800" is about 800, not a part
    assert _events(_records(tmp_path, text)) == [("IT", "AF", "withdrawn")]


def test_the_noun_partie_is_no_leaving_verb(tmp_path):
    # "partie" is also "left" (elle est partie): not in "une partie des", "fait partie"
    records = _records(tmp_path, "Les soldats italiens, qui font partie de la mission, "
                                 "sont déployés à Herat.")
    assert _events(records) == [("IT", "AF", "deployed")]
    assert all(r.trigger != "partie" for r in records)


def test_where_the_part_goes_it_arrives(tmp_path):
    records = _records(tmp_path, "Part of the Italian troops moved from Herat to Kabul "
                                 "on Monday.")
    events = {(r.target.key.startswith("geonames:") and r.mention, r.event) for r in records}
    assert ("Kabul", "deployed") in events and ("Herat", "remains") in events, events


@pytest.mark.parametrize("text", [
    "Une première unité de 150 soldats italiens a quitté Herat lundi.",
    "The first contingent of 150 Italian soldiers left Herat on Monday.",
    "Первая группа итальянских военных покинула Герат в понедельник.",
])
def test_a_first_group_leaving_leaves_the_rest(tmp_path, text):
    assert _events(_records(tmp_path, text)) == [("IT", "AF", "remains")]


@pytest.mark.parametrize("text", [
    "Italy is withdrawing its troops from a military base in Afghanistan.",
    "Италия выводит свои войска с военной базы в Афганистане.",
])
def test_leaving_one_site_of_a_country_is_no_end_there(tmp_path, text):
    assert _events(_records(tmp_path, text)) == [("IT", "AF", "remains")]


def test_leaving_a_country_is_still_an_end(tmp_path):
    assert _events(_records(tmp_path, "Italian troops left Afghanistan on Monday.")) == [
        ("IT", "AF", "withdrawn")]


def test_a_hand_over_then_some_staying_leaves_the_presence_open(tmp_path):
    # "handed over the camp ... only about a hundred will stay": part of the force stays
    from geo.extract.merge import draft_to_scenario_document

    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-02-20\n\nItalian troops handed over the Herat camp to the "
                       "Afghan army on Thursday. Only about a hundred Italian soldiers will "
                       "stay in Herat to train Afghan troops.", encoding="utf-8")
    document = draft_to_scenario_document(extract_articles([article]))
    italian = [p for p in document["presences"] if p["force"].startswith("it-")]
    assert italian and all(p["end"] is None for p in italian), italian
    assert any("says it stays after it" in p["notes"] for p in italian)


def test_staying_before_a_later_withdrawal_does_not_undo_it(tmp_path):
    from geo.extract.merge import draft_to_scenario_document

    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text("Date: 2025-01-10\n\nItalian troops will stay in Herat.", encoding="utf-8")
    second.write_text("Date: 2025-03-10\n\nItalian troops left Herat on 3 March 2025.",
                      encoding="utf-8")
    document = draft_to_scenario_document(extract_articles([first, second]))
    ends = [p["end"] for p in document["presences"] if p["force"].startswith("it-")]
    assert ends == ["2025-03-03"], document["presences"]
