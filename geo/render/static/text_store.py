"""Text measures and outlines, kept for every renderer and in the cache folder, so that a new
process (a build's worker, a preview started again) lays a map's text out without asking
FreeType again.

Two kinds are kept (:mod:`geo.render.static.text_tiles` holds them in memory): Agg's measure
of a line of text (width, height, descent: what the labels, the legend's wrapping and the PNG
are laid out by) and a text's outline in a font (what a halo is drawn from, and what SVG
measures text by). While :func:`kept_text` is open, the SVG and PDF renderers take their
outlines and SVG measures from the same store. Each value is keyed by everything it depends
on (the text, the font files, the size, the density, the settings FreeType lays glyphs out
by), so the store changes no byte of any map: it only saves the time.

One entry per matplotlib and FreeType version; an entry that is damaged or does not decode
is set aside with a one-line warning and made again; two processes writing at once each
write a whole entry.
"""

from __future__ import annotations

import contextlib
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from ...cache import cache_root, digest, read_decoded, with_shipped, write_entry
from ...errors import UserInputError
from . import text_tiles

KIND = "text-measures"
_FORMAT = 1
#: Values an entry keeps of each kind (the newest): a few stories' maps in both languages.
STORE_COUNT = 6000

_LOADED: list[bool] = [False]
#: The keys (measures, outlines) read from or written to the entry by this process.
_STORED: tuple[set[Any], set[Any]] = (set(), set())


def entry_path() -> Path:
    """Where the entry of this matplotlib and FreeType lives."""
    import matplotlib
    from matplotlib import ft2font

    key = digest([matplotlib.__version__, str(ft2font.__freetype_version__), str(_FORMAT)])
    return cache_root() / KIND / f"{key}.bin"


def _tuple(value: Any) -> Any:
    """A key read back from JSON: lists as tuples, all the way down."""
    return tuple(_tuple(v) for v in value) if isinstance(value, list) else value


#: The PDF renderer's measures of a text in a font, while :func:`kept_text` is open.
PDF_MEASURES: dict[tuple[Any, ...], tuple[float, float, float]] = {}


def _measures() -> dict[str, dict[Any, Any]]:
    """The process's measures by renderer: Agg's, the outlines' (SVG's), the PDF's."""
    return {"agg": text_tiles.MEASURES, "outline": text_tiles.TEXT_TO_PATH.measures,
            "pdf": PDF_MEASURES}


def encode(measures: dict[str, list[tuple[Any, Any]]],
           outlines: list[tuple[Any, tuple[np.ndarray, np.ndarray]]]) -> bytes:
    """Measures and outlines as data: a JSON index, then the outlines' vertices and codes;
    compressed."""
    index = {"measures": {kind: [[list(key), list(value)] for key, value in rows]
                          for kind, rows in measures.items()},
             "outlines": [[list(key), len(codes)] for key, (_, codes) in outlines]}
    head = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    arrays = b"".join(verts.astype("<f8").tobytes() + codes.astype(np.uint8).tobytes()
                      for _, (verts, codes) in outlines)
    return zlib.compress(len(head).to_bytes(8, "big") + head + arrays, 1)


def decode(payload: bytes) -> tuple[dict[str, list[tuple[Any, Any]]],
                                    list[tuple[Any, tuple[np.ndarray, np.ndarray]]]]:
    """:func:`encode` read back; ValueError (or KeyError, TypeError) if it is not one."""
    data = zlib.decompress(payload)
    size = int.from_bytes(data[:8], "big")
    index = json.loads(data[8:8 + size].decode("utf-8"))
    rest = memoryview(data)[8 + size:]

    def sizes(rows: Any) -> list[tuple[Any, Any]]:
        read = [(_tuple(key), tuple(value)) for key, value in rows]
        if not all(len(value) == 3 and all(type(v) is float for v in value)
                   for _, value in read):
            raise ValueError("not a measure")
        return read

    outlines, offset = [], 0
    for key, count in index["outlines"]:
        if not isinstance(count, int) or count < 0:
            raise ValueError("not an outline")
        end = offset + count * 17
        if end > len(rest):
            raise ValueError("the outlines are not whole")
        verts = np.frombuffer(rest[offset:offset + count * 16], dtype="<f8").reshape(-1, 2)
        codes = np.frombuffer(rest[offset + count * 16:end], dtype=np.uint8)
        outlines.append((_tuple(key), (verts.astype(float), codes.copy())))
        offset = end
    if offset != len(rest):
        raise ValueError("the outlines are not whole")
    measures = {kind: sizes(index["measures"][kind]) for kind in _measures()}
    return measures, outlines


def load() -> None:
    """Put the entry's measures and outlines in the process's stores (once a process)."""
    if _LOADED[0] or not text_tiles.SUPPORTED:
        return
    _LOADED[0] = True
    decoded = read_decoded(with_shipped(entry_path(), KIND), KIND, _FORMAT,
                           "text measures", decode)
    if decoded is None:
        return
    measures, outlines = decoded
    for kind, store in _measures().items():
        for key, value in measures[kind]:
            store.setdefault(key, value)
            _STORED[0].add((kind, key))
    for key, (verts, codes) in outlines:
        verts.setflags(write=False)
        codes.setflags(write=False)
        text_tiles.TEXT_TO_PATH.kept.setdefault(key, (verts, codes))
        _STORED[1].add(key)


def save() -> None:
    """Write the entry again if this process measured or outlined text it lacks (the newest
    :data:`STORE_COUNT` of each kind). A cache that cannot be written only makes the next
    process slower."""
    if not text_tiles.SUPPORTED:
        return
    measures, outlines = _measures(), text_tiles.TEXT_TO_PATH.kept
    if all((kind, key) in _STORED[0] for kind, store in measures.items() for key in store) \
            and all(key in _STORED[1] for key in outlines):
        return
    chosen = {kind: list(store.items())[-STORE_COUNT:] for kind, store in measures.items()}
    shapes = list(outlines.items())[-STORE_COUNT:]
    with contextlib.suppress(OSError, UserInputError, TypeError, ValueError):
        write_entry(entry_path(), KIND, _FORMAT, encode(chosen, shapes))
        _STORED[0].update((kind, key) for kind, rows in chosen.items() for key, _ in rows)
        _STORED[1].update(key for key, _ in shapes)


@contextlib.contextmanager
def kept_text() -> Iterator[None]:
    """While open, a new renderer (SVG, PDF) outlines and measures text with the kept
    outlines (:data:`text_tiles.TEXT_TO_PATH`), and the PDF renderer measures text with
    :data:`PDF_MEASURES`; the values are those matplotlib makes."""
    if not text_tiles.SUPPORTED:
        yield
        return
    from matplotlib import backend_bases
    from matplotlib.backends import _backend_pdf_ps

    module, base = backend_bases.text, _backend_pdf_ps.RendererPDFPSBase
    original, measure = module.TextToPath, base.get_text_width_height_descent

    def kept_measure(self: Any, s: str, prop: Any, ismath: Any) -> tuple[float, float, float]:
        import matplotlib

        if ismath or matplotlib.rcParams[self._use_afm_rc_name]:
            return measure(self, s, prop, ismath)
        key = (s, text_tiles.font_key(prop))
        found = PDF_MEASURES.get(key)
        if found is None:
            found = measure(self, s, prop, ismath)
            if len(PDF_MEASURES) > 20000:
                PDF_MEASURES.clear()
            PDF_MEASURES[key] = found
        return found

    module.TextToPath = lambda: text_tiles.TEXT_TO_PATH  # type: ignore[assignment]
    base.get_text_width_height_descent = kept_measure  # type: ignore[method-assign]
    try:
        yield
    finally:
        module.TextToPath = original
        base.get_text_width_height_descent = measure  # type: ignore[method-assign]


__all__ = ["KIND", "PDF_MEASURES", "STORE_COUNT", "decode", "encode", "entry_path", "kept_text",
           "load", "save"]
