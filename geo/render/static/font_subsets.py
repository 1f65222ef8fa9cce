"""The PDF's embedded font subsets, kept in the cache folder.

A PDF embeds only the glyphs its text uses; matplotlib makes that subset with fontTools each
time, reading the whole of DejaVu Sans (about 0.2 s a face, most of a PDF's cost). The same
map, or any map using the same letters, needs the same subset, so while a PDF is saved
:func:`cached_subsets` answers matplotlib's ``get_glyphs_subset`` from the cache: the
subset's bytes and glyph numbers, keyed by the font file's SHA-256, the glyphs, and the
versions of matplotlib and fontTools. The bytes are those fontTools made, so the PDF is
byte-identical either way. If matplotlib no longer has that function (a new version), the
PDF is made as usual, uncached.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ...cache import digest, file_digest, memoized

_FORMAT = 1


class _SubsetFont:
    """What matplotlib asks of a subset font: to be saved (as the bytes fontTools made)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def save(self, file: Any, reorderTables: bool = False) -> None:
        file.write(self.data)

    def close(self) -> None:
        pass

    def __enter__(self) -> _SubsetFont:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def _encode(value: tuple[bytes, dict[int, int]]) -> bytes:
    data, numbers = value
    head = json.dumps(sorted(numbers.items())).encode("ascii")
    return len(head).to_bytes(8, "big") + head + data


def _decode(payload: bytes) -> tuple[bytes, dict[int, int]]:
    size = int.from_bytes(payload[:8], "big")
    pairs = json.loads(payload[8:8 + size].decode("ascii"))
    numbers = {int(a): int(b) for a, b in pairs}
    data = payload[8 + size:]
    if not data.startswith((b"\x00\x01\x00\x00", b"true", b"OTTO")):
        raise ValueError("not a font")
    return data, numbers


@contextlib.contextmanager
def cached_subsets() -> Iterator[None]:
    """While open, matplotlib's PDF backend takes its font subsets from the cache."""
    try:
        import fontTools
        import matplotlib
        from matplotlib.backends import _backend_pdf_ps as pdf_ps
    except ImportError:
        yield
        return
    original = getattr(pdf_ps, "get_glyphs_subset", None)
    results = getattr(pdf_ps, "SubsetResults", None)
    if original is None or results is None or not hasattr(pdf_ps, "font_as_file"):
        yield
        return

    def subset(fontfile: Any, glyphs: Iterable[int]) -> Any:
        wanted = sorted(set(glyphs))
        face = getattr(fontfile, "face_index", 0)
        key = digest([file_digest(Path(str(fontfile))), str(face), json.dumps(wanted),
                      matplotlib.__version__, fontTools.version])

        def build() -> tuple[bytes, dict[int, int]]:
            with original(fontfile, set(wanted)) as made:
                return (pdf_ps.font_as_file(made.font).getvalue(),
                        {int(a): int(b) for a, b in made.glyph_index_map.items()})

        data, numbers = memoized("font-subset", _FORMAT, key, build, _encode, _decode,
                                 "PDF font subset")
        return results(_SubsetFont(data), numbers)._as_cm()

    pdf_ps.get_glyphs_subset = subset
    try:
        yield
    finally:
        pdf_ps.get_glyphs_subset = original


__all__ = ["cached_subsets"]
