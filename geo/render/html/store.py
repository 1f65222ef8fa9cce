"""What the HTML map stores once and refers to by number: geometries and pieces of HTML.

A province drawn on three layers and on the basemap is one shape; a force's heading or a
source's credit repeated in thousands of popups is one piece.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely

from .geometry import encode, encode_many


class GeometryStore:
    """Encoded geometries, each stored once; features refer to them by index."""

    def __init__(self) -> None:
        self.shapes: list[dict[str, Any]] = []
        #: The source geometry of each shape (to check the simplification against).
        self.sources: list[shapely.Geometry] = []
        self._index: dict[bytes, int] = {}
        #: id() of each geometry object seen by :meth:`add_many` -> (its index, the object:
        #: held so that the id cannot be reused by another object while the store lives).
        self._objects: dict[int, tuple[int, shapely.Geometry]] = {}

    def add(self, geometry: shapely.Geometry) -> int:
        """The index of ``geometry`` (encoded on first use)."""
        key = shapely.to_wkb(geometry)
        if key not in self._index:
            self._index[key] = len(self.shapes)
            self.shapes.append(encode(geometry))
            self.sources.append(geometry)
        return self._index[key]

    def add_encoded(self, geometry: shapely.Geometry, shape: dict[str, Any]) -> int:
        """:meth:`add` for a geometry whose encoding is known (read from a cache)."""
        key = shapely.to_wkb(geometry)
        if key not in self._index:
            self._index[key] = len(self.shapes)
            self.shapes.append(shape)
            self.sources.append(geometry)
        return self._index[key]

    def add_many(self, geometries: list[shapely.Geometry]) -> list[int]:
        """The index of each geometry: :meth:`add` for many, encoded together (faster)."""
        if not geometries:
            return []
        # the same object again (a place on several layers) is found without its WKB
        known = [self._objects.get(id(g), (None,))[0] for g in geometries]
        unknown = [g for g, index in zip(geometries, known, strict=True) if index is None]
        keys = iter(shapely.to_wkb(np.asarray(unknown, dtype=object)).tolist()
                    if unknown else [])
        new: list[shapely.Geometry] = []
        indices = []
        for geometry, index in zip(geometries, known, strict=True):
            if index is None:
                key = next(keys)
                index = self._index.get(key)
                if index is None:
                    index = self._index[key] = len(self.shapes) + len(new)
                    new.append(geometry)
                self._objects[id(geometry)] = (index, geometry)
            indices.append(index)
        self.shapes.extend(encode_many(new))
        self.sources.extend(new)
        return indices


class Fragments:
    """Pieces of HTML, each stored once; a popup is the list of its pieces' numbers.

    For maps of many features (see :data:`CANVAS_FROM`): ``deploymap-canvas.js`` joins the
    pieces when a popup opens. Every piece was escaped by :mod:`.popups`. A negative
    number ``-1 - k`` stands for the pieces of group ``k`` (:meth:`group`): a presence's part
    of a popup, written once for every layer that shows it.
    """

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.groups: list[list[int]] = []
        self._index: dict[str, int] = {}

    def group(self, ids: list[int]) -> int:
        """The (negative) number standing for the pieces ``ids``, in that order."""
        self.groups.append(ids)
        return -len(self.groups)

    def join(self, ids: list[int]) -> str:
        """The HTML that ``ids`` stand for (what the browser does when a popup opens)."""
        return "".join(self.join(self.groups[-1 - i]) if i < 0 else self.texts[i] for i in ids)

    def id(self, piece: str) -> int:
        """The number of one piece (stored on first use)."""
        number = self._index.get(piece)
        if number is None:
            number = self._index[piece] = len(self.texts)
            self.texts.append(piece)
        return number

    def ids(self, pieces: list[str]) -> list[int]:
        """The numbers of ``pieces`` (stored on first use)."""
        index, out = self._index, []
        for piece in pieces:
            number = index.get(piece)
            if number is None:
                number = index[piece] = len(self.texts)
                self.texts.append(piece)
            out.append(number)
        return out


__all__ = ["Fragments", "GeometryStore"]
