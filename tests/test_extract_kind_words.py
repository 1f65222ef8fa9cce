"""Words that say what kind of place a name is: a port is a town, not the province or
country of that name; describing words may stand between ("cảng dân sự X"); the airport of
a town is the one listed for it; the second half of a hyphenated word is no name.

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


@pytest.mark.parametrize("text", [
    "Two Turkish warships docked at the Hambantota Port on Sunday.",
    "Two Turkish warships docked at the commercial port of Hambantota on Sunday.",
    "Hai tàu chiến Thổ Nhĩ Kỳ hôm 9/3 cập cảng dân sự Hambantota.",
    "Hai tàu chiến Thổ Nhĩ Kỳ hôm 9/3 cập cảng thương mại Hambantota.",
])
def test_a_port_is_the_town_not_its_province(tmp_path, text):
    # GeoNames has a town and Sri Lanka's ISO 3166-2 a district named Hambantota; bare,
    # the name is the district.
    records = _records(tmp_path, text)
    assert [(r.force.country, r.target.kind, r.target.country) for r in records] == [
        ("TR", "city", "LK")], [(r.force.country, r.target.key, r.mention) for r in records]


def test_the_port_of_a_country_named_after_its_capital_is_the_town():
    gazetteer = Gazetteer(country="DJ")
    assert gazetteer.candidates("Djibouti")[0].kind == "country"
    assert gazetteer.candidates("port of Djibouti")[0].kind == "city"
    assert gazetteer.candidates("cảng Djibouti")[0].kind == "city"


@pytest.mark.parametrize("name", ["Port Sudan", "Port Harcourt", "Port-au-Prince",
                                  "Port Moresby", "Port Blair"])
def test_a_town_named_port_keeps_its_name(name):
    place = Gazetteer(country="AM").candidates(name)[0]
    assert place.kind == "city" and place.name == name


def test_a_town_s_airport_is_the_one_listed_for_it():
    # airportsdata lists Almaty International (UAAA) for Almaty; the Boralday airfield
    # (UAAR), nearer the centre of Almaty by GeoNames, under "Aima Ata".
    gazetteer = Gazetteer(country="KZ")
    assert gazetteer.candidates("Almaty airport")[0].id == "airport:UAAA"
    assert gazetteer.candidates("аэропорт Алматы")[0].id == "airport:UAAA"


def test_the_second_half_of_a_hyphenated_word_is_no_name(tmp_path):
    # "Major" is a village in Romania (GeoNames); "État-Major" is the general staff
    records = _records(tmp_path, "Le chef d'État-Major des armées a annoncé le retrait "
                                 "des soldats belges du Bénin.")
    assert [(r.force.country, r.target.key) for r in records] == [("BE", "BJ")], [
        (r.target.key, r.mention) for r in records]


def test_two_named_halves_both_count(tmp_path):
    records = _records(tmp_path, "Turkish troops were deployed along the Kirkuk-Erbil "
                                 "road last week.")
    assert {r.target.kind for r in records} <= {"city", "province"}
    assert len(records) >= 1, records


@pytest.mark.parametrize(("text", "event"), [
    # words describing the kind word stand between the cue and the name as "the" does
    ("Turkish troops left a small airfield near the coastal town of Zuwara.", "withdrawn"),
    ("Турецкие военные прибыли в портовый город Зуару.", "deployed"),
])
def test_words_describing_a_town_stand_between_cue_and_name(tmp_path, text, event):
    # Zuwara, Libya: GeoNames 2208425
    found = {(r.force.country, r.target.key, r.event) for r in _records(tmp_path, text)}
    assert ("TR", "geonames:2208425", event) in found, found


def test_a_number_of_is_no_description(tmp_path):
    # "a number of Iranian towns" names no town: "Iranian" (among Iran's other names in
    # data/curated/names.yaml) stays a nationality here, no place
    found = _records(tmp_path, "Turkish troops were deployed to a number of Iranian towns.")
    assert not [r for r in found if r.target.country == "IR" and r.target.kind == "country"], [
        (r.force.country, r.target.key) for r in found]
