"""Every place named in the five seed articles, in the article's own spelling, resolves right."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo import Gazetteer

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

POLYGONAL = ("Polygon", "MultiPolygon")
LINEAR = ("LineString", "MultiLineString")
POINT = ("Point",)

# (seed file prefix, the words as the article writes them, expected id, kind, geometry types)
SEED_PLACES = [
    ("000", "Armenia", "AM", "country", POLYGONAL),
    ("000", "Yerevan", "AM-ER", "province", POLYGONAL),
    ("000", "Nagorno-Karabakh", "region:nagorno-karabakh", "region", POLYGONAL),
    ("000", "Nagorno - Karabakh", "region:nagorno-karabakh", "region", POLYGONAL),
    ("000", "Karabakh", "region:nagorno-karabakh", "region", POLYGONAL),
    ("000", "Azerbaijan", "AZ", "country", POLYGONAL),
    ("000", "Thổ Nhĩ Kỳ", "TR", "country", POLYGONAL),
    ("000", "Iran", "IR", "country", POLYGONAL),
    ("000", "Moscow", "geonames:524901", "city", POINT),
    ("000", "Baku", "geonames:587084", "city", POINT),
    ("000", "Nam Caucasus", "region:south-caucasus", "region", POLYGONAL),
    ("000", "Nga", "RU", "country", POLYGONAL),
    ("000", "sân bay chính của đất nước ở thủ đô Yerevan", "airport:UDYZ", "airport", POINT),
    ("000", "biên giới Armenia với Thổ Nhĩ Kỳ và Iran", "border:AM-TR+border:AM-IR", "border",
     LINEAR),
    ("001", "Nagorno- Karabakh", "region:nagorno-karabakh", "region", POLYGONAL),
    ("001", "vùng tranh chấp Nagorno- Karabakh", "region:nagorno-karabakh", "region", POLYGONAL),
    ("001", "Geneva", "geonames:2660646", "city", POINT),
    ("001", "Thụy Sĩ", "CH", "country", POLYGONAL),
    ("001", "Armavir", "AM-AV", "province", POLYGONAL),
    ("001", "vùng lãnh thổ Nagorno-Karabakh", "region:nagorno-karabakh", "region", POLYGONAL),
    ("001", "biên giới của Armenia với Thổ Nhĩ Kỳ và Iran", "border:AM-TR+border:AM-IR",
     "border", LINEAR),
    ("001", "Mỹ", "US", "country", POLYGONAL),
    ("001", "Pháp", "FR", "country", POLYGONAL),
    ("002", "Minsk", "geonames:625144", "city", POINT),
    ("002", "Belarus", "BY", "country", POLYGONAL),
    ("002", "Kazakhstan", "KZ", "country", POLYGONAL),
    ("002", "Kyrgyzstan", "KG", "country", POLYGONAL),
    ("002", "Tajikistan", "TJ", "country", POLYGONAL),
    ("002", "Gyumri", "geonames:616635", "city", POINT),
    ("002", "thị trấn Gyumri", "geonames:616635", "city", POINT),
    ("002", "căn cứ quân sự số 102 ở Gyumri", "base:102-gyumri", "base", POINT),
    ("002", "vùng ly khai Nagorno-Karabakh", "region:nagorno-karabakh", "region", POLYGONAL),
    ("003", "Tavush", "AM-TV", "province", POLYGONAL),
    ("003", "Syunik", "AM-SU", "province", POLYGONAL),
    ("003", "Vayots Dzor", "AM-VD", "province", POLYGONAL),
    ("003", "Gegharkunik", "AM-GR", "province", POLYGONAL),
    ("003", "Ararat", "AM-AR", "province", POLYGONAL),
    ("003", "Armenian-Turkish and Armenian-Iranian border", "border:AM-TR+border:AM-IR",
     "border", LINEAR),
    ("003", "Yerevan's main airport", "airport:UDYZ", "airport", POINT),
    ("003", "Nagorno-Karabakh area", "region:nagorno-karabakh", "region", POLYGONAL),
    ("003", "Moscow", "geonames:524901", "city", POINT),
    ("003", "Baku", "geonames:587084", "city", POINT),
    ("003", "Minsk", "geonames:625144", "city", POINT),
    ("004", "Armenia's borders with Turkey and Iran", "border:AM-TR+border:AM-IR", "border",
     LINEAR),
    ("004", "the country's main airport in Yerevan", "airport:UDYZ", "airport", POINT),
    ("004", "South Caucasus", "region:south-caucasus", "region", POLYGONAL),
    ("004", "Nagorno-Karabakh region", "region:nagorno-karabakh", "region", POLYGONAL),
    ("004", "Karabakh", "region:nagorno-karabakh", "region", POLYGONAL),
]


def seed_text(prefix: str) -> str:
    """The text of the seed article whose file name starts with ``prefix``."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("seed", "words", "place_id", "kind", "types"), SEED_PLACES,
                         ids=[f"{s}:{w}" for s, w, *_ in SEED_PLACES])
def test_seed_place_resolves(
    gazetteer: Gazetteer, seed: str, words: str, place_id: str, kind: str, types: tuple[str, ...]
) -> None:
    assert words in seed_text(seed), f"{words!r} is not written so in seed {seed}"
    place = gazetteer.resolve(words)
    assert (place.id, place.kind) == (place_id, kind)
    assert place.geometry.geom_type in types
    assert place.geometry.is_valid and not place.geometry.is_empty


def test_the_five_regions_are_the_provinces_not_villages(gazetteer: Gazetteer) -> None:
    for name in ("Tavush", "Syunik", "Vayots Dzor", "Gegharkunik", "Ararat"):
        place = gazetteer.resolve(name)
        assert place.kind == "province", name
        assert place.country == "AM"
