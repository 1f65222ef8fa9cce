"""A force expelled has left: "expelled from", "kicked out of", "expulsés du", "chassée
du", "изгнаны из", "выдворены из", "bị trục xuất khỏi". An act that a possessive already
owns ("son retrait du Tchad", "their departure from") happens at the country after it,
which is no force of its own. A title's office ("ministre de la Défense", "Président de la
République", "the Minister of Defence") is no place.

The sentences are written for these tests, about stories the annotated set does not use;
before this, the expelling sentences gave no record, the possessive one a Chadian force and
no place, and each office sentence a record at a town named like the office (La Défense,
Paris; Minster, Ohio). Codes: ISO 3166 and GeoNames (Gao 2457163).
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles


def _found(tmp_path, text: str) -> set[tuple[str, str, str]]:
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return {(r.force.country, r.target.key, r.event) for r in extract_articles([article]).records
            if r.confidence >= 0.5}


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkish troops were expelled from Qatar in 2017.", ("TR", "QA")),
    ("The Cuban advisers were kicked out of Grenada in 1983.", ("CU", "GD")),
    ("Les soldats belges ont été expulsés du Rwanda en 1994.", ("BE", "RW")),
    ("Les militaires français ont été chassés du Niger par la junte en 2023.", ("FR", "NE")),
    ("Британские военные были изгнаны из Ирака в 2007 году.", ("GB", "IQ")),
    ("Турецкие военные были выдворены из Катара.", ("TR", "QA")),
    ("Quân đội Mỹ bị trục xuất khỏi Philippines năm 1992.", ("US", "PH")),
])
def test_a_force_expelled_has_left(tmp_path, text, expected):
    assert (*expected, "withdrawn") in _found(tmp_path, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("L'armée belge a annoncé son retrait du Mali.", ("BE", "ML")),
    ("Les soldats tchèques ont achevé leur départ d'Afghanistan en juin.", ("CZ", "AF")),
])
def test_a_possessive_act_happens_at_the_country_after_it(tmp_path, text, expected):
    found = _found(tmp_path, text)
    assert any(f == expected[0] and p == expected[1] for f, p, _ in found), found
    assert all(f == expected[0] for f, _, _ in found), found  # no force of the country


@pytest.mark.parametrize(("text", "places"), [
    # Ivorian troops at home make no record; before, each made one at the office's town
    ("Le ministre de la Défense a rappelé que des soldats ivoiriens sont déployés à Bouaké.",
     set()),
    ("En présence du Président de la République, des soldats ivoiriens se sont déployés à "
     "Abidjan.", set()),
    ("French troops arrived in Gao, the Minister of Defence said.", {"geonames:2457163"}),
])
def test_an_office_after_a_title_is_no_place(tmp_path, text, places):
    found = _found(tmp_path, text)
    assert {p for _, p, _ in found} == places, found
