"""The PNG's text drawn from tiles: each run of text, and each white halo, rasterised once by
matplotlib's own Agg and FreeType, kept, then laid on the map in one call.

matplotlib draws text glyph by glyph in Python (about 2,000 glyphs a map) and a halo as a
stroked outline of every glyph. :class:`TileRenderer` (the PNG canvas's renderer; SVG and
PDF have their own and keep real text) draws a line of text or a halo as a coverage tile:
made the first time it is asked for, with the same glyphs, hinting and sub-pixel origin
matplotlib would use, then composited in the text's colour with Agg's ``draw_text_image``,
the call matplotlib makes for each glyph. A tile is keyed by everything its pixels depend
on (text, fonts, size, density, angle, hinting, the origin's fraction of a pixel: in 64ths
for level text, exactly for turned text, in 256ths for a halo) and is made at that fraction,
never at the position of the call that first asks for it, so the PNG is the same whatever
the cache held. Overlapping glyphs
of one run are merged in the tile, not blended in turn on the map: a pixel can differ from
matplotlib's by a rounding step.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import Any

import matplotlib
import numpy as np
from matplotlib import patheffects
from matplotlib.backends import backend_agg
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.font_manager import fontManager
from matplotlib.ft2font import FT2Font
from matplotlib.path import Path
from matplotlib.textpath import TextToPath

#: Tiles kept in memory, at most this many bytes (a seed map needs about 1 MB).
CACHE_BYTES = 48 * 2**20

#: The matplotlib releases whose private pieces below the tiles were checked against
#: (their arguments and what they draw); with another, text is drawn as usual.
TESTED_MATPLOTLIB = ("3.11.",)
#: matplotlib's private pieces the tiles need; without them text is drawn as usual.
SUPPORTED = (matplotlib.__version__.startswith(TESTED_MATPLOTLIB)
             and all(hasattr(FT2Font, name)
                     for name in ("_layout", "_render_glyph", "_set_transform"))
             and hasattr(RendererAgg, "_prepare_font")
             and hasattr(fontManager, "_find_fonts_by_props"))

Tile = tuple[np.ndarray, int, int]  # coverage (rows, columns), left, top (upwards) of origin


class _Tiles:
    """Tiles by key, the least recently used dropped beyond :data:`CACHE_BYTES`."""

    def __init__(self) -> None:
        self.tiles: OrderedDict[tuple[Any, ...], Tile] = OrderedDict()
        self.size = 0

    def get(self, key: tuple[Any, ...]) -> Tile | None:
        tile = self.tiles.get(key)
        if tile is not None:
            self.tiles.move_to_end(key)
        return tile

    def put(self, key: tuple[Any, ...], tile: Tile) -> None:
        self.tiles[key] = tile
        self.size += tile[0].nbytes
        while self.size > CACHE_BYTES and len(self.tiles) > 1:
            _, old = self.tiles.popitem(last=False)
            self.size -= old[0].nbytes


TILES = _Tiles()


def _phase(value: float, steps: int) -> tuple[int, Any]:
    """``value`` as a whole pixel and a fraction in ``steps``-ths (0 <= fraction < steps);
    ``steps`` 0: the exact fraction."""
    whole = math.floor(value)
    if not steps:
        return whole, value - whole
    fraction = round((value - whole) * steps)
    if fraction == steps:
        whole, fraction = whole + 1, 0
    return whole, fraction


def _cropped(coverage: np.ndarray, left: int, top: int) -> Tile:
    """The tile without its empty border (``left``, ``top``: of ``coverage``'s corner)."""
    rows = np.flatnonzero(coverage.any(axis=1))
    columns = np.flatnonzero(coverage.any(axis=0))
    if not len(rows):
        return np.zeros((0, 0), np.uint8), left, top
    part = np.ascontiguousarray(coverage[rows[0]:rows[-1] + 1, columns[0]:columns[-1] + 1])
    return part, left + int(columns[0]), top - int(rows[0])


def _black(gc: Any) -> Any:
    """A copy of ``gc`` drawing opaque black (coverage only), unclipped."""
    from matplotlib.backend_bases import GraphicsContextBase

    black = GraphicsContextBase()
    black.copy_properties(gc)
    black.set_foreground((0.0, 0.0, 0.0, 1.0), isRGBA=True)
    black.set_alpha(1.0)
    black.set_clip_rectangle(None)
    black.set_clip_path(None)
    return black


def font_key(prop: Any) -> tuple[Any, ...]:
    """The font files of ``prop``, its size, and the settings FreeType lays glyphs out by."""
    from matplotlib import rcParams

    return (tuple(str(path) for path in fontManager._find_fonts_by_props(prop)),
            prop.get_size_in_points(), rcParams["text.hinting_factor"],
            rcParams["text.kerning_factor"])


class _KeptTextToPath(TextToPath):
    """``TextToPath`` keeping the outlines of a text in a font (in the font's units: the
    size is the caller's transform), so a halo's key is made without outlining it again."""

    def __init__(self) -> None:
        super().__init__()
        self.kept: OrderedDict[tuple[Any, ...], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        #: Measures of a text in a font (SVG lays text out by them).
        self.measures: dict[tuple[Any, ...], tuple[float, float, float]] = {}

    def get_text_width_height_descent(self, s: str, prop: Any, ismath: Any
                                      ) -> tuple[float, float, float]:
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)
        key = (s, font_key(prop))
        found = self.measures.get(key)
        if found is None:
            found = super().get_text_width_height_descent(s, prop, ismath)
            if len(self.measures) > 20000:
                self.measures.clear()
            self.measures[key] = found
        return found

    def get_text_path(self, prop: Any, s: str, ismath: Any = False, *, features: Any = None,
                      language: Any = None) -> tuple[Any, Any]:
        if ismath:
            return super().get_text_path(prop, s, ismath, features=features,
                                         language=language)
        key = (font_key(prop), s, repr(features), repr(language))
        kept = self.kept.get(key)
        if kept is None:
            verts, codes = super().get_text_path(prop, s, features=features,
                                                 language=language)
            kept = (np.asarray(verts, dtype=float).reshape(-1, 2),
                    np.asarray(codes, dtype=Path.code_type))
            for array in kept:
                array.setflags(write=False)
            self.kept[key] = kept
            if len(self.kept) > 4096:
                self.kept.popitem(last=False)
        return kept


TEXT_TO_PATH = _KeptTextToPath()
#: Text measured by a :class:`TileRenderer`: (text, fonts, density, hinting) -> sizes.
MEASURES: dict[tuple[Any, ...], tuple[float, float, float]] = {}


class TileRenderer(RendererAgg):
    """Agg, with lines of text and halos drawn from tiles."""

    def __init__(self, width: int, height: int, dpi: float) -> None:
        super().__init__(width, height, dpi)
        self._text2path = TEXT_TO_PATH

    def get_text_width_height_descent(self, s: str, prop: Any, ismath: Any
                                      ) -> tuple[float, float, float]:
        """Agg's measure of ``s``, kept for every renderer (a figure's texts are measured
        again by each new figure's renderer otherwise)."""
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)
        key = (s, font_key(prop), self.dpi, str(backend_agg.get_hinting_flag()))
        found = MEASURES.get(key)
        if found is None:
            found = super().get_text_width_height_descent(s, prop, ismath)
            if len(MEASURES) > 20000:
                MEASURES.clear()
            MEASURES[key] = found
        return found

    def _plain(self, gc: Any) -> bool:
        """Whether ``gc`` draws something a coverage tile cannot (clip path, hatch, dashes,
        sketch, no antialiasing)."""
        return (gc.get_clip_path()[0] is not None or gc.get_hatch() is not None
                or gc.get_sketch_params() is not None or not gc.get_antialiased()
                or gc.get_dashes()[1] is not None)

    def _lay(self, tile: Tile, gc: Any, x: int, y: int) -> None:
        coverage, left, top = tile
        if coverage.size:
            self._renderer.draw_text_image(coverage, x + left,
                                           int(self.height) - (y + top) + coverage.shape[0],
                                           0, gc)

    def draw_text(self, gc: Any, x: float, y: float, s: str, prop: Any, angle: float,
                  ismath: Any = False, mtext: Any = None) -> None:
        if ismath or self._plain(gc):
            super().draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
            return
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        flags = backend_agg.get_hinting_flag()
        # level text: glyphs sit on whole 64ths of a pixel from the origin, so the origin's
        # fraction in 64ths gives matplotlib's pixels; turned text: its exact fraction
        steps = 64 if angle == 0 else 0
        whole_x, phase_x = _phase(x, steps)
        whole_y, phase_y = _phase(self.height - y, steps)  # upwards, as FreeType's
        key = ("text", s, font_key(prop), self.dpi, float(angle), phase_x, phase_y, str(flags),
               repr(features), repr(language))
        tile = TILES.get(key)
        if tile is None:
            tile = self._text_tile(s, prop, angle, phase_x / (steps or 1),
                                   phase_y / (steps or 1), flags, features, language)
            TILES.put(key, tile)
        self._lay(tile, gc, whole_x, whole_y)

    def _text_tile(self, s: str, prop: Any, angle: float, x: float, y: float, flags: Any,
                   features: Any, language: Any) -> Tile:
        """Coverage of ``s`` with its origin at (``x``, ``y``) (upwards), drawn as
        ``RendererAgg._draw_text_glyphs_and_boxes`` draws each glyph."""
        from matplotlib.ft2font import RenderMode

        font = self._prepare_font(prop)
        items = font._layout(s, flags=flags, features=features, language=language)
        size = prop.get_size_in_points()
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        matrix = (0x10000 * np.array([[cos, -sin], [sin, cos]])).round().astype(int)
        glyphs = []
        for item in items:
            face = item.ft_object
            face.set_size(size, self.dpi)
            face._set_transform(matrix, [round(0x40 * (x + item.x * cos - item.y * sin)),
                                         round(0x40 * (y + item.x * sin + item.y * cos))])
            bitmap = face._render_glyph(item.glyph_index, flags, RenderMode.NORMAL)
            buffer = bitmap.buffer
            if buffer.size:
                glyphs.append((bitmap.left, bitmap.top, np.array(buffer, dtype=np.uint8)))
        if not glyphs:
            return np.zeros((0, 0), np.uint8), 0, 0
        left = min(g[0] for g in glyphs)
        top = max(g[1] for g in glyphs)
        width = max(g[0] + g[2].shape[1] for g in glyphs) - left
        height = top - min(g[1] - g[2].shape[0] for g in glyphs)
        canvas = RendererAgg(width, height, self.dpi)
        black = _black(self.new_gc())
        for glyph_left, glyph_top, buffer in glyphs:
            canvas._renderer.draw_text_image(buffer, glyph_left - left,
                                             top - glyph_top + buffer.shape[0], 0, black)
        coverage = np.asarray(canvas.buffer_rgba())[:, :, 3]
        return _cropped(coverage, left, top)

    def draw_halo(self, gc: Any, path: Any, transform: Any, rgb_face: Any) -> None:
        """Draw a halo (an outline filled and stroked in one opaque colour) from a tile."""
        import hashlib

        from matplotlib.colors import to_rgba
        from matplotlib.transforms import Affine2D

        if self._plain(gc) or rgb_face is None or gc.get_alpha() != 1.0 or \
                to_rgba(rgb_face) != to_rgba(gc.get_rgb()) or to_rgba(rgb_face)[3] != 1.0:
            super().draw_path(gc, path, transform, rgb_face)  # not one opaque colour
            return
        matrix = transform.get_matrix()
        whole_x, phase_x = _phase(matrix[0, 2], 256)
        whole_y, phase_y = _phase(matrix[1, 2], 256)
        shape = hashlib.blake2b(np.ascontiguousarray(path.vertices).tobytes()
                                + (path.codes.tobytes() if path.codes is not None else b""),
                                digest_size=16).hexdigest()
        key = ("halo", shape, tuple(matrix[:2, :2].ravel().tolist()), phase_x, phase_y,
               self.dpi, gc.get_linewidth(), gc.get_joinstyle(), gc.get_capstyle(),
               gc.get_snap())
        tile = TILES.get(key)
        if tile is None:
            local = Affine2D(np.array([[*matrix[0, :2], phase_x / 256],
                                       [*matrix[1, :2], phase_y / 256], [0, 0, 1]]))
            # the control points hold the curves: a box wide enough, cropped after drawing
            points = local.transform(path.vertices) if len(path.vertices) else np.zeros((1, 2))
            (x0, y0), (x1, y1) = points.min(axis=0), points.max(axis=0)
            pad = gc.get_linewidth() * self.dpi / 72 / 2 + 2
            left, bottom = math.floor(x0 - pad), math.floor(y0 - pad)
            width, height = math.ceil(x1 + pad) - left, math.ceil(y1 + pad) - bottom
            canvas = RendererAgg(width, height, self.dpi)
            canvas.draw_path(_black(gc), path, local + Affine2D().translate(-left, -bottom),
                             (0.0, 0.0, 0.0))
            coverage = np.asarray(canvas.buffer_rgba())[:, :, 3]
            tile = _cropped(coverage, left, bottom + height)
            TILES.put(key, tile)
        self._lay(tile, gc, whole_x, whole_y)


class HaloStroke(patheffects.Stroke):
    """``Stroke``, drawn from a tile by a :class:`TileRenderer` (the same everywhere else)."""

    def draw_path(self, renderer: Any, gc: Any, tpath: Any, affine: Any,
                  rgbFace: Any = None) -> None:
        target = renderer._renderer if isinstance(
            renderer, patheffects.PathEffectRenderer) else renderer
        if not isinstance(target, TileRenderer) or any(self._offset):
            super().draw_path(renderer, gc, tpath, affine, rgbFace)
            return
        gc0 = target.new_gc()
        gc0.copy_properties(gc)
        gc0 = self._update_gc(gc0, self._gc)
        target.draw_halo(gc0, tpath, affine, rgbFace)
        gc0.restore()


class TileCanvas(FigureCanvasAgg):
    """The Agg canvas, its renderer a :class:`TileRenderer`."""

    def get_renderer(self) -> RendererAgg:
        if not SUPPORTED:
            return super().get_renderer()
        w, h = self.get_width_height(physical=True)
        key = w, h, self.figure.dpi
        if self._lastKey != key:
            self.renderer = TileRenderer(w, h, self.figure.dpi)
            self._lastKey = key
        return self.renderer


__all__ = [
    "CACHE_BYTES",
    "MEASURES",
    "SUPPORTED",
    "TESTED_MATPLOTLIB",
    "TEXT_TO_PATH",
    "HaloStroke",
    "TileCanvas",
    "TileRenderer",
    "font_key",
]
