"""A text that names no country is about no default one: "the country" stays unresolved
rather than becoming Armenia (the first story's country, the gazetteer's default), an
article of a story that names none adds no Armenia to the story's countries, and a
government named by its nationality ("at the request of South Sudanese authorities", "les
autorités maliennes", "нигерских властей") says which country the text is about.

The sentences are written for these tests, about stories the annotated set does not use;
before this, each "the country" below was Armenia. Codes: ISO 3166.
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles
from geo.extract.articles import countries_named


def _draft(tmp_path, *texts: str):
    paths = []
    for number, text in enumerate(texts):
        path = tmp_path / f"article-{number}.txt"
        path.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
        paths.append(path)
    return extract_articles(paths)


def _found(draft) -> set[tuple[str, str, str]]:
    return {(r.force.country, r.target.key, r.event) for r in draft.records
            if r.confidence >= 0.5}


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya's army, at the request of Somali authorities, deployed a battalion in the "
     "country.", ("KE", "SO", "deployed")),
    ("À la demande des autorités nigériennes, des soldats russes sont arrivés dans le pays.",
     ("RU", "NE", "deployed")),
    ("По просьбе малийских властей турецкие военные прибыли в страну.",
     ("TR", "ML", "deployed")),
])
def test_a_government_by_its_nationality_names_the_country(tmp_path, text, expected):
    assert countries_named(text)[0] == expected[1]
    assert expected in _found(_draft(tmp_path, text))


@pytest.mark.parametrize("text", [
    "The last Dutch soldiers left the country in 2010.",
    "Les derniers soldats belges ont quitté le pays en 1994.",
    "Последние британские военные покинули страну в 2009 году.",
])
def test_the_country_of_a_text_naming_none_is_no_default(tmp_path, text):
    assert countries_named(text) == ()
    assert not any(place == "AM" for _, place, _ in _found(_draft(tmp_path, text)))


def test_an_article_naming_no_country_adds_none_to_the_story(tmp_path):
    draft = _draft(tmp_path,
                   "Czech soldiers arrived in Lithuania in June to train with NATO allies.",
                   "The soldiers will stay for six months, their commander said.")
    assert draft.country == "LT"
    assert "AM" not in draft.countries


@pytest.mark.parametrize(("text", "host", "not_host"), [
    ("Rwandan troops arrived in South Sudan in 2024. Fighting near the border involved "
     "fighters of the Sudan People's Liberation Army last week, officials said. The Rwandan "
     "soldiers will stay in the country until 2026.", "SS", "SD"),
    ("Ghanaian peacekeepers are deployed in Lebanon. A report by the Syria Observatory "
     "for Human Rights was read out at the meeting on Monday. The Ghanaian troops will "
     "remain in the country.", "LB", "SY"),
])
def test_a_country_that_opens_an_organisations_name_is_no_antecedent(tmp_path, text, host,
                                                                       not_host):
    """ "the country" is the last country named as a place, not one opening a name (the
    first case read Sudan before this)."""
    places = {p for _, p, _ in _found(_draft(tmp_path, text))}
    assert host in places
    assert not_host not in places
