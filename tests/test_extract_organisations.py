"""An organisation named with a country's force is no second force: what a withdrawal
leaves ("the pullout of its troops from the UN mission", "выход своих военных из миссии
ООН", "rút binh sĩ khỏi phái bộ", "retirer ses soldats de la Minusma": the country's troops
leave, the mission stays), or the frame of a contingent ("Nepalese peacekeepers of
UNIFIL", "casques bleus népalais de la Finul", "Irish soldiers serving with UNIFIL").

The sentences are written for these tests; before this, each gave the mission as the force
that moved (or a second record for it). Codes: ISO 3166 (IE, RU, TD, NP, LB, ML) and
GeoNames (Naqoura, Lebanon: 278832).
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles

NAQOURA = "geonames:278832"


def _found(tmp_path, text: str) -> list[tuple[str, str, str]]:
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return [(r.force.country, r.target.key, r.event) for r in extract_articles([article]).records]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ireland announced the pullout of its troops from the UN mission in Lebanon.",
     ("IE", "LB", "withdrawal_agreed")),
    ("Россия объявила о выходе своих военных из миссии ООН в Ливане.",
     ("RU", "LB", "withdrawal_agreed")),
    ("Ireland rút binh sĩ khỏi phái bộ Liên Hợp Quốc tại Liban.", ("IE", "LB", "withdrawn")),
    ("Le Tchad va retirer ses soldats de la Minusma au Mali.",
     ("TD", "ML", "withdrawal_agreed")),
    ("Les casques bleus népalais de la Finul sont arrivés à Naqoura.",
     ("NP", NAQOURA, "deployed")),
    ("Nepalese peacekeepers of UNIFIL arrived in Naqoura.", ("NP", NAQOURA, "deployed")),
    ("Irish soldiers serving with UNIFIL left Naqoura on Monday.", ("IE", NAQOURA, "withdrawn")),
])
def test_the_country_s_force_moves_not_the_organisation(tmp_path, text, expected):
    assert _found(tmp_path, text) == [expected]


def test_the_withdrawal_of_a_mission_is_the_mission_s(tmp_path):
    """"de" after a withdrawal is "of" when no force stands between."""
    found = _found(tmp_path, "L'ONU a entamé le désengagement de la Finul au Liban.")
    assert [(c, key) for c, key, _ in found] == [("UN", "LB")], found


def test_australia_is_no_african_union(tmp_path):
    """ISO 3166 gives AU to Australia: the African Union's code is AFU."""
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\nAustralian troops arrived in Honiara on Monday. "
                       "African Union troops arrived in Baidoa on Tuesday.", encoding="utf-8")
    forces = {(r.force.country, r.force.names["en"]) for r in
              extract_articles([article]).records}
    assert ("AU", "Australian troops") in forces, forces
    assert ("AFU", "African Union troops") in forces, forces


@pytest.mark.parametrize(("text", "country", "kind"), [
    ("Australian Defence Force personnel arrived in Honiara.", "AU", "army"),
    ("RAAF aircraft landed in Honiara.", "AU", "air_force"),
    ("GSDF engineers arrived in Malakal.", "JP", "army"),
    ("Royal Navy ships arrived in Bahrain.", "GB", "navy"),
    ("L'opération Sabre a quitté Ouagadougou.", "FR", "army"),
])
def test_a_force_named_by_its_service_or_operation_is_its_country_s(tmp_path, text, country,
                                                                     kind):
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    records = extract_articles([article]).records
    assert {(r.force.country, r.force.type) for r in records} == {(country, kind)}
