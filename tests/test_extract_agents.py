"""A leaving verb whose agent is a force ("the bases vacated by Ethiopian troops", "les
positions abandonnées par les soldats français", "позиции, оставленные российскими
войсками", "các căn cứ do quân đội Mỹ rời đi") is that force's: the sentence's subject does
what its other verb says, and does not leave. French participles agree with their noun
("abandonnées"), in every form.

The sentences are written for these tests, about places the annotated set does not use.
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles


def _records(tmp_path, text: str):
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return extract_articles([article]).records


@pytest.mark.parametrize("text", [
    "Turkish troops moved into the positions vacated by Russian forces in Manbij.",
    "Turkish troops have taken over the bases abandoned by the Russian military in Manbij.",
    "Les soldats turcs ont occupé les positions abandonnées par les soldats russes à Manbij.",
    "Турецкие военные заняли позиции, оставленные российскими войсками в Манбидже.",
    "Quân đội Thổ Nhĩ Kỳ đã tiếp quản các căn cứ do quân đội Nga rời đi ở Manbij.",
])
def test_the_agent_leaves_and_the_subject_arrives(tmp_path, text):
    records = _records(tmp_path, text)
    events = sorted((r.force.country, r.target.country, r.event) for r in records)
    assert events == [("RU", "SY", "withdrawn"), ("TR", "SY", "deployed")], [
        (r.force.country, r.target.key, r.event, r.trigger) for r in records]


@pytest.mark.parametrize("text", [
    "Turkish troops took over the base in Manbij after Russian troops withdrew.",
    "Turkish troops entered Manbij following the withdrawal of Russian forces.",
    "Les soldats turcs ont repris la base de Manbij après le départ des soldats russes.",
    "Турецкие военные заняли базу в Манбидже после ухода российских войск.",
    "Quân đội Thổ Nhĩ Kỳ tiếp quản toàn bộ căn cứ ở Manbij sau khi quân đội Nga rút đi.",
])
def test_after_another_force_left_the_subject_arrives(tmp_path, text):
    records = _records(tmp_path, text)
    events = sorted({(r.force.country, r.target.country, r.event) for r in records})
    assert events == [("RU", "SY", "withdrawn"), ("TR", "SY", "deployed")], [
        (r.force.country, r.target.key, r.event, r.trigger) for r in records]


def test_after_its_own_departure_a_hand_over_is_one_force(tmp_path):
    records = _records(tmp_path, "The base in Manbij was handed over to Turkish troops "
                                 "after the departure of Russian forces.")
    events = {(r.force.country, r.event) for r in records}
    assert ("RU", "handed_over") in events and ("TR", "withdrawn") not in events, events


def test_no_agent_keeps_one_verb_for_all(tmp_path):
    records = _records(tmp_path, "Russian and Turkish troops left Manbij on Monday.")
    assert sorted((r.force.country, r.event) for r in records) == [
        ("RU", "withdrawn"), ("TR", "withdrawn")]


@pytest.mark.parametrize("word", ["abandonnées", "retirés", "envoyées", "rentrés"])
def test_french_participles_agree(tmp_path, word):
    # simplemma lists "abandonné" and "abandonnée" but not "abandonnées"
    from geo.extract.lexicon import lexicon
    from geo.extract.text import sentences

    sentence = sentences(f"Les unités {word} hier.")[0]
    assert any(t.start == 2 for t in [type("T", (), {"start": s})
                                       for s, _, v in lexicon().triggers.find(sentence)
                                       if v is not None]), word


def test_the_entrance_of_a_town_is_no_arrival(tmp_path):
    records = _records(tmp_path, "Des soldats turcs ont été vus à l'entrée de Manbij, "
                                 "où les soldats russes restent déployés.")
    assert ("TR", "deployed") not in {(r.force.country, r.event) for r in records}, [
        (r.force.country, r.target.key, r.event, r.trigger) for r in records]
