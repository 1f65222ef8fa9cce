"""A force named as the enemy ("to fight against Russian mercenaries", "pour combattre
les forces russes", "для борьбы с украинскими войсками", "đẩy lùi lực lượng Ukraine")
makes no record, and its nationality is not lent to the force that moves.

The sentences are written for these tests, about places the annotated set does not use.
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles
from geo.extract.events import find_forces
from geo.extract.text import sentences


def _records(tmp_path, text: str):
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return extract_articles([article]).records


@pytest.mark.parametrize(("text", "enemy"), [
    ("Turkey sent 500 soldiers to Tripoli to fight against Russian mercenaries.", "RU"),
    ("Chadian troops were deployed to Mopti to push back Wagner fighters.", "RU"),
    ("La Turquie a envoyé 500 soldats à Tripoli pour combattre les mercenaires russes.",
     "RU"),
    ("Турция направила 500 военных в Триполи для борьбы с российскими наемниками.", "RU"),
    ("Thổ Nhĩ Kỳ đã điều 500 binh sĩ tới Tripoli để chống lại lính đánh thuê Nga.", "RU"),
])
def test_the_enemy_makes_no_record(tmp_path, text, enemy):
    records = _records(tmp_path, text)
    assert records, text
    assert not any(r.force.country == enemy for r in records), \
        [(r.force.id, r.mention) for r in records]


@pytest.mark.parametrize("text", [
    "Turkey sent 500 soldiers to Tripoli to fight against Russian mercenaries.",
    "Турция направила 500 военных в Триполи для борьбы с российскими наемниками.",
])
def test_the_mover_keeps_its_own_country(tmp_path, text):
    records = _records(tmp_path, text)
    assert {(r.force.country, r.event) for r in records} == {("TR", "deployed")}, \
        [(r.force.id, r.mention) for r in records]


def test_a_force_far_from_the_word_or_past_a_comma_is_no_enemy():
    sentence = sentences("They fought hard, and Egyptian soldiers stayed in Baidoa.")[0]
    assert [f.country for f in find_forces(sentence)] == ["EG"]
    sentence = sentences("Operations against the insurgents continue while Egyptian "
                         "soldiers stay in Baidoa.")[0]
    assert [f.country for f in find_forces(sentence)] == ["EG"]


@pytest.mark.parametrize("text", [
    "About 200 Polish soldiers left Poland on Monday and arrived in Pristina to join "
    "KFOR.",
    "Около 200 польских военных покинули Польшу для усиления КФОР.",
])
def test_the_force_joined_does_not_leave_the_movers_home(tmp_path, text):
    # the Polish soldiers leave home (no record); the force they join does not leave Poland
    records = _records(tmp_path, text)
    assert not any(r.target.key == "PL" for r in records), \
        [(r.force.id, r.event, r.target.key) for r in records]
