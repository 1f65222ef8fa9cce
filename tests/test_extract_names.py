"""Place names as articles write them: a name the story's country shares with a town
abroad, the Arabic article left out, marks inside a longer name, half of a hyphenated name,
and a kind word before "of"/"de" ("la base d'Abéché").

The sentences are written for these tests, about places the annotated set does not use.
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles
from geo.gazetteer.lookup import Gazetteer


def _records(tmp_path, text: str):
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return extract_articles([article]).records


def _places(records) -> list[tuple[str, str]]:
    return [(r.target.key, r.target.country) for r in records]


@pytest.mark.parametrize(("text", "place"), [
    # each name is also a town's name abroad (Russia, Iran, India): the text names the
    # country of the base
    ("Американские военные покинули Манас в Киргизии.", "base:manas"),
    ("Chinese troops arrived at Shahbaz in Pakistan.", "base:shahbaz"),
    ("Les soldats américains ont quitté Tindal, en Australie.", "base:raaf-tindal"),
    ("Des soldats espagnols sont arrivés à Ämari, en Estonie.", "base:amari"),
])
def test_a_base_of_the_named_country_beats_a_town_abroad(tmp_path, text, place):
    records = _records(tmp_path, text)
    assert [r.target.key for r in records] == [place], _places(records)


@pytest.mark.parametrize(("country", "name", "expected"), [
    ("IQ", "Anbar", "IQ"),   # Al-Anbar; Ambar is in Turkey
    ("AE", "Ain", "AE"),     # Al Ain; Ain is a French department
    ("FR", "Ain", "FR"),
])
def test_the_arabic_article_may_be_left_out(country, name, expected):
    assert Gazetteer(country=country).resolve(name).country == expected


def test_an_arabic_name_without_its_article_in_an_article(tmp_path):
    records = _records(tmp_path, "US troops withdrew from Anbar in Iraq.")
    assert ("IQ-AN", "IQ") in _places(records), _places(records)


def test_marks_inside_a_longer_name_are_the_name_s(tmp_path):
    # "Rzeszów-Jasionka logistics hub": the words with their marks are part of its name
    records = _records(tmp_path, "Des soldats américains sont stationnés à Rzeszów-Jasionka.")
    assert [r.target.key for r in records] == ["base:rzeszow-jasionka"], _places(records)


@pytest.mark.parametrize("text", [
    "Французские военные покинули Порт-Жантиль.",
    "Les soldats tchadiens ont quitté Bol-Ngoura hier.",
])
def test_half_of_a_hyphenated_name_is_no_place(tmp_path, text):
    # "Порт" alone is Porto in Portugal, "Bol" a town of Chad: neither is meant
    records = _records(tmp_path, text)
    assert not [r for r in records if r.target.country in ("PT", "TD")], _places(records)


@pytest.mark.parametrize("text", [
    "Les soldats français ont quitté la base d'Abéché.",
    "US troops left the base of Abeche.",
])
def test_a_kind_word_before_of_names_the_kind(tmp_path, text):
    # Abéché is a town and a base: "the base of" asks for the base
    records = _records(tmp_path, text)
    assert [r.target.key for r in records] == ["base:abeche"], _places(records)


@pytest.mark.parametrize(("text", "place"), [
    ("Американские военные прибыли на остров Окинава.", "island:okinawa"),
    # a Russian case form ("на Итурупе") is read through the name's stem
    ("На Итурупе размещена российская пулеметно-артиллерийская дивизия.", "island:iturup"),
    ("Des soldats américains sont arrivés sur l’île de Socotra.", "island:socotra"),
    ("US Marines deployed to Ishigaki island.", "island:ishigaki"),
])
def test_an_island_named_with_or_without_its_word(tmp_path, text, place):
    records = _records(tmp_path, text)
    assert [r.target.key for r in records] == [place], _places(records)


@pytest.mark.parametrize("text", [
    "French troops left N'Djaména on Monday.",
    "Les soldats français ont quitté N’Djaména lundi.",
    "Les soldats français ont quitté Abéché lundi.",
])
def test_an_accent_the_data_lacks_still_names_the_place(tmp_path, text):
    # GeoNames writes N'Djamena and Abeche; French news write the accents
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    records = extract_articles([article]).records
    assert [(r.force.country, r.target.country, r.event) for r in records] == [
        ("FR", "TD", "withdrawn")]


def test_vietnamese_marks_still_tell_words_from_names(tmp_path):
    # "Hãng" (a firm) is no "Hang"; the mark check stays for Vietnamese sentences
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\nHãng tin Reuters cho biết binh sĩ Pháp đã rút "
                       "khỏi N'Djamena.", encoding="utf-8")
    records = extract_articles([article]).records
    assert [r.mention for r in records] == ["N'Djamena"]


@pytest.mark.parametrize(("text", "expected"), [
    # "Solomons" is the Solomon Islands' short name, not Solomons, Maryland
    ("Aussie-led force arrives in Solomons.", ("AU", "SB")),
    ("Around 100 Kiwi troops will remain in the Solomons.", ("NZ", "SB")),
])
def test_short_country_names_and_colloquial_demonyms(tmp_path, text, expected):
    records = _records(tmp_path, text)
    assert [(r.force.country, r.target.key) for r in records] == [expected]


def test_a_site_s_kind_word_alone_is_no_town(tmp_path):
    """"Camp" is a village's other name in England (GeoNames); "le Camp X" is a camp."""
    assert _records(tmp_path, "Les soldats belges ont quitté le Camp Bila Zagré à "
                    "Kamboincin.") == []
    records = _records(tmp_path, "US troops left Camp Lemonnier in Djibouti.")
    assert [r.target.key for r in records] == ["base:camp-lemonnier"]
