"""Drawing onto a map's axes: basemap, presences by change, scale bar, inset locator.

Geometries arrive projected (metres, see :mod:`geo.render.static.projection`); every function draws
and returns what the label placer must avoid (display boxes) or may use (anchors).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path as MplPath

from ...i18n import label
from ..presentation import Style
from .projection import Basemap, Extent, Inset
from .style import (
    BORDER,
    FOCUS,
    GREY,
    INK,
    LAND,
    PROVINCE_EDGE,
    SEA,
    SIZES,
    WATER,
    WATER_EDGE,
    add_halo,
    area_patches,
    dash,
    halo_colour,
    line_width,
    marker,
    nfc,
)
from .symbols import CAPITAL_SIZE, HALO_GROWTH, Layout, layout, one_per_force

AREA_KINDS = ("Polygon", "MultiPolygon")
LINE_KINDS = ("LineString", "MultiLineString", "LinearRing")


def polygon_path(geometry: Any) -> MplPath:
    """A matplotlib path for a (multi)polygon, holes cut out (non-zero winding)."""
    geometry = shapely.orient_polygons(geometry, exterior_cw=False)
    vertices, codes = [], []
    for polygon in getattr(geometry, "geoms", [geometry]):
        if polygon.geom_type != "Polygon" or polygon.is_empty:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            coords = np.asarray(ring.coords)[:, :2]
            vertices.append(coords)
            ring_codes = np.full(len(coords), MplPath.LINETO, dtype=np.uint8)
            ring_codes[0], ring_codes[-1] = MplPath.MOVETO, MplPath.CLOSEPOLY
            codes.append(ring_codes)
    if not vertices:
        return MplPath(np.zeros((1, 2)), [MplPath.MOVETO])
    return MplPath(np.concatenate(vertices), np.concatenate(codes))


def line_parts(geometry: Any) -> list[np.ndarray]:
    """The coordinate arrays of every line in ``geometry`` (lines, rings, collections)."""
    if geometry is None or geometry.is_empty:
        return []
    if geometry.geom_type in ("LineString", "LinearRing"):
        return [np.asarray(geometry.coords)[:, :2]]
    parts: list[np.ndarray] = []
    for part in getattr(geometry, "geoms", []):
        parts.extend(line_parts(part))
    if geometry.geom_type in AREA_KINDS:
        parts.extend(line_parts(geometry.boundary))
    return parts


def area(ax: Any, geometry: Any, **style: Any) -> None:
    # add_artist, not add_patch: the limits are set by hand, and add_patch would walk every
    # vertex to update them
    ax.add_artist(PathPatch(polygon_path(geometry), **style))


def lines(ax: Any, geometry: Any, *, color: str, width: float, dash: Any = "solid",
          zorder: float, cap: str = "round", alpha: float = 1.0, gid: str | None = None) -> None:
    """Every line of ``geometry`` as one unfilled path (one drawing call in SVG and PDF)."""
    parts = line_parts(geometry)
    if not parts:
        return
    codes = []
    for part in parts:
        part_codes = np.full(len(part), MplPath.LINETO, dtype=np.uint8)
        part_codes[0] = MplPath.MOVETO
        codes.append(part_codes)
    path = MplPath(np.concatenate(parts), np.concatenate(codes))
    ax.add_artist(PathPatch(path, fill=False, edgecolor=color, linewidth=width,
                            linestyle=dash, capstyle=cap, joinstyle="round", alpha=alpha,
                            zorder=zorder, gid=gid))


def draw_basemap(ax: Any, base: Basemap, extent: Extent) -> None:
    """Land, the story's country, provinces, lakes, rivers and thick country borders."""
    ax.set_facecolor(SEA)
    for _, geometry in base.land:
        area(ax, geometry, facecolor=LAND, edgecolor="none", zorder=1)
    area(ax, base.focus, facecolor=FOCUS, edgecolor="none", zorder=1.1)
    lines(ax, base.provinces_edges, color=PROVINCE_EDGE, width=0.5, zorder=1.2)
    for river in base.rivers:
        lines(ax, river, color=WATER_EDGE, width=0.8, zorder=1.3)
    for _, geometry in base.lakes:
        area(ax, geometry, facecolor=WATER, edgecolor=WATER_EDGE, linewidth=0.4, zorder=2.6)
    lines(ax, base.borders, color=BORDER, width=1.1, zorder=4, gid="border")
    lines(ax, base.focus, color=BORDER, width=1.6, zorder=4.1, gid="border")
    ax.set_xlim(extent.xmin, extent.xmax)
    ax.set_ylim(extent.ymin, extent.ymax)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#9a9a9a")
        spine.set_linewidth(0.6)


@dataclass
class Feature:
    """One place on one map, with the presences drawn there."""

    place_id: str
    geometry: Any  # projected
    rows: list[dict[str, Any]]
    statuses: tuple[str, ...]  # changes drawn here, in CHANGES order
    certain: bool
    ghost: bool = False  # a place left: drawn as an outline only, not labelled
    approximate: bool = False
    marker_boxes: list[Any] = field(default_factory=list)
    #: The presentation model's style of each status drawn here (same order).
    looks: tuple[Style, ...] = ()

    @property
    def shape(self) -> str:
        kind = self.geometry.geom_type
        if kind in AREA_KINDS:
            return "area"
        return "line" if kind in LINE_KINDS else "point"


#: Points beyond a symbol's nominal size its outline reaches (the widest edge, halved).
SYMBOL_EDGE = 0.9
#: Points between the bands of a line that carries several forces.
BAND_GAP = 0.8


def _bands(feature: Feature) -> list[Style]:
    return [alone for look in feature.looks for alone in one_per_force(look)]


def line_half_width(feature: Feature) -> float:
    """Half the drawn width of a line feature in points, its white casing included."""
    bands = _bands(feature)
    return (sum(line_width(b) for b in bands) + BAND_GAP * (len(bands) - 1) + 1.8) / 2


def data_per_point(ax: Any) -> float:
    """Data units (projected metres) per typographic point on ``ax``, limits set."""
    return (ax.get_xlim()[1] - ax.get_xlim()[0]) / (ax.get_position().width
                                                    * ax.figure.get_figwidth() * 72)


def draw_feature(ax: Any, feature: Feature, *, units_per_point: float | None = None) -> None:
    """Draw one place as its styles say.

    An area is tinted and hatched, one hatch per force. A line carries one band per force
    and change, side by side (parallel offsets) when there are several, so none hides another.
    A point gets a symbol per force, side by side on a plate when there are several (a map
    draws all its points at once with :func:`draw_marks`, so that near places share plates).
    ``units_per_point``: projected metres per point (from the axes when None).
    """
    if units_per_point is None:
        units_per_point = data_per_point(ax)
    if feature.shape == "point":
        draw_marks(ax, layout([feature], units_per_point), units_per_point)
        return
    gid = f"feature {feature.place_id}"
    if feature.shape == "area":
        for look in feature.looks:
            for patch in area_patches(look):
                area(ax, feature.geometry, gid=gid, **patch)
            if look.treatment.halo:
                lines(ax, feature.geometry, color=halo_colour(), width=3.0, zorder=1.9)
        return
    if feature.shape != "line":
        return
    bands = _bands(feature)
    widths = [line_width(b) for b in bands]
    total = sum(widths) + BAND_GAP * (len(bands) - 1)
    if any(b.treatment.halo for b in bands):
        lines(ax, feature.geometry, color=halo_colour(), width=total + 4.0, zorder=4.9)
    lines(ax, feature.geometry, color="white", width=total + 1.8, zorder=5, gid=gid)
    edge = -total / 2
    for band, width in zip(bands, widths, strict=True):
        shift = edge + width / 2
        edge += width + BAND_GAP
        geometry = feature.geometry if abs(shift) < 1e-9 else _parallel(
            feature.geometry, shift * units_per_point)
        lines(ax, geometry, color=band.colour, width=width, zorder=5.1, dash=dash(band),
              cap="butt", gid=gid)


def _parallel(geometry: Any, distance: float) -> Any:
    """``geometry`` moved sideways by ``distance`` (left of its direction when positive)."""
    parts = [shapely.offset_curve(part, distance, join_style="round")
             for part in getattr(geometry, "geoms", [geometry])]
    return shapely.union_all([p for p in parts if not p.is_empty]) if parts else geometry


def draw_marks(ax: Any, symbols: Layout, units_per_point: float) -> None:
    """Every point symbol of a panel, on white plates where forces share a site."""
    from matplotlib.patches import FancyBboxPatch

    for x0, y0, x1, y1 in symbols.plates:
        ax.add_artist(FancyBboxPatch(
            (x0, y0), x1 - x0, y1 - y0,
            boxstyle=f"round,pad=0,rounding_size={2.5 * units_per_point}",
            facecolor="white", edgecolor="#8a8a8a", linewidth=0.6, zorder=5.8))
    for mark in symbols.marks:
        x, y = mark.xy
        if mark.look is None:
            draw_capital(ax, mark.xy)
            continue
        if mark.look.treatment.halo:
            ax.plot([x], [y], linestyle="none", marker="o", markersize=mark.size + HALO_GROWTH,
                    markerfacecolor=halo_colour(), markeredgecolor="none", zorder=5.9,
                    gid=f"halo {mark.place_id}")
        ax.plot([x], [y], linestyle="none", markersize=mark.size, zorder=6,
                gid=f"symbol {mark.place_id}", **marker(mark.look))


def draw_capital(ax: Any, xy: tuple[float, float]) -> None:
    ax.plot([xy[0]], [xy[1]], marker="s", markersize=CAPITAL_SIZE, color=INK,
            markeredgecolor="white", markeredgewidth=0.6, linestyle="none", zorder=6,
            gid="symbol capital")


def nice_length(metres: float) -> float:
    """The largest of 1, 2, 2.5, 5 × 10^n not above ``metres``."""
    exponent = 10 ** np.floor(np.log10(metres))
    for step in (5, 2.5, 2, 1):
        if step * exponent <= metres:
            return float(step * exponent)
    return float(exponent)


def scale_bar(ax: Any, extent: Extent, corner: str) -> list[Any]:
    """A two-part scale bar in kilometres in a corner; returns its artists."""
    length = nice_length(extent.width * 0.3)
    height = extent.height * 0.012
    margin = extent.width * 0.035
    unit = extent.width * 0.06  # room for "km" after the bar
    left = extent.xmin + margin if "left" in corner else extent.xmax - margin - unit - length
    bottom = extent.ymin + margin if "bottom" in corner else (
        extent.ymax - margin - height * 4)
    artists = []
    for i, fill in enumerate((INK, "white")):
        artists.append(ax.add_patch(Rectangle(
            (left + i * length / 2, bottom), length / 2, height, facecolor=fill,
            edgecolor=INK, linewidth=0.6, zorder=8)))
    km = length / 1000
    for value, x in ((0, left), (km / 2, left + length / 2), (km, left + length)):
        artists.append(ax.text(x, bottom + height * 1.9, f"{value:g}", ha="center",
                               va="bottom", fontsize=SIZES["scale"], color=INK, zorder=8))
    artists.append(ax.text(left + length + unit * 0.25, bottom + height / 2, "km", ha="left",
                           va="center", fontsize=SIZES["scale"], color=INK, zorder=8))
    for text in artists[2:]:
        add_halo(text, 2.0)
    return artists


def draw_inset(ax: Any, data: Inset, map_extent: Extent, *, lang: str) -> None:
    """The locator: the region's countries, the story's country dark, the map's window."""
    ax.set_facecolor(SEA)
    for geometry in data.land:
        area(ax, geometry, facecolor=LAND, edgecolor="white", linewidth=0.3, zorder=1)
    area(ax, data.focus, facecolor=GREY, edgecolor="white", linewidth=0.3, zorder=2)
    ax.add_patch(Rectangle((map_extent.xmin, map_extent.ymin), map_extent.width,
                           map_extent.height, facecolor="none", edgecolor=INK,
                           linewidth=0.9, zorder=3))
    for key, x, y in data.seas:
        ax.text(x, y, nfc(label(key, lang)), ha="center", va="center",
                fontsize=SIZES["inset"], color="#4a6f8a", style="italic", zorder=4)
    ax.set_xlim(data.extent.xmin, data.extent.xmax)
    ax.set_ylim(data.extent.ymin, data.extent.ymax)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor(INK)
        spine.set_linewidth(0.7)


__all__ = [
    "Feature",
    "data_per_point",
    "draw_basemap",
    "draw_capital",
    "draw_feature",
    "draw_inset",
    "draw_marks",
    "line_half_width",
    "line_parts",
    "nice_length",
    "polygon_path",
    "scale_bar",
]
