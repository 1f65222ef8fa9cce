"""What a sentence says beside its event is not the event: a wire dateline is where the
article was filed, a place's relative clause ("Kosovo, where an attack took place on 24
September") dates another event (and its own verb takes no date from before it), and a
bracketed aside is not where a force is.

The sentences are written for these tests, about places the annotated set does not use.
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles
from geo.extract.datelines import dateline_end


def _draft(tmp_path, text: str, **options):
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return extract_articles([article], **options)


@pytest.mark.parametrize(("text", "head"), [
    ("ROME, March 3 (ANSA) -- Italian troops left Mogadishu.", "ROME, March 3 (ANSA) -- "),
    ("NAIROBI (Reuters) - Kenyan police arrived in Haiti.", "NAIROBI (Reuters) - "),
    ("Abeche, Chad (AFP) - French troops left the base.", "Abeche, Chad (AFP) - "),
    ("БИШКЕК, 4 марта - РИА Новости. Российские военные остаются в Канте.", "БИШКЕК, 4 марта - "),
    ("VILNIUS /BNS/ - German troops arrived.", "VILNIUS /BNS/ - "),
    # not datelines: a force's count in brackets, a headline's dash
    ("US troops (about 900) - left Syria.", ""),
    ("NATO - Russia talks resume.", ""),
    ("Turkish forces arrived in Idlib (Syria) - a source said.", ""),
])
def test_a_dateline_is_found_at_the_top(text, head):
    assert text[:dateline_end(text, 0)] == head
    assert dateline_end(text, 5) == 0  # only near the top


def test_the_dateline_city_neither_hosts_nor_owns_a_force(tmp_path):
    """"BRUSSELS (KUNA)": Brussels is not where the troops are, and an unnamed mission in the
    sentence is not Belgium's."""
    draft = _draft(tmp_path, "BRUSSELS, March 6 (KUNA) -- The first contingent of 150 "
                             "Danish soldiers arrived in Latvia on Friday to join the "
                             "peacekeeping mission.")
    found = {(r.force.country, r.target.key) for r in draft.records}
    assert ("DK", "LV") in found, found
    assert not [r for r in draft.records if r.force.country == "BE"
                or r.target.country == "BE"], found


@pytest.mark.parametrize("text", [
    # a past stationing told in a place's relative clause is not new on the day of the
    # sentence's event (it was read as deployed on 19 February)
    "On 19 February, the army announced the end of operations at the camp in Tessalit, "
    "where the Spanish contingent was stationed.",
    "Le 19 février, l'armée a annoncé la fin des opérations au camp de Tessalit, où était "
    "stationné le contingent espagnol.",
])
def test_a_verb_in_a_place_relative_clause_takes_no_date_before_it(tmp_path, text):
    draft = _draft(tmp_path, text)
    spanish = [r for r in draft.records if r.force.country == "ES"]
    assert spanish and all(r.start is None for r in spanish), [
        (r.target.key, r.event, r.start) for r in spanish]


@pytest.mark.parametrize("text", [
    "Some 300 Spanish soldiers will be deployed to Latvia, where an exercise took place on "
    "14 January, a spokesman said.",
    "Quelque 300 militaires espagnols vont être déployés en Lettonie, où un exercice a eu "
    "lieu le 14 janvier, a annoncé un porte-parole.",
])
def test_a_date_in_a_place_relative_clause_is_not_the_event_date(tmp_path, text):
    draft = _draft(tmp_path, text)
    spanish = [r for r in draft.records if r.force.country == "ES"]
    assert spanish and all(r.start is None or r.start.earliest.month != 1
                           for r in spanish), [(r.target.key, r.start) for r in spanish]


@pytest.mark.parametrize("text", [
    # the boilerplate after a group's name in Russian news, and an English aside
    "Американские военные вошли в Ракку, которую удерживают боевики террористической "
    "группировки (запрещена на территории России).",
    "American troops entered Raqqa, held by the group (which is banned in Russia).",
])
def test_a_place_in_a_bracketed_aside_is_not_where_the_force_is(tmp_path, text):
    draft = _draft(tmp_path, text)
    found = {(r.force.country, r.target.country) for r in draft.records}
    assert ("US", "SY") in found, found
    assert not [r for r in draft.records if r.target.key == "RU"], found


@pytest.mark.parametrize(("text", "places"), [
    # the bracket lists the sites inside the province: they, not the province, are left
    ("La mission a fermé quatre bases du Nord-Kivu (Beni, Butembo et Rutshuru) en juin.",
     {"Beni", "Butembo", "Rutshuru"}),
    # a name the gazetteer does not know does not break the list
    ("US troops left four bases in Syria (Tabqa, Qamishli, Shaddadi and Kobani).",
     {"Tabqa", "Qamishli", "Kobani"}),
])
def test_a_bracketed_list_after_its_holder_names_the_sites(tmp_path, text, places):
    draft = _draft(tmp_path, text)
    named = {r.mention for r in draft.records}
    assert places <= named, named
    assert not [r for r in draft.records if r.target.kind in ("province", "country")], named


@pytest.mark.parametrize("text", [
    # the region in brackets says where the town is
    "Russian troops remain at Kant (Chuy Region) in Kyrgyzstan.",
    # a name never runs across a bracket ("Tartous (gouvernorat" is no province)
    "Les soldats russes restent à Tartous (gouvernorat de Tartous).",
])
def test_a_holder_in_brackets_is_not_a_second_place(tmp_path, text):
    draft = _draft(tmp_path, text)
    assert [r.target.kind for r in draft.records] == ["city"], [
        (r.target.key, r.mention) for r in draft.records]


def test_a_town_of_a_country_the_text_names_is_that_country_s(tmp_path):
    """"Kant ... in Kyrgyzstan" is Kyrgyzstan's Kant, not a larger Kant in India, and India
    is not one of the story's countries."""
    draft = _draft(tmp_path, "Russian troops remain at Kant in Kyrgyzstan.")
    assert [r.target.country for r in draft.records] == ["KG"]
    assert draft.country == "KG" and "IN" not in draft.countries


@pytest.mark.parametrize(("text", "owner"), [
    # "au" is French for "in the": no African Union force in Kosovo
    ("L'Otan a décidé de renforcer ses effectifs au Kosovo.", None),
    ("AU troops arrived in Mogadishu on Monday.", "AFU"),
    # reinforcements are a force, with the nationality they are given
    ("Des renforts italiens sont arrivés au Liban.", "IT"),
    ("Italian reinforcements arrived in Lebanon.", "IT"),
])
def test_an_everyday_word_is_no_nationality_and_reinforcements_are_a_force(
        tmp_path, text, owner):
    draft = _draft(tmp_path, text)
    owners = {r.force.country for r in draft.records}
    assert "AFU" not in owners if owner is None else owner in owners, owners


def test_a_headline_taken_from_the_text_drops_the_dateline_and_cuts_at_a_word(tmp_path):
    words = " ".join(["The first contingent of Danish soldiers arrived in Latvia"] * 5)
    draft = _draft(tmp_path, f"RIGA, March 6 (LETA) -- {words}.")
    title = draft.articles[0].title
    assert title.startswith("The first contingent") and title.endswith("…"), title
    assert len(title) <= 161 and title[:-1].split()[-1] in words.split(), title


def test_towns_written_one_after_the_other_are_one_unknown_name(tmp_path):
    """"the Rashid Pasha Barracks": neither a town called Rashid nor one called Pasha."""
    draft = _draft(tmp_path, "Egyptian troops were moved to the Rashid Pasha Barracks in "
                             "Sudan.")
    assert {r.target.key for r in draft.records} <= {"SD"}, [
        (r.target.key, r.mention) for r in draft.records]


def test_a_first_line_that_is_only_a_dateline_is_not_the_headline(tmp_path):
    draft = _draft(tmp_path, "ALMATY, January 7. /TASS/. Russian paratroopers arrived at "
                             "Almaty airport.")
    assert draft.articles[0].title.startswith("Russian paratroopers"), draft.articles[0].title
