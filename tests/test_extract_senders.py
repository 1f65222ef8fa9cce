"""The country that sends a force is not where the force is: "Turkey has sent soldiers
to Libya" counts Libya, not Turkey, among the story's countries, so the country-level fact
survives even when the sender is named more often. A Russian preposition that opens a
sentence ("Об этом сообщает ...") is no place (it had read as Ob, Russia, or the Aube).

The articles are written for these tests, about stories the annotated set does not use;
before this, each gave no record: the sender, named three times, left the host named once
below a third of its count, out of the story's countries.
Codes: ISO 3166.
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles
from geo.extract.articles import countries_named


def _found(tmp_path, text: str) -> set[tuple[str, str, str]]:
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    return {(r.force.country, r.target.key, r.event) for r in extract_articles([article]).records
            if r.confidence >= 0.5}


ARTICLES = [
    ("Turkey sends soldiers abroad\n2020-01-06\n\nTurkey has sent a first group of soldiers "
     "to Libya, officials said. Turkey will send more troops next month. Turkey deployed "
     "drones last year. Critics in Turkey questioned the cost.", ("TR", "LY")),
    ("Россия направила военных советников\n15 января 2022\n\nРоссия направила в Мали "
     "группу военных советников. Россия направит ещё одну группу весной. Об этом сообщили "
     "источники. Россия намерена расширить сотрудничество.", ("RU", "ML")),
    ("La France envoie des soldats\n3 mars 2017\n\nLa France a envoyé en Estonie 300 "
     "soldats. La France enverra aussi des chars. La France participe ainsi à la présence "
     "de l'OTAN.", ("FR", "EE")),
    ("Hàn Quốc điều binh sĩ\n04/08/2004\n\nHàn Quốc đã điều binh sĩ tới Iraq. Hàn Quốc sẽ "
     "điều thêm binh sĩ vào tháng sau. Người dân Hàn Quốc theo dõi sát sự việc.",
     ("KR", "IQ")),
]


@pytest.mark.parametrize(("text", "codes"), ARTICLES)
def test_the_host_not_the_sender_is_the_story_country(tmp_path, text, codes):
    sender, host = codes
    assert host in countries_named(text)
    assert (sender, host, "deployed") in _found(tmp_path, text)


@pytest.mark.parametrize("text", [
    "Об этом сообщили в Москве.",
    "Над этим работают военные.",
    "Sous la pression, les soldats sont partis.",
])
def test_function_words_opening_a_sentence_are_no_places(text):
    assert countries_named(text) in ((), ("RU",))


@pytest.mark.parametrize(("text", "codes"), ARTICLES)
def test_the_drafts_main_country_is_the_host(tmp_path, text, codes):
    """The draft's main country, which the map centres on, is the host, not the sender
    (whose names still resolve: the record's force is the sender's)."""
    sender, host = codes
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    draft = extract_articles([article])
    assert draft.country == host
    assert any(r.force.country == sender for r in draft.records)
