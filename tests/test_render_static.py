"""Static maps of the seed scenario: sizes, text kept as text, glyphs, labels, reruns, alt text."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import subprocess
import sys
from html import unescape
from typing import Any

import matplotlib
import pytest
from PIL import Image

from geo.errors import BadArgument
from geo.i18n import labels
from geo.render.alt_text import alt_text
from geo.render.static import build_figure, render_static
from geo.render.static import map as static
from geo.render.static.style import RC, missing_glyphs
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


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("layout", ["side-by-side", "change"])
def test_labels_do_not_collide(figures, lang: str, layout: str) -> None:
    built = figures[lang, layout]
    for panel in built.panels:
        boxes = [placed.box for placed in panel.placed]
        frame = panel.ax.get_window_extent()
        for i, (x0, y0, x1, y1) in enumerate(boxes):
            assert frame.x0 <= x0 and x1 <= frame.x1 and frame.y0 <= y0 and y1 <= frame.y1
            for a0, b0, a1, b1 in boxes[i + 1:]:
                assert min(x1, a1) <= max(x0, a0) or min(y1, b1) <= max(y0, b0), (
                    panel.placed[i].label.name)
        presences = [p for p in panel.placed if not p.label.optional]
        assert len(presences) == len([f for f in panel.features if not f.ghost]), (
            "every place with a presence is labelled")


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
