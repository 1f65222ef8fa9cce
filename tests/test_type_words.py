"""Legends and labels say a force's type only when its name does not (tests/test_type_words)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import shapely

from geo.render.presentation import force_colours, legend_entries, style_for
from geo.render.static.content import label_for


def _note(force_type: str, names: list[str], lang: str = "en") -> list[str]:
    """The notes of the legend lines of forces of ``force_type`` named ``names``: one line,
    one note, each."""
    forces = {f"f{i}": (name, force_type) for i, name in enumerate(names)}
    colours = force_colours(tuple((f, force_type) for f in forces))
    looks = [style_for("area", "present", (f,), colours) for f in forces]
    return [e.note for e in legend_entries(looks, forces, colours, lang)
            if e.key.startswith("force:")]


@pytest.mark.parametrize(("force_type", "name"), [
    ("border_guards", "Russian border guards"),
    ("army", "Russian troops"),
    ("army", "US-led coalition forces"),
    ("army", "Quân đội Nga"),
    ("border_guards", "Lực lượng biên phòng Nga"),
    ("navy", "Indian Navy"),
])
def test_legend_does_not_repeat_a_type_the_name_says(force_type: str, name: str) -> None:
    assert _note(force_type, [name]) == [""]
    assert _note(force_type, [name], "vi") == [""]


def test_legend_keeps_the_type_when_a_name_does_not_say_it() -> None:
    """Each force has its own line: the note goes where its own name does not say it."""
    assert _note("army", ["Iraqi Army", "Hezbollah"]) == ["", "Troops"]
    assert _note("border_guards", ["FSB"]) == ["Border guards"]


def test_legend_never_prints_the_catch_all_type() -> None:
    assert _note("other", ["Wagner"]) == [""]
    assert _note("other", ["Wagner"], "vi") == [""]


def _feature(force_type: str, strength: int | None) -> SimpleNamespace:
    row = {"place": "Malé", "place_vi": "Malé", "kind": "city", "place_id": "x",
           "force_type": force_type, "strength": strength, "strength_approximate": True,
           "change": "remained", "location_precision": "exact"}
    return SimpleNamespace(rows=[row], certain=True, shape="point",
                           geometry=shapely.Point(0, 0), place_id="x")


def test_static_label_never_prints_other_as_the_type() -> None:
    item = label_for(_feature("other", 25), "en")
    assert "other" not in item.detail.lower()
    assert "25" in item.detail
    assert label_for(_feature("army", 25), "en").detail.startswith("troops")
