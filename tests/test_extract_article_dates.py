"""An article's date read from its text when no header gives it: a date with its year
that is the past (a lower bound, not the article's day), a deadline, an event named by
its date ("9/11").

The texts are written for these tests, about places the annotated set does not use.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import extract_articles
from geo.extract.article_dates import find_dates


def _published(tmp_path, text: str):
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    return extract_articles([article]).articles[0].published


@pytest.mark.parametrize("text", [
    # this year's days go without their year; the one with its year is history
    "Quân đội Ý đã rời căn cứ Abeche hôm 2/7 (thứ Sáu). Căn cứ được xây sau vụ tấn công "
    "ngày 14/3/2008.",
    "Italian troops left the Abeche base on July 2, a Friday. The base was built after "
    "the attack of March 14, 2008.",
])
def test_a_full_date_of_the_past_is_not_the_article_s_day(tmp_path, text):
    published = _published(tmp_path, text)
    assert published.date is not None
    assert (published.date.earliest.month, published.date.earliest.day) == (7, 2), (
        published.note)
    assert published.date.earliest >= dt.date(2008, 3, 14)


@pytest.mark.parametrize("text", [
    "Les soldats italiens ont quitté le 2 juillet la base d'Abéché. Rome avait fixé "
    "la date du 11 septembre pour le départ de tous ses soldats du Tchad. Le ministère l'a "
    "confirmé en 2021.",
    "Les soldats italiens ont quitté le 2 juillet la base d'Abéché; tous les autres "
    "partiront d'ici le 11 septembre. Le ministère l'a confirmé en 2021.",
])
def test_a_deadline_is_not_the_article_s_day(tmp_path, text):
    published = _published(tmp_path, text)
    assert published.date is not None
    assert published.date.earliest.isoformat() == "2021-07-02", published.note


@pytest.mark.parametrize(("text", "days"), [
    ("Troops came after the 9/11 attacks on May 3.", [(3, 5)]),
    ("Since 9/11 the base has grown.", []),
    ("Ngày 9/11, quân đội rút khỏi căn cứ.", [(9, 11)]),  # 9 November
])
def test_9_11_names_an_event_not_a_day(text, days):
    assert [(d.day, d.month) for d in find_dates(text)] == days


@pytest.mark.parametrize(("text", "end"), [
    ("Kenyan troops intervened in Somalia in Oct. 2011 and withdrew by Dec. 2014.", "2014-12"),
    ("Les soldats kényans ont quitté Kismayo le 15 déc. 2014.", "2014-12-15"),
    ("Кенийские военные ушли из Кисмайо в дек. 2014 г.", "2014-12"),
])
def test_abbreviated_months_date_the_event(tmp_path, text, end):
    article = tmp_path / "a.txt"
    article.write_text("Date: 2015-03-01\n\n" + text, encoding="utf-8")
    records = extract_articles([article]).records
    assert [str(r.end) for r in records if r.event == "withdrawn"] == [end], [
        (r.event, r.start, r.end, r.mention) for r in records]


@pytest.mark.parametrize("text, cue", [
    ("must leave by May", "until"), ("until March the troops", "until"),
    ("since March the troops", "from"), ("last May", None),
])
def test_a_month_pattern_that_keeps_its_lead_word_has_its_cue(text, cue):
    from geo.extract.article_dates import find_dates

    assert [d.cue for d in find_dates(text)] == [cue]


@pytest.mark.parametrize(("text", "end"), [
    # a month's name after a French or Russian word is a date, as after "in" ("en août",
    # "в августе"); before, these withdrawals were dated by the article alone
    ("Les soldats kényans ont quitté Kismayo en août.", "2014-08"),
    ("Кенийские военные ушли из Кисмайо в августе.", "2014-08"),
    ("Kenyan troops left Kismayo in August.", "2014-08"),
])
def test_a_month_after_its_word_dates_the_event(tmp_path, text, end):
    article = tmp_path / "a.txt"
    article.write_text("Date: 2015-03-01\n\n" + text, encoding="utf-8")
    records = extract_articles([article]).records
    assert [str(r.end) for r in records if r.event == "withdrawn"] == [end], [
        (r.event, r.start, r.end, r.mention) for r in records]


@pytest.mark.parametrize(("text", "cue"), [
    ("depuis mars", "from"), ("jusqu'en juin", "until"), ("с марта", "from"),
    ("до мая", "until"), ("en août", "on"),
])
def test_french_and_russian_month_words_have_their_cue(text, cue):
    from geo.extract.article_dates import find_dates

    assert [d.cue for d in find_dates(text)] == [cue]


def test_a_header_under_the_headline_is_the_header(tmp_path):
    """"Headline", then "Date:" and "URL:" lines: the date and the outlet are read from them,
    and the "URL:" line is no sentence to quote (it was, with the outlet unnamed)."""
    article = tmp_path / "a.txt"
    article.write_text("Italian troops leave Misrata\nDate: 2025-03-10\n"
                       "URL: https://www.example.org/news/italy-misrata\n\n"
                       "Italian troops left Misrata on Thursday.\n", encoding="utf-8")
    draft = extract_articles([article])
    assert draft.articles[0].outlet == "example.org"
    assert [r.quote for r in draft.records if r.end and str(r.end) == "2025-03-06"] == [
        "Italian troops left Misrata on Thursday."]
    assert not any("URL" in r.quote for r in draft.records)
    assert not any("URL" in u.quote for u in draft.unused)
