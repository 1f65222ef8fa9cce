"""A capital meant without its name is the country's capital city: "Somalia's capital",
"the Libyan capital", "la capitale libyenne", "в столицу Ливии", "thủ đô của Libya", or
"the capital" after the country was named. Where the word only says where another place
is ("Mitiga airport in the Libyan capital", "200 kilometres from the capital") it is no
site of its own.

The sentences are written for these tests, about places the annotated set does not use;
before this, each of the first seven gave the country or nothing. The capitals (Mogadishu,
Tripoli) are GeoNames' (geonames:53654, geonames:2210247).
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles

MOGADISHU, TRIPOLI = "geonames:53654", "geonames:2210247"


def _found(tmp_path, text: str) -> list[tuple[str, str, str]]:
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return [(r.force.country, r.target.key, r.event)
            for r in extract_articles([article]).records]


@pytest.mark.parametrize(("text", "capital"), [
    ("Turkish troops were deployed to Somalia's capital on Monday.", MOGADISHU),
    ("Turkish troops arrived in the Libyan capital on Monday.", TRIPOLI),
    ("Turkish troops arrived in the capital of Libya on Monday.", TRIPOLI),
    ("Les soldats turcs sont arrivés dans la capitale libyenne lundi.", TRIPOLI),
    ("Турецкие военные прибыли в столицу Ливии в понедельник.", TRIPOLI),
    ("Binh sĩ Thổ Nhĩ Kỳ đã đến thủ đô của Libya hôm thứ Hai.", TRIPOLI),
])
def test_the_capital_of_the_country_named_with_it(tmp_path, text, capital):
    assert _found(tmp_path, text) == [("TR", capital, "deployed")]


def test_the_capital_of_the_country_named_before(tmp_path):
    found = _found(tmp_path, "Turkish troops arrived in Libya in January. In March the "
                   "Turkish soldiers left the capital.")
    assert ("TR", TRIPOLI, "withdrawn") in found, found


@pytest.mark.parametrize(("text", "site"), [
    ("Turkish troops arrived in the capital Tripoli on Monday.", TRIPOLI),
    ("Turkish troops arrived at Mitiga airport in the Libyan capital on Monday.",
     "airport:HLLM"),
    ("Turkish troops moved to Misrata, 200 kilometres from the capital.", "geonames:2214846"),
    ("Turkish troops arrived in Misrata as capital flowed out of Libya.", "geonames:2214846"),
])
def test_where_the_word_is_no_site_of_its_own(tmp_path, text, site):
    assert [key for _, key, _ in _found(tmp_path, text)] == [site]
