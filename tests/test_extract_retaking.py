"""A force that takes back a place of its own country: the foreign force the article had
in that country left it ("Ukrainian forces recaptured Izium", "l'armée congolaise a repris
Rutshuru", "Украинские военные освободили Изюм", "Quân đội Ukraine đã giành lại quyền
kiểm soát Izium"). Abroad, the same words are a deployment; with an ally in the sentence
or no foreign force there, nobody is said to leave.

The sentences are written for these tests, about places the annotated set does not use;
before this, each of the first four gave no withdrawal (the home force "at home"). Places:
GeoNames (Izyum 707292, Rutshuru 206047).
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles

IZIUM, RUTSHURU = "geonames:707292", "geonames:206047"


def _found(tmp_path, text: str) -> set[tuple[str, str, str]]:
    article = tmp_path / "article.txt"
    article.write_text("Date: 2022-09-12\n\n" + text, encoding="utf-8")
    return {(r.force.country, r.target.key, r.event) for r in extract_articles([article]).records
            if r.confidence >= 0.5}


@pytest.mark.parametrize(("text", "left"), [
    ("Russian troops were deployed in the Kharkiv region in March. Ukrainian forces "
     "recaptured Izium on Saturday.", ("RU", IZIUM)),
    ("Российские войска были размещены в Харьковской области с марта. Украинские военные "
     "освободили Изюм в субботу.", ("RU", IZIUM)),
    ("Quân đội Nga được triển khai ở tỉnh Kharkiv từ tháng 3. Quân đội Ukraine đã giành lại "
     "quyền kiểm soát Izium hôm thứ Bảy.", ("RU", IZIUM)),
    ("Des soldats rwandais sont déployés dans le Nord-Kivu depuis 2022. L'armée congolaise a "
     "repris Rutshuru lundi.", ("RW", RUTSHURU)),
])
def test_taking_back_a_place_at_home_is_the_foreign_force_leaving(tmp_path, text, left):
    assert (*left, "withdrawn") in _found(tmp_path, text)


def test_taking_a_place_abroad_is_a_deployment(tmp_path):
    found = _found(tmp_path, "Russian troops were deployed in the Kharkiv region in March. "
                   "Russian forces liberated Izium on Saturday.")
    assert ("RU", IZIUM, "deployed") in found and ("RU", IZIUM, "withdrawn") not in found


@pytest.mark.parametrize("text", [
    "Ukrainian forces recaptured Izium on Saturday.",  # no foreign force in the article
    "Des soldats rwandais sont déployés dans le Nord-Kivu depuis 2022. L'armée congolaise, "
    "appuyée par les soldats burundais, a repris Rutshuru lundi.",  # an ally in the sentence
    "Des soldats rwandais et ougandais sont déployés dans le Nord-Kivu. L'armée congolaise a "
    "repris Rutshuru lundi.",  # two foreign forces: which left cannot be told
])
def test_no_withdrawal_when_who_left_cannot_be_told(tmp_path, text):
    found = _found(tmp_path, text)
    assert not [f for f in found if f[2] == "withdrawn"], found
