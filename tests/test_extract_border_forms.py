"""Borders written with two nationality adjectives ("the Polish-Belarusian border",
"la frontière polono-biélorusse", "на польско-белорусской границе"), a spaced dash
("biên giới Ba Lan – Belarus"), French articles ("entre la Pologne et la Biélorussie"),
and a force "near" a border (at it: "stationed near the Kenya-Somalia border").

The sentences are written for these tests, about places the annotated set does not use.
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles


def _records(tmp_path, text: str):
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return extract_articles([article]).records


@pytest.mark.parametrize(("text", "border"), [
    ("Polish troops are deployed along the Polish-Belarusian border.", "border:BY-PL"),
    ("Polish troops are deployed along the Polish–Belarusian border.", "border:BY-PL"),
    ("Des soldats polonais sont déployés à la frontière polono-biélorusse.", None),
    ("Польские военные размещены на польско-белорусской границе.", "border:BY-PL"),
    ("Binh sĩ Ba Lan được triển khai tại biên giới Ba Lan – Belarus.", "border:BY-PL"),
    ("Polish troops are deployed on the Poland – Belarus border.", "border:BY-PL"),
    ("Des soldats polonais sont déployés à la frontière entre la Pologne et la Biélorussie.",
     "border:BY-PL"),
    ("Kenyan soldiers are stationed near the Kenya-Somalia border.", "border:KE-SO"),
    ("Binh sĩ Kenya đóng quân gần biên giới Kenya – Somalia.", "border:KE-SO"),
    ("Des soldats kényans sont stationnés près de la frontière entre le Kenya et la Somalie.",
     "border:KE-SO"),
])
def test_border_forms(tmp_path, text, border):
    records = _records(tmp_path, text)
    keys = {r.target.key for r in records}
    if border is None:  # "polono" is no combining form the data knows: no border, no guess
        assert not any(k.startswith("border:") for k in keys), keys
    else:
        assert border in keys, [(r.force.id, r.target.key, r.mention) for r in records]


def test_a_combining_form_the_data_knows(tmp_path):
    records = _records(tmp_path, "Les soldats français sont déployés à la frontière "
                                 "franco-belge.")
    assert {r.target.key for r in records} == {"border:BE-FR"}


@pytest.mark.parametrize(("text", "border"), [
    # one country named: the other side is the one country whose nationality the
    # sentence names, when the two meet
    ("Polish troops are deployed along the Belarusian border near Hajnówka.",
     "border:BY-PL"),
    ("Indian troops massed on the Chinese border in June.", "border:CN-IN"),
    ("Les troupes algériennes se sont massées à la frontière marocaine.", "border:DZ-MA"),
    ("Азербайджанские войска сосредоточены на границе с Ираном.", "border:AZ-IR"),
    ("Quân đội Thái Lan tập trung gần biên giới với Campuchia.", "border:KH-TH"),
])
def test_one_country_and_the_force_s_nationality_name_a_border(tmp_path, text, border):
    # these gave no place ("whose border with whom, not said")
    assert {r.target.key for r in _records(tmp_path, text)} >= {border}


@pytest.mark.parametrize("text", [
    # a border region is inside the country named: no border line with the force's
    "North Korean troops were deployed to the Russian border region.",
    "Binh sĩ Triều Tiên được triển khai tới vùng biên giới Nga.",
    # and two nationalities leave the other side unsaid
    "Polish and Lithuanian troops are deployed along the Belarusian border.",
])
def test_no_border_is_guessed_for_a_region_or_two_nationalities(tmp_path, text):
    assert not any(r.target.key.startswith("border:") for r in _records(tmp_path, text))


def test_a_force_word_holding_border_is_the_force(tmp_path):
    records = _records(tmp_path, "Lithuanian border guards left Białystok.")
    assert {(r.force.type, r.target.kind) for r in records} == {("border_guards", "city")}
