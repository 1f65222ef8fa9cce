"""The world gazetteer: provinces, borders, airports, bases and towns of any country.

Reference values come from the independent set in tests/data/refset/ (GeoNames, airportsdata,
Wikipedia coordinates, CIA World Factbook border lengths; see its README), never from
deploymap's output.
"""

from __future__ import annotations

import pytest

from bench.refset import check_border, check_place, continent_of, rows
from geo.errors import PlaceNotFound
from geo.gazetteer import Gazetteer

#: The share of reference rows the gazetteer must get right, per split; a drop below these
#: floors is a regression. Measured on 2026-12-04: places 91.7% (tune), 87.1% (holdout) and
#: 67.9% on the fresh rows gathered after that tuning and never tuned to; borders 64.7%,
#: 38.1% and 46.7%. (`python -m bench.refset --misses` lists the tune and holdout misses.)
PLACE_FLOOR = {"tune": 0.88, "holdout": 0.83, "fresh": 0.62}
BORDER_FLOOR = {"tune": 0.6, "holdout": 0.33, "fresh": 0.4}


@pytest.fixture(scope="module")
def place_outcomes(gazetteer_for):
    return [check_place(gazetteer_for, r) for r in rows("places")]


@pytest.fixture(scope="module")
def border_outcomes(gazetteer_for):
    return [check_border(gazetteer_for, r) for r in rows("borders")]


@pytest.mark.parametrize("split", ["tune", "holdout", "fresh"])
def test_reference_places_resolve_within_tolerance(place_outcomes, split: str) -> None:
    outcomes = [o for o in place_outcomes if o.row["split"] == split]
    good = sum(o.ok for o in outcomes)
    assert len({o.row["country"] for o in outcomes}) >= 40
    assert good / len(outcomes) >= PLACE_FLOOR[split], sum(not o.ok for o in outcomes)


@pytest.mark.parametrize("split", ["tune", "holdout", "fresh"])
def test_reference_border_lengths(border_outcomes, split: str) -> None:
    outcomes = [o for o in border_outcomes if o.row["split"] == split]
    good = sum(o.ok for o in outcomes)
    assert good / len(outcomes) >= BORDER_FLOOR[split], sum(not o.ok for o in outcomes)


def test_four_hundred_places_in_forty_countries_on_every_continent(place_outcomes) -> None:
    """The issue's bar: 400 places within tolerance, 40 countries, every inhabited
    continent (towns 10 km, airports and bases 5 km, polygons containing the point)."""
    good = [o.row for o in place_outcomes if o.ok]
    continents = continent_of()
    assert len(good) >= 400
    assert len({r["country"] for r in good}) >= 40
    assert {continents[r["country"]] for r in good} >= {"AF", "AS", "EU", "NA", "OC", "SA"}
    assert {r["kind"] for r in good} == {"town", "province", "region", "airport", "base"}


def test_twenty_border_pairs_within_fifteen_percent(border_outcomes) -> None:
    pairs = {tuple(sorted((o.row["country_a"], o.row["country_b"]))) for o in border_outcomes
             if o.ok and float(o.row["length_km"]) > 0}
    assert len(pairs) >= 20, sorted(pairs)


@pytest.mark.parametrize(("query", "country", "expected"), [
    ("Tillabéri", "NE", "NE-6"), ("région de Tillabéri", "NE", "NE-6"),
    ("Ouaddaï", "TD", "TD-OD"), ("Borkou", "TD", "TD-BO"),
    ("Dakar region", "SN", "SN-DK"), ("Latakia province", "SY", "SY-LA"),
    ("tỉnh Latakia", "SY", "SY-LA"), ("Kars Province", "TR", "TR-36"),
    ("Niamey airport", "NE", "airport:DRRN"), ("sân bay Niamey", "NE", "airport:DRRN"),
    ("Hmeimim air base", "SY", "base:hmeimim"),
    ("the Mali-Niger border", "ML", "border:ML-NE"),
    ("Syria's border with Turkey", "SY", "border:SY-TR"),
    ("the Syrian-Turkish border", "SY", "border:SY-TR"),
    ("Azerbaijan's border with Iran", "AZ", "border:AZ-IR"),
    ("Turkey-Georgia border", "TR", "border:GE-TR"),
    ("la frontière entre le Mali et le Niger", "ML", "border:ML-NE"),
    ("граница России и Украины", "RU", "border:RU-UA"),
])
def test_issue_examples(query: str, country: str, expected: str) -> None:
    assert Gazetteer(country=country).resolve(query).id == expected


def test_codes_match_only_as_codes() -> None:
    gazetteer = Gazetteer(country="ML")
    gao = gazetteer.resolve("Gao")
    assert gao.country == "ML"  # not Guantánamo through its IATA code "GAO"
    assert gazetteer.resolve("GAO").id.startswith("airport:")
    assert gazetteer.resolve("DRRN").id == "airport:DRRN"


@pytest.mark.parametrize(("query", "expected"), [
    # ISO 3166 writes these back to front ("Iran, Islamic Republic of"); news write them
    # the other way round
    ("Islamic Republic of Iran", "IR"), ("United Republic of Tanzania", "TZ"),
    ("Democratic Republic of the Congo", "CD"), ("Republic of Moldova", "MD"),
    ("Bolivarian Republic of Venezuela", "VE"), ("British Virgin Islands", "VG"),
    # a country's abbreviation that is also an airport's code is the country
    ("RDC", "CD"), ("DRC", "CD"),
])
def test_country_names_as_the_news_write_them(query: str, expected: str) -> None:
    assert Gazetteer(country="FR").resolve(query).id == expected


@pytest.mark.parametrize(("query", "expected"), [
    # CLDR's names of the cities time zones are named after (GeoNames ids: Pyongyang
    # 1871859, Brussels 2800866, Havana 3553478, Ho Chi Minh City 1566083, Helsinki 658225),
    # names GeoNames' short alternate lists lack
    ("Bình Nhưỡng", "geonames:1871859"), ("Брюссель", "geonames:2800866"),
    ("Bruxelles", "geonames:2800866"), ("La Havane", "geonames:3553478"),
    ("TP Hồ Chí Minh", "geonames:1566083"), ("Хошимин", "geonames:1566083"),
    ("Хельсинки", "geonames:658225"),
])
def test_big_cities_have_their_names_in_the_news_languages(query: str, expected: str) -> None:
    assert Gazetteer(country="FR").resolve(query).id == expected


@pytest.mark.parametrize(("query", "expected"), [
    # a capital's word with its country's name, short name or adjective is that country's
    # capital (GeoNames: Honiara 2108502, Tripoli 2210247, Bamako 2460596), never a town
    # named like the country (Solomons, Maryland; Solomon, Kansas; Mali, Guinea)
    ("the Solomons capital", "geonames:2108502"), ("Solomon Islands capital", "geonames:2108502"),
    ("Mali capital", "geonames:2460596"), ("capitale du Mali", "geonames:2460596"),
    ("capitale libyenne", "geonames:2210247"), ("столицу Ливии", "geonames:2210247"),
    ("thủ đô của Libya", "geonames:2210247"),
])
def test_a_countrys_capital_by_its_word(query: str, expected: str) -> None:
    assert Gazetteer(country="FR").resolve(query).id == expected


def test_a_kind_word_never_returns_another_kind() -> None:
    gazetteer = Gazetteer(country="NE")
    with pytest.raises(PlaceNotFound, match=r"no airport named 'Ayorou airport'.*known as"):
        gazetteer.resolve("Ayorou airport")


def test_a_pair_without_a_land_border_is_refused() -> None:
    with pytest.raises(PlaceNotFound, match="Armenia and Russia share no land border"):
        Gazetteer(country="AM").resolve("Armenia-Russia border")


def test_a_far_match_carries_a_warning() -> None:
    place = Gazetteer(country="SY").resolve("Sariwon")
    assert place.country == "KP"
    assert "km from the story's countries (SY)" in place.warning
    assert not Gazetteer(country="KP").resolve("Sariwon").warning


def test_story_countries_all_win() -> None:
    gazetteer = Gazetteer(country="FR", countries=["ML", "NE", "TD"])
    assert gazetteer.countries == ("FR", "ML", "NE", "TD")
    assert gazetteer.resolve("Gao").country == "ML"
    assert not gazetteer.resolve("Abéché").warning


def test_sarrin_is_never_another_town() -> None:
    """'Sarrin' (Syria) once gave Sariwŏn (North Korea); it is not in the data, and a name
    of three consonants must not reach Suran (Hama) either."""
    try:
        place = Gazetteer(country="SY").resolve("Sarrin")
    except PlaceNotFound:
        return
    if place.country == "SY":
        assert place.id != "geonames:163915"
    else:
        assert "from the story's countries" in place.warning  # never silently abroad


@pytest.mark.parametrize("country", ["SY", "AM", "ML"])
def test_mid_never_resolves_far_away_in_silence(country: str) -> None:
    """'Mid' (as in 'mid-December') once gave Mérida, Mexico, without a word."""
    try:
        place = Gazetteer(country=country).resolve("Mid")
    except PlaceNotFound:
        return
    assert place.country == country or "from the story's countries" in place.warning


@pytest.mark.parametrize(("query", "expected"), [
    ("the island of Luzon", "island:luzon"), ("l'île de Sicile", "island:sicily"),
    ("остров Сахалин", "island:sakhalin"), ("đảo Phú Quốc", "island:phuquoc"),
    ("Okinawa Island", "island:okinawa"), ("Okinawa-jima", "island:okinawa"),
    ("Diego Garcia", "island:diegogarcia"), ("Soqotra", "island:socotra"),
    ("Gotland island", "island:gotland"), ("Isle of Youth", "island:juventud"),
])
def test_islands_answer_with_or_without_the_word_island(query: str, expected: str) -> None:
    assert Gazetteer().resolve(query).id == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("Gotland", "province"),  # the county is the island (geo.gazetteer.islands)
    ("Hainan", "province"),
    ("Sakhalin", "province"),
    ("Zanzibar", "island"),   # a big city abroad of the name comes after the island
    ("Zanzibar city", "city"),  # unless the name says "city"
    ("Sicilia", "island"),    # Agrigento's alternate name: a province that is no island
    ("Corsica", "island"),    # Haute-Corse holds half of it only
])
def test_a_province_holding_the_island_wins_the_island_beats_a_town(query: str,
                                                                     expected: str) -> None:
    assert Gazetteer().resolve(query).kind == expected


@pytest.mark.parametrize(("story", "query", "country"), [
    # a spelling variant of a village at home does not beat a capital's exact name
    ("AM", "Tallinn", "EE"),   # Talin, Armenia
    ("SY", "Tallinn", "EE"),   # Tālīn, Syria
    # nor does an old or other name of a village at home
    ("UA", "Paris", "FR"),     # Veselyy Kut, once Paris
    ("UA", "Hamburg", "DE"),   # Pryamobalka
    ("IQ", "Riyadh", "SA"),    # Ar Riyāḑ, Iraq
    # ... while the story's own places keep their names
    ("AM", "Talin", "AM"),
    ("UA", "Odessa", "UA"),    # not Odessa, Texas
    ("UA", "Kyiv", "UA"),
])
def test_a_big_place_abroad_before_a_village_a_variant_matches(story: str, query: str,
                                                                 country: str) -> None:
    assert Gazetteer(country=story).resolve(query).country == country


def test_kyiv_in_a_ukrainian_story_is_still_the_province_first() -> None:
    assert Gazetteer(country="UA").resolve("Kyiv").id == "UA-32"
