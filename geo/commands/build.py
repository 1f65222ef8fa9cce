"""``deploymap build``: the maps of a scenario's before and after, in every format."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..collector import collector_paused
from ..errors import BadArgument
from ..i18n import LANGUAGES, check_language
from ..inputs import check_output_folder
from ..output import staged_set
from ..render.formats import (
    DEFAULT_FORMATS,
    STATIC_FORMATS,
    VIDEO_FORMATS,
    VIDEO_PIXELS,
    VIDEO_SIZES,
)
from ..render.outputs import (
    FORMATS,
    LAYOUTS,
    OutputJob,
    OutputOptions,
    output_jobs,
    warm_shared,
    warm_static,
)
from ..workers import Done, EarlyWorker, available_cores, groups, run_jobs
from .timeline_options import add_places_argument, load_timeline, view_day

if TYPE_CHECKING:

    from ..timeline import Timeline


DESCRIPTION = """\
Build the maps of a scenario: the state before and after a change, as an interactive HTML
map, GeoJSON and GeoPackage for GIS, and PNG/SVG/PDF maps (each with an alt-text .txt) for
articles; on request (--format gif,mp4) the whole timeline played as an animation for social
media. With no arguments: the shipped seed story (Russian forces in Armenia) into maps/."""

EPILOG = """\
examples:
  deploymap build
  deploymap build --format html --lang vi
  deploymap build --format png,svg --lang en,vi --layout change
  deploymap build my-story.yaml --out out/ --before 2023-06-01 --after 2024-06-01
  deploymap build --from-articles seeds/          # draft records from articles, then maps
  deploymap build --format html --embed-url https://example.org/maps/   # + iframe for a CMS
  deploymap build --format gif,mp4                # the timeline animated, 1080x1080 and 1920x1080
  deploymap build --format mp4 --video-size square --lang vi

outputs (STEM = the scenario file name without .yaml):
  STEM.LANG.html, STEM.before.geojson, STEM.after.geojson, STEM.change.geojson, STEM.gpkg,
  STEM.LAYOUT.LANG.png|svg|pdf and STEM.LAYOUT.LANG.txt (alt text);
  with --embed: STEM.LANG.iframe.txt and STEM.LANG.embed.html;
  with --format gif,mp4: STEM.LANG.1080x1080.gif|mp4 and STEM.LANG.1920x1080.gif|mp4
STEM.gpkg opens styled in QGIS: layers before_points, before_lines, before_areas, the same
for after, change, timeline and places; start and end are DATE fields for the Temporal
Controller. Published outputs name no local file unless --show-files asks for them.
Files are written atomically: an interrupted build leaves the previous files intact.

exit codes: 0 ok; 2 the scenario or an option is wrong (the message names the line)."""


def _csv(choices: tuple[str, ...], option: str) -> Callable[[str], list[str]]:
    def parse(text: str) -> list[str]:
        values = [v.strip() for v in text.split(",") if v.strip()]
        unknown = [v for v in values if v not in choices]
        if unknown or not values:
            raise argparse.ArgumentTypeError(
                f"{', '.join(unknown) or text!r}: not one of {', '.join(choices)} "
                f"(comma-separated, e.g. {option} {choices[0]},{choices[1]})")
        return list(dict.fromkeys(values))
    return parse


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``build`` subcommand."""
    parser = commands.add_parser(
        "build", help="build the before/after maps (HTML, GeoJSON, GPKG, PNG, SVG, PDF)",
        description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", nargs="?", type=Path, metavar="SCENARIO",
                        help="scenario YAML file (default: the shipped seed story)")
    add_output_arguments(parser)
    parser.add_argument("--from-articles", type=Path, metavar="DIR",
                        help="draft the scenario from the articles (*.txt) in DIR instead")
    parser.add_argument("--threshold", type=float, default=None, metavar="0..1",
                        help="with --from-articles: keep records at least this confident "
                             "(default 0.5)")
    parser.add_argument("--save-scenario", type=Path, default=None, metavar="FILE",
                        help="with --from-articles: also write the merged scenario to FILE "
                             "(YAML; edit it and build it as a SCENARIO later)")
    parser.add_argument("--jobs", type=_jobs_count, default=None, metavar="N",
                        help="worker processes that make the outputs side by side (default: "
                             f"the cores this machine gives the build, here {available_cores()}"
                             "; 1: all in this process). The files are the same either way.")
    add_places_argument(parser)
    parser.set_defaults(run=run)


def add_output_arguments(parser: argparse.ArgumentParser) -> None:
    """The options that say what to make and where (shared with ``serve``)."""
    parser.add_argument("-o", "--out", type=Path, default=Path("maps"), metavar="DIR",
                        help="output folder (default: maps/)")
    parser.add_argument("--before", metavar="YYYY-MM-DD",
                        help="first day (default: the scenario's 'before' view)")
    parser.add_argument("--after", metavar="YYYY-MM-DD",
                        help="second day (default: the scenario's 'after' view)")
    parser.add_argument("--format", type=_csv(FORMATS, "--format"),
                        default=list(DEFAULT_FORMATS),
                        help="formats, comma-separated (default: "
                             f"{','.join(DEFAULT_FORMATS)}; also "
                             f"{','.join(VIDEO_FORMATS)}: the timeline animated, a few times "
                             "as long to build as the rest)")
    parser.add_argument("--lang", type=_csv(LANGUAGES, "--lang"), default=["en"],
                        help="language(s) of labels and place names: en (default), vi, or en,vi")
    parser.add_argument("--assets", choices=("inline", "cdn"), default="inline",
                        help="HTML: inline (default; one file, no network) or cdn (small file "
                             "for online embeds)")
    parser.add_argument("--tiles", choices=("osm",), default=None,
                        help="HTML: add OpenStreetMap tiles under our own basemap (online)")
    parser.add_argument("--layout", type=_csv(LAYOUTS, "--layout"), default=["side-by-side"],
                        help="static maps: side-by-side (before|after, default) or change")
    parser.add_argument("--embed", action="store_true",
                        help="also write STEM.LANG.iframe.txt (the iframe to paste into an "
                             "article) and STEM.LANG.embed.html (a page showing it)")
    parser.add_argument("--embed-url", metavar="URL", default=None,
                        help="the http(s) address the maps will be published under, for the "
                             "iframe's src (implies --embed; default: the file name, relative)")
    parser.add_argument("--show-files", action="store_true",
                        help="name the article file of sources with no URL in popups and "
                             "credits (off: a published map names no local file)")
    parser.add_argument("--video-size", type=_csv(VIDEO_SIZES, "--video-size"),
                        default=None,
                        help="gif/mp4 frame sizes: " + ", ".join(
                            f"{name} ({w}x{h})" for name, (w, h) in VIDEO_PIXELS.items())
                        + " (default: both)")


def _jobs_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 64:
        raise argparse.ArgumentTypeError(f"{text!r}: give a whole number from 1 to 64")
    return value


def output_options(arguments: argparse.Namespace) -> OutputOptions:
    """The outputs the options ask for."""
    return OutputOptions(formats=tuple(arguments.format), langs=tuple(arguments.lang),
                         layouts=tuple(arguments.layout), assets=arguments.assets,
                         tiles=arguments.tiles, show_files=arguments.show_files,
                         embed=arguments.embed or arguments.embed_url is not None,
                         embed_url=arguments.embed_url,
                         video_sizes=tuple(arguments.video_size or VIDEO_SIZES))


def _progress(message: str) -> None:
    print(f"deploymap build: {message}", file=sys.stderr, flush=True)


def _check_options(arguments: argparse.Namespace) -> None:
    """Options that cannot work together, before any work is done."""
    if arguments.embed or arguments.embed_url is not None:
        if "html" not in arguments.format:
            raise BadArgument("--embed puts the HTML map in an article: add html to --format "
                              f"(e.g. --format html,{','.join(arguments.format)})")
        if arguments.embed_url is not None:
            from ..render.html.embed import map_address

            map_address("map.html", arguments.embed_url)  # an http(s) address, or exit 2
        if arguments.show_files:
            _progress("warning: --show-files puts the articles' file names into the map "
                      "you are about to embed; drop it for a published map")
    if arguments.video_size is not None and not {"gif", "mp4"} & set(arguments.format):
        raise BadArgument("--video-size applies to gif and mp4: add them to --format (e.g. "
                          f"--format {','.join(arguments.format)},mp4), or drop --video-size")
    if arguments.from_articles is None:
        for option, value in (("--threshold", arguments.threshold),
                              ("--save-scenario", arguments.save_scenario)):
            if value is not None:
                raise BadArgument(f"{option} applies only with --from-articles DIR; drop it, "
                                  "or add --from-articles")
        return
    if arguments.scenario is not None:
        raise BadArgument("give either a SCENARIO file or --from-articles DIR, not both")
    if arguments.places is not None:
        raise BadArgument("--places works with a SCENARIO file; --from-articles drafts "
                          "from the shipped places only: drop one of them")
    threshold = 0.5 if arguments.threshold is None else arguments.threshold
    if not 0 <= threshold <= 1:  # also refuses nan
        raise BadArgument(f"--threshold {threshold}: give a number from 0 to 1")
    if not arguments.from_articles.is_dir():
        what = "a file" if arguments.from_articles.exists() else "not found"
        raise BadArgument(f"--from-articles {arguments.from_articles}: {what}; give the "
                          "folder that holds the articles (*.txt)")


def _load(arguments: argparse.Namespace) -> tuple[Timeline, str]:
    if arguments.from_articles is None:
        timeline = load_timeline(arguments)
        return timeline, timeline.scenario.path.stem
    from ..extract import scenario_from_articles

    threshold = 0.5 if arguments.threshold is None else arguments.threshold
    timeline, report = scenario_from_articles(arguments.from_articles, threshold=threshold,
                                              save_to=arguments.save_scenario)
    if arguments.save_scenario is not None:
        _progress(f"scenario saved to {arguments.save_scenario}")
    for line in report.lines():
        _progress(line)
    return timeline, arguments.from_articles.resolve().name or "articles"


def run(arguments: argparse.Namespace) -> int:
    """Build every requested output."""
    for lang in arguments.lang:
        check_language(lang)
    _check_options(arguments)
    if "mp4" in arguments.format:  # the encoder is there, before any map is drawn
        from ..render.video.encode import ffmpeg_path

        ffmpeg_path()
    check_output_folder(arguments.out)
    started = time.perf_counter()
    workers = arguments.jobs or available_cores()
    # the static maps are the longest job: their worker imports matplotlib while this
    # process loads the scenario, then makes them from the timeline it is sent
    early = None
    if workers > 1 and hasattr(os, "fork") and arguments.from_articles is None and (
            set(STATIC_FORMATS) & set(arguments.format)):
        with collector_paused():  # what it imports lives until the build ends
            warm_shared()  # geopandas, the labels, ...: once for both processes
            # pinned before collections resume (none is due then) and before the fork: a
            # full collection in either process neither scans it nor copies its pages
            gc.freeze()
        early = EarlyWorker(warm_static)
    try:
        return _build(arguments, workers, early, started)
    finally:
        gc.unfreeze()  # in a longer process (tests, a script) the build leaves nothing pinned
        if early is not None:
            early.close()


def _build(arguments: argparse.Namespace, workers: int, early: EarlyWorker | None,
           started: float) -> int:
    timeline, stem = _load(arguments)
    # what the imports and the scenario made lives until the build ends: the collector
    # need not scan it again at each full collection (nor workers forked from here)
    gc.freeze()
    before = view_day(timeline, arguments.before, "before", "--before")
    after = view_day(timeline, arguments.after, "after", "--after")
    if after <= before:
        raise BadArgument(f"--after {after} is not later than --before {before}; swap them")
    out: Path = arguments.out
    written: list[Path] = []
    with staged_set(out) as staging:  # all the maps, or none: see geo.output
        made = {"timeline": timeline, "before": before, "after": after, "out": staging,
                "stem": stem, "options": output_options(arguments)}
        jobs = output_jobs(**made)

        def report(done: Done) -> None:
            paths = [out / p.name for p in done.paths]
            written.extend(paths)
            reported.append(done)
            _progress(f"[{len(reported)}/{len(jobs)}] {done.label}: "
                      f"{', '.join(str(p) for p in paths)} ({done.seconds:.1f} s)")

        reported: list[Done] = []
        if early is None:
            run_jobs(jobs, workers=workers, on_done=report)
        else:
            # its share: the workers' share with the most static maps in it
            share = max(groups(jobs, workers), key=lambda group: sum(
                job.cost for job in group if isinstance(job, OutputJob) and job.draws == "static"))
            labels = [job.label for job in share]
            early.hand(output_jobs, made, labels)
            run_jobs([job for job in jobs if job.label not in labels], workers=workers - 1,
                     on_done=report, early=(early, len(labels)))
    _progress(f"{len(written)} files in {out}/ in {time.perf_counter() - started:.1f} s")
    return 0


__all__ = ["FORMATS", "LAYOUTS", "register", "run"]
