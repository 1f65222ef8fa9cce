"""A force going back to its own country leaves the story's country it was in: "sont
rentrés en France", "вернулись в Россию", and, with no place named, "returned home",
"вернулись домой", "sont rentrés au pays", "đã về nước" (the first of the article's
countries that is not the force's own). A verb of purpose before it is an aim, not the
return ("để đưa ... về nước", "afin de rapatrier").

The sentences are written for these tests, about stories the annotated set does not use;
before this, each of the first six gave no withdrawal (the force "at home", or no place).
Codes: ISO 3166 (CF, KG, NL/AF, KR/IQ) and GeoNames (Kant, Kyrgyzstan: 1528193).
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
    ("Les soldats français sont déployés en Centrafrique depuis 2013. Les derniers soldats "
     "français sont rentrés en France le 15 décembre.", ("FR", "CF")),
    ("Российские военные находились в Киргизии с января. Последние российские военные "
     "вернулись в Россию 19 февраля.", ("RU", "KG")),
    ("Dutch troops were deployed in Afghanistan in 2006. The last Dutch soldiers returned "
     "home on 1 August.", ("NL", "AF")),
    ("Российские военные находились в Киргизии с января. Последние российские военные "
     "вернулись домой 19 февраля.", ("RU", "KG")),
    ("Les soldats français sont déployés en Centrafrique depuis 2013. Les derniers soldats "
     "français sont rentrés au pays le 15 décembre.", ("FR", "CF")),
    ("Binh sĩ Hàn Quốc được triển khai tại Iraq từ năm 2004. Những binh sĩ Hàn Quốc cuối "
     "cùng đã về nước ngày 27/5.", ("KR", "IQ")),
])
def test_going_home_leaves_the_host(tmp_path, text, expected):
    assert (*expected, "withdrawn") in _found(tmp_path, text)


@pytest.mark.parametrize("text", [
    "Les soldats français sont déployés en Centrafrique depuis 2013. En 2013 les soldats "
    "français ont quitté la France pour Bangui.",
    "Dutch troops were deployed in Afghanistan in 2006. The Dutch soldiers' families waited "
    "at home.",
])
def test_other_words_of_home_are_no_return(tmp_path, text):
    found = _found(tmp_path, text)
    assert not [f for f in found if f[2] == "withdrawn"], found


@pytest.mark.parametrize(("text", "expected"), [
    ("Seoul đàm phán với Baghdad để đưa các binh sĩ Hàn Quốc về nước.", ("KR", "IQ")),
    ("Moscou négocie avec le Kirghizistan afin de rapatrier les soldats russes de Kant.",
     ("RU", "geonames:1528193")),
])
def test_a_return_as_an_aim_is_no_return_yet(tmp_path, text, expected):
    found = _found(tmp_path, text)
    assert (*expected, "withdrawal_agreed") in found, found
    assert (*expected, "withdrawn") not in found, found
