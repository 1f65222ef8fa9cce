"""What an article says is still to come is no fact of its day: a next step ("il s'agira
de rendre les clés", "la prochaine étape consiste à quitter", "следующим шагом",
"the next step is to"), a hand-over that will happen, and a deadline without a year a few
weeks after the article (this year's, not last year's). Also: presence since a date
("have been on X since"), a force "from the United Arab Emirates", Russian "redeploy".

The sentences are written for these tests, about places the annotated set does not use.
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles


def _records(tmp_path, text: str, date: str = "2025-03-10"):
    article = tmp_path / "article.txt"
    article.write_text(f"Date: {date}\n\n" + text, encoding="utf-8")
    return extract_articles([article]).records


def _day(date) -> str:
    """The first day of a record's date (a FuzzyDate), ISO."""
    return date.earliest.isoformat()


def _events(records) -> list[tuple[str, str]]:
    return [(r.force.country, r.event) for r in records]


@pytest.mark.parametrize("text", [
    "Pour les soldats belges, il s'agira ensuite de rendre le camp de Tessalit.",
    "La prochaine étape pour les soldats belges consiste à quitter Tessalit.",
    "The next step for the Belgian troops is to leave Tessalit.",
    "Belgian troops will hand over the Tessalit camp to the Malian army.",
])
def test_a_next_step_is_agreed_not_done(tmp_path, text):
    records = _records(tmp_path, text)
    leaving = [r for r in records if r.force.country in ("BE", "FR")]
    assert leaving and all(r.event == "withdrawal_agreed" for r in leaving), [
        (r.force.country, r.target.key, r.event, r.trigger) for r in records]


def test_a_hand_over_with_no_plan_word_is_done(tmp_path):
    records = _records(tmp_path, "Belgian troops handed over the Tessalit camp on Monday.")
    assert ("BE", "handed_over") in _events(records)


def test_a_deadline_weeks_ahead_is_this_years(tmp_path):
    # an article of 13 January: "31 janvier" is in 18 days, not 11 months ago
    records = _records(tmp_path, "Le retrait total des soldats belges de Tessalit est fixé "
                                 "au 31 janvier.", date="2025-01-13")
    assert [(r.event, _day(r.end)) for r in records] == [("withdrawal_agreed", "2025-01-31")]


def test_a_day_just_past_stays_in_the_past(tmp_path):
    records = _records(tmp_path, "Les soldats belges ont quitté Tessalit le 20 décembre.",
                       date="2025-01-13")
    assert [(r.event, _day(r.end)) for r in records] == [("withdrawn", "2024-12-20")]


def test_presence_since_a_date(tmp_path):
    records = _records(tmp_path, "Belgian troops have been in Tessalit since May 2019.")
    assert [(r.force.country, r.event, _day(r.start), r.start.precision) for r in records] == [
        ("BE", "deployed", "2019-05-01", "month")]


def test_a_force_from_a_country_named_with_its_article(tmp_path):
    records = _records(tmp_path, "Military forces from the United Arab Emirates have "
                                 "deployed to Berbera.")
    assert [r.force.country for r in records] == ["AE"]


def test_russian_redeploy_is_an_arrival(tmp_path):
    records = _records(tmp_path, "Российские военные передислоцируются в Тессалит из Гао.")
    events = {(r.mention, r.event) for r in records}
    assert ("Тессалит", "deployed") in events, events
