"""What a build can make: the file formats and the static maps' layouts (names only, so
that the command line can list them without importing a renderer)."""

from __future__ import annotations

#: Static map formats: PNG, SVG (text kept as text) and PDF (fonts embedded).
STATIC_FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
#: Animated maps: the timeline played event by event (see :mod:`geo.render.video`).
VIDEO_FORMATS: tuple[str, ...] = ("gif", "mp4")
#: Every format ``deploymap build --format`` takes.
FORMATS: tuple[str, ...] = ("html", "geojson", "gpkg", *STATIC_FORMATS, *VIDEO_FORMATS)
#: What ``deploymap build`` makes without ``--format``: every format but the animations,
#: which take several times as long as the rest of a build together.
DEFAULT_FORMATS: tuple[str, ...] = tuple(f for f in FORMATS if f not in VIDEO_FORMATS)
#: Static map layouts: before|after side by side, or one map of the change.
LAYOUTS: tuple[str, ...] = ("side-by-side", "change")
#: Frame sizes of the animations, in pixels (width, height): a square for feeds, a wide
#: 16:9 for video players and slides.
VIDEO_PIXELS: dict[str, tuple[int, int]] = {"square": (1080, 1080), "wide": (1920, 1080)}
VIDEO_SIZES: tuple[str, ...] = tuple(VIDEO_PIXELS)

__all__ = ["DEFAULT_FORMATS", "FORMATS", "LAYOUTS", "STATIC_FORMATS", "VIDEO_FORMATS",
           "VIDEO_PIXELS", "VIDEO_SIZES"]
