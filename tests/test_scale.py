"""deploymap at scale: the synthetic scenario of 100,000 presences (``bench/synthetic.py``).

Speed is measured by ``python bench/run.py``, not asserted here. These tests check what
must hold at scale: a snapshot of 100,000 presences gives exactly the rows the rule of
:func:`geo.timeline.in_force` gives; the large map's popups are the small map's, piece for
piece; and the 100,000-presence map opens in Chromium without errors, draws every feature
(points clustered), and its clusters, popups, layers and swipe work.

Needs the system Chromium and Playwright, like ``test_browser.py`` (they fail, not skip).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from geo.dates import FuzzyDate
from geo.errors import BadArgument, ScenarioError
from geo.gazetteer.place import Place
from geo.render.html import map_data, render_html
from geo.render.html.features import CANVAS_FROM
from geo.scenario import build_scenario
from geo.scenario.model import Citation, Force, Presence, Source
from geo.timeline import CHANGES, Timeline, in_force

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from synthetic import synthetic_scenario

COUNT = 100_000
VIEWPORT = {"width": 1280, "height": 820}
DAYS = (dt.date(1991, 6, 1), dt.date(2001, 3, 15), dt.date(2024, 1, 1), dt.date(2024, 5, 9),
        dt.date(2024, 8, 1), dt.date(2031, 1, 1))


@pytest.fixture(scope="module")
def big() -> Timeline:
    return Timeline(synthetic_scenario(COUNT))


def test_the_synthetic_scenario_is_what_it_says(big: Timeline) -> None:
    presences = big.scenario.presences
    assert len(presences) == COUNT
    kinds = {p.place.geometry.geom_type for p in presences}
    assert kinds == {"Point", "Polygon"}
    years = {p.start.earliest.year for p in presences if p.start}
    assert min(years) <= 1992 and max(years) == 2025  # ("winter 1991" for January 1992)
    assert {p.start.precision for p in presences if p.start} == {
        "day", "month", "year", "approximate"}
    again = synthetic_scenario(1000)
    assert [(p.id, p.start, p.place.geometry.wkb) for p in again.presences] == [
        (p.id, p.start, p.place.geometry.wkb) for p in synthetic_scenario(1000).presences]


def test_a_snapshot_of_100k_has_exactly_the_rows_the_rule_gives(big: Timeline) -> None:
    presences = big.scenario.presences
    for day in DAYS:
        frame = big.snapshot(day)
        expected = [(p.id, must) for p in presences
                    for may, must in [in_force(p, day)] if may]
        assert list(zip(frame["presence_id"], frame["certain"], strict=True)) == expected, day
    by_id = {p.id: p for p in presences}
    for row in frame.sample(200, random_state=1).itertuples():
        presence = by_id[row.presence_id]
        assert row.place_id == presence.place.id and row.geometry is presence.place.geometry
        assert row.force_id == presence.force
        assert row.start == (str(presence.start) if presence.start else "")
        assert row.quotes == " | ".join(f"[{c.source}] {c.quote}" for c in presence.citations)


def test_the_change_of_100k_labels_and_orders_every_row(big: Timeline) -> None:
    before, after = big.view("before"), big.view("after")
    change = big.change(before, after)
    by_id = {p.id: p for p in big.scenario.presences}
    expected = {}
    for presence in big.scenario.presences:
        was, now = in_force(presence, before)[0], in_force(presence, after)[0]
        if was or now:
            expected[presence.id] = "remained" if was and now else "withdrawn" if was else "new"
    assert dict(zip(change["presence_id"], change["change"], strict=True)) == expected
    keys = [(CHANGES.index(c), i) for c, i in zip(change["change"], change["presence_id"],
                                                   strict=True)]
    assert keys == sorted(keys)
    for row in change.sample(300, random_state=2).itertuples():
        assert row.certain_before == in_force(by_id[row.presence_id], before)[1]
        assert row.certain_after == in_force(by_id[row.presence_id], after)[1]


def _join(canvas: dict, ids: list[int]) -> str:
    """What deploymap-canvas.js does: pieces, and groups of pieces (negative numbers)."""
    return "".join(_join(canvas, canvas["groups"][-1 - i]) if i < 0 else canvas["frags"][i]
                   for i in ids)


def _popup(data: dict, features: dict, index: int) -> str:
    return _join(data["canvas"], features["pop"][index])


def _tooltip(data: dict, features: dict, index: int) -> str:
    canvas = data["canvas"]
    return _join(canvas, [canvas["tipOpen"], features["pop"][index][1], features["tip"][index]])


def test_the_large_map_popups_are_the_small_map_popups_piece_for_piece() -> None:
    timeline = Timeline(synthetic_scenario(3000, seed=7))
    days = {"before": timeline.view("before"), "after": timeline.view("after")}
    for lang in ("en", "vi"):
        svg = map_data(timeline, **days, lang=lang, draw="svg")
        canvas = map_data(timeline, **days, lang=lang, draw="canvas")
        keys = canvas["canvas"]["styleKeys"]
        assert "canvas" not in svg
        for small, large in zip(svg["layers"], canvas["layers"], strict=True):
            features = large["features"]
            assert [f["pop"] for f in small["features"]] == [
                _popup(canvas, features, i) for i in range(len(features["g"]))]
            assert [f["tip"] for f in small["features"]] == [
                _tooltip(canvas, features, i) for i in range(len(features["g"]))]
            assert [f["g"] for f in small["features"]] == features["g"]
            assert [f["s"] for f in small["features"]] == [keys[s] for s in features["s"]]
        # the small map's Day layer (its time slider) adds the shapes of presences in
        # force on neither day after those of the three layers
        assert svg["geoms"][:len(canvas["geoms"])] == canvas["geoms"]
        assert canvas["days"] is None and len(svg["days"]["features"]) == 3000


def test_the_map_switches_to_canvas_from_the_threshold(timeline: Timeline, days) -> None:
    assert "canvas" not in map_data(timeline, **days, lang="en")  # the seed story: SVG
    many = Timeline(synthetic_scenario(CANVAS_FROM, seed=3))
    data = map_data(many, **{"before": many.view("before"), "after": many.view("after")},
                    lang="en")
    assert "canvas" in data
    assert sum(len(layer["features"]["g"]) for layer in data["layers"]) >= CANVAS_FROM
    with pytest.raises(BadArgument, match="draw mode"):
        render_html(timeline, **days, draw="webgl")


def test_build_scenario_checks_meaning_and_reports_every_problem() -> None:
    day = FuzzyDate(dt.date(2024, 1, 1), dt.date(2024, 1, 1), "day")
    early = FuzzyDate(dt.date(2020, 1, 1), dt.date(2020, 1, 1), "day")
    import shapely

    place = Place("x:1", "Somewhere", "base", {"en": ("Somewhere",)}, shapely.Point(45, 40),
                  "test")
    force = Force("f", {"en": "A force"}, "RU", "army")
    source = Source("s", "A report", "An outlet", "en", day, url="https://example.org/")
    cite = (Citation("s", "They were there."),)

    def presence(pid: str, **changes: Any) -> Presence:
        fields = {"force": "f", "start": early, "end": None, "citations": cite} | changes
        return Presence(pid, fields["force"], place, {}, "exact", fields["start"],
                        fields["end"], "", fields["citations"])

    good = build_scenario(forces=[force], sources=[source], views={
        "before": dt.date(2021, 1, 1), "after": dt.date(2024, 6, 1)},
        presences=[presence("a", end=day)])
    assert good.presences[0].first_reported == dt.date(2024, 1, 1)  # from its source
    assert Timeline(good).snapshot(dt.date(2021, 1, 1))["presence_id"].tolist() == ["a"]
    with pytest.raises(ScenarioError) as caught:
        build_scenario(forces=[force, force], sources=[source], views={"before": early.earliest},
                       presences=[presence("a"), presence("a"), presence("b", force="g"),
                                  presence("c", citations=(Citation("nope", "q"),)),
                                  presence("d", start=day, end=early), presence("e")])
    problems = "\n".join(caught.value.problems)
    for words in ("duplicate force id 'f'", "duplicate presence id 'a'", "no 'after' view",
                  "unknown force 'g'", "unknown source 'nope'", "ends (2020-01-01) before",
                  "overlaps"):
        assert words in problems, words


# -- the 100,000-presence map in Chromium ---------------------------------------------------


@pytest.fixture(scope="module")
def big_map(big: Timeline, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    path = tmp_path_factory.mktemp("scale") / "synthetic.html"
    text = render_html(big, before=big.view("before"), after=big.view("after"))
    path.write_text(text, encoding="utf-8")
    found = re.search(r'<script type="application/json" id="deploymap-data">(.*?)</script>',
                      text, re.DOTALL)
    assert found, "a large map carries its data as JSON"
    return path, json.loads(found.group(1))


@pytest.fixture(scope="module")
def page(browser: Any, big_map: tuple[Path, dict]) -> Iterator[Any]:
    context = browser.new_context(viewport=VIEWPORT)
    opened = context.new_page()
    opened.errors, opened.refused = [], []

    def route(route: Any) -> None:
        if route.request.url.startswith(("file:", "data:", "about:")):
            route.continue_()
        else:
            opened.refused.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    opened.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
    opened.on("pageerror", lambda e: opened.errors.append(str(e)))
    opened.goto(big_map[0].as_uri(), timeout=60_000)
    opened.wait_for_function(
        "() => performance.getEntriesByName('deploymap-features-drawn-change').length",
        timeout=60_000)
    yield opened
    context.close()


def _expected(data: dict, layer: str) -> dict[str, int]:
    spec = next(s for s in data["layers"] if s["id"] == layer)
    kinds = [data["geoms"][g]["t"] for g in spec["features"]["g"]]
    points = sum(kind in ("P", "MP") for kind in kinds)
    return {"features": len(kinds), "points": points, "paths": len(kinds) - points}


def _stats(page: Any, layer: str) -> dict[str, Any]:
    return page.evaluate(f"map_deploymap.deploymap.groups['{layer}'].stats()")


def _screen(page: Any, lat: float, lon: float) -> tuple[float, float]:
    return tuple(page.evaluate(
        "([lat, lon]) => { const p = map_deploymap.latLngToContainerPoint([lat, lon]);"
        " const r = map_deploymap.getContainer().getBoundingClientRect();"
        " return [p.x + r.left, p.y + r.top]; }", [lat, lon]))


def _settle(page: Any, layer: str = "change") -> None:
    page.wait_for_function(f"""() => {{
        const s = map_deploymap.deploymap.groups['{layer}'].stats();
        return s.drawn && s.drawn.complete && s.drawn.zoom === map_deploymap.getZoom()
            && !map_deploymap._animatingZoom; }}""", timeout=20_000)
    page.wait_for_timeout(100)


def test_the_100k_map_opens_and_draws_every_feature(page: Any, big_map, big: Timeline) -> None:
    _, data = big_map
    assert page.errors == [] and page.refused == []
    expected = _expected(data, "change")
    assert expected["features"] == len(big.change(big.view("before"), big.view("after")))
    stats = _stats(page, "change")
    assert {k: stats[k] for k in expected} == expected
    assert stats["singles"] + stats["clustered"] == expected["points"]  # every point counted
    assert 0 < stats["clusters"] < expected["points"] / 20  # clustered at the opening zoom
    assert stats["drawn"]["complete"] and stats["drawn"]["paths"] > 0
    assert _stats(page, "before")["draws"] == 0  # hidden layers are not drawn
    legend = page.inner_text(".dm-legend-box")
    assert "A number in a ring" in legend
    assert "articles)" in page.inner_text(".dm-credits")  # 2,000 sources: folded


def test_a_cluster_says_how_many_and_zooms_in_when_clicked(page: Any) -> None:
    zoom = page.evaluate("map_deploymap.getZoom()")
    clusters = page.evaluate("map_deploymap.deploymap.groups.change.clusters()")
    inside = [c for c in clusters
              if 300 < _screen(page, *c["at"])[0] < 900 and 180 < _screen(page, *c["at"])[1] < 700]
    target = max(inside, key=lambda c: c["n"])
    x, y = _screen(page, *target["at"])
    page.mouse.move(x - 3, y - 3)
    page.mouse.move(x, y, steps=2)
    tooltip = page.locator(".leaflet-tooltip")
    tooltip.wait_for(timeout=5000)
    assert f"{target['n']:,} places here" in tooltip.inner_text()
    page.mouse.click(x, y)
    page.wait_for_function(f"map_deploymap.getZoom() > {zoom}", timeout=10_000)
    _settle(page)
    assert page.errors == []


def _isolated_point(data: dict, layer: str, big: Timeline, *, apart: float = 0.006) -> int:
    """A point feature of ``layer`` with no other point of the layer within ``apart``°."""
    spec = next(s for s in data["layers"] if s["id"] == layer)
    points = [(i, data["geoms"][g]["c"]) for i, g in enumerate(spec["features"]["g"])
              if data["geoms"][g]["t"] == "P"]
    at = np.array([c for _, c in points])
    cells: dict[tuple[int, int], int] = {}
    for lat, lon in at:
        key = (int(lat // apart), int(lon // apart))
        cells[key] = cells.get(key, 0) + 1
    for (index, (lat, lon)) in points:
        key = (int(lat // apart), int(lon // apart))
        if all(cells.get((key[0] + a, key[1] + b), 0) == (a == b == 0)
               for a in (-1, 0, 1) for b in (-1, 0, 1)):
            return index
    raise AssertionError("no isolated point")


def test_a_point_opens_its_popup_with_its_quote(page: Any, big_map, big: Timeline) -> None:
    _, data = big_map
    index = _isolated_point(data, "change", big)
    spec = next(s for s in data["layers"] if s["id"] == "change")
    lat, lon = data["geoms"][spec["features"]["g"][index]]["c"]
    page.evaluate(f"void map_deploymap.setView([{lat}, {lon}], 12, {{animate: false}})")
    _settle(page)
    assert _stats(page, "change")["clusters"] == 0  # at zoom 12 no point is clustered
    tip = _tooltip(data, spec["features"], index)
    place = re.search(r"<b>(.*?)</b>", tip).group(1)
    presence = next(p for p in big.scenario.presences if p.place.name == place)
    x, y = _screen(page, lat, lon)
    page.mouse.move(x - 2, y - 2)
    page.mouse.move(x, y, steps=2)
    page.locator(".leaflet-tooltip").wait_for(timeout=5000)
    assert place in page.locator(".leaflet-tooltip").inner_text()
    page.mouse.click(x, y)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5000)
    text = popup.inner_text()
    assert place in text and presence.citations[0].quote in text
    page.keyboard.press("Escape")
    assert page.errors == []


def test_layers_toggle_and_the_swipe_clips_the_canvas(page: Any, big_map, big) -> None:
    _, data = big_map
    for layer in ("before", "after"):
        page.click(f'.leaflet-control-layers [data-layer="{layer}"]')
        _settle(page, layer)
        expected = _expected(data, layer)
        stats = _stats(page, layer)
        assert {k: stats[k] for k in expected} == expected
    # ticking Before put the Change away (the swipe compares the two days alone)
    assert page.evaluate("map_deploymap.hasLayer(map_deploymap.deploymap.groups.change)") is False
    index = _isolated_point(data, "after", big)
    spec = next(s for s in data["layers"] if s["id"] == "after")
    lat, lon = data["geoms"][spec["features"]["g"][index]]["c"]
    page.evaluate(f"void map_deploymap.setView([{lat}, {lon}], 12, {{animate: false}})")
    _settle(page, "after")
    hit = ("([lat, lon]) => { const f = map_deploymap.deploymap.groups.after.hit("
           "map_deploymap.latLngToLayerPoint([lat, lon])); return f && f.feature; }")

    def swipe(value: float) -> None:
        page.evaluate("""value => { const range = document.querySelector('.dm-swipe-range');
            range.value = value; range.dispatchEvent(new Event('input', {bubbles: true})); }""",
                      value)

    swipe(0.0)  # the whole map shows the after day
    assert page.evaluate(hit, [lat, lon]) == index
    swipe(1.0)  # the whole map shows the before day: the after canvas is clipped away
    assert page.evaluate(hit, [lat, lon]) is None
    assert page.errors == []
