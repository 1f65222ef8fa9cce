"""A kind word written once for a list of names holds for each of them: "the Chernihiv and
Zhytomyr regions" are two provinces, not a province and a town; "các tỉnh Mopti và Ségou",
"в Смоленскую и Псковскую области" (the first adjective names nothing on its own).

The sentences are written for these tests, about places the annotated set does not use;
each reading was wrong before shared kind words (the first name took its kind, the others
were towns). Expected ids are ISO 3166-2 codes and ICAO airport codes.
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles


def _places(tmp_path, text: str) -> list[tuple[str, str]]:
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return [(r.force.country, r.target.key) for r in extract_articles([article]).records]


@pytest.mark.parametrize(("text", "expected"), [
    # the kind word after the last name
    ("British troops arrived in the Chernihiv and Zhytomyr regions.",
     [("GB", "UA-74"), ("GB", "UA-18")]),
    ("US troops left Baghdad and Erbil airports.",
     [("US", "airport:ORBI"), ("US", "airport:ORER")]),
    ("Белорусские военные прибыли в Смоленскую и Псковскую области.",
     [("BY", "RU-SMO"), ("BY", "RU-PSK")]),
    # before the first
    ("Les soldats français ont quitté les régions de Mopti et de Ségou.",
     [("FR", "ML-5"), ("FR", "ML-4")]),
    ("Quân đội Pháp đã rút khỏi các tỉnh Mopti và Ségou.",
     [("FR", "ML-5"), ("FR", "ML-4")]),
])
def test_each_name_of_a_list_takes_the_kind_word(tmp_path, text, expected):
    assert _places(tmp_path, text) == expected


def test_russian_adjectives_listed_before_the_kind_word_are_places(tmp_path):
    # "Смоленской" and "Псковской" name nothing without "областях"
    assert _places(tmp_path, "Белорусские подразделения размещены в Смоленской, Псковской "
                   "и Брянской областях.") == [("BY", "RU-SMO"), ("BY", "RU-PSK"),
                                               ("BY", "RU-BRY")]


@pytest.mark.parametrize(("text", "expected"), [
    # two names side by side are no list: "Iraq’s" is no province of Iraq
    ("Turkish troops arrived in Iraq’s Duhok province.", [("TR", "IQ-DA")]),
    # a town listed before a town's kind word stays a town
    ("French troops left the towns of Mopti and Ségou.",
     [("FR", "geonames:2453348"), ("FR", "geonames:2451478")]),
])
def test_what_is_no_shared_kind_word(tmp_path, text, expected):
    assert _places(tmp_path, text) == expected
