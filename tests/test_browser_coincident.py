"""Presences at one spot on one view, in Chromium: on the Maldives' Change view a withdrawn
and a new presence share each site; both symbols must show and take clicks (drawn side by
side, as the static change map does), not one exactly over the other."""

from __future__ import annotations

import shapely

from geo.data_files import data_path
from geo.render.html import render_html
from geo.render.html.features import SPREAD_PX, spread_coincident
from geo.scenario.load import load_scenario
from geo.timeline import Timeline


def test_symbols_at_one_spot_are_spread_side_by_side() -> None:
    points = [shapely.Point(73.5, 4.2), shapely.Point(73.5, 4.2), shapely.Point(73.0, 0.6),
              shapely.Polygon([(0, 0), (1, 0), (1, 1)])]
    features = [{"k": "point"}, {"k": "point"}, {"k": "point"}, {"k": "area"}]
    spread_coincident(features, points)
    assert [f.get("o") for f in features] == [-SPREAD_PX // 2, SPREAD_PX // 2, None, None]


def test_withdrawn_and_new_at_one_place_can_both_be_seen_and_clicked(open_map, tmp_path) -> None:
    story = Timeline(load_scenario(data_path("scenarios", "maldives-2024.yaml")))
    path = tmp_path / "maldives.en.html"
    path.write_text(render_html(story, before=story.view("before"), after=story.view("after"),
                                lang="en"), encoding="utf-8")
    view = open_map(path)
    boxes = view.page.evaluate("""() => [...document.querySelectorAll(
        '.leaflet-dm-change-pane .dm-symbol')].map(e => {
            const r = e.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2]; })""")
    assert len(boxes) >= 2
    centres = {(round(x), round(y)) for x, y in boxes}
    assert len(centres) == len(boxes), "two symbols drawn at exactly one spot"
    hit = view.page.evaluate("""centres => centres.map(([x, y]) => {
        const symbol = document.elementFromPoint(x, y).closest('.dm-symbol');
        return [...document.querySelectorAll('.dm-symbol')].indexOf(symbol); })""", boxes)
    assert len(set(hit)) == len(boxes), "a symbol is covered where it is drawn"
