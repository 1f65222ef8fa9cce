"""The HTML map's drawing of a :class:`~geo.render.presentation.Style`: Leaflet path
options, SVG hatch patterns, point icons and legend swatches.

Nothing here decides a colour or a treatment: they come from the presentation model
(``data/render/style.yaml``); this module only says how Leaflet and SVG draw them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..presentation import Style, palette

#: SVG dash arrays of each outline, for areas, lines (thicker) and the edge of a point's
#: symbol: dashes (withdrawn) and round dots (unsure) stay apart at every size.
_DASH = {"area": {"solid": None, "dashed": "7 5", "dotted": "1.5 4"},
         "line": {"solid": None, "dashed": "10 7", "dotted": "1 7"},
         "point": {"solid": None, "dashed": "4 2.4", "dotted": "0.01 3.4"}}

_SHAPE_SVG = {
    "circle": '<circle cx="10" cy="10" r="6.8"/>',
    "square": '<rect x="3.6" y="3.6" width="12.8" height="12.8"/>',
    "diamond": '<path d="M10 1.8 18.2 10 10 18.2 1.8 10Z"/>',
    "triangle": '<path d="M10 2.2 18.4 17 1.6 17Z"/>',
}
_STRIPE = 2.2


def pattern_id(style: Style) -> str:
    """The id of the hatch pattern of an area style (its colours and hatch strength)."""
    colours = "-".join(c.lstrip("#") for c in style.colours)
    return f"dm-hatch-{colours}-{round(style.treatment.hatch * 100)}"


def hatch_spec(style: Style) -> list[Any]:
    """``[colours, stripe width, tint, stripe opacity]``: the pattern, for the canvas mode."""
    return [list(style.colours), _STRIPE, style.treatment.area_fill * 0.6,
            style.treatment.hatch]


def pattern_svg(style: Style) -> str:
    """An SVG ``<pattern>``: diagonal stripes, one per force colour, on a faint tint."""
    colours, stripe, tint, opacity = hatch_spec(style)
    step = 5
    width = step * len(colours)
    stripes = "".join(
        f'<rect x="{i * step}" y="0" width="{stripe}" height="{step}" fill="{c}" '
        f'fill-opacity="{opacity}"/>' for i, c in enumerate(colours))
    return (f'<pattern id="{pattern_id(style)}" patternUnits="userSpaceOnUse" width="{width}" '
            f'height="{step}" patternTransform="rotate(45)">'
            f'<rect width="{width}" height="{step}" fill="{colours[0]}" '
            f'fill-opacity="{tint}"/>{stripes}</pattern>')


def patterns_for(styles: Iterable[Style]) -> list[str]:
    """Every hatch pattern ``styles`` use, each once, in a stable order."""
    wanted = {pattern_id(s): s for s in styles if s.category == "area" and s.hatched}
    return [pattern_svg(wanted[key]) for key in sorted(wanted)]


def path_options(style: Style) -> dict[str, Any]:
    """Leaflet path options (plus ``halo``) for an area or a line."""
    treatment = style.treatment
    dash = _DASH[style.category][style.outline]
    if style.category == "area":
        if style.hatched:
            fill, opacity = f"url(#{pattern_id(style)})", 1
        else:
            fill, opacity = style.colour, treatment.area_fill or 0.04
        options: dict[str, Any] = {"color": style.colour, "weight": 2, "opacity": 0.95,
                                   "fillColor": fill, "fillOpacity": opacity}
    else:
        options = {"color": style.colour, "weight": treatment.line_width, "opacity": 0.95,
                   "lineCap": "round" if style.outline == "dotted" else "butt", "fill": False}
    if dash:
        options["dashArray"] = dash
    options["halo"] = treatment.halo
    return options


def symbol_svg(style: Style, *, size: int = 20) -> str:
    """The point symbol of ``style`` as inline SVG."""
    shape = _SHAPE_SVG.get(style.symbol or "circle", _SHAPE_SVG["circle"])
    pattern = _DASH["point"][style.outline]
    dash = f' stroke-dasharray="{pattern}"' if pattern else ""
    if style.outline == "dotted":
        dash += ' stroke-linecap="round"'  # a dot, not a dash
    if style.treatment.point_fill:
        paint = (f'fill="{style.colour}" fill-opacity="{1 if style.certain else 0.55}" '
                 f'stroke="#ffffff" stroke-width="1.6"')
        if dash:  # a lighter fill: the dots of its edge stand out
            paint = (f'fill="{style.colour}" fill-opacity="0.4" stroke="{style.colour}" '
                     f'stroke-width="2.4"{dash}')
    else:
        paint = f'fill="#ffffff" stroke="{style.colour}" stroke-width="2.4"{dash}'
    halo = (f'<circle cx="10" cy="10" r="9.6" fill="{palette().halo}" fill-opacity="0.85"/>'
            if style.treatment.halo else "")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
            f'viewBox="0 0 20 20" aria-hidden="true">{halo}<g {paint}>{shape}</g></svg>')


def point_options(style: Style) -> dict[str, Any]:
    """A point's style: the icon's SVG and its size."""
    return {"icon": symbol_svg(style), "size": 20}


def options(style: Style) -> dict[str, Any]:
    """What the map's script draws ``style`` with (points: an icon; else path options)."""
    return point_options(style) if style.category == "point" else path_options(style)


def swatch(style: Style) -> str:
    """A legend swatch drawing ``style`` as the map does."""
    if style.category == "point":
        return symbol_svg(style)
    drawn = path_options(style)
    stroke = (f'stroke="{drawn["color"]}" stroke-width="{min(drawn["weight"], 5)}" '
              f'stroke-opacity="{drawn["opacity"]}"')
    if drawn.get("dashArray"):
        stroke += f' stroke-dasharray="{drawn["dashArray"]}"'
    if drawn.get("lineCap") == "round":  # a dotted line's dots, as the map draws them
        stroke += ' stroke-linecap="round"'
    halo, colour = "", palette().halo
    if style.category == "line":
        if drawn["halo"]:
            halo = f'<path d="M2 9H30" stroke="{colour}" stroke-width="9" stroke-opacity="0.85"/>'
        shape = f'<path d="M2 9H30" fill="none" {stroke}/>'
    else:
        if drawn["halo"]:
            halo = (f'<rect x="1" y="1" width="30" height="16" fill="none" stroke="{colour}" '
                    'stroke-width="4"/>')
        shape = (f'<rect x="3" y="3" width="26" height="12" fill="{drawn["fillColor"]}" '
                 f'fill-opacity="{drawn["fillOpacity"]}" {stroke}/>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="32" height="18" '
            f'viewBox="0 0 32 18" aria-hidden="true">{halo}{shape}</svg>')


__all__ = ["hatch_spec", "options", "path_options", "pattern_id", "pattern_svg", "patterns_for",
           "point_options", "swatch", "symbol_svg"]
