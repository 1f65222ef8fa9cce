"""A hand-over whose sentence names only the taker ("la rétrocession du camp de Port-Bouët à
l'armée ivoirienne", "the Bagram air base was handed over to the Afghan army") is the hand-over
of the foreign force that ran the base: the base's ``operator`` in data/curated/bases.yaml
(Port-Bouët: France; Bagram: the United States). Before this, only the taker's record (its
own army at home) was made, and the giver's none. A base no foreign force ran gives no giver.

The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles


def _found(tmp_path, text: str) -> set[tuple[str, str, str]]:
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return {(r.force.country, r.target.key, r.event)
            for r in extract_articles([article]).records}


@pytest.mark.parametrize(("text", "expected"), [
    ("La rétrocession du camp de Port-Bouët à l'armée ivoirienne a eu lieu jeudi.",
     ("FR", "base:port-bouet-43e-bima", "handed_over")),
    ("Le camp de Port-Bouët a été restitué à l'armée ivoirienne jeudi.",
     ("FR", "base:port-bouet-43e-bima", "handed_over")),
    ("The Bagram air base was handed over to the Afghan army on Friday.",
     ("US", "base:bagram", "handed_over")),
])
def test_the_giver_of_a_foreign_base_is_its_operator(tmp_path, text, expected):
    assert expected in _found(tmp_path, text)


def test_a_site_the_data_gives_no_foreign_operator_has_no_giver(tmp_path):
    found = _found(tmp_path, "The barracks in Misrata were handed over to the Libyan army on "
                             "Friday.")
    assert not any(event == "handed_over" and country not in ("XX", "LY")
                   for country, _, event in found), found
