"""Drawing a timeline from Python: each output as text or bytes, or written to a file.

Every function takes a :class:`~geo.timeline.Timeline` and the two days to compare
(``before`` and ``after``; by default the scenario's views of those names). Without a path
a function returns what it would write; with one it writes atomically (the old file stays
until the new one is whole) and returns the path. Heavy libraries are imported on first use.

>>> from geo.timeline import Timeline
>>> from geo import render
>>> timeline = Timeline.load()
>>> render.to_html(timeline, "maps/armenia.html")          # doctest: +SKIP
>>> png = render.to_static(timeline, fmt="png", layout="change")  # doctest: +SKIP
>>> render.show(timeline)   # in a notebook: the before/after map inline  # doctest: +SKIP
>>> render.to_animation(timeline, "maps/armenia.mp4", size="wide")  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BadArgument
from ..output import write_atomic

if TYPE_CHECKING:
    import folium

    from ..timeline import Timeline


def _days(timeline: Timeline, before: dt.date | None,
          after: dt.date | None) -> tuple[dt.date, dt.date]:
    """``before`` and ``after``, defaulting to the scenario's views of those names."""
    views = timeline.scenario.views
    days = []
    for name, day in (("before", before), ("after", after)):
        if day is None:
            if name not in views:
                raise BadArgument(f"the scenario has no {name!r} view; give {name}=DATE "
                                  f"(it has: {', '.join(views) or 'no views'})")
            day = views[name].date
        days.append(day)
    if days[1] < days[0]:
        raise BadArgument(f"after ({days[1]}) is before before ({days[0]}); swap them")
    return days[0], days[1]


def to_html(timeline: Timeline, path: Path | str | None = None, *,
            before: dt.date | None = None, after: dt.date | None = None, lang: str = "en",
            assets: str = "inline", tiles: str | None = None,
            show_files: bool = False) -> str | Path:
    """The interactive before/after map: the HTML text, or the path it was written to
    (``show_files``: name the article file of sources with no URL)."""
    from .html import render_html

    first, second = _days(timeline, before, after)
    text = render_html(timeline, before=first, after=second, lang=lang, assets=assets,
                       tiles=tiles, show_files=show_files)
    return text if path is None else write_atomic(Path(path), text)


def to_geojson(timeline: Timeline, folder: Path | str | None = None, *,
               before: dt.date | None = None, after: dt.date | None = None,
               stem: str | None = None, show_files: bool = False,
               langs: tuple[str, ...] = ("en",)) -> dict[str, str] | list[Path]:
    """GeoJSON of the ``before``, ``after`` and ``change`` layers.

    Without ``folder``: ``{layer: text}``. With one: ``STEM.LAYER.geojson`` files written
    there (``stem`` defaults to the scenario file's name) and their paths. ``show_files``:
    ``source_files`` names the article files (null by default). ``langs``: the languages
    whose name fields the features hold (``("en", "vi")``: ``force_vi`` too), as ``build
    --lang``.
    """
    from .gis import geojson_documents

    first, second = _days(timeline, before, after)
    documents = geojson_documents(timeline, before=first, after=second, show_files=show_files,
                                  langs=langs)
    if folder is None:
        return documents
    stem = stem or timeline.scenario.path.stem
    return [write_atomic(Path(folder) / f"{stem}.{layer}.geojson", text)
            for layer, text in documents.items()]


def to_geopackage(timeline: Timeline, path: Path | str, *, before: dt.date | None = None,
                  after: dt.date | None = None, show_files: bool = False,
                  langs: tuple[str, ...] = ("en",)) -> Path:
    """A GeoPackage for QGIS at ``path``: layers ``before_points``, ``before_lines``,
    ``before_areas`` and the same for ``after``, ``change``, ``timeline`` and ``places``,
    each of one geometry type with DATE fields and the map's style as its default, and a
    ``sources`` table (see :mod:`geo.render.geopackage`; ``show_files``: name the article
    files; ``langs``: as for :func:`to_geojson`)."""
    from .geopackage import write_geopackage

    first, second = _days(timeline, before, after)
    write_geopackage(timeline, before=first, after=second, path=Path(path),  # atomic
                     show_files=show_files, langs=langs)
    return Path(path)


def to_static(timeline: Timeline, path: Path | str | None = None, *,
              fmt: str | None = None, layout: str = "side-by-side", lang: str = "en",
              before: dt.date | None = None, after: dt.date | None = None,
              width_px: int = 1600) -> bytes | Path:
    """A static map (PNG, SVG or PDF): its bytes, or the path it was written to.

    ``fmt`` defaults to the suffix of ``path`` (``png`` without a path).
    """
    from .static import FORMATS, render_static

    fmt = fmt or (Path(path).suffix.lstrip(".").lower() if path is not None else "png")
    if fmt not in FORMATS:
        raise BadArgument(f"unknown static format {fmt!r}; use one of: {', '.join(FORMATS)}")
    first, second = _days(timeline, before, after)
    data = render_static(timeline, before=first, after=second, lang=lang, layout=layout,
                         fmt=fmt, width_px=width_px)
    return data if path is None else write_atomic(Path(path), data)


def to_animation(timeline: Timeline, path: Path | str | None = None, *,
                 fmt: str | None = None, size: str = "square",
                 lang: str = "en") -> bytes | Path:
    """The timeline played as an animated map (GIF or MP4, ``square`` 1080×1080 or ``wide``
    1920×1080): its bytes, or the path it was written to.

    ``fmt`` defaults to the suffix of ``path`` (``gif`` without a path). Unlike the other
    functions it shows the whole timeline, one frame per change, not two days.
    """
    from .video import render_animation

    fmt = fmt or (Path(path).suffix.lstrip(".").lower() if path is not None else "gif")
    data = render_animation(timeline, formats=(fmt,), size=size, lang=lang)[fmt]
    return data if path is None else write_atomic(Path(path), data)


def describe(timeline: Timeline, *, before: dt.date | None = None,
             after: dt.date | None = None, lang: str = "en",
             layout: str = "side-by-side") -> str:
    """The alt text of the static map: one paragraph saying what it shows."""
    from .alt_text import alt_text

    first, second = _days(timeline, before, after)
    return alt_text(timeline, before=first, after=second, lang=lang, layout=layout)


def show(timeline: Timeline, *, before: dt.date | None = None, after: dt.date | None = None,
         lang: str = "en", assets: str = "inline") -> folium.Map:
    """The before/after map as a :class:`folium.Map`: a notebook shows it inline (it is the
    cell's value), ``.save(path)`` writes it."""
    from .html import html_map

    first, second = _days(timeline, before, after)
    return html_map(timeline, before=first, after=second, lang=lang, assets=assets)


__all__ = ["describe", "show", "to_animation", "to_geojson", "to_geopackage", "to_html",
           "to_static"]
