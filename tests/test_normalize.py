"""The name normaliser: case, diacritics, apostrophes, dashes, generic words, variants."""

from __future__ import annotations

import pytest

from geo.gazetteer.normalize import normalize, skeleton, strip_generic


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Syunik'", "syunik"),
        ("SYUNIK’", "syunik"),
        ("Vayots' Dzor", "vayots dzor"),
        ("Nagorno - Karabakh", "nagorno karabakh"),
        ("Nagorno–Karabakh", "nagorno karabakh"),
        ("Nagorno- Karabakh", "nagorno karabakh"),
        ("Thổ Nhĩ Kỳ", "tho nhi ky"),
        ("Đà Nẵng", "da nang"),
        ("Armenia's border", "armenia border"),
        ("Gümrü", "gumru"),
        ("Naxçıvan", "naxcivan"),
        ("  Tavush\tprovince ", "tavush province"),
        ("Сюник", "сюник"),
        ("Սյունիք", "սյունիք"),
    ],
)
def test_normalize(raw: str, key: str) -> None:
    assert normalize(raw) == key


@pytest.mark.parametrize(
    ("raw", "stripped", "hint"),
    [
        ("Syunik Province", "syunik", "province"),
        ("tỉnh Syunik", "syunik", "province"),
        ("Syunik marz", "syunik", "province"),
        ("vùng Nagorno-Karabakh", "nagorno karabakh", "region"),
        ("Nagorno-Karabakh region", "nagorno karabakh", "region"),
        ("thị trấn Gyumri", "gyumri", "city"),
        ("the town of Ararat", "ararat", "city"),
        ("Lake Sevan", "sevan", "lake"),
        ("Syunik", "syunik", None),
        ("province", "province", None),  # nothing would be left: kept as it is
    ],
)
def test_strip_generic(raw: str, stripped: str, hint: str | None) -> None:
    assert strip_generic(normalize(raw)) == (stripped, hint)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Syunik", "Siunik"), ("Yerevan", "Erevan"), ("Gyumri", "Gjumri"), ("Tavush", "Tavoush"),
     ("Gegharkunik", "Gegarkunik"), ("Vayots Dzor", "Vayoc Zor"), ("Nakhchivan", "Nahcivan")],
)
def test_transliteration_variants_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(normalize(a)) == skeleton(normalize(b))


def test_different_places_keep_different_skeletons() -> None:
    names = ["Tavush", "Syunik", "Vayots Dzor", "Gegharkunik", "Ararat", "Armavir", "Lori",
             "Shirak", "Kotayk", "Aragatsotn", "Yerevan"]
    assert len({skeleton(normalize(n)) for n in names}) == len(names)
