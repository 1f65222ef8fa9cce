"""A story on a small part of a large country, in Chromium: the map opens on its places
(Libya's coast, not the whole of Libya), every place is named beside its symbol, no name
covers a symbol or another name, and the capital's name is not written twice."""

from __future__ import annotations

import itertools

import pytest
from browser_pages import PHONE, VIEWPORT
from clustered_story import PLACES, clustered_timeline

from geo.gazetteer.boundaries import read_layer
from geo.render.html import render_html

#: Every name the map writes, and every symbol it draws.
_SEEN = """() => {
    const shown = e => getComputedStyle(e).visibility !== 'hidden'
        && getComputedStyle(e.parentElement).display !== 'none';
    const box = e => { const r = e.getBoundingClientRect();
                       return [r.left, r.top, r.right, r.bottom]; };
    const labels = [...document.querySelectorAll('.dm-label span')].filter(shown)
        .map(e => ({kind: e.parentElement.className, text: e.textContent, box: box(e)}));
    const symbols = [...document.querySelectorAll('.dm-symbol')].map(box);
    return {labels, symbols};
}"""


def _hits(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.fixture(scope="module")
def coast_map(tmp_path_factory):
    folder = tmp_path_factory.mktemp("coast")
    story = clustered_timeline(folder)
    path = folder / "libya.en.html"
    path.write_text(render_html(story, before=story.view("before"), after=story.view("after"),
                                lang="en"), encoding="utf-8")
    return path


@pytest.mark.parametrize("viewport", [VIEWPORT, PHONE], ids=["desktop", "phone"])
def test_the_map_opens_on_the_places_and_names_each_clear_of_the_symbols(
        open_map, coast_map, viewport) -> None:
    view = open_map(coast_map, viewport=viewport)
    view.page.wait_for_timeout(200)
    west, south, east, north = view.page.evaluate(
        "() => { const b = map_deploymap.getBounds();"
        " return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; }")
    for lon, lat in PLACES.values():
        assert west < lon < east and south < lat < north
    libya = next(r["geometry"] for r in read_layer("basemap") if r.get("country") == "LY")
    lx0, ly0, lx1, ly1 = libya.bounds
    assert (east - west) * (north - south) < (lx1 - lx0) * (ly1 - ly0) / 3
    seen = view.page.evaluate(_SEEN)
    sites = [label for label in seen["labels"] if "dm-label-site" in label["kind"]]
    assert sorted(label["text"] for label in sites) == sorted(PLACES)
    for label in sites:  # on screen
        assert label["box"][0] >= 0 and label["box"][2] <= viewport["width"], label
    for label in seen["labels"]:
        for symbol in seen["symbols"]:
            assert not _hits(label["box"], symbol), (label, symbol)
    for a, b in itertools.combinations(seen["labels"], 2):
        assert not _hits(a["box"], b["box"]), (a, b)
    others = [label["text"] for label in seen["labels"] if label not in sites]
    assert "Tripoli" not in others  # the capital's own name would repeat the site's
    assert view.errors == []


def test_seed_map_names_cover_no_symbol(open_map, timeline, tmp_path) -> None:
    path = tmp_path / "seed.html"
    path.write_text(render_html(timeline, before=timeline.view("before"),
                                after=timeline.view("after"), lang="en"), encoding="utf-8")
    view = open_map(path)
    view.page.wait_for_timeout(200)
    seen = view.page.evaluate(_SEEN)
    assert len(seen["symbols"]) >= 2
    for label in seen["labels"]:
        for symbol in seen["symbols"]:
            assert not _hits(label["box"], symbol), (label, symbol)
