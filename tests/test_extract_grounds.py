"""An agreement named as the ground of an act ("under the 2019 agreement", "conformément à
l'accord de 2019", "в соответствии с соглашением 2019 года", "theo thỏa thuận năm 2019")
says nothing of the act's mood, and its year is not the act's date: before this, each
hand-over below was a withdrawal agreed in 2019, and the Russian base was Libya's own
("передала Ливии военную базу": to Libya). An act its own words put ahead stays agreed.

The sentences are written for these tests (article date 2025-03-10, "yesterday" the 9th).
Place codes: GeoNames (Misrata 2214846) and the Tessalit base of data/curated/bases.yaml.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import extract_articles


def _records(tmp_path, text: str) -> list:
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return extract_articles([article]).records


@pytest.mark.parametrize(("text", "expected"), [
    ("Yesterday, under the 2014 agreement, France handed over its base in Tessalit to Mali.",
     ("FR", "base:tessalit", "handed_over")),
    ("Hier, conformément à l'accord de 2019, l'Italie a remis sa base de Misrata à la Libye.",
     ("IT", "geonames:2214846", "handed_over")),
    ("Вчера Италия в соответствии с соглашением 2019 года передала Ливии военную базу в "
     "Мисрате.", ("IT", "geonames:2214846", "handed_over")),
    ("Hôm qua, theo thỏa thuận năm 2019, quân đội Italy đã rời căn cứ ở Misrata.",
     ("IT", "geonames:2214846", "withdrawn")),
])
def test_an_act_done_under_an_agreement_is_done_on_its_own_day(tmp_path, text, expected):
    records = _records(tmp_path, text)
    assert [(r.force.country, r.target.key, r.event) for r in records] == [expected], records
    assert records[0].end.earliest == dt.date(2025, 3, 9), records[0].end


@pytest.mark.parametrize("text", [
    "Under the 2019 agreement, Italian troops will leave Misrata by May.",
    "Italy agreed in 2019 to hand over its base in Misrata to Libya.",
])
def test_an_act_still_to_come_stays_agreed(tmp_path, text):
    records = _records(tmp_path, text)
    assert [(r.force.country, r.event) for r in records] == [("IT", "withdrawal_agreed")]
