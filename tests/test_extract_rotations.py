"""One force taking another's place (a rotation): the force replaced leaves the place, its
replacement arrives, whichever voice and word order the sentence uses.

The sentences are written for these tests, about a place the annotated set does not use
(EUFOR's contingents in Bosnia and Herzegovina).
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles


def _events(tmp_path, text: str) -> set[tuple[str, str, str]]:
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return {(r.force.country, r.target.country, r.event)
            for r in extract_articles([article]).records}


ROTATED = {("AT", "BA", "withdrawn"), ("HU", "BA", "deployed")}


@pytest.mark.parametrize("text", [
    "The Austrian troops in Bosnia were replaced by Hungarian troops.",
    "Hungarian troops replaced the Austrian contingent in Bosnia.",
    "Les soldats autrichiens en Bosnie ont été remplacés par des soldats hongrois.",
    "Des soldats hongrois ont pris le relais des soldats autrichiens en Bosnie.",
    "Австрийских военных в Боснии сменили венгерские военные.",
    "Венгерские военные сменили австрийских военных в Боснии.",
    "Австрийские военные в Боснии были заменены венгерскими военными.",
    "Binh sĩ Hungary đã thay thế binh sĩ Áo tại Bosnia.",
])
def test_the_force_replaced_leaves_and_its_replacement_arrives(tmp_path, text):
    assert _events(tmp_path, text) == ROTATED


def test_a_departure_then_a_replacement_shares_the_place(tmp_path):
    # the second verb speaks for no place of its own: the replacement is at Bosnia too
    assert _events(tmp_path, "Austrian troops left Bosnia and were replaced by Hungarian "
                             "troops.") == ROTATED


def test_a_replacement_at_home_is_no_deployment(tmp_path):
    # Bosnian troops in Bosnia are at home: only the foreign force's departure is mapped
    assert _events(tmp_path, "The Austrian troops in Bosnia were replaced by Bosnian "
                             "troops.") == {("AT", "BA", "withdrawn")}
