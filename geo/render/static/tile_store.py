"""The PNG's text tiles (:mod:`geo.render.static.text_tiles`) kept in the cache folder, so a
new process (a build's worker, a preview started again) draws a map's text without
rasterising it again.

One entry holds the tiles of the maps drawn last (at most :data:`STORE_BYTES` of pixels),
keyed by matplotlib's and FreeType's versions (the fonts ship with matplotlib) and the
tiles' format. A tile's pixels depend only on its key, so an entry changes no pixel: it only
saves the time. An entry that is damaged or does not decode is set aside with a one-line
warning and made again; two processes writing at once each write a whole entry.
"""

from __future__ import annotations

import contextlib
import json
import zlib
from pathlib import Path
from typing import Any

import numpy as np

from ...cache import cache_root, digest, read_decoded, with_shipped, write_entry
from ...errors import UserInputError
from . import text_tiles

KIND = "text-tiles"
_FORMAT = 1
#: Pixels of tiles an entry keeps (about 600 KB a seed map, 150 KB compressed): the maps of
#: a few stories, and an entry written again in a few milliseconds.
STORE_BYTES = 4 * 2**20

#: Keys read from or written to the entry by this process.
_STORED: set[tuple[Any, ...]] = set()
_LOADED: list[bool] = [False]


def entry_path() -> Path:
    """Where the entry of this matplotlib and FreeType lives."""
    import matplotlib
    from matplotlib import ft2font

    key = digest([matplotlib.__version__, str(ft2font.__freetype_version__), str(_FORMAT)])
    return cache_root() / KIND / f"{key}.bin"


def _tuple(value: Any) -> Any:
    """A key read back from JSON: lists as tuples, all the way down."""
    return tuple(_tuple(v) for v in value) if isinstance(value, list) else value


def encode(tiles: list[tuple[tuple[Any, ...], text_tiles.Tile]]) -> bytes:
    """Tiles as data: a JSON index (key, shape, corner), then the pixels; compressed."""
    index = [[list(key), *coverage.shape, left, top] for key, (coverage, left, top) in tiles]
    head = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    pixels = b"".join(coverage.tobytes() for _, (coverage, _, _) in tiles)
    return zlib.compress(len(head).to_bytes(8, "big") + head + pixels, 1)


def decode(payload: bytes) -> list[tuple[tuple[Any, ...], text_tiles.Tile]]:
    """:func:`encode` read back; ValueError (or KeyError, TypeError) if it is not one."""
    data = bytearray(zlib.decompress(payload))  # writable: Agg takes no read-only array
    size = int.from_bytes(data[:8], "big")
    index = json.loads(data[8:8 + size].decode("utf-8"))
    pixels = memoryview(data)[8 + size:]
    tiles, offset = [], 0
    for key, rows, columns, left, top in index:
        if not all(isinstance(n, int) and n >= 0 for n in (rows, columns)) or not all(
                isinstance(n, int) for n in (left, top)) or not isinstance(key, list):
            raise ValueError("not a tile")
        end = offset + rows * columns
        if end > len(pixels):
            raise ValueError("the pixels are not whole")
        coverage = np.frombuffer(pixels[offset:end], dtype=np.uint8).reshape(rows, columns)
        tiles.append((_tuple(key), (coverage, left, top)))
        offset = end
    if offset != len(pixels):
        raise ValueError("the pixels are not whole")
    return tiles


def load() -> None:
    """Put the entry's tiles in the process's cache (once a process)."""
    if _LOADED[0] or not text_tiles.SUPPORTED:
        return
    _LOADED[0] = True
    tiles = read_decoded(with_shipped(entry_path(), KIND), KIND, _FORMAT,
                         "text tiles", decode)
    if tiles is None:
        return
    for key, tile in reversed(tiles):  # stored newest first: the newest used last
        if text_tiles.TILES.get(key) is None:
            text_tiles.TILES.put(key, tile)
        _STORED.add(key)


def save() -> None:
    """Write the entry again if this process made tiles it lacks: the newest tiles first,
    up to :data:`STORE_BYTES`. A cache that cannot be written only makes the next process
    slower."""
    if not text_tiles.SUPPORTED:
        return
    kept = list(text_tiles.TILES.tiles.items())
    if all(key in _STORED for key, _ in kept):
        return
    chosen, size = [], 0
    for key, tile in reversed(kept):  # the most recently used first
        if size + tile[0].nbytes > STORE_BYTES:
            break
        chosen.append((key, tile))
        size += tile[0].nbytes
    with contextlib.suppress(OSError, UserInputError, TypeError, ValueError):
        write_entry(entry_path(), KIND, _FORMAT, encode(chosen))
        _STORED.update(key for key, _ in chosen)


__all__ = ["KIND", "STORE_BYTES", "decode", "encode", "entry_path", "load", "save"]
