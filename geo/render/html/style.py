"""How presences look: a colour and a symbol per force type, a style per change.

- Colour and point symbol tell the force type (the same on every layer).
- Areas known only at province or region level are hatched in the force colours; lines
  along a border are thick; named sites get the force type's symbol.
- Before/After and "remained" are drawn solid; "withdrawn" hollow and grey (a thin grey
  hatch keeps areas readable); "new" solid with
  a yellow halo. A dashed outline marks a presence the sources leave uncertain on that day.

Every style is a plain dict (Leaflet path options, or an SVG icon for points) that the legend
reuses, so the legend always shows exactly what the map draws.
"""

from __future__ import annotations

from typing import Any

#: Colour of each force type (scenario.schema.json lists the types).
COLOURS: dict[str, str] = {
    "border_guards": "#c4281c",
    "army": "#6a3d9a",
    "base": "#1d4f91",
    "peacekeepers": "#0e7c7b",
    "air_force": "#3d8fc6",
    "navy": "#16325c",
    "military_police": "#a6611a",
    "other": "#555555",
}
#: Point symbol of each force type.
SHAPES: dict[str, str] = {
    "border_guards": "diamond",
    "army": "circle",
    "base": "square",
    "peacekeepers": "triangle",
    "air_force": "triangle_down",
    "navy": "hexagon",
    "military_police": "pentagon",
    "other": "circle",
}
GREY = "#808080"
HALO = "#ffcf1f"
_DASH_UNCERTAIN = {"area": "7 5", "line": "11 7"}

_SHAPE_SVG = {
    "circle": '<circle cx="10" cy="10" r="6.8"/>',
    "square": '<rect x="3.6" y="3.6" width="12.8" height="12.8"/>',
    "diamond": '<path d="M10 1.8 18.2 10 10 18.2 1.8 10Z"/>',
    "triangle": '<path d="M10 2.2 18.4 17 1.6 17Z"/>',
    "triangle_down": '<path d="M1.6 3 18.4 3 10 17.8Z"/>',
    "hexagon": '<path d="M5.5 2.6h9l4.5 7.4-4.5 7.4h-9L1 10Z"/>',
    "pentagon": '<path d="M10 2 18.2 8 15.1 17.6H4.9L1.8 8Z"/>',
}


def colour(force_type: str) -> str:
    """The colour of ``force_type`` (grey-black for a type without one)."""
    return COLOURS.get(force_type, COLOURS["other"])


#: The hatch of areas a force has left (grey, thin).
WITHDRAWN_PATTERN = "dm-hatch-withdrawn"


def pattern_id(types: tuple[str, ...]) -> str:
    """The id of the hatch pattern for a set of force types."""
    return "dm-hatch-" + "-".join(types)


def pattern_svg(types: tuple[str, ...]) -> str:
    """An SVG ``<pattern>``: diagonal stripes, one per force type, on a faint tint."""
    return _stripes(pattern_id(types), [colour(t) for t in types], stripe=2.2, tint=0.1)


def withdrawn_pattern_svg() -> str:
    """The grey hatch of withdrawn areas."""
    return _stripes(WITHDRAWN_PATTERN, [GREY], stripe=1.2, tint=0.06)


def _stripes(pattern: str, colours: list[str], *, stripe: float, tint: float) -> str:
    step = 5
    width = step * len(colours)
    stripes = "".join(
        f'<rect x="{i * step}" y="0" width="{stripe}" height="{step}" fill="{c}"/>'
        for i, c in enumerate(colours))
    return (f'<pattern id="{pattern}" patternUnits="userSpaceOnUse" width="{width}" '
            f'height="{step}" patternTransform="rotate(45)">'
            f'<rect width="{width}" height="{step}" fill="{colours[0]}" '
            f'fill-opacity="{tint}"/>{stripes}</pattern>')


def patterns_for(combinations: set[tuple[str, ...]]) -> list[str]:
    """Every pattern the map and its legend use: each combination, each single type, grey."""
    wanted = set(combinations) | {(t,) for combo in combinations for t in combo}
    return [pattern_svg(c) for c in sorted(wanted)] + [withdrawn_pattern_svg()]


def style_key(category: str, status: str, types: tuple[str, ...], *, certain: bool,
              hatched: bool) -> str:
    """A short stable name for a style (the map and the legend share it)."""
    return "|".join((category, status, "+".join(types), "c" if certain else "u",
                     "h" if hatched else "s"))


def path_style(category: str, status: str, types: tuple[str, ...], *, certain: bool,
               hatched: bool) -> dict[str, Any]:
    """Leaflet path options (plus ``halo``) for an area or a line."""
    main = colour(types[0])
    if status == "withdrawn":
        if category == "area":
            options = {"color": GREY, "weight": 1.8, "opacity": 0.95, "dashArray": "5 4",
                       "fillColor": f"url(#{WITHDRAWN_PATTERN})" if hatched else GREY,
                       "fillOpacity": 1 if hatched else 0.08}
        else:
            options = {"color": GREY, "weight": 5, "opacity": 0.9, "dashArray": "8 6",
                       "lineCap": "butt"}
    elif category == "area":
        options = {"color": main, "weight": 2, "opacity": 0.95,
                   "fillColor": f"url(#{pattern_id(types)})" if hatched else main,
                   "fillOpacity": 1 if hatched else 0.35}
    else:
        options = {"color": main, "weight": 6, "opacity": 0.95, "lineCap": "butt"}
    if not certain and status != "withdrawn":
        options["dashArray"] = _DASH_UNCERTAIN[category]
    if category == "line":
        options["fill"] = False
    options["halo"] = status == "new"
    return options


def symbol_svg(force_type: str, status: str, *, certain: bool, size: int = 20) -> str:
    """The point symbol of a force type in a given state, as inline SVG."""
    shape = _SHAPE_SVG[SHAPES.get(force_type, "circle")]
    if status == "withdrawn":
        paint = f'fill="#ffffff" stroke="{GREY}" stroke-width="2"'
    elif certain:
        paint = f'fill="{colour(force_type)}" stroke="#ffffff" stroke-width="1.6"'
    else:
        paint = (f'fill="#ffffff" stroke="{colour(force_type)}" stroke-width="2.2" '
                 'stroke-dasharray="3 2"')
    halo = (f'<circle cx="10" cy="10" r="9.6" fill="{HALO}" fill-opacity="0.85"/>'
            if status == "new" else "")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
            f'viewBox="0 0 20 20" aria-hidden="true">{halo}<g {paint}>{shape}</g></svg>')


def point_style(force_type: str, status: str, *, certain: bool) -> dict[str, Any]:
    """A point's style: the icon's SVG and its size."""
    return {"icon": symbol_svg(force_type, status, certain=certain), "size": 20}


def swatch(style: dict[str, Any], category: str) -> str:
    """A legend swatch drawing ``style`` as the map does."""
    if category == "point":
        return style["icon"]
    stroke = (f'stroke="{style["color"]}" stroke-width="{min(style["weight"], 5)}" '
              f'stroke-opacity="{style["opacity"]}"')
    if style.get("dashArray"):
        stroke += f' stroke-dasharray="{style["dashArray"]}"'
    halo = ""
    if category == "line":
        if style["halo"]:
            halo = f'<path d="M2 9H30" stroke="{HALO}" stroke-width="9" stroke-opacity="0.85"/>'
        shape = f'<path d="M2 9H30" fill="none" {stroke}/>'
    else:
        if style["halo"]:
            halo = (f'<rect x="1" y="1" width="30" height="16" fill="none" stroke="{HALO}" '
                    'stroke-width="4"/>')
        shape = (f'<rect x="3" y="3" width="26" height="12" fill="{style["fillColor"]}" '
                 f'fill-opacity="{style["fillOpacity"]}" {stroke}/>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="32" height="18" '
            f'viewBox="0 0 32 18" aria-hidden="true">{halo}{shape}</svg>')


__all__ = ["COLOURS", "GREY", "HALO", "SHAPES", "WITHDRAWN_PATTERN", "colour", "path_style",
           "pattern_id", "pattern_svg", "patterns_for", "point_style", "style_key", "swatch",
           "symbol_svg", "withdrawn_pattern_svg"]
