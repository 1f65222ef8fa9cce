"""How the static maps look: palette, symbols per change, fonts and matplotlib settings.

The palette is Okabe–Ito (safe for the common colour-vision deficiencies), and every change
also differs by pattern, line dash and marker fill, so nothing rests on colour alone.
"""

from __future__ import annotations

import unicodedata
from typing import Any

#: Okabe–Ito colours per change.
COLOURS: dict[str, str] = {"withdrawn": "#D55E00", "remained": "#0072B2", "new": "#009E73"}
#: Hatch per change for areas (provinces, regions): the sources name the area, not the site.
HATCHES: dict[str, str] = {"withdrawn": "////", "remained": "\\\\\\\\", "new": "++"}
#: Dash per change for lines (borders).
DASHES: dict[str, Any] = {"withdrawn": (0, (3.0, 1.2)), "remained": "solid", "new": (0, (1, 1))}
#: Marker per change for points (bases, airports): withdrawn open, the others filled.
MARKERS: dict[str, dict[str, Any]] = {
    "withdrawn": {"marker": "o", "markerfacecolor": "white", "markeredgewidth": 1.8},
    "remained": {"marker": "o", "markeredgecolor": "white", "markeredgewidth": 0.9},
    "new": {"marker": "D", "markeredgecolor": "white", "markeredgewidth": 0.9},
}

INK = "#222222"
GREY = "#666666"
LAND = "#ebe8e1"  # neighbouring countries
FOCUS = "#fcfbf8"  # the scenario's country
WATER = "#bcd6e8"
WATER_EDGE = "#8db6d3"
SEA = "#d9e7f1"  # inset background
PROVINCE_EDGE = "#b9b3a8"
BORDER = "#3d3d3d"
HALO = "white"

FONT = "DejaVu Sans"  # bundled with matplotlib; covers every Vietnamese letter

#: Font sizes in points.
SIZES: dict[str, float] = {
    "title": 14.0, "subtitle": 9.0, "heading": 9.0, "label": 7.6, "detail": 6.4,
    "country": 7.0, "city": 6.6, "legend": 7.4, "note": 6.6, "credits": 5.9, "scale": 6.2,
    "inset": 4.8,
}

#: matplotlib settings for every static map: fixed font, text kept as text in SVG, TrueType
#: fonts in PDF, a fixed SVG hash salt (ids) so reruns give the same bytes.
RC: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT],
    "svg.fonttype": "none",
    "svg.hashsalt": "deploymap",
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "hatch.linewidth": 0.7,
    "path.simplify": True,
    "path.simplify_threshold": 0.2,
    "axes.unicode_minus": False,
    "text.usetex": False,
    "savefig.facecolor": "white",
}


def halo(width: float = 2.4) -> list[Any]:
    """A white outline behind lines so they stay legible over anything."""
    from matplotlib import patheffects

    return [patheffects.withStroke(linewidth=width, foreground=HALO)]


def add_halo(text: Any, width: float = 2.4) -> Any:
    """A white outline behind ``text``, drawn by a copy of it, so ``text`` stays text in SVG.

    (A path effect on the text itself would turn every glyph into a path in SVG and PDF.)
    """
    from matplotlib import patheffects
    from matplotlib.text import Annotation

    common = {"ha": text.get_horizontalalignment(), "va": text.get_verticalalignment(),
              "fontproperties": text.get_fontproperties(), "color": HALO,
              "linespacing": text.get_linespacing(), "zorder": text.get_zorder() - 0.01,
              "parse_math": False,
              "path_effects": [patheffects.Stroke(linewidth=width, foreground=HALO)]}
    if isinstance(text, Annotation):
        copy = text.axes.annotate(text.get_text(), text.xy, xytext=text.xyann,
                                  xycoords=text.xycoords, textcoords=text.anncoords,
                                  annotation_clip=False, **common)
    else:
        copy = text.axes.text(*text.get_position(), text.get_text(),
                              transform=text.get_transform(), **common)
    copy.set_gid("halo")
    return copy


def nfc(text: str) -> str:
    """Text in composed form: one glyph per Vietnamese letter, no stray combining marks."""
    return unicodedata.normalize("NFC", text)


def missing_glyphs(texts: list[str]) -> set[str]:
    """Characters of ``texts`` that the map font (regular, bold, oblique) has no glyph for."""
    from fontTools.ttLib import TTFont
    from matplotlib import font_manager

    missing: set[str] = set()
    for weight, style in (("normal", "normal"), ("bold", "normal"), ("normal", "italic")):
        path = font_manager.findfont(
            font_manager.FontProperties(family=FONT, weight=weight, style=style),
            fallback_to_default=False)
        cmap = TTFont(path, lazy=True).getBestCmap()
        missing |= {c for text in texts for c in nfc(text) if not c.isspace()
                    and ord(c) not in cmap}
    return missing


__all__ = ["COLOURS", "DASHES", "FONT", "HATCHES", "MARKERS", "RC", "SIZES", "add_halo", "halo",
           "missing_glyphs", "nfc"]
