"""A country's far parts frame no map: a presence "in France" beside a story in Djibouti
puts metropolitan France in the frame, not French Guiana or Réunion; the locator inset
is left out when the map itself shows half a continent; the "nothing on this day" note
keeps off the symbols of places left.

Reference coordinates are public facts: Djibouti airport 11.55 N 43.16 E, Paris 48.86 N
2.35 E, Cayenne (French Guiana) 4.94 N 52.33 W, Saint-Denis (Réunion) 20.88 S 55.45 E,
Honolulu 21.31 N 157.86 W, Jayapura (Papua, Indonesia) 2.53 S 140.72 E.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely
from clustered_story import SCENARIO as SCENARIO_LIBYA
from clustered_story import clustered_timeline
from pyproj import Transformer

from geo.gazetteer.boundaries import read_layer
from geo.gazetteer.lookup import Gazetteer
from geo.render.framing import core_parts
from geo.render.html import map_data
from geo.render.static import build_figure
from geo.render.static.projection import inset_span, projection
from geo.timeline import Timeline

DJIBOUTI, PARIS = (43.16, 11.55), (2.35, 48.86)
CAYENNE, SAINT_DENIS = (-52.33, 4.94), (55.45, -20.88)
HONOLULU, JAYAPURA = (-157.86, 21.31), (140.72, -2.53)

SCENARIO = """\
title: {en: "French forces in Djibouti"}
country: DJ
countries: [DJ, FR]
views:
  before: {date: "2024-01-01"}
  after: {date: "2024-12-31"}
forces:
  - id: fr-army
    name: {en: French troops}
    country: FR
    type: army
sources:
  - id: en
    title: French troops rotate through Djibouti
    outlet: A news site
    language: en
    published: "2024-06-12"
    url: https://example.org/djibouti
presences:
  - id: fr-djibouti
    force: fr-army
    place: {name: Djibouti-Ambouli Airport, label: {en: Djibouti airport}}
    location_precision: exact
    start: "2023"
    end: {END}
    citations: [{source: en, quote: "French troops are based at Djibouti airport."}]
  - id: fr-home
    force: fr-army
    place: FR
    location_precision: region
    start: "2023"
    end: {END}
    citations: [{source: en, quote: "The rest of the unit stayed in France."}]
"""


def _country(code: str) -> shapely.Geometry:
    return next(r["geometry"] for r in read_layer("basemap")
                if r.get("country") == code and r.get("kind") == "country")


def _timeline(folder: Path, end: str = "null", home: bool = True) -> Timeline:
    text = SCENARIO.replace("{END}", end)
    if not home:
        text = text[:text.index("  - id: fr-home")]
    path = folder / "djibouti.yaml"
    path.write_text(text, encoding="utf-8")
    return Timeline.load(path, gazetteer=Gazetteer(country="DJ"))


def _covers(box: tuple[float, float, float, float], point: tuple[float, float]) -> bool:
    west, south, east, north = box
    return west <= point[0] <= east and south <= point[1] <= north


def test_far_parts_of_a_country_are_dropped_and_island_chains_kept() -> None:
    france, usa, indonesia = _country("FR"), _country("US"), _country("ID")
    assert _covers(france.bounds, CAYENNE) and _covers(france.bounds, SAINT_DENIS)
    framed = core_parts([france])[0]
    assert _covers(framed.bounds, PARIS)
    assert not _covers(framed.bounds, CAYENNE) and not _covers(framed.bounds, SAINT_DENIS)
    assert framed.bounds[0] > -10  # Brittany's tip is at 4.8 W
    assert not _covers(core_parts([usa])[0].bounds, HONOLULU)
    assert _covers(core_parts([indonesia])[0].bounds, JAYAPURA)  # Papua stays
    # a presence near a far part keeps that part: the core is everything else's box
    guiana = core_parts([france, shapely.Point(CAYENNE)])[0]
    assert _covers(guiana.bounds, CAYENNE) and _covers(guiana.bounds, PARIS)
    assert core_parts([None, shapely.Point(PARIS)])[0] is None


@pytest.fixture(scope="module")
def djibouti(tmp_path_factory) -> Timeline:
    return _timeline(tmp_path_factory.mktemp("djibouti"))


def _window(panel) -> tuple[float, float, float, float]:
    """The panel's window in longitude/latitude (its corners and edge midpoints)."""
    crs = panel.crs
    back = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    (x0, x1), (y0, y1) = panel.ax.get_xlim(), panel.ax.get_ylim()
    xs = [x0, (x0 + x1) / 2, x1]
    ys = [y0, (y0 + y1) / 2, y1]
    lons, lats = zip(*(back.transform(x, y) for x in xs for y in ys), strict=True)
    return min(lons), min(lats), max(lons), max(lats)


def test_static_map_frames_metropolitan_france_and_djibouti_only(djibouti) -> None:
    views = {"before": djibouti.view("before"), "after": djibouti.view("after")}
    built = build_figure(djibouti, **views, lang="en", layout="change")
    panel = built.panels[0]
    frame = djibouti.change(*views.values())
    crs = projection(core_parts([*frame.geometry, _country("DJ"), _country("FR")]))
    panel.crs = crs
    window = _window(panel)
    assert _covers(window, DJIBOUTI) and _covers(window, PARIS)
    assert not _covers(window, CAYENNE) and not _covers(window, SAINT_DENIS)
    assert window[0] > -30 and window[2] < 70


def test_no_locator_when_the_map_shows_half_a_continent(djibouti, tmp_path) -> None:
    views = {"before": djibouti.view("before"), "after": djibouti.view("after")}
    wide = build_figure(djibouti, **views, lang="en", layout="change")
    libya = clustered_timeline(tmp_path)
    small = build_figure(libya, before=libya.view("before"), after=libya.view("after"),
                         lang="en", layout="change")
    assert len(wide.figure.axes) == len(small.figure.axes) - 1  # the same, less the inset
    panel = wide.panels[0]
    from geo.render.static.projection import Extent

    (x0, x1), (y0, y1) = panel.ax.get_xlim(), panel.ax.get_ylim()
    frame = djibouti.change(*views.values())
    crs = projection(core_parts([*frame.geometry, _country("DJ"), _country("FR")]))
    assert inset_span(crs, Extent(x0, x1, y0, y1)) is None


def test_html_bounds_leave_out_overseas_departments(djibouti) -> None:
    data = map_data(djibouti, before=djibouti.view("before"), after=djibouti.view("after"),
                    lang="en")
    (south, west), (north, east) = data["view"]["focus"]
    assert _covers((west, south, east, north), DJIBOUTI)
    assert _covers((west, south, east, north), PARIS)
    assert not _covers((west, south, east, north), CAYENNE)
    assert not _covers((west, south, east, north), SAINT_DENIS)


def test_nothing_note_keeps_off_the_symbols_of_places_left(tmp_path) -> None:
    """Turkish troops leave their one place, Tripoli, framed in the middle of the map:
    the after map draws only the ring of the place left, and its note says nothing is
    reported, beside the ring, not over it."""
    text = SCENARIO_LIBYA[:SCENARIO_LIBYA.index("  - id: tr-watiya")] + (
        SCENARIO_LIBYA[SCENARIO_LIBYA.index("  - id: tr-tripoli"):
                       SCENARIO_LIBYA.index("  - id: tr-misrata")])
    text = text.replace('end: null', 'end: "2020-06-20"')
    path = tmp_path / "tripoli.yaml"
    path.write_text(text, encoding="utf-8")
    timeline = Timeline.load(path, gazetteer=Gazetteer(country="LY"))
    built = build_figure(timeline, before=timeline.view("before"),
                         after=timeline.view("after"), lang="en", layout="side-by-side")
    after = built.panels[1]
    assert not any(not f.ghost for f in after.features)
    notes = [t for t in after.ax.texts if t.get_text() == "no presence reported on this day"]
    assert len(notes) == 1
    renderer = built.figure.canvas.get_renderer()
    note = notes[0].get_window_extent(renderer)
    points_to_px = built.figure.dpi / 72
    marks = [m for m in after.symbols.marks if m.ghost]
    assert marks
    for mark in marks:
        x, y = after.ax.transData.transform(mark.xy)
        half = mark.size / 2 * points_to_px
        assert not (note.x0 < x + half and x - half < note.x1
                    and note.y0 < y + half and y - half < note.y1), mark.place_id
