"""Force words that name machines (warships, helicopters, drones) give a force its kind
only when no people of the same country are named in the clause: "Turkish military
personnel ... to fly two drones" is the army; "Turkish warships docked" is the navy.

The sentences are written for these tests, about places the annotated set does not use.
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles


def _kinds(tmp_path, text: str) -> set[tuple[str, str]]:
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return {(r.force.country, r.force.type) for r in extract_articles([article]).records}


@pytest.mark.parametrize(("text", "kinds"), [
    ("Turkish military personnel, stationed in Mogadishu to fly two drones, left.",
     {("TR", "army")}),
    ("Les militaires turcs stationnés à Mogadiscio pilotaient des hélicoptères.",
     {("TR", "army")}),
    ("Турецкие военные, размещенные в Могадишо, обслуживали вертолеты.", {("TR", "army")}),
    ("Binh sĩ Thổ Nhĩ Kỳ đóng quân tại Mogadishu để vận hành máy bay không người lái.",
     {("TR", "army")}),
    # machines alone say the kind
    ("Turkish warships docked at Mogadishu.", {("TR", "navy")}),
    ("Des hélicoptères turcs sont arrivés à Mogadiscio.", {("TR", "air_force")}),
])
def test_people_before_machines(tmp_path, text, kinds):
    assert _kinds(tmp_path, text) == kinds
