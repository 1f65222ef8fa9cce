"""A force ambushed or attacked somewhere was there on that day: "was ambushed near Kidal",
"victime d'une violente embuscade ... dans la zone de Kidal", "попала в засаду под Кидалем",
"bị phục kích tại Kidal" gave no record ("no verb"). Phrases with an elided article
("victimes d'une embuscade") are found by the sentence scan as the word matcher finds them,
and "la Légion d'Afrique" is Russia's Africa Corps.

The sentences are written for these tests (Kidal: GeoNames 2455290, Mali).
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles
from geo.extract.lexicon import lexicon

KIDAL = "geonames:2455290"


def _found(tmp_path, text: str) -> set[tuple[str, str, str, str]]:
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return {(r.force.country, r.force.type, r.target.key, r.event)
            for r in extract_articles([article]).records}


@pytest.mark.parametrize(("text", "expected"), [
    ("A convoy of Russian mercenaries was ambushed near Kidal on Saturday.",
     ("RU", "pmc", KIDAL, "deployed")),
    ("Un convoi de la Légion d'Afrique a été victime d'une violente embuscade dans la zone "
     "de Kidal.", ("RU", "pmc", KIDAL, "deployed")),
    ("Колонна российских военных попала в засаду под Кидалем.",
     ("RU", "army", KIDAL, "deployed")),
    ("Đoàn xe của lính đánh thuê Nga bị phục kích tại Kidal.", ("RU", "pmc", KIDAL, "deployed")),
])
def test_a_force_ambushed_somewhere_was_there(tmp_path, text, expected):
    assert expected in _found(tmp_path, text)


def test_the_scan_finds_phrases_with_an_elided_article():
    scan = lexicon().scan
    assert "force" in scan.tags("des éléments de la légion d'afrique sont là")
