"""What a build can make: the file formats and the static maps' layouts (names only, so
that the command line can list them without importing a renderer)."""

from __future__ import annotations

#: Static map formats: PNG, SVG (text kept as text) and PDF (fonts embedded).
STATIC_FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
#: Every format ``deploymap build --format`` takes.
FORMATS: tuple[str, ...] = ("html", "geojson", "gpkg", *STATIC_FORMATS)
#: Static map layouts: before|after side by side, or one map of the change.
LAYOUTS: tuple[str, ...] = ("side-by-side", "change")

__all__ = ["FORMATS", "LAYOUTS", "STATIC_FORMATS"]
