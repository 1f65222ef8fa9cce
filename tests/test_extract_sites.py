"""Sites a sentence names loosely: a town a force is "near" (a country or province it is
near is outside it), and "the camp" meaning the camp named before.

The sentences are written for these tests, about places the annotated set does not use.
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles


def _records(tmp_path, text: str):
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return extract_articles([article]).records


@pytest.mark.parametrize(("text", "kind"), [
    ("Egyptian troops set up a camp near Kassala last year.", "city"),
    ("Binh sĩ Ai Cập đã được triển khai tới một khu vực gần Kassala.", "city"),
    ("Египетские военные разместились неподалеку от Кассалы.", "city"),
    ("Les soldats égyptiens sont déployés non loin de Kassala.", "city"),
])
def test_near_a_town_is_at_the_town(tmp_path, text, kind):
    records = _records(tmp_path, text)
    assert [(r.force.country, r.target.kind) for r in records] == [("EG", kind)], [
        (r.force.country, r.target.key, r.mention) for r in records]


@pytest.mark.parametrize("text", [
    "Egyptian troops were deployed near Sudan.",
    "Egyptian troops were deployed near the Kassala region.",
])
def test_near_a_country_or_province_is_not_in_it(tmp_path, text):
    records = _records(tmp_path, text)
    assert not [r for r in records if r.target.country == "SD"], [
        (r.target.key, r.mention) for r in records]


@pytest.mark.parametrize(("text", "event"), [
    ("Egyptian troops arrived at the Camp Lemonnier base. The troops left the camp on "
     "Monday.", "withdrawn"),
    ("Les soldats égyptiens sont arrivés au camp Lemonnier. Une centaine de soldats "
     "égyptiens restent encore dans le camp.", "remains"),
])
def test_the_camp_is_the_camp_named_before(tmp_path, text, event):
    records = _records(tmp_path, text)
    assert any(r.target.kind == "base" and r.event == event and r.sentence == 1
               for r in records), [(r.target.key, r.event, r.sentence) for r in records]


@pytest.mark.parametrize(("text", "expected"), [
    ("The roughly 2,500 Italian troops in Lebanon face new attacks.", ("IT", "LB")),
    ("Lực lượng của Italy tại Liban đang chờ lệnh mới.", ("IT", "LB")),
    ("Les 1 000 soldats italiens au Liban attendent de nouveaux ordres.", ("IT", "LB")),
    ("Итальянские военные в Ливане ждут новых приказов.", ("IT", "LB")),
])
def test_a_force_named_at_a_place_without_a_verb_is_there(tmp_path, text, expected):
    """No verb, but the force is said to be at the place: a stay, scored lower."""
    records = _records(tmp_path, text)
    stays = [r for r in records if (r.force.country, r.target.country) == expected]
    assert stays and all(r.event == "remains" and 0.5 <= r.confidence < 0.85
                         and "no verb: the force is named at the place" in r.why
                         for r in stays), [(r.force.id, r.target.key, r.event) for r in records]


@pytest.mark.parametrize("text", [
    "Italian troops from Lebanon face new attacks.",  # where they come from
    "Italian officials in Lebanon met the minister.",  # no force
])
def test_a_force_from_a_place_or_no_force_is_no_stay(tmp_path, text):
    assert not _records(tmp_path, text)


@pytest.mark.parametrize("text", [
    "Egyptian troops arrived at the Adji Kossei air base. About 80 Egyptian soldiers will "
    "stay on site.",
    "Des soldats égyptiens sont arrivés à la base d'Adji Kossei. Environ 80 militaires "
    "égyptiens resteront sur place.",
    "Египетские военные прибыли на авиабазу Абеше. Около 80 египетских военных "
    "останутся на базе.",
    "Lính Ai Cập đã đến căn cứ Adji Kossei. Khoảng 80 lính Ai Cập sẽ ở lại tại chỗ.",
])
def test_on_site_means_the_site_named_before(tmp_path, text):
    records = _records(tmp_path, text)
    assert any(r.sentence == 1 and r.event == "remains" and r.target.kind == "base"
               for r in records), [(r.sentence, r.target.key, r.event) for r in records]


@pytest.mark.parametrize(("text", "place"), [
    ("Турецкие военные покинули авиабазу Абеше.", "base:abeche"),
    ("Турецкие военные прибыли на аэродром Баграм.", "base:bagram"),
    ("Turkish soldiers are protecting Kabul airport.", "airport:OAKB"),
    ("Remaining Turkish troops are now concentrated in Abeche.", "geonames:245785"),
])
def test_russian_kind_words_in_any_case_and_verbs_of_guarding(tmp_path, text, place):
    records = _records(tmp_path, text)
    assert [r.target.key for r in records] == [place], [(r.target.key, r.mention)
                                                        for r in records]


def test_a_force_word_that_is_also_a_town_is_the_force_unless_cued(tmp_path):
    # "Marines" is also a town in France (GeoNames); no cue makes it a place here
    records = _records(tmp_path, "Marines have begun to arrive in Mombasa for the exercise.")
    assert [(r.force.type, r.target.kind, r.mention) for r in records] == [
        ("navy", "city", "Mombasa")], [(r.force.id, r.target.key) for r in records]
    # the name wins where a force word only runs into it
    records = _records(tmp_path, "Kenyan troops left the Kismayo garrison town.")
    assert [(r.force.country, r.target.key) for r in records] == [("KE", "geonames:55671")]


@pytest.mark.parametrize("text", [
    # Cameroon has provinces called "Nord" and "Est"; Burkina Faso one called "Centre"
    "Les mercenaires russes sont déployés dans le Nord, près de Tessalit, au Mali.",
    "Les soldats français ont quitté Faya, dans le Nord du pays, au Tchad.",
    "Les soldats français ont quitté Abéché, dans l'Est du pays, au Tchad.",
])
def test_a_compass_word_is_no_province_of_a_country_the_text_does_not_name(tmp_path, text):
    records = _records(tmp_path, text)
    assert records
    assert not any(r.target.country == "CM" for r in records), \
        [(r.force.id, r.target.key) for r in records]


def test_a_compass_province_of_a_country_the_text_names_stays(tmp_path):
    records = _records(tmp_path, "Les soldats français ont quitté la base de Garoua, "
                                 "dans le Nord du Cameroun.")
    assert {r.target.country for r in records} == {"CM"}


@pytest.mark.parametrize("text", [
    "Turkish troops strengthened their presence in Somalia, according to an Atlantic "
    "official.",
    "Turkish troops strengthened their presence in Somalia, an Atlantic spokesman said.",
])
def test_a_name_before_an_official_is_whose_official_not_a_place(tmp_path, text):
    # Atlantic is a town in Iowa; here it says whose official spoke
    records = _records(tmp_path, text)
    assert {r.target.key for r in records} == {"SO"}, [r.target.key for r in records]


@pytest.mark.parametrize("text", [
    "Турецкие военные покинули сомалийский аэродром Кисмайо.",
    "Turkish troops left the Somali airfield of Kismayo.",
])
def test_a_nationality_word_between_a_leaving_verb_and_its_place(tmp_path, text):
    records = _records(tmp_path, text)
    assert {(r.force.country, r.event) for r in records} == {("TR", "withdrawn")}, \
        [(r.force.id, r.target.key, r.event) for r in records]


def test_a_compass_province_needs_its_country_in_its_own_sentence(tmp_path):
    # Cameroon is named in the article, but not where "l'Est du pays" (Chad) stands
    records = _records(tmp_path, "Les soldats français ont quitté Abéché, dans l'Est du pays, "
                                 "au Tchad. Un convoi a pris la route du port de Douala, au "
                                 "Cameroun. Les soldats français ont quitté le Tchad.")
    assert records
    assert not any(r.target.key.startswith("CM-") for r in records), \
        [(r.force.id, r.target.key) for r in records]


@pytest.mark.parametrize(("text", "not_there"), [
    ("\"They have proceeded with their plan to vacate the town,\" said Ali Hassan, a "
     "security official in Beledweyne.", "Beledweyne"),
    ("Un responsable à Gao a indiqué que les soldats belges avaient quitté Ménaka.", "Gao"),
])
def test_the_town_of_an_official_is_not_the_force_s(tmp_path, text, not_there):
    records = _records(tmp_path, text)
    assert not any(r.mention == not_there for r in records), \
        [(r.target.key, r.event, r.mention) for r in records]
