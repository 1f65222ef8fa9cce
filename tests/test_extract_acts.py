"""An act named by a noun: the nationality with it makes the force ("the Italian
withdrawal", "Italy's withdrawal", "le départ de l'Italie", "Уход Италии", "sự hiện diện của
Italy"), though no force word is written, and a verb after the noun that says "will"
("will be completed", "sẽ hoàn tất", "sera achevé", "завершится") makes it an act to come.
Part-of-month dates in French and Russian ("mi-septembre", "fin mars 2024", "в середине
сентября") date it. Before this, the first six gave no record, and the last four were
withdrawals done (the Vietnamese one in September of the year before).

The sentences are written for these tests, about a country the annotated set does not use
(Libya, ISO LY; Italy, IT), in an article of 2025-03-10.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import extract_articles
from geo.extract.article_dates import find_dates


def _records(tmp_path, text: str) -> list:
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return extract_articles([article]).records


@pytest.mark.parametrize("text", [
    "The Italian withdrawal from Libya was completed on Thursday.",
    "The withdrawal of Italy from Libya was completed on Thursday.",
    "Italy's withdrawal from Libya was completed on Thursday.",
    "Le départ de l'Italie de Libye a été achevé jeudi.",
    "Уход Италии из Ливии завершился в четверг.",
    "Le retrait italien de Libye a été achevé jeudi.",
])
def test_a_nationality_with_an_act_s_noun_is_a_force(tmp_path, text):
    records = _records(tmp_path, text)
    assert [(r.force.country, r.target.key, r.event) for r in records] == [
        ("IT", "LY", "withdrawn")], records
    assert records[0].end.earliest == dt.date(2025, 3, 6), records[0].end


@pytest.mark.parametrize(("text", "month"), [
    ("The Italian withdrawal from Libya will be completed by mid-September.", 9),
    ("Việc rút quân của Italy khỏi Libya sẽ hoàn tất vào giữa tháng 9.", 9),
    ("Le retrait italien de Libye sera achevé à la mi-septembre.", 9),
    ("Вывод итальянского контингента из Ливии завершится в середине сентября.", 9),
])
def test_an_act_s_noun_with_a_verb_to_come_is_planned(tmp_path, text, month):
    records = _records(tmp_path, text)
    assert [(r.force.country, r.target.key, r.event) for r in records] == [
        ("IT", "LY", "withdrawal_agreed")], records
    assert (records[0].end.earliest.year, records[0].end.earliest.month) == (2025, month)


def test_an_act_s_noun_with_a_force_word_is_one_force(tmp_path):
    records = _records(tmp_path, "The withdrawal of Italian troops from Libya was "
                                 "completed on Thursday.")
    assert [(r.force.country, r.force.type, r.target.key) for r in records] == [
        ("IT", "army", "LY")]


@pytest.mark.parametrize(("text", "expected"), [
    ("à la mi-septembre", ("mi-septembre", None, 9, 11)),
    ("fin mars 2024", ("fin mars 2024", 2024, 3, 21)),
    ("début de juin", ("début de juin", None, 6, 1)),
    ("в середине сентября", ("середине сентября", None, 9, 11)),
    ("в конце мая 2023 года", ("конце мая 2023 года", 2023, 5, 21)),
])
def test_parts_of_a_month_in_french_and_russian(text, expected):
    found = find_dates(text)
    assert [(d.text, d.year, d.month, d.part[0]) for d in found] == [expected]
