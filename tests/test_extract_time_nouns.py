"""An act's noun after a word of time that ends its phrase (the sentence, or a comma)
dates another act: "held an exercise in Norway after the withdrawal" or "After the
withdrawal, Dutch marines held an exercise in Norway" says nothing left Norway, nor
"après le retrait", "после вывода". With its place after it, the act is still one ("after
their withdrawal from Mali"). (Russian without a comma, "После вывода бельгийские военные
провели учения в Габоне", is not caught.)

The sentences are written for these tests, about stories the annotated set does not use;
before this, each of the first five gave a withdrawal from the exercise's country.
Codes: ISO 3166.
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles


def _found(tmp_path, text: str) -> set[tuple[str, str, str]]:
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return {(r.force.country, r.target.key, r.event) for r in extract_articles([article]).records
            if r.confidence >= 0.5}


@pytest.mark.parametrize("text", [
    "Dutch marines held an exercise in Norway after the withdrawal.",
    "Des soldats belges ont fait un exercice au Gabon après le retrait.",
    "Бельгийские военные провели учения в Габоне после вывода.",
    "After the withdrawal, Dutch marines held an exercise in Norway.",
    "Après le retrait, des soldats belges ont fait un exercice au Gabon.",
])
def test_an_act_noun_after_a_word_of_time_is_no_event(tmp_path, text):
    assert not any(event == "withdrawn" for _, _, event in _found(tmp_path, text))


def test_the_act_with_its_place_after_it_stays_an_event(tmp_path):
    found = _found(tmp_path, "After their withdrawal from Mali in 2022, French troops "
                             "stayed in Niger.")
    assert ("FR", "ML", "withdrawn") in found
