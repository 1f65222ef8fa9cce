"""Every file a build writes, as independent jobs (see :mod:`geo.workers`).

``deploymap build`` runs them side by side; ``deploymap serve`` runs them in turn and skips
those whose inputs did not change (each job names the part of the scenario it draws:
``html`` and ``gis`` everything, ``static`` everything but the quotes).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import shapely

from ..output import write_atomic
from ..workers import Job, available_cores, build_idle, in_worker, run_jobs
from .formats import (
    DEFAULT_FORMATS,
    FORMATS,
    LAYOUTS,
    STATIC_FORMATS,
    VIDEO_FORMATS,
    VIDEO_PIXELS,
    VIDEO_SIZES,
)

if TYPE_CHECKING:
    from ..timeline import Timeline



@dataclass(frozen=True)
class OutputOptions:
    """What to make: formats, languages, static layouts, the HTML's assets and tiles, and
    the animations' frame sizes."""

    formats: tuple[str, ...] = DEFAULT_FORMATS
    langs: tuple[str, ...] = ("en",)
    layouts: tuple[str, ...] = ("side-by-side",)
    assets: str = "inline"
    tiles: str | None = None
    #: Name the article files of sources with no URL in the maps (off: nothing local).
    show_files: bool = False
    #: Also write the iframe snippet and a page showing it (``STEM.LANG.iframe.txt``,
    #: ``STEM.LANG.embed.html``); ``embed_url``: where the maps will be published.
    embed: bool = False
    embed_url: str | None = None
    video_sizes: tuple[str, ...] = VIDEO_SIZES


@dataclass(frozen=True)
class OutputJob(Job):
    """A job and what it draws: ``html``, ``gis``, ``static`` or ``video``."""

    draws: str = "html"


def output_jobs(timeline: Timeline, *, before: dt.date, after: dt.date, out: Path, stem: str,
                options: OutputOptions) -> list[OutputJob]:
    """Each output as a job, with its cost relative to the GeoJSON's (measured on the seed
    story) so that workers get equal shares. A static map's PNG, SVG and PDF are one job:
    they share one drawn figure (two jobs would each import matplotlib and draw it)."""
    formats = options.formats
    jobs: list[OutputJob] = []
    if "html" in formats:
        for lang in options.langs:
            def html(lang: str = lang) -> list[Path]:
                from .html.map import render_html

                text = render_html(timeline, before=before, after=after, lang=lang,
                                   assets=options.assets, tiles=options.tiles,
                                   show_files=options.show_files)
                paths = [write_atomic(out / f"{stem}.{lang}.html", text)]
                if options.embed:
                    paths += _embed_files(timeline, out, stem, lang, options.embed_url)
                return paths
            jobs.append(OutputJob(f"html ({lang})", html, 6, "html"))
    if "geojson" in formats:
        def geojson() -> list[Path]:
            from .gis import geojson_documents

            documents = geojson_documents(timeline, before=before, after=after,
                                          show_files=options.show_files, langs=options.langs)
            return [write_atomic(out / f"{stem}.{name}.geojson", text)
                    for name, text in documents.items()]
        jobs.append(OutputJob("geojson", geojson, 1, "gis"))
    if "gpkg" in formats:
        def gpkg() -> list[Path]:
            from .geopackage import write_geopackage

            path = out / f"{stem}.gpkg"
            write_geopackage(timeline, before=before, after=after, path=path,
                             show_files=options.show_files, langs=options.langs)
            return [path]
        jobs.append(OutputJob("geopackage", gpkg, 2, "gis"))
    static_formats = [f for f in STATIC_FORMATS if f in formats]
    for layout in options.layouts if static_formats else ():
        for lang in options.langs:
            def static(layout: str = layout, lang: str = lang) -> list[Path]:
                from .static.map import drawn, render_static

                base = f"{stem}.{layout}.{lang}"

                def save(fmts: list[str]) -> list[Path]:
                    return [write_atomic(out / f"{base}.{fmt}", render_static(
                        timeline, before=before, after=after, lang=lang, layout=layout,
                        fmt=fmt)) for fmt in fmts]
                # the figure once, then in a build's worker with a core to spare its PDF
                # beside its PNG and SVG (0.2-0.3 s each), in a process forked with it drawn
                _, text = drawn(timeline, before=before, after=after, lang=lang, layout=layout)
                parts = _apart(static_formats) if in_worker() and (
                    spare_core() or build_idle()) else []
                if len(parts) > 1:
                    done = run_jobs([Job("/".join(fmts), lambda fmts=fmts: save(fmts))
                                     for fmts in parts], workers=len(parts), here=True)
                    paths = [path for finished in done for path in finished.paths]
                else:
                    paths = save(static_formats)
                return [*paths, write_atomic(out / f"{base}.txt", text + "\n")]
            cost = 6 + sum({"png": 5, "svg": 2, "pdf": 5}[f] for f in static_formats)
            jobs.append(OutputJob(f"{'/'.join(static_formats)} ({layout}, {lang})", static,
                                  cost, "static"))
    video_formats = tuple(f for f in VIDEO_FORMATS if f in formats)
    for size in options.video_sizes if video_formats else ():
        for lang in options.langs:
            # the GIF and the MP4 of one size share their frames: one job draws them once
            def video(size: str = size, lang: str = lang) -> list[Path]:
                from .video import render_animation

                width, height = VIDEO_PIXELS[size]
                files = render_animation(timeline, formats=video_formats, size=size,
                                         lang=lang)
                return [write_atomic(out / f"{stem}.{lang}.{width}x{height}.{fmt}", data)
                        for fmt, data in files.items()]
            cost = 20 * len(video_formats) * (2 if size == "wide" else 1)
            jobs.append(OutputJob(f"{'/'.join(video_formats)} ({size}, {lang})", video, cost,
                                  "video"))
    return jobs


def spare_core() -> bool:
    """Whether a core is free for a job to fork a part of its own: the machine has more
    than one, and over the last minute fewer than all but one were busy. (The build's
    early worker also forks once the build's other process is done: :func:`build_idle`.)"""
    import os

    cores = available_cores()
    return cores > 1 and os.getloadavg()[0] < cores - 1


def _apart(formats: list[str]) -> list[list[str]]:
    """A static map's formats in two groups that take about as long to save: the PNG with
    the SVG (made here), and the PDF (one group when there is only one or the other)."""
    groups = [[f for f in formats if f != "pdf"], [f for f in formats if f == "pdf"]]
    return [group for group in groups if group]


def warm_shared() -> None:
    """Import and read what both of a build's processes need whatever the scenario (the
    timeline's libraries, the presentation model, the labels, the package's digest, the
    basemap layer the HTML map opens on and the static map draws, the capitals: on a new
    cache their key hashes the places table, as the name index's does), before the static
    maps' worker is forked from it: once, not once in each process (each of deploymap's
    modules is compiled where no bytecode is kept)."""
    from ..cache import package_digest
    from ..collector import collector_paused  # noqa: F401
    from ..gazetteer.boundaries import capital_ids, read_layer
    from ..i18n import labels
    from ..timeline import Timeline as _Timeline  # noqa: F401
    from . import framing, presentation  # noqa: F401

    labels()
    presentation.palette()
    package_digest()
    read_layer("basemap")
    capital_ids()


def warm_static() -> None:
    """Import and read what a static map's job needs whatever the scenario (the renderer,
    the boundary layers every map reads, the capitals, the fonts, the basemap's key): a
    worker forked before the scenario is loaded does it meanwhile (see
    :class:`geo.workers.EarlyWorker`)."""
    import matplotlib
    import matplotlib.backends.backend_agg
    import matplotlib.backends.backend_pdf
    import matplotlib.backends.backend_svg
    import matplotlib.figure
    from matplotlib.font_manager import FontProperties, findfont, get_font

    from ..cache import package_digest
    from ..gazetteer.boundaries import capital_ids, read_layer
    from ..timeline import Timeline as _Timeline  # noqa: F401
    from . import alt_text  # noqa: F401
    from .static import content, draw, font_subsets, labels, legend, map, symbols  # noqa: F401
    from .static.style import RC

    for layer in ("basemap", "countries", "regions", "borders"):
        read_layer(layer)
    capital_ids()  # the capitals (a cache entry beside the boundary layers)
    package_digest()  # the basemap's key
    with matplotlib.rc_context(RC):
        for weight in ("normal", "bold"):
            for style in ("normal", "italic"):
                get_font(findfont(FontProperties(weight=weight, style=style)))


def _embed_files(timeline: Timeline, out: Path, stem: str, lang: str,
                 base_url: str | None) -> list[Path]:
    from .html.embed import embed_page, iframe_snippet, map_address

    titles = timeline.scenario.title
    title = titles.get(lang) or titles.get("en") or stem
    snippet = iframe_snippet(title=title, address=map_address(f"{stem}.{lang}.html", base_url))
    # the page shows the map beside it whatever base_url says: it is a check before publishing
    page = embed_page(title=title, preview=iframe_snippet(
        title=title, address=map_address(f"{stem}.{lang}.html", None)), code=snippet,
        lang=lang)
    return [write_atomic(out / f"{stem}.{lang}.iframe.txt", snippet),
            write_atomic(out / f"{stem}.{lang}.embed.html", page)]


def drawn_digest(timeline: Timeline, draws: str, *parts: object) -> str:
    """A digest of what a job of kind ``draws`` reads from ``timeline`` (and ``parts``: the
    days, options): equal digests, equal files. Static maps and animations do not show the
    quotes, the presences' notes or the lines they are written on."""
    scenario = timeline.scenario
    presences = scenario.presences
    if draws in ("static", "video"):
        presences = tuple(dataclasses.replace(p, notes="", line=0, citations=tuple(
            dataclasses.replace(c, quote="") for c in p.citations)) for p in presences)
    hasher = hashlib.sha256(repr((draws, scenario.path, scenario.title, scenario.country,
                                  scenario.views, scenario.forces, scenario.sources,
                                  presences, parts)).encode("utf-8", "surrogatepass"))
    for presence in presences:  # a place's repr names it; its shape is read here
        hasher.update(shapely.to_wkb(presence.place.geometry))
    return hasher.hexdigest()


__all__ = ["DEFAULT_FORMATS", "FORMATS", "LAYOUTS", "OutputJob", "OutputOptions", "drawn_digest",
           "output_jobs", "spare_core", "warm_shared", "warm_static"]
