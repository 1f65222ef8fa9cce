"""The words around a static map: wrapped title blocks, the legend and the credits.

Everything is laid out in inches from the figure's top-left corner, so the figure's height
can be computed before anything is drawn (see :mod:`geo.render.static`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from ...i18n import label, outlet_in
from ...timeline import Timeline
from ..presentation import ForceColours, LegendEntry, Style, legend_entries
from .names import format_date, format_fuzzy
from .style import (
    FONT,
    GREY,
    INK,
    SIZES,
    area_patches,
    dash,
    halo_colour,
    line_width,
    marker,
    nfc,
)
from .symbols import HALO_GROWTH, SIZE

LINE_SPACING = 1.25  # line height over font size


#: Pixels per inch text is measured at: that of the default PNG. (At 72, hinting makes text
#: up to a tenth narrower than drawn, and lines overflowed.)
MEASURE_DPI = 192


@cache
def _renderer() -> Any:
    """Agg, its measures kept with the map's (:mod:`geo.render.static.text_store`)."""
    from .text_tiles import SUPPORTED, TileRenderer

    if SUPPORTED:
        return TileRenderer(8, 8, MEASURE_DPI)
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(8, 8, MEASURE_DPI)


@cache
def text_width(text: str, size: float, weight: str = "normal") -> float:
    """Width of one line of text in points (a hundredth more, for other pixel densities)."""
    prop = FontProperties(family=FONT, size=size, weight=weight)
    width, _, _ = _renderer().get_text_width_height_descent(nfc(text), prop, ismath=False)
    return float(width) * 72 / MEASURE_DPI * 1.01


def wrap(text: str, width: float, size: float, weight: str = "normal") -> list[str]:
    """Greedy word wrap of ``text`` to ``width`` points (words measured once each)."""
    space = text_width("a a", size, weight) - 2 * text_width("a", size, weight)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            extra = text_width(word, size, weight) + (space if current else 0.0)
            if current and used + extra > width:
                lines.append(" ".join(current))
                current, used = [word], text_width(word, size, weight)
            else:
                current.append(word)
                used += extra
        lines.append(" ".join(current))
    return lines


def line_height(size: float) -> float:
    """Height of one line in inches."""
    return size * LINE_SPACING / 72


@dataclass
class Block:
    """Wrapped lines of one style, and their height in inches."""

    lines: list[str]
    size: float
    weight: str = "normal"
    color: str = INK

    @property
    def height(self) -> float:
        return len(self.lines) * line_height(self.size)

    def draw(self, fig: Any, x: float, top: float, height: float) -> Any:
        """Draw at ``x`` inches from the left, ``top`` inches from the top of the figure."""
        return fig.text(x / fig.get_figwidth(), 1 - top / height, nfc("\n".join(self.lines)),
                        ha="left", va="top", fontsize=self.size, fontweight=self.weight,
                        color=self.color, linespacing=LINE_SPACING, parse_math=False)


def block(text: str, width_in: float, size_key: str, *, weight: str = "normal",
          color: str = INK, balance: bool = False) -> Block:
    """``text`` wrapped to ``width_in`` inches; ``balance``: lines of even length."""
    size = SIZES[size_key]
    width = width_in * 72
    lines = wrap(text, width, size, weight)
    if balance and len(lines) > 1:
        low = max(text_width(word, size, weight) for word in text.split())
        while width - low > 1:  # the narrowest width that keeps the number of lines
            middle = (low + width) / 2
            if len(wrap(text, middle, size, weight)) > len(lines):
                low = middle
            else:
                width = middle
        lines = wrap(text, width, size, weight)
    return Block(lines, size, weight, color)


# --- legend
SWATCH_W, SWATCH_H, GAP = 0.3, 0.12, 0.07  # inches


@dataclass
class Legend:
    """The legend's entries and notes, laid out for a width."""

    title: str
    entries: list[LegendEntry]
    notes: Block
    width: float
    #: The type size of the title and the entries, in points.
    size: float = SIZES["legend"]

    @property
    def line_h(self) -> float:
        return line_height(self.size)

    @property
    def row_height(self) -> float:
        """The height of a row of one-line entries."""
        return max(self.line_h, SWATCH_H + 0.06)

    @staticmethod
    def text_of(entry: LegendEntry) -> str:
        """The words of an entry as the legend prints them."""
        return f"{entry.text} ({entry.note})" if entry.note else entry.text

    def _swatches_width(self, entry: LegendEntry) -> float:
        return len(entry.swatches) * (SWATCH_W + GAP) + GAP

    def entry_width(self, entry: LegendEntry) -> float:
        return (self._swatches_width(entry)
                + text_width(self.text_of(entry), self.size) / 72 + 0.22)

    def rows(self) -> list[list[Any]]:
        """Title then entries, flowed into rows; each item (kind, x, payload, lines).

        Forces (by colour) come first, then a new row for the changes (by pattern), then
        one for the symbols and reading notes. An entry wider than the legend wraps.
        """
        rows: list[list[Any]] = [[]]
        title_w = text_width(self.title, self.size, "bold") / 72 + 0.3
        rows[0].append(("title", 0.0, self.title, [self.title]))
        x = title_w
        group = ""
        for entry in self.entries:
            kind = entry.key.split(":")[0]
            kind = "more" if kind in ("symbol", "reading") else kind
            width = self.entry_width(entry)
            lines = [self.text_of(entry)]
            if width > self.width:
                room = (self.width - self._swatches_width(entry) - 0.22) * 72
                lines = wrap(self.text_of(entry), room, self.size)
                width = self.width
            if rows[-1] and (x + width > self.width or (group and kind != group)):
                rows.append([])
                x = 0.0
            group = kind
            rows[-1].append(("entry", x, entry, lines))
            x += width
        return rows

    def _row_height(self, row: list[Any]) -> float:
        most = max(len(item[3]) for item in row)
        return self.row_height if most == 1 else most * self.line_h + 0.04

    @property
    def height(self) -> float:
        return sum(self._row_height(r) for r in self.rows()) + 0.05 + self.notes.height

    def draw(self, fig: Any, left: float, top: float, fig_height: float) -> None:
        """Draw into a new axes whose data units are inches (origin bottom-left)."""
        fig_width = fig.get_figwidth()
        ax = fig.add_axes((left / fig_width, 1 - (top + self.height) / fig_height,
                           self.width / fig_width, self.height / fig_height))
        ax.set_xlim(0, self.width)
        ax.set_ylim(0, self.height)
        ax.set_axis_off()
        y = self.height
        for row in self.rows():
            height = self._row_height(row)
            middle = y - height / 2
            for kind, x, payload, lines in row:
                if kind == "title":
                    ax.text(x, middle, nfc(payload), ha="left", va="center",
                            fontsize=self.size, fontweight="bold", color=INK,
                            parse_math=False)
                else:
                    self._entry(ax, x, middle, payload, lines)
            y -= height
        ax.text(0, y - 0.05, nfc("\n".join(self.notes.lines)), ha="left", va="top",
                fontsize=self.notes.size, color=GREY, linespacing=LINE_SPACING,
                parse_math=False)

    def _entry(self, ax: Any, x: float, middle: float, entry: LegendEntry,
               lines: list[str]) -> None:
        bottom = middle - SWATCH_H / 2
        for look in entry.swatches:
            _swatch(ax, look, x, middle, bottom)
            x += SWATCH_W + GAP
        text = ax.text(x, middle, nfc("\n".join(lines)), ha="left", va="center",
                       fontsize=self.size, color=INK, parse_math=False,
                       linespacing=LINE_SPACING)
        text.set_gid(f"legend-entry {entry.key}")


def _swatch(ax: Any, look: Style, x: float, middle: float, bottom: float) -> None:
    """A legend swatch drawing ``look`` as the map does, the yellow halo of what is new
    included (without it, "new" and "remained" would look the same)."""
    halo = look.treatment.halo
    if look.category == "area":
        if halo:
            ax.add_patch(Rectangle((x, bottom), SWATCH_W, SWATCH_H, facecolor="none",
                                   edgecolor=halo_colour(), linewidth=3.0))
        for patch in area_patches(look):
            patch.pop("zorder")
            ax.add_patch(Rectangle((x, bottom), SWATCH_W, SWATCH_H, **patch))
    elif look.category == "line":
        width = line_width(look)
        if halo:
            ax.add_line(Line2D([x, x + SWATCH_W], [middle, middle], color=halo_colour(),
                               linewidth=width + 4.0, solid_capstyle="butt"))
        ax.add_line(Line2D([x, x + SWATCH_W], [middle, middle], color="white",
                           linewidth=width + 1.8))
        ax.add_line(Line2D([x, x + SWATCH_W], [middle, middle], color=look.colour,
                           linewidth=width, linestyle=dash(look), solid_capstyle="butt",
                           dash_capstyle="butt"))
    else:
        if halo:
            ax.add_line(Line2D([x + SWATCH_W / 2], [middle], linestyle="none", marker="o",
                               markersize=SIZE + HALO_GROWTH, markerfacecolor=halo_colour(),
                               markeredgecolor="none"))
        ax.add_line(Line2D([x + SWATCH_W / 2], [middle], linestyle="none", markersize=SIZE,
                           **marker(look)))


def legend(looks: list[Style], forces: dict[str, tuple[str, str]], colours: ForceColours, *,
           before: Any, after: Any, lang: str, width: float, uncertain: bool,
           groups: list[str] = ()) -> Legend:
    """The legend of a map drawing ``looks``: the presentation model's entries (``forces``
    and ``colours`` as :func:`~geo.render.presentation.legend_entries` takes them), then
    notes."""
    title = label("static_map_legend_title", lang).format(before=format_date(before, lang),
                                                    after=format_date(after, lang))
    notes = list(groups)
    if uncertain:
        notes.append(label("static_map_note_uncertain", lang))
    note_block = block("\n".join(notes), width, "note", color=GREY)
    return Legend(title, legend_entries(looks, forces, colours, lang), note_block, width)


# --- credits
def credits_text(timeline: Timeline, source_ids: list[str], lang: str) -> str:
    """The articles the map rests on, then the map data's attribution."""
    parts = []
    for source_id in source_ids:
        source = timeline.scenario.sources[source_id]
        published = format_fuzzy(source.published, lang)
        outlet = outlet_in(source.outlet, source.language, lang)
        parts.append(f"{outlet}, “{source.title}”, {published}")
    text = f"{label('static_map_sources', lang)}: " + "; ".join(parts) + "."
    made = label("static_map_made_with", lang)
    return f"{text} {label('credits_data', lang)}. {made}."


__all__ = ["Block", "Legend", "block", "credits_text", "legend", "line_height", "text_width",
           "wrap"]
