"""How the static maps draw: a presentation-model style in matplotlib's terms, the basemap's
neutral colours, fonts and matplotlib settings.

Colours and treatments of presences come from :mod:`geo.render.presentation` (colour by
force, treatment by change, symbol by kind of place); this module only translates them.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from ..presentation import Style, palette

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


#: matplotlib dash patterns of each outline, for area edges and for lines.
_DASH: dict[str, dict[str, Any]] = {
    "area": {"solid": "solid", "dashed": (0, (4.0, 2.0)), "dotted": (0, (1.0, 1.6))},
    "line": {"solid": "solid", "dashed": (0, (3.0, 1.6)), "dotted": (0, (0.6, 1.4))},
}
#: matplotlib marker of each symbol.
_MARKER = {"circle": "o", "square": "s", "triangle": "^", "diamond": "D"}
#: Point sizes of the static map per CSS pixel of the HTML map's line widths.
LINE_SCALE = 0.6
#: Hatch of each force of an area, in order (the first force's is the HTML map's angle).
HATCHES: tuple[str, ...] = ("////", "\\\\\\\\", "||||", "----")


def dash(style: Style) -> Any:
    """The matplotlib line style of ``style``'s outline."""
    return _DASH["line" if style.category == "line" else "area"][style.outline]


def area_patches(style: Style) -> list[dict[str, Any]]:
    """PathPatch arguments for an area: a tint, then the hatch and the edge.

    Two patches: SVG viewers apply a patch's fill opacity to its hatch pattern too, which
    would make the hatch invisible.
    """
    from matplotlib.colors import to_rgba

    treatment = style.treatment
    patches = []
    if treatment.area_fill:
        patches.append({"facecolor": to_rgba(style.colour, treatment.area_fill),
                        "edgecolor": "none", "zorder": 2})
    # one hatch per force there, each at its own angle, so that two forces read as two
    for index, colour in enumerate(style.colours if style.hatched else style.colours[:1]):
        patches.append({"facecolor": "none", "edgecolor": style.colour if index == 0 else "none",
                        "hatch": HATCHES[index % len(HATCHES)] if style.hatched else None,
                        "hatchcolor": to_rgba(colour, treatment.hatch * 0.85),
                        "linewidth": 1.0, "linestyle": dash(style), "zorder": 2.1})
    return patches


def line_width(style: Style) -> float:
    """The width in points of a presence along a line."""
    return style.treatment.line_width * LINE_SCALE


def marker(style: Style) -> dict[str, Any]:
    """``Line2D`` marker arguments for a point."""
    from matplotlib.colors import to_rgba

    if style.treatment.point_fill:
        face = style.colour if style.certain else to_rgba(style.colour, 0.45)
        return {"marker": _MARKER.get(style.symbol, "o"), "markerfacecolor": face,
                "markeredgecolor": "white" if style.certain else style.colour,
                "markeredgewidth": 0.9 if style.certain else 1.2, "color": style.colour}
    return {"marker": _MARKER.get(style.symbol, "o"), "markerfacecolor": "white",
            "markeredgecolor": style.colour, "markeredgewidth": 1.8, "color": style.colour}


def halo_colour() -> str:
    """The colour of the halo around what is new."""
    return palette().halo


def halo(width: float = 2.4) -> list[Any]:
    """A white outline behind lines so they stay legible over anything."""
    from matplotlib import patheffects

    return [patheffects.withStroke(linewidth=width, foreground=HALO)]


def add_halo(text: Any, width: float = 2.4) -> Any:
    """A white outline behind ``text``, drawn by a copy of it, so ``text`` stays text in SVG.

    (A path effect on the text itself would turn every glyph into a path in SVG and PDF.)
    """
    from matplotlib.text import Annotation

    from .text_tiles import HaloStroke

    common = {"ha": text.get_horizontalalignment(), "va": text.get_verticalalignment(),
              "fontproperties": text.get_fontproperties(), "color": HALO,
              "linespacing": text.get_linespacing(), "zorder": text.get_zorder() - 0.01,
              "rotation": text.get_rotation(), "rotation_mode": text.get_rotation_mode(),
              "parse_math": False,
              "path_effects": [HaloStroke(linewidth=width, foreground=HALO)]}
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


__all__ = ["FONT", "HATCHES", "LINE_SCALE", "RC", "SIZES", "add_halo", "area_patches", "dash",
           "halo", "halo_colour", "line_width", "marker", "missing_glyphs", "nfc"]
