"""Where a map opens: around the presences when they fill a small part of the country
(a few places on Libya's coast, the country named and shown in the inset), the whole
country otherwise (the seed story)."""

from __future__ import annotations

from collections import Counter

import pytest
import shapely
from clustered_story import PLACES, clustered_timeline

from geo.gazetteer.boundaries import read_layer
from geo.render.framing import MIN_SPAN_KM, opening_box
from geo.render.html import map_data
from geo.render.static import build_figure
from geo.render.static.projection import project, projection
from geo.timeline import Timeline


def _country(code: str) -> shapely.Geometry:
    return next(r["geometry"] for r in read_layer("basemap") if r.get("country") == code)


def _area(box: tuple[float, float, float, float]) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


@pytest.fixture(scope="module")
def libya(tmp_path_factory) -> Timeline:
    return clustered_timeline(tmp_path_factory.mktemp("libya"))


def _views(timeline: Timeline) -> dict:
    return {"before": timeline.view("before"), "after": timeline.view("after")}


def test_clustered_presences_are_framed_and_spread_ones_are_not(timeline) -> None:
    coast = [shapely.Point(lon, lat) for lon, lat in PLACES.values()]
    box = opening_box(coast, [_country("LY")])
    assert box is not None
    assert all(shapely.box(*box).contains(p) for p in coast)
    assert _area(box) < _area(_country("LY").bounds) / 10
    one = opening_box(coast[:1], [_country("LY")])  # one place keeps its surroundings
    assert one is not None and (one[3] - one[1]) * 111 >= MIN_SPAN_KM - 1
    seed = timeline.change(timeline.view("before"), timeline.view("after"))
    assert opening_box(list(seed.geometry), [_country("AM")]) is None


def test_html_opens_on_the_presences_not_the_whole_country(libya, timeline) -> None:
    data = map_data(libya, **_views(libya), lang="en")
    (south, west), (north, east) = data["view"]["fit"]
    for lon, lat in PLACES.values():
        assert west < lon < east and south < lat < north
    assert _area((west, south, east, north)) < _area(_country("LY").bounds) / 10
    (s, w), (n, e) = data["view"]["focus"]  # the reader may still scroll over the country
    assert _area((w, s, e, n)) >= _area(_country("LY").bounds) * 0.9
    seed = map_data(timeline, **_views(timeline), lang="en")
    assert "fit" not in seed["view"]


def test_static_map_frames_the_coast_names_the_country_and_each_place_once(libya) -> None:
    built = build_figure(libya, **_views(libya), lang="en", layout="change")
    panel = built.panels[0]
    names = Counter(p.label.name for p in panel.placed)
    assert names["Tripoli"] == 1  # the presence's label, not the capital's beside it
    assert names["Misrata"] == 1 and names["Al-Watiya Air Base"] == 1
    assert names["LIBYA"] == 1  # the country the map shows part of
    frame = libya.change(*_views(libya).values())
    opening = opening_box(list(frame.geometry), [_country("LY")])
    crs = projection([shapely.segmentize(shapely.box(*opening), 0.25)])  # as the map does
    (xmin, xmax), (ymin, ymax) = panel.ax.get_xlim(), panel.ax.get_ylim()
    window = shapely.box(xmin, ymin, xmax, ymax)
    for feature in panel.features:
        assert window.contains(feature.geometry)
    assert window.area < shapely.envelope(project(_country("LY"), crs)).area / 10


def test_a_place_far_from_the_country_is_not_framed_alone() -> None:
    """A base at the North Pole in a story about Armenia: the map shows both, as before
    (framing it alone would lose the story's country), and no box crosses a pole."""
    assert opening_box([shapely.Point(0, 90)], [_country("AM")]) is None
    svalbard = opening_box([shapely.Point(16, 84.9)], [shapely.box(-30, 60, 60, 86)])
    assert svalbard is not None and svalbard[1] < svalbard[3] <= 85


def test_a_geometry_is_projected_once_and_the_same_as_ever() -> None:
    from geo.render.static.projection import Extent, projected, simplified, simplify

    crs = projection([shapely.box(44, 39, 46, 41)])
    place = shapely.buffer(shapely.Point(45, 40), 0.5)
    first = projected(place, crs)
    assert projected(place, crs) is first and shapely.equals_exact(first, project(place, crs), 0)
    assert projected(shapely.Point(45, 40), crs) is not projected(shapely.Point(45, 40), crs)
    extent = Extent(-1e5, 1e5, -1e5, 1e5)
    assert simplified(first, extent) is simplified(first, extent)
    assert shapely.equals_exact(simplified(first, extent), simplify(first, extent), 0)
