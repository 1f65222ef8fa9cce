"""Gazetteer behaviour: languages, ambiguity rules, border phrases, errors."""

from __future__ import annotations

import pytest

from geo import BadArgument, Gazetteer, PlaceNotFound


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("Syunik'", "AM-SU"), ("Siunik", "AM-SU"), ("Сюник", "AM-SU"), ("Սյունիք", "AM-SU"),
        ("tỉnh Syunik", "AM-SU"), ("Syunik Province", "AM-SU"), ("SYUNIK MARZ", "AM-SU"),
        ("Vayots' Dzor", "AM-VD"), ("Вайоц Дзор", "AM-VD"), ("Գեղարքունիք", "AM-GR"),
        ("Gruzia", "GE"), ("Грузия", "GE"), ("Türkiye", "TR"), ("Turkey", "TR"),
        ("Zvartnots", "airport:UDYZ"), ("Звартноц", "airport:UDYZ"),
        ("sân bay Zvartnots", "airport:UDYZ"), ("Yerevan airport", "airport:UDYZ"),
        ("Leninakan", "geonames:616635"), ("Гюмри", "geonames:616635"),
        ("Artsakh", "region:nagorno-karabakh"), ("Нагорный Карабах", "region:nagorno-karabakh"),
        ("Nakhichevan", "region:nakhchivan"), ("Lake Sevan", "lake:sevan"),
        ("AM-SU", "AM-SU"), ("border:AM-IR", "border:AM-IR"),
    ],
)
def test_names_in_every_language(gazetteer: Gazetteer, name: str, place_id: str) -> None:
    assert gazetteer.resolve(name).id == place_id


@pytest.mark.parametrize(
    ("phrase", "parts"),
    [
        ("Armenia's border with Turkey", ("border:AM-TR",)),
        ("the border with Iran", ("border:AM-IR",)),
        ("Armenia–Georgia border", ("border:AM-GE",)),
        ("the Armenian-Azerbaijani border", ("border:AM-AZ",)),
        ("border between Armenia and Nakhchivan", ("border:AM-NX",)),
        ("biên giới Armenia với Thổ Nhĩ Kỳ và Iran", ("border:AM-TR", "border:AM-IR")),
        ("Armenia's borders with Turkey and Iran", ("border:AM-TR", "border:AM-IR")),
        ("Armenian-Turkish and Armenian-Iranian border", ("border:AM-TR", "border:AM-IR")),
        ("армяно-турецкой границе", ("border:AM-TR",)),
    ],
)
def test_border_phrases(gazetteer: Gazetteer, phrase: str, parts: tuple[str, ...]) -> None:
    place = gazetteer.resolve(phrase)
    assert place.kind == "border"
    assert (place.parts or (place.id,)) == parts
    assert place.geometry.geom_type in ("LineString", "MultiLineString")


def test_composite_border_is_the_union_of_its_parts(gazetteer: Gazetteer) -> None:
    both = gazetteer.resolve("Armenia's borders with Turkey and Iran").geometry
    turkey = gazetteer.get("border:AM-TR").geometry
    iran = gazetteer.get("border:AM-IR").geometry
    assert abs(both.length - (turkey.length + iran.length)) < 1e-9


def test_a_province_beats_towns_of_the_same_name_and_says_so(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Ararat")
    assert place.id == "AM-AR" and place.kind == "province"
    assert place.ambiguous
    others = [gazetteer.get(i) for i in place.chosen_from]
    assert others and all(o.kind == "city" for o in others)
    assert "geonames:174991" in place.chosen_from  # the town of Ararat


def test_armavir_is_armenian_before_russian(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Armavir")
    assert (place.id, place.country) == ("AM-AV", "AM")
    russian = gazetteer.resolve("Armavir", within="RU")
    assert russian.country == "RU" and russian.kind == "city"
    assert russian.id in place.chosen_from


def test_story_country_decides(gazetteer: Gazetteer) -> None:
    russian_story = Gazetteer(country="RU")
    assert russian_story.resolve("Armavir", kind="city").country == "RU"
    assert gazetteer.resolve("Armavir", kind="city").country == "AM"


def test_kind_hint_from_the_wording(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("the town of Ararat").id == "geonames:174991"
    assert gazetteer.resolve("Ararat province").id == "AM-AR"


def test_kind_filter_and_within(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Ararat", kind="city").id == "geonames:174991"
    inside = gazetteer.resolve("Agarak", within="AM-SU")
    assert gazetteer.get("AM-SU").geometry.contains(inside.geometry)
    with pytest.raises(PlaceNotFound, match="fits kind='airport'"):
        gazetteer.resolve("Ararat", kind="airport", within="AM")  # Ararat Airport is in AU


def test_unambiguous_names_are_not_flagged(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Vayots Dzor").chosen_from == ()


@pytest.mark.parametrize(
    ("typo", "expected"),
    [("Syunk", "AM-SU"), ("Gegarkunk", "AM-GR"), ("Tavuch", "AM-TV"), ("Zvartnotz", "airport:UDYZ"),
     ("Nagorno Karabkh", "region:nagorno-karabakh"), ("Gyumir", "geonames:616635")],
)
def test_misspelt_names_fail_with_suggestions(gazetteer: Gazetteer, typo: str,
                                              expected: str) -> None:
    with pytest.raises(PlaceNotFound) as caught:
        gazetteer.resolve(typo)
    assert caught.value.query == typo
    assert any(expected in s for s in caught.value.suggestions[:3])
    assert repr(typo) in str(caught.value)


def test_unknown_name_error_is_a_lookup_error(gazetteer: Gazetteer) -> None:
    with pytest.raises(LookupError, match="unknown place name 'Qwxzv'"):
        gazetteer.resolve("Qwxzv")


def test_border_with_no_line_in_the_data(gazetteer: Gazetteer) -> None:
    with pytest.raises(PlaceNotFound, match="Armenia and Russia share no land border"):
        gazetteer.resolve("Armenia's border with Russia")


def test_bad_arguments(gazetteer: Gazetteer) -> None:
    with pytest.raises(BadArgument):
        gazetteer.resolve("  ")
    with pytest.raises(BadArgument, match="unknown kind"):
        gazetteer.candidates("Syunik", kind="planet")


def test_candidates_lists_every_meaning_best_first(gazetteer: Gazetteer) -> None:
    found = gazetteer.candidates("Ararat")
    assert found[0].id == "AM-AR"
    assert {"geonames:174991", "geonames:174992"} <= {p.id for p in found}
    assert gazetteer.candidates("Qwxzv") == []


def test_place_feature_is_geojson(gazetteer: Gazetteer) -> None:
    feature = gazetteer.resolve("Zvartnots").to_feature(query="Zvartnots")
    assert feature["geometry"] == {"type": "Point", "coordinates": (44.3959, 40.1473)}
    assert feature["properties"]["query"] == "Zvartnots"
    assert feature["properties"]["kind"] == "airport"


@pytest.mark.parametrize(
    ("name", "kind", "place_id"),
    [("Sevan", None, "geonames:616250"), ("Sevan", "lake", "lake:sevan"),
     ("Lake Sevan", None, "lake:sevan"), ("озеро Севан", None, "lake:sevan"),
     ("hồ Sevan", None, "lake:sevan"), ("Սևանա լիճ", None, "lake:sevan"),
     ("Aras", None, "river:aras"), ("Araks river", None, "river:aras"),
     ("sông Aras", None, "river:aras"), ("Margara crossing", None, "checkpoint:margara"),
     ("Gyumri", "airport", "airport:UDSG"), ("Erebuni", "airport", "airport:UDYE")],
)
def test_natural_features_and_kinds_found_by_their_bare_names(
    gazetteer: Gazetteer, name: str, kind: str | None, place_id: str
) -> None:
    assert gazetteer.resolve(name, kind=kind).id == place_id


def test_the_town_of_sevan_says_the_lake_was_a_candidate(gazetteer: Gazetteer) -> None:
    assert "lake:sevan" in gazetteer.resolve("Sevan").chosen_from


@pytest.mark.parametrize(
    ("phrase", "border"),
    [("граница Армении с Турцией", "border:AM-TR"), ("армяно-турецкая граница", "border:AM-TR"),
     ("армяно-иранской границе", "border:AM-IR")],
)
def test_russian_border_phrases(gazetteer: Gazetteer, phrase: str, border: str) -> None:
    assert gazetteer.resolve(phrase).id == border


def test_place_comma_country(gazetteer: Gazetteer) -> None:
    # Abroad a big city outranks the province of its name; the province when asked.
    assert gazetteer.resolve("Minsk, Belarus").id == "geonames:625144"
    assert gazetteer.resolve("Minsk region, Belarus").id == "BY-MI"
    assert gazetteer.resolve("Geneva, Thụy Sĩ").id == "geonames:2660646"


def test_ids_ignore_case_and_obey_filters(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("am-su").id == "AM-SU"
    with pytest.raises(PlaceNotFound, match="fits kind='city'"):
        gazetteer.resolve("AM-SU", kind="city")
    with pytest.raises(PlaceNotFound, match="unknown place id 'geonames:999999999'"):
        gazetteer.resolve("geonames:999999999")


def test_html_tags_are_not_part_of_a_name(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("<b>Syunik</b>").id == "AM-SU"


def test_a_list_of_names_gets_a_hint(gazetteer: Gazetteer) -> None:
    with pytest.raises(PlaceNotFound, match="give each one as its own argument"):
        gazetteer.resolve("Tavush, Syunik, Vayots Dzor, Gegharkunik, and Ararat")


def test_long_names_are_cut_short_in_messages(gazetteer: Gazetteer) -> None:
    with pytest.raises(PlaceNotFound) as caught:
        gazetteer.resolve("x" * 5000)
    assert len(str(caught.value)) < 400


def test_bad_country_codes(gazetteer: Gazetteer) -> None:
    with pytest.raises(BadArgument, match="unknown country code 'XX'"):
        gazetteer.resolve("Dilijan", within="XX")
    with pytest.raises(BadArgument, match="unknown country code 'zz'"):
        Gazetteer(country="zz")


def test_countries_across_the_antimeridian_stay_whole(gazetteer: Gazetteer) -> None:
    for code in ("RU", "FJ"):
        geometry = gazetteer.get(code).geometry
        assert all(p.bounds[2] - p.bounds[0] < 180 for p in getattr(geometry, "geoms", [geometry]))
    point = gazetteer.get("RU").geometry.representative_point()
    assert 60 < point.x < 140 and 50 < point.y < 75  # in Russia, not in Arctic Canada


def test_a_kind_word_asks_for_the_island_or_the_town() -> None:
    world = Gazetteer(country="TZ")
    assert world.resolve("Pemba Island").id == "island:pemba"
    assert world.resolve("Zanzibar").kind == "island"
    assert world.resolve("Zanzibar", kind="city").id == "geonames:148730"
    assert world.resolve("Diego Garcia base").id == "base:diego-garcia"
