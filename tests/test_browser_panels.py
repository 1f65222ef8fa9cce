"""The HTML map in Chromium: no name is written under a panel (the title, the legend, the
credits, the time bar), where no reader could see it; and a place too small to see at the
map's scale still has a symbol."""

from __future__ import annotations

import pytest
from browser_pages import PHONE, VIEWPORT

from geo.data_files import data_path
from geo.render.html import render_html
from geo.timeline import Timeline

#: Every shown name and every panel, as boxes [left, top, right, bottom].
_BOXES = """() => {
    const shown = e => getComputedStyle(e).visibility !== 'hidden'
        && getComputedStyle(e.parentElement).display !== 'none';
    const box = e => { const r = e.getBoundingClientRect();
                       return [r.left, r.top, r.right, r.bottom]; };
    const labels = [...document.querySelectorAll('.dm-label span')].filter(shown)
        .filter(e => e.getBoundingClientRect().width > 0)
        .map(e => ({text: e.textContent, box: box(e)}));
    const panels = [...document.querySelectorAll('.leaflet-control, .dm-timebar')]
        .filter(e => e.getBoundingClientRect().width > 0)
        .map(e => ({name: e.className, box: box(e)}));
    return {labels, panels};
}"""


def _hits(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.fixture(scope="module")
def iraq_map(tmp_path_factory):
    timeline = Timeline.load(data_path("scenarios", "iraq-coalition-2024.yaml"))
    path = tmp_path_factory.mktemp("iraq") / "iraq.en.html"
    path.write_text(render_html(timeline, before=timeline.view("before"),
                                after=timeline.view("after"), lang="en"), encoding="utf-8")
    return path


@pytest.mark.parametrize("viewport", [VIEWPORT, PHONE], ids=["desktop", "phone"])
def test_no_name_sits_under_a_panel(open_map, iraq_map, viewport) -> None:
    view = open_map(iraq_map, viewport=viewport)
    view.page.wait_for_timeout(200)
    seen = view.page.evaluate(_BOXES)
    assert seen["labels"] and seen["panels"]
    for label in seen["labels"]:
        for panel in seen["panels"]:
            assert not _hits(label["box"], panel["box"]), (label, panel)
    # opening the legend on a phone covers more of the map: names under it give way
    view.page.evaluate("() => document.querySelectorAll('.dm-legend-box details')"
                       ".forEach(d => { d.open = true; })")
    view.page.wait_for_timeout(200)
    seen = view.page.evaluate(_BOXES)
    for label in seen["labels"]:
        for panel in seen["panels"]:
            assert not _hits(label["box"], panel["box"]), (label, panel)
    assert view.errors == []


@pytest.fixture(scope="module")
def mali_map(tmp_path_factory):
    from small_area_story import small_area_timeline

    folder = tmp_path_factory.mktemp("mali")
    timeline = small_area_timeline(folder)
    path = folder / "mali.en.html"
    path.write_text(render_html(timeline, before=timeline.view("before"),
                                after=timeline.view("after"), lang="en"), encoding="utf-8")
    return path


_SMALL = """() => [...document.querySelectorAll('.dm-small-symbol, .dm-small-area span')]
    .filter(e => getComputedStyle(e).visibility !== 'hidden'
                 && e.getBoundingClientRect().width > 0)
    .map(e => e.textContent.trim())"""


def test_an_area_too_small_to_see_has_a_symbol_until_zoomed_in(open_map, mali_map) -> None:
    """Bamako, the capital district, is a few pixels across on a map of Mali: it gets a
    symbol and its name; zoomed in on it, its outline is enough."""
    view = open_map(mali_map)
    view.page.wait_for_timeout(200)
    shown = view.page.evaluate(_SMALL)
    assert sorted(shown) == ["", "Bamako"]  # the symbol and its name; the Gao region has none
    view.page.evaluate("() => map_deploymap.setView([12.62, -8.0], 11, {animate: false})")
    view.page.wait_for_timeout(300)
    assert view.page.evaluate(_SMALL) == []
    assert view.errors == []
