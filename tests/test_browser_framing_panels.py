"""The HTML map opens with its presences clear of the open panels (the title, the legend,
the sources, the time bar), on a desktop, a short laptop screen and a phone; the sources
fold, and start folded when open they would cover much of the map."""

from __future__ import annotations

import pytest
from browser_pages import PHONE, SHORT, VIEWPORT, boxes_overlap, shipped_maps

#: Boxes [left, top, right, bottom] of every presence drawn on the change layer and of
#: every panel shown.
_BOXES = """() => {
    const box = e => { const r = e.getBoundingClientRect();
                       return [r.left, r.top, r.right, r.bottom]; };
    const features = [...document.querySelectorAll('.leaflet-dm-change-pane .dm-f')]
        .map(box).filter(b => b[2] > b[0]);
    const panels = [...document.querySelectorAll(
        '.dm-title, .dm-legend-box, .dm-credits, .dm-timebar, .leaflet-control-layers')]
        .map(e => ({name: e.className, box: box(e)}));
    return {features, panels};
}"""


@pytest.fixture(scope="module")
def story_maps(tmp_path_factory) -> dict[str, object]:
    maps = shipped_maps(tmp_path_factory.mktemp("framed"),
                        ("armenia-2024", "iraq-coalition-2024"))
    return {f"{name}.{lang}": path for (name, lang), path in maps.items()}


@pytest.mark.parametrize("viewport", [VIEWPORT, SHORT, PHONE], ids=["desktop", "laptop", "phone"])
@pytest.mark.parametrize("story", ["armenia-2024.en", "armenia-2024.vi", "iraq-coalition-2024.en"])
def test_the_presences_open_clear_of_the_panels(open_map, story_maps, story: str,
                                                viewport: dict[str, int]) -> None:
    view = open_map(story_maps[story], viewport=viewport)
    view.page.wait_for_timeout(200)
    seen = view.page.evaluate(_BOXES)
    assert seen["features"] and len(seen["panels"]) >= 4
    for feature in seen["features"]:
        for panel in seen["panels"]:
            assert not boxes_overlap(feature, panel["box"]), (feature, panel)
    assert view.errors == []


def test_the_sources_fold_and_start_folded_when_they_would_cover_the_map(
        open_map, story_maps) -> None:
    fold = """() => { const d = document.querySelector('.dm-credits details');
        const before = [d.open, d.querySelector('summary').getBoundingClientRect().height];
        d.querySelector('summary').click(); return [...before, d.open]; }"""
    view = open_map(story_maps["armenia-2024.en"])  # five articles: open, and foldable
    assert view.page.evaluate(fold)[0] is True
    opened, summary, after = view.page.evaluate(fold)
    assert summary > 0 and opened is False and after is True  # it was folded; clicked open
    view = open_map(story_maps["iraq-coalition-2024.en"])  # fifteen: they start folded
    height = view.page.evaluate(
        "() => document.querySelector('.dm-credits').getBoundingClientRect().height")
    assert view.page.evaluate("() => document.querySelector('.dm-credits details').open") is False
    assert height < 40
    assert view.errors == []
