"""Places that go on a list ("in Iraq and neighbouring Syria"), clauses cut at words of
contrast ("though", "bien que", ", а"), staying verbs ("will maintain a presence"), the
country a force comes from after the verb ("В Мали прибыли военные из России",
"soldats du Guatemala et du Salvador"), and a site in the force's own country, which
hides no country where the force is.

The sentences are written for these tests, about places the annotated set does not use.
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles
from geo.extract.events import clauses
from geo.extract.text import sentences


def _records(tmp_path, text: str):
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return extract_articles([article]).records


def _facts(records) -> set[tuple[str, str, str]]:
    return {(r.force.country, r.target.key, r.event) for r in records}


@pytest.mark.parametrize(("text", "first", "second"), [
    ("Turkish troops will stay in Somalia and neighbouring Djibouti.", "SO", "DJ"),
    ("Turkish troops will stay in Somalia and the nearby Djibouti.", "SO", "DJ"),
    ("Турецкие военные останутся в Сомали и соседнем Джибути.", "SO", "DJ"),
    ("Les soldats turcs resteront en Somalie et dans le Djibouti voisin.", "SO", "DJ"),
])
def test_a_place_after_and_with_an_adjective_goes_on_the_list(tmp_path, text, first,
                                                                second):
    facts = _facts(_records(tmp_path, text))
    assert ("TR", first, "remains") in facts, facts
    assert ("TR", second, "remains") in facts, facts


def test_a_list_does_not_run_through_other_words(tmp_path):
    # "talks with" are not words that may stand between two places of a list
    facts = _facts(_records(
        tmp_path, "Turkish troops will stay in Somalia and talks with Djibouti go on."))
    assert ("TR", "SO", "remains") in facts, facts
    assert not any(key == "DJ" for _, key, _ in facts), facts


@pytest.mark.parametrize(("text", "second"), [
    ("The deal winds down the mission in Somalia, though Kenyan forces stay in Djibouti.",
     "though"),
    ("La mission quitte la Somalie, bien que les soldats kényans restent à Djibouti.",
     "bien"),
    ("Миссия покинет Сомали, а кенийские военные останутся в Джибути.", "а"),
    ("Миссия покинет Сомали, хотя кенийские военные останутся в Джибути.", "хотя"),
])
def test_a_word_of_contrast_starts_a_clause_of_its_own(text, second):
    sentence = sentences(text)[0]
    cuts = clauses(sentence)
    assert len(cuts) == 2, cuts
    assert sentence.tokens[cuts[1][0]].text == second


def test_russian_a_cuts_only_after_a_comma():
    # "а также" and "а" without a comma are no contrast
    sentence = sentences("Военные покинули Сомали а также Джибути.")[0]
    assert clauses(sentence) == [(0, len(sentence.tokens))]


@pytest.mark.parametrize(("text", "countries", "place"), [
    ("В Мозамбик прибыли военные из Руанды.", {"RW"}, "MZ"),
    ("Во вторник в Малави прибыли военные из Танзании и Замбии.", {"TZ", "ZM"}, "MW"),
    ("Hier, 60 soldats du Rwanda et du Burundi sont arrivés à Pemba.", {"RW", "BI"}, None),
    ("Troops from Rwanda and Burundi arrived in Pemba on Monday.", {"RW", "BI"}, None),
    ("Soldiers from Rwanda, Burundi and Kenya arrived in Pemba on Monday.",
     {"RW", "BI", "KE"}, None),
    ("Binh sĩ từ Rwanda, Burundi và Kenya đã đến Pemba hôm thứ Hai.", {"RW", "BI", "KE"},
     None),
])
def test_the_country_a_force_comes_from_is_its_nationality(tmp_path, text, countries,
                                                           place):
    records = _records(tmp_path, text)
    assert {r.force.country for r in records} == countries, _facts(records)
    assert all(r.event == "deployed" for r in records), _facts(records)
    if place is not None:
        assert {r.target.key for r in records} == {place}, _facts(records)
    # the country of origin is not a place the force went to
    assert not countries & {r.target.key for r in records}


def test_after_a_moving_verb_from_is_where_the_force_was(tmp_path):
    facts = _facts(_records(tmp_path, "Перебросили военных из Руанды в Мозамбик."))
    assert not any(country == "RW" for country, _, _ in facts), facts
    assert ("XX", "MZ", "deployed") in facts, facts


@pytest.mark.parametrize("text", [
    "The Turkish soldiers, stationed in Somalia to train two battalions, were repatriated "
    "by Friday under a deal signed in February in Ankara.",
    "Les soldats turcs stationnés en Somalie ont été rapatriés vendredi, selon l'accord "
    "signé en février à Ankara.",
])
def test_a_site_in_the_forces_own_country_hides_no_country(tmp_path, text):
    facts = _facts(_records(tmp_path, text))
    assert any(country == "TR" and key == "SO" and event in ("withdrawn", "withdrawal_agreed")
               for country, key, event in facts), facts


def test_a_site_abroad_still_stands_for_its_country(tmp_path):
    # Kismayo lies in Somalia: the country only says where the site is
    facts = _facts(_records(tmp_path, "Kenyan troops left their base in Kismayo, Somalia."))
    assert {key for _, key, _ in facts} != set() and "SO" not in {k for _, k, _ in facts}, facts


@pytest.mark.parametrize(("text", "mention"), [
    ("Quân đội Pháp đã rút khỏi Mauritius. Binh sĩ Pháp rời quốc đảo nhỏ bé này hôm thứ Hai.",
     "quốc đảo nhỏ bé này"),
    ("Французские военные находились в Чаде. Последние французские военные покинули "
     "республику в январе.", "республику"),
])
def test_a_country_meant_by_what_it_is(tmp_path, text, mention):
    records = [r for r in _records(tmp_path, text) if r.mention == mention]
    assert [(r.force.country, r.target.kind, r.event) for r in records] == [
        ("FR", "country", "withdrawn")], _facts(_records(tmp_path, text))


def test_a_base_with_an_organisations_adjective_is_the_organisations(tmp_path):
    records = _records(tmp_path, "La base onusienne de Bunia a été officiellement remise à "
                                 "la police congolaise.")
    assert [(r.force.country, r.event) for r in records] == [("UN", "handed_over")], \
        _facts(records)


@pytest.mark.parametrize(("text", "there"), [
    ("Около 100 румынских военных вылетели из Румынии в Косово.", "XK"),
    ("Les soldats tchèques sont partis de Pardubice au Kosovo.", "XK"),
    ("Около 300 египетских военных ушли из Судана в Ливию в марте.", "LY"),
])
def test_from_one_place_into_another_arrives_there(tmp_path, text, there):
    records = _records(tmp_path, text)
    assert (there, "deployed") in {(r.target.key, r.event) for r in records}, \
        [(r.target.key, r.event, r.mention) for r in records]
    assert not any(r.target.key == there and r.event == "withdrawn" for r in records)


@pytest.mark.parametrize("text", [
    "Egyptian troops withdrew from Kassala in Sudan.",
    "Les soldats égyptiens ont quitté la base de Kassala au Soudan.",
])
def test_a_place_and_the_country_holding_it_are_one_departure(tmp_path, text):
    records = _records(tmp_path, text)
    assert records and all(r.event == "withdrawn" for r in records), \
        [(r.target.key, r.event, r.mention) for r in records]



@pytest.mark.parametrize("text", [
    "Binh sĩ Canada, Anh, Đan Mạch và Na Uy đã đến thủ đô Riga.",
    "Các binh sĩ Canada, Anh, Đan Mạch và Na Uy đã đến thủ phủ Riga của Latvia.",
])
def test_nationalities_listed_after_a_vietnamese_force_word_are_its_countries(tmp_path, text):
    # Vietnamese writes the nationality after the force word: each listed country sends
    # its own troops (none is a place), to Riga (the town, or the city's own division)
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    found = {(r.force.country, r.target.key, r.event)
             for r in extract_articles([article]).records}
    assert {(c, e) for c, _, e in found} == {(c, "deployed") for c in ("CA", "GB", "DK", "NO")}
    assert {k for _, k, _ in found} <= {"geonames:456172", "LV-RIX"}, found


def test_nationality_adjectives_listed_after_a_french_force_word(tmp_path):
    # "au" after a comma is "in the", never the African Union (AU) unless so written
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\nLes Casques bleus népalais, ghanéens et "
                       "indonésiens sont arrivés à Naqoura, au Liban.", encoding="utf-8")
    found = {r.force.country for r in extract_articles([article]).records}
    assert found == {"NP", "GH", "ID"}, found
