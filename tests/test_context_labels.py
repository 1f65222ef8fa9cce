"""Context labels on the static maps (the capital, countries, regions) never repeat a
name the map already gives a presence, nor name the capital where a presence stands on it."""

from __future__ import annotations

from collections import Counter

from clustered_story import SCENARIO, clustered_timeline

from geo.gazetteer.lookup import Gazetteer
from geo.render.static import build_figure
from geo.timeline import Timeline


def _views(timeline: Timeline) -> dict:
    return {"before": timeline.view("before"), "after": timeline.view("after")}


def test_each_panel_names_each_place_once(tmp_path) -> None:
    story = clustered_timeline(tmp_path)
    built = build_figure(story, **_views(story), lang="en")
    for panel in built.panels:
        names = Counter(p.label.name for p in panel.placed)
        assert names["Tripoli"] == 1, panel.name  # the presence, not the capital beside it
        assert names["Misrata"] == 1 and names["Al-Watiya Air Base"] == 1


def test_a_presence_on_the_capital_under_another_name_hides_the_capitals_label(
        tmp_path) -> None:
    path = tmp_path / "tarabulus.yaml"
    path.write_text(SCENARIO.replace("label: {en: Tripoli}", "label: {en: Tarabulus}"),
                    encoding="utf-8")
    story = Timeline.load(path, gazetteer=Gazetteer(country="LY"))
    built = build_figure(story, **_views(story), lang="en", layout="change")
    names = [p.label.name for p in built.panels[0].placed]
    assert "Tarabulus" in names and "Tripoli" not in names
