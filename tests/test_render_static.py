"""Static maps: sizes, text kept as text, glyphs, reruns, alt text (the seed story); labels
by what they name, never over each other or across a border, forces sharing a site, colour
by force and treatment by change, dates at their precision (the seed story and two crowded
stories elsewhere, tests/data/static/)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path
from typing import Any

import matplotlib
import pytest
import shapely
from matplotlib.colors import to_hex
from PIL import Image
from shapely import affinity

from geo.dates import parse_date
from geo.errors import BadArgument
from geo.i18n import labels
from geo.render.alt_text import alt_text
from geo.render.presentation import scenario_colours
from geo.render.static import build_figure, render_static
from geo.render.static import map as static
from geo.render.static.labels import Placed
from geo.render.static.names import format_fuzzy
from geo.render.static.style import RC, missing_glyphs
from geo.scenario.load import load_scenario
from geo.timeline import Timeline

TITLES = {"en": "Russian forces in Armenia, before and after the May 2024 withdrawal agreement",
          "vi": "Lực lượng Nga tại Armenia trước và sau thỏa thuận rút quân tháng 5/2024"}
WITHDRAWN_PLACES = {
    "en": ["Tavush", "Syunik", "Vayots Dzor", "Gegharkunik", "Ararat",
           "Zvartnots International Airport", "Nagorno-Karabakh"],
    "vi": ["Tavush", "Syunik", "Vayots Dzor", "Gegharkunik", "Ararat", "sân bay Zvartnots",
           "Nagorno-Karabakh"],
}




@pytest.fixture(scope="module")
def maps(timeline: Timeline, days) -> dict[tuple[str, str, str], bytes]:
    """Every format of the English side-by-side map, the Vietnamese SVGs, a change PNG."""
    wanted = [("en", "side-by-side", fmt) for fmt in static.FORMATS] + [
        ("vi", "side-by-side", "svg"), ("vi", "change", "svg"), ("vi", "change", "png")]
    return {(lang, layout, fmt): render_static(timeline, **days, lang=lang, layout=layout,
                                               fmt=fmt)
            for lang, layout, fmt in wanted}


@pytest.fixture(scope="module")
def figures(timeline: Timeline, days) -> dict[tuple[str, str], Any]:
    with matplotlib.rc_context(RC):
        return {(lang, layout): build_figure(timeline, **days, lang=lang, layout=layout)
                for lang in ("en", "vi") for layout in static.LAYOUTS}


def svg_text(svg: bytes) -> str:
    """Every <text> element's content, joined by spaces."""
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg.decode("utf-8"))
    return " ".join(unescape(t) for t in texts)


def test_png_is_1600_pixels_wide_at_2x(maps) -> None:
    image = Image.open(io.BytesIO(maps["en", "side-by-side", "png"]))
    assert image.format == "PNG" and image.width == 1600
    assert 900 < image.height < 1500
    assert image.info.get("Software") == "deploymap"


def test_png_size_follows_the_arguments(timeline, days) -> None:
    data = render_static(timeline, **days, layout="change", width_px=1000, scale=1)
    assert Image.open(io.BytesIO(data)).width == 1000


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_svg_keeps_text_as_text(maps, lang: str) -> None:
    svg = maps[lang if lang == "en" else "vi", "side-by-side", "svg"]
    text = svg_text(svg)
    assert " ".join(TITLES[lang].split()) in " ".join(text.split())
    assert "font-family: 'DejaVu Sans'" in svg.decode("utf-8")


def test_vietnamese_map_names_everything_in_vietnamese(maps) -> None:
    for layout in ("side-by-side", "change"):
        text = svg_text(maps["vi", layout, "svg"])
        for words in ("THỔ NHĨ KỲ", "GRUZIA", "Biên giới với Thổ Nhĩ Kỳ", "Căn cứ quân sự số 102",
                      "Đã rút", "Ở lại", "Nguồn tin", "biên phòng", "khoảng 5.000 quân"):
            assert words in text, (layout, words)
        for english in ("TURKEY", "GEORGIA", "Border with", "Withdrawn", "Remained",
                        "border guards", "about 5,000"):
            assert english not in text, (layout, english)


def test_english_map_names(maps) -> None:
    text = svg_text(maps["en", "side-by-side", "svg"])
    for words in ("TURKEY", "GEORGIA", "Border with Turkey", "Withdrawn", "Remained",
                  "1 January 2024", "1 August 2024", "Sources", "RFE/RL", "Reuters",
                  "OpenStreetMap", "km", "Black Sea"):
        assert words in text, words


def test_pdf_is_a_pdf_with_embedded_fonts(maps) -> None:
    pdf = maps["en", "side-by-side", "pdf"]
    assert pdf.startswith(b"%PDF-") and b"/FontFile2" in pdf  # TrueType embedded
    assert b"/CreationDate" not in pdf and b"Matplotlib" not in pdf


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_character_has_a_glyph(figures, timeline: Timeline, lang: str) -> None:
    drawn = [t for layout in static.LAYOUTS for t in figures[lang, layout].texts]
    assert drawn and missing_glyphs(drawn) == set()
    scenario = timeline.scenario
    everything = [*scenario.title.values(), *(s.title for s in scenario.sources.values()),
                  *(n for f in scenario.forces.values() for n in f.names.values()),
                  *(v for values in labels().values() for v in values.values()),
                  *timeline.change(timeline.view("before"), timeline.view("after"))["place_vi"]]
    assert missing_glyphs(everything) == set()


def test_side_by_side_has_two_maps_an_inset_and_a_legend(figures) -> None:
    built = figures["en", "side-by-side"]
    assert [p.name for p in built.panels] == ["before", "after"]
    assert len(built.figure.axes) == 4  # two maps, the inset locator, the legend
    after = built.panels[1]
    assert any(f.ghost for f in after.features), "the after map outlines places left"
    assert not any(f.ghost for f in built.panels[0].features)
    assert {s for f in after.features if not f.ghost for s in f.statuses} == {"remained"}


def test_alt_text_mentions_the_withdrawn_places(timeline, days) -> None:
    for lang, places in WITHDRAWN_PLACES.items():
        for layout in static.LAYOUTS:
            text = alt_text(timeline, **days, lang=lang, layout=layout)
            assert "\n" not in text and text.count(". ") >= 3
            for place in places:
                assert place in text, (lang, place)
    english = alt_text(timeline, **days)
    assert "1 January 2024" in english and "1 August 2024" in english
    assert "Withdrawn by 1 August 2024: Russian troops and Russian border guards from Ararat" \
        in english
    assert "Armenia–Turkey border" in english and "about 5,000 troops" in english
    vietnamese = alt_text(timeline, **days, lang="vi")
    assert "Đã rút trước ngày 1/8/2024" in vietnamese
    assert "biên giới Armenia–Thổ Nhĩ Kỳ" in vietnamese


@pytest.mark.parametrize("argument", [{"lang": "fr"}, {"layout": "grid"}, {"fmt": "gif"},
                                      {"width_px": 100}, {"scale": 0}])
def test_bad_arguments(timeline, days, argument: dict[str, Any]) -> None:
    with pytest.raises(BadArgument):
        render_static(timeline, **days, **argument)


CHILD = """
import hashlib, json, sys
from geo.render.static import render_static
from geo.timeline import Timeline
timeline = Timeline.load()
days = {"before": timeline.view("before"), "after": timeline.view("after")}
wanted = json.loads(sys.argv[1])
print(json.dumps({"|".join(w): hashlib.sha256(render_static(
    timeline, **days, lang=w[0], layout=w[1], fmt=w[2])).hexdigest() for w in wanted}))
"""


def test_byte_identical_reruns_in_every_format(maps, timeline, days) -> None:
    """Again in this process (no reuse of the built figure) and in a fresh one."""
    static._LAST_BUILT.clear()
    for (lang, layout, fmt), data in maps.items():
        assert render_static(timeline, **days, lang=lang, layout=layout, fmt=fmt) == data, (
            lang, layout, fmt)
    child = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps([list(k) for k in maps])],
        capture_output=True, text=True, timeout=600, check=True,
        env={**os.environ, "PYTHONHASHSEED": "12345"})
    hashes = json.loads(child.stdout)
    for key, data in maps.items():
        assert hashes["|".join(key)] == hashlib.sha256(data).hexdigest(), key


# --- labels by what they name, never over each other or across a border ----------------
#
# Measured on the drawing itself: the window extents of the texts, symbols and lines the
# renderer draws, in display pixels. Run on the seed story and on two crowded stories of
# other countries (tests/data/static/), in both layouts, so that the rules hold for maps in
# general and not for one map.

STORIES = {"seed": None, "sahel": "sahel-2024.yaml", "syria": "syria-2025.yaml",
           "iraq": "iraq-coalition-2024.yaml", "maldives": "maldives-2024.yaml"}
#: Stories drawn in English only.
ENGLISH_ONLY = ("iraq", "maldives")
#: Points between a label's text and its symbol (or a border's drawn line) beyond which it
#: needs a leader line: about 11 CSS pixels.
MAX_GAP_PT = 8.0
#: Points a leader may stop short of its symbol (or line) and of its label.
LEADER_SLACK_PT = 3.0
CASES = [(name, lang, layout) for name in STORIES for lang in ("en", "vi")
         for layout in ("side-by-side", "change") if not (name in ENGLISH_ONLY and lang == "vi")]
CASE_IDS = ["-".join(case) for case in CASES]


@pytest.fixture(scope="module")
def stories(timeline: Timeline) -> dict[str, Timeline]:
    from geo.data_files import data_path

    folder = Path(__file__).parent / "data" / "static"
    return {name: timeline if file is None else Timeline(load_scenario(
        folder / file if (folder / file).exists() else data_path("scenarios", file)))
            for name, file in STORIES.items()}


@pytest.fixture(scope="module")
def story_figures(stories) -> dict[tuple[str, str, str], Any]:
    """Every story in both layouts, in English and (but the shipped examples) Vietnamese."""
    built = {}
    with matplotlib.rc_context(RC):
        for name, lang, layout in CASES:
            story = stories[name]
            built[name, lang, layout] = build_figure(
                story, before=story.view("before"), after=story.view("after"), lang=lang,
                layout=layout)
    return built


def _px(figure: Any, points: float) -> float:
    return points * figure.dpi / 72


def _box(extent: Any) -> Any:
    return shapely.box(extent.x0, extent.y0, extent.x1, extent.y1)


def _texts(placed: Placed) -> list[Any]:
    """The label's own texts as drawn (not their halo copies, not the leader)."""
    return [a for a in placed.artists if hasattr(a, "get_text") and a.get_text()
            and a.get_gid() != "halo"]


def _ink(text: Any, renderer: Any) -> Any:
    """The polygon a text covers: its extent, turned with it when rotated (a rotated label
    is centred on its anchor, so its level extent turns about its middle)."""
    angle = text.get_rotation() % 360
    if not angle:
        return _box(text.get_window_extent(renderer))
    assert (text.get_horizontalalignment(), text.get_verticalalignment(),
            text.get_rotation_mode()) == ("center", "center", "anchor")
    text.set_rotation(0)
    level = _box(text.get_window_extent(renderer))
    text.set_rotation(angle)
    return affinity.rotate(level, angle, origin=level.centroid)


def _label_ink(placed: Placed, renderer: Any) -> Any:
    return shapely.union_all([_ink(t, renderer) for t in _texts(placed)])


def _symbols(ax: Any, renderer: Any, key: str | None = None, *,
             halo: bool = False) -> list[Any]:
    """Extents of the point symbols drawn (of one place when ``key`` is given; ``halo``:
    with the yellow halo of what is new)."""
    kinds = ("symbol", "halo") if halo else ("symbol",)
    boxes = []
    for line in ax.get_lines():
        kind, _, place = (line.get_gid() or "").partition(" ")
        if kind in kinds and (key is None or place == key):
            boxes.append(_box(line.get_window_extent(renderer)))
    return boxes


def _lines_of(artist: Any) -> Any:
    """A drawn path as lines in display pixels."""
    path = artist.get_transform().transform_path(artist.get_path())
    return shapely.MultiLineString([p for p in path.to_polygons(closed_only=False)
                                    if len(p) >= 2])


def _drawn_lines(ax: Any, gid: str) -> list[tuple[Any, float]]:
    """The unfilled paths drawn with ``gid`` (borders, a presence along a line) in display
    pixels, each with its drawn width in pixels."""
    return [(_lines_of(a), _px(ax.figure, a.get_linewidth())) for a in ax.get_children()
            if a.get_gid() == gid and hasattr(a, "get_path") and not a.get_fill()]


def _leader(placed: Placed, renderer: Any) -> tuple[Any, Any] | None:
    """The leader's two ends as drawn: by what it names, by the label."""
    for artist in placed.artists:
        if artist.get_gid() == "leader":
            artist.update_positions(renderer)
            vertices = artist.arrow_patch.get_path().vertices
            return vertices[-1], vertices[0]  # drawn from the text to the anchor
    return None


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_labels_sit_by_what_they_name(story_figures, case) -> None:
    """A point's label within MAX_GAP_PT of its symbols, a border's within MAX_GAP_PT of
    its drawn line, an area's inside it; or joined to it by a leader that starts there
    and ends at the label."""
    built = story_figures[case]
    renderer = built.figure.canvas.get_renderer()
    gap_px, slack = _px(built.figure, MAX_GAP_PT), _px(built.figure, LEADER_SLACK_PT)
    far = []
    for panel in built.panels:
        ax = panel.ax
        for placed in panel.placed:
            if placed.label.optional:
                continue
            name, key, shape = placed.label.name, placed.label.key, placed.label.shape
            ink = _label_ink(placed, renderer)
            edge = 0.0  # how far the drawing reaches beyond ``target``
            if shape == "point":
                target = shapely.union_all(_symbols(ax, renderer, key, halo=True))
                assert not target.is_empty, f"no symbol drawn for {name}"
            elif shape == "line":
                drawn = _drawn_lines(ax, f"feature {key}")
                target = shapely.union_all([g for g, _ in drawn])
                edge = max(w for _, w in drawn) / 2
            else:
                target = shapely.transform(placed.label.geometry, ax.transData.transform)
            leader = _leader(placed, renderer)
            if leader is None:
                gap = ink.distance(target) - edge
                if (not target.contains(ink.centroid)) if shape == "area" else gap > gap_px:
                    far.append(f"{panel.name}: {name!r} {gap / gap_px * MAX_GAP_PT:.1f} pt off")
                continue
            start, end = (shapely.Point(p) for p in leader)
            there = target.contains(start) if shape == "area" else (
                start.distance(target) - edge <= slack)
            if not there or end.distance(ink) > slack:
                far.append(f"{panel.name}: {name!r} leader {start} -> {end}")
    assert not far, far


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_labels_never_overlap_labels_or_symbols(story_figures, case) -> None:
    """No two labels' texts overlap; no label covers another place's symbol; every label
    stays inside its map; every place with a presence is labelled."""
    built = story_figures[case]
    renderer = built.figure.canvas.get_renderer()
    clashes = []
    for panel in built.panels:
        inks = [(p, _label_ink(p, renderer)) for p in panel.placed]
        frame = _box(panel.ax.get_window_extent(renderer))
        for i, (placed, ink) in enumerate(inks):
            assert frame.contains(ink), placed.label.name
            for other, other_ink in inks[i + 1:]:
                if ink.intersection(other_ink).area > 1.0:  # px²: not a touching edge
                    clashes.append((panel.name, placed.label.name, other.label.name))
            for line in panel.ax.get_lines():
                gid = line.get_gid() or ""
                if gid.startswith(("symbol ", "halo ")) and gid.split(" ", 1)[1] != (
                        placed.label.key) and ink.intersects(
                            _box(line.get_window_extent(renderer))):
                    clashes.append((panel.name, placed.label.name, gid))
        presences = [p for p in panel.placed if not p.label.optional]
        assert len(presences) == len([f for f in panel.features if not f.ghost]), (
            "every place with a presence is labelled")
    assert not clashes, clashes


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_labels_never_cross_a_border_line(story_figures, case) -> None:
    """No label's text comes within a drawn border line (its drawn width): the country
    borders and the presences along borders. A border's label may lie on the country
    border drawn under its own line; across its own line it may not go either."""
    built = story_figures[case]
    renderer = built.figure.canvas.get_renderer()
    crossed = []
    for panel in built.panels:
        ax = panel.ax
        borders = _drawn_lines(ax, "border")
        features = {f.place_id: _drawn_lines(ax, f"feature {f.place_id}")
                    for f in panel.features if f.shape == "line"}
        for placed in panel.placed:
            ink = _label_ink(placed, renderer)
            own = features.get(placed.label.key) if placed.label.shape == "line" else None
            lines = [drawn for key, lines in features.items() if key != placed.label.key
                     for drawn in lines]
            if own:
                under = shapely.union_all([g for g, _ in own]).buffer(
                    max(w for _, w in own) / 2 + _px(built.figure, 2.0))
                lines += [(g.difference(under), w) for g, w in borders] + own
            else:
                lines += borders
            if any(not g.is_empty and ink.distance(g) < w / 2 for g, w in lines):
                crossed.append((panel.name, placed.label.name))
    assert not crossed, crossed


def test_forces_sharing_a_site_each_have_a_visible_symbol(story_figures) -> None:
    """Where forces share a site (Gao airport; air base 101 on Niamey's airport), each has
    its own symbol, side by side: no symbol of any map covers another."""
    for case, built in story_figures.items():
        renderer = built.figure.canvas.get_renderer()
        for panel in built.panels:
            boxes = _symbols(panel.ax, renderer)
            for i, a in enumerate(boxes):
                for b in boxes[i + 1:]:
                    assert a.intersection(b).area < 0.1 * min(a.area, b.area), (
                        case, panel.name, a.bounds, b.bounds)
    sahel = story_figures["sahel", "en", "side-by-side"]
    renderer = sahel.figure.canvas.get_renderer()
    before, after = sahel.panels
    gao = _symbols(before.ax, renderer, "airport:GAGO")  # French troops, German MINUSMA
    niamey = _symbols(after.ax, renderer, "base:niamey-101")  # US Air Force, Russians
    for boxes in (gao, niamey):
        assert len(boxes) == 2
        assert boxes[0].centroid.distance(boxes[1].centroid) >= _px(sahel.figure, 7.0)


def test_a_border_with_two_forces_draws_two_bands_side_by_side(story_figures) -> None:
    """Turkish troops (remained) and Russian patrols (withdrawn) along the Syria–Turkey
    border: two bands in the two forces' colours, apart, one solid and one dashed."""
    built = story_figures["syria", "en", "change"]
    ax = built.panels[0].ax
    bands = [a for a in ax.get_children() if a.get_gid() == "feature border:SY-TR"
             and hasattr(a, "get_edgecolor") and to_hex(a.get_edgecolor()) != "#ffffff"]
    assert len({to_hex(a.get_edgecolor()) for a in bands}) == 2
    first, second = (_lines_of(a) for a in bands[:2])
    assert first.hausdorff_distance(second) > _px(built.figure, 1.0)
    assert len({str(a.get_linestyle()) for a in bands}) == 2


def test_colour_by_force_treatment_by_change(stories, story_figures) -> None:
    """Kobani, left by the Russian military police and reached by US troops: two symbols in
    the two forces' colours, the withdrawn one open, the new one filled; the legend lists
    the forces by colour and the changes by pattern."""
    built = story_figures["syria", "en", "change"]
    ax = built.panels[0].ax
    kobani = [line for line in ax.get_lines() if line.get_gid() == "symbol geonames:172256"]
    assert len(kobani) == 2
    faces = {to_hex(line.get_markerfacecolor()) for line in kobani}
    edges = {to_hex(line.get_markeredgecolor()) for line in kobani}
    colours = scenario_colours(stories["syria"].scenario)
    assert colours.colour("ru-mp") in edges and colours.colour("us-army") in faces
    assert "#ffffff" in faces, "the withdrawn force's symbol is open"
    legend = {t.get_gid() for a in built.figure.axes for t in a.texts}
    assert {"legend-entry force:ru-mp", "legend-entry force:us-army",
            "legend-entry change:withdrawn", "legend-entry change:new",
            "legend-entry change:remained"} <= legend


def test_a_map_too_crowded_for_names_numbers_its_places(story_figures) -> None:
    """The Sahel side by side (two maps 390 CSS pixels wide) cannot hold every name by its
    symbol: some places carry a number, named in the key under the legend."""
    built = story_figures["sahel", "en", "side-by-side"]
    numbered = {p.label.number: p.label.key for panel in built.panels for p in panel.placed
                if p.label.number is not None}
    assert numbered
    key = [line for line in built.texts if line[:2].rstrip().isdigit()]
    assert len(key) == len(numbered)
    for panel in built.panels:
        for placed in panel.placed:
            if placed.label.number is not None:
                assert [t.get_text() for t in _texts(placed)] == [str(placed.label.number)]
    assert not any(p.label.number for p in story_figures["seed", "en", "side-by-side"]
                   .panels[0].placed), "the seed story's names fit"


# --- dates at their precision ------------------------------------------------------------

def _all_text(built: Any) -> str:
    return " ".join(" ".join(t.get_text() for a in [built.figure, *built.figure.axes]
                             for t in a.texts).split())


@pytest.mark.parametrize("value, lang, words", [
    ("2024-08", "en", "August 2024"), ("2024-08", "vi", "tháng 8/2024"),
    ("2023", "en", "2023"), ("2023", "vi", "năm 2023"), ("2024-05-09", "en", "9 May 2024"),
    ({"earliest": "2024-05-09", "latest": "2024-05-10"}, "en", "9–10 May 2024"),
    ({"earliest": "2020-10-31", "latest": "2020-11-01"}, "vi", "31/10 – 1/11/2020"),
    ({"earliest": "1900", "latest": "2100", "text": "unknown: no date"}, "en", "date unknown"),
    ({"earliest": "1900", "latest": "2100"}, "vi", "không rõ ngày"),
])
def test_dates_print_at_their_precision(value, lang: str, words: str) -> None:
    assert format_fuzzy(parse_date(value), lang) == words


def test_maps_keep_dates_at_their_precision(story_figures) -> None:
    """Credits give a source's month or year as such and an unknown date as unknown; a
    heading labelled by its date does not repeat it."""
    english = _all_text(story_figures["sahel", "en", "side-by-side"])
    vietnamese = _all_text(story_figures["sahel", "vi", "side-by-side"])
    assert "France completes its withdrawal from Mali”, August 2022" in english
    assert "”, 2023;" in english and "date unknown" in english
    assert "tháng 8/2022" in vietnamese and "năm 2023" in vietnamese
    assert "không rõ ngày" in vietnamese
    for text in (english, vietnamese):
        assert "1900" not in text and "1/8/2022" not in text and "1 August 2022" not in text
    assert "September 2021" in english and "September 2021 ·" not in english
    assert "June 2024 ·" not in english
    assert "Tháng 9/2021" in vietnamese and "Tháng 9/2021 ·" not in vietnamese
    seed = _all_text(story_figures["seed", "en", "side-by-side"])
    assert "Before the agreement · 1 January 2024" in seed
    assert "9–10 May 2024" in seed, "a publication date known to two days"


def test_alt_text_dates(stories) -> None:
    sahel = stories["sahel"]
    days = {"before": sahel.view("before"), "after": sahel.view("after")}
    english = alt_text(sahel, **days)
    assert "1 September 2021" in english and "1 June 2024" in english
    assert "1900" not in english and "Mali and Niger" in english
    assert "1/9/2021" in alt_text(sahel, **days, lang="vi")


def test_an_area_too_small_to_see_is_drawn_as_a_symbol(tmp_path) -> None:
    """The Bamako capital district on a map of Mali: a symbol, not an invisible patch; the
    Gao region stays an area."""
    from small_area_story import small_area_timeline

    timeline = small_area_timeline(tmp_path)
    svg = render_static(timeline, before=timeline.view("before"), after=timeline.view("after"),
                        layout="change", fmt="svg").decode("utf-8")
    assert 'id="symbol ML-BKO' in svg and 'id="feature ML-BKO' not in svg
    assert 'id="feature ML-7' in svg


FAR_AREA_SCENARIO = """\
title: {en: "Turkish forces in Iraq, 2015"}
country: IQ
countries: [IQ, TR, RU]
views:
  before: {date: "2015-11-01"}
  after: {date: "2015-12-20"}
forces:
  - {id: tr-army, name: {en: Turkish troops}, country: TR, type: army}
sources:
  - {id: en, title: Turkish troops in Iraq, outlet: A news site, language: en,
     published: "2015-12-14", url: "https://example.org/turkey-iraq"}
presences:
  - id: tr-mosul
    force: tr-army
    place: {name: Mosul}
    location_precision: exact
    start: "2015-03"
    end: "2015-12-14"
    citations: [{source: en, quote: "Turkish troops left Mosul."}]
  - id: tr-russia
    force: tr-army
    place: {name: Russia}
    location_precision: region
    start: "2015-12"
    end: null
    citations: [{source: en, quote: "A group banned in Russia."}]
"""


def test_a_country_far_across_the_projection_is_drawn(tmp_path) -> None:
    """Russia on a map centred near Iraq folds over itself when projected; the static map
    still draws (it had raised a GEOS topology error in the inset's corner choice)."""
    from geo.gazetteer.lookup import Gazetteer
    from geo.render.static.projection import project

    iraq = "+proj=laea +lat_0=36 +lon_0=43 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
    russia = Gazetteer(country="IQ").resolve("Russia").geometry
    assert shapely.is_valid(project(russia, iraq))
    path = tmp_path / "far.yaml"
    path.write_text(FAR_AREA_SCENARIO, encoding="utf-8")
    timeline = Timeline.load(path, gazetteer=Gazetteer(country="IQ"))
    png = render_static(timeline, before=timeline.view("before"), after=timeline.view("after"),
                        layout="side-by-side", fmt="png")
    assert Image.open(io.BytesIO(png)).size[0] == 1600
