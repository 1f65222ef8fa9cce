"""Where a map's inset and scale bar go: the emptiest of its corners, away from what is
drawn and from the story's country; where a note across the map goes: clear of all that."""

from __future__ import annotations

from typing import Any

CORNERS = ("bottom-left", "top-right", "top-left", "bottom-right")


def corner_box(extent: Any, corner: str, width: float, height: float) -> Any:
    """A box of ``width`` by ``height`` in a ``corner`` of ``extent``, a margin in."""
    from shapely.geometry import box

    margin = extent.width * 0.02
    x0 = extent.xmin + margin if "left" in corner else extent.xmax - margin - width
    y0 = extent.ymin + margin if "bottom" in corner else extent.ymax - margin - height
    return box(x0, y0, x0 + width, y0 + height)


def emptiest_corners(extent: Any, features: list[Any], focus: Any,
                     sizes: list[tuple[float, float]]) -> list[str]:
    """The emptiest corner for each box size in turn (inset, then scale bar)."""
    import shapely

    reach = extent.width * 0.03
    # a line simplified to a twentieth of the reach first: buffering its every bend took
    # longer than the rest of the choice (30 ms on the seed map), for areas 0.3 % apart
    buffered = [f.geometry if f.shape == "area" else shapely.buffer(
        shapely.simplify(f.geometry, reach / 20) if f.shape == "line" else f.geometry, reach)
        for f in features]
    occupied = shapely.union_all(buffered) if buffered else shapely.Polygon()
    chosen: list[str] = []
    for width, height in sizes:
        def score(corner: str, width: float = width, height: float = height) -> float:
            box = corner_box(extent, corner, width, height)
            return (box.intersection(occupied).area * 3 + box.intersection(focus).area) / (
                box.area)
        chosen.append(min((c for c in CORNERS if c not in chosen), key=score))
    return chosen


#: Heights (share of the map, from the bottom) a note across the map may stand at, in order.
NOTE_HEIGHTS = (0.5, 0.1, 0.9, 0.3, 0.7)


def clear_height(text: Any, renderer: Any, taken: list[tuple[float, float, float, float]]
                 ) -> None:
    """Move ``text`` (centred, in axes fractions) to the first of :data:`NOTE_HEIGHTS` where
    its box overlaps none of the ``taken`` display boxes (symbols, labels, inset, scale
    bar); it stays in the middle when none is clear."""
    for height in NOTE_HEIGHTS:
        text.set_y(height)
        box = text.get_window_extent(renderer)
        if not any(box.x0 < x1 and x0 < box.x1 and box.y0 < y1 and y0 < box.y1
                   for x0, y0, x1, y1 in taken):
            return
    text.set_y(NOTE_HEIGHTS[0])


__all__ = ["CORNERS", "NOTE_HEIGHTS", "clear_height", "corner_box", "emptiest_corners"]
