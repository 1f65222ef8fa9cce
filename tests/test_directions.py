"""Directional parts of a country ("northern Syria", "le nord du Mali", "miền bắc Syria"),
computed from the country outline. Reference points are towns' coordinates from public
gazetteers (GeoNames), never deploymap's output."""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from geo import Gazetteer, PlaceNotFound

# (lat, lon) from GeoNames
ALEPPO, DAMASCUS, QAMISHLI = (36.2021, 37.1343), (33.5102, 36.2913), (37.0522, 41.2317)
KAPAN, GYUMRI = (39.2076, 46.4057), (40.7894, 43.8475)
KIDAL, BAMAKO, TOMBOUCTOU = (18.4411, 1.4078), (12.6500, -8.0000), (16.7735, -3.0074)
AGADEZ, NIAMEY = (16.9733, 7.9911), (13.5137, 2.1098)


def inside(place, lat_lon) -> bool:
    return place.geometry.contains(Point(lat_lon[1], lat_lon[0]))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(country="SY", countries=["AM", "ML", "NE"])


@pytest.mark.parametrize("phrase, inside_point, outside_point", [
    ("northern Syria", ALEPPO, DAMASCUS),
    ("the north of Syria", QAMISHLI, DAMASCUS),
    ("Syria's north", ALEPPO, DAMASCUS),
    ("north-east Syria", QAMISHLI, ALEPPO),
    ("miền bắc Syria", ALEPPO, DAMASCUS),
    ("на севере Сирии", QAMISHLI, DAMASCUS),
    ("северо-восток Сирии", QAMISHLI, ALEPPO),
    ("юг Армении", KAPAN, GYUMRI),
    ("phía đông bắc Syria", QAMISHLI, DAMASCUS),
    ("south-east Armenia", KAPAN, GYUMRI),
    ("đông nam Armenia", KAPAN, GYUMRI),
    ("le nord du Mali", KIDAL, BAMAKO),
    ("dans le nord-est du Mali", KIDAL, BAMAKO),
    ("central Mali", TOMBOUCTOU, BAMAKO),
    ("northern Niger", AGADEZ, NIAMEY),
    ("nord du Niger", AGADEZ, NIAMEY),
])
def test_a_directional_part_holds_its_towns(gazetteer, phrase, inside_point, outside_point):
    part = gazetteer.resolve(phrase)
    assert part.kind == "region" and part.approximate and part.note.startswith("computed: the ")
    assert inside(part, inside_point), phrase
    assert not inside(part, outside_point), phrase


def test_a_part_is_inside_its_country_and_has_an_id(gazetteer):
    part = gazetteer.resolve("northern Syria")
    country = gazetteer.get("SY")
    assert part.id == "part:SY-north" and part.country == "SY"
    assert country.geometry.buffer(1e-9).contains(part.geometry)
    assert 0.4 < part.geometry.area / country.geometry.area < 0.8
    assert gazetteer.get("part:SY-north").geometry.equals(part.geometry)
    assert gazetteer.resolve("part:SY-north").id == "part:SY-north"


@pytest.mark.parametrize("name, country_id", [
    ("North Macedonia", "MK"), ("South Sudan", "SS"), ("South Africa", "ZA"),
    ("North Korea", "KP")])
def test_countries_named_for_a_direction_stay_countries(gazetteer, name, country_id):
    assert gazetteer.resolve(name).id == country_id


def test_a_part_of_no_country_is_an_error(gazetteer):
    with pytest.raises(PlaceNotFound):
        gazetteer.resolve("northern Atlantisland")


@pytest.mark.parametrize("phrase, border", [
    ("граница Сирии с Турцией", "border:SY-TR"), ("сирийско-турецкая граница", "border:SY-TR"),
    ("граница Мали и Нигера", "border:ML-NE"), ("la frontière entre la Syrie et la Turquie",
                                                "border:SY-TR")])
def test_russian_and_french_country_names_make_border_phrases(gazetteer, phrase, border):
    """Short country names from CLDR ("Сирия", not only ISO's "Сирийская Арабская
    Республика") let the Russian and French phrases name any pair."""
    assert gazetteer.resolve(phrase).id == border


# (lat, lon) from GeoNames
WICHITA, ANCHORAGE, HONOLULU = (37.6922, -97.3375), (61.2181, -149.9003), (21.3069, -157.8583)
MARSEILLE, CAYENNE = (43.2965, 5.3698), (4.9333, -52.3333)
JAYAPURA, MEDAN = (-2.5337, 140.7181), (3.5833, 98.6667)


@pytest.mark.parametrize("part, inside_point, outside_points", [
    # Alaska's Aleutians cross the 180th meridian: the whole extent's middle third was sea
    ("part:US-central", WICHITA, [ANCHORAGE, HONOLULU]),
    ("part:FR-south", MARSEILLE, [CAYENNE]),
    # a chain of islands is one land: the east of Indonesia is Papua's side, not Sumatra's
    ("part:ID-east", JAYAPURA, [MEDAN]),
])
def test_a_part_is_of_the_main_land(gazetteer, part, inside_point, outside_points):
    place = gazetteer.get(part)
    assert not place.geometry.is_empty
    assert inside(place, inside_point)
    assert not any(inside(place, point) for point in outside_points)


@pytest.mark.parametrize("name", ["Trung Mỹ", "Nam Mỹ", "Bắc Mỹ"])
def test_vietnamese_names_of_the_americas_are_no_parts_of_the_united_states(name):
    # "Trung Mỹ" is Central America; the central US is "miền trung nước Mỹ"
    gazetteer = Gazetteer(country="PA")
    assert not [p.id for p in gazetteer.candidates(name) if p.id.startswith("part:US")]
    assert gazetteer.candidates("miền nam nước Mỹ")[0].id == "part:US-south"
