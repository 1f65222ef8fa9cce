"""A negation of saying or knowing is not the act's: "it is unclear how many ... remain",
"chưa rõ số lượng binh sỹ ... đồn trú", "did not say how many ... had left", "Неясно,
сколько ... осталось", "On ignore combien ... sont stationnés" state the act, and were read
as negated (no record, or a stay). A negated act stays negated.

The sentences are written for these tests, about a place the annotated set does not use
(Misrata, GeoNames 2214846).
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles


def _found(tmp_path, text: str) -> list[tuple[str, str, str]]:
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return [(r.force.country, r.target.key, r.event)
            for r in extract_articles([article]).records]


MISRATA = "geonames:2214846"


@pytest.mark.parametrize(("text", "expected"), [
    ("Hiện chưa rõ số lượng binh sỹ Italy đồn trú ở Misrata.", ("IT", MISRATA, "deployed")),
    ("It is unclear how many Italian soldiers remain in Misrata.",
     ("IT", MISRATA, "remains")),
    ("The ministry did not say how many Italian soldiers had left Misrata.",
     ("IT", MISRATA, "withdrawn")),
    ("Неясно, сколько российских военных осталось в Мисрате.", ("RU", MISRATA, "remains")),
    ("On ignore combien de soldats italiens sont stationnés à Misrata.",
     ("IT", MISRATA, "deployed")),
])
def test_not_saying_or_not_knowing_negates_nothing(tmp_path, text, expected):
    assert _found(tmp_path, text) == [expected]


@pytest.mark.parametrize(("text", "event"), [
    ("Italian soldiers did not leave Misrata.", "remains"),
    ("Binh sĩ Italy không rút khỏi Misrata.", "remains"),
])
def test_a_negated_act_stays_negated(tmp_path, text, event):
    assert _found(tmp_path, text) == [("IT", MISRATA, event)]
