"""Options shared by the commands that read a scenario (``snapshot``, ``diff``)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..dates import DateError, parse_day
from ..errors import BadArgument

if TYPE_CHECKING:
    import geopandas as gpd

    from ..gazetteer.place import Place
    from ..timeline import Timeline


def add_scenario_argument(parser: argparse.ArgumentParser) -> None:
    """SCENARIO positional (default: the shipped seed scenario), --format and --places."""
    parser.add_argument("scenario", nargs="?", type=Path, metavar="SCENARIO",
                        help="scenario YAML file (default: the shipped seed story, "
                             "Russian forces in Armenia 2020-2024)")
    parser.add_argument("--format", choices=("text", "geojson"), default="text",
                        help="text (default): a table; geojson: a FeatureCollection")
    add_places_argument(parser)


def add_places_argument(parser: argparse.ArgumentParser) -> None:
    """--places FILE: the user's own places, besides the shipped ones."""
    parser.add_argument("--places", type=Path, metavar="FILE",
                        help="GeoJSON or GeoPackage of extra places (properties name, kind; "
                             "optional id, country, names_vi, ...; EPSG:4326) that place "
                             "names may resolve to")


def user_places(arguments: argparse.Namespace) -> tuple[Place, ...]:
    """The places of ``--places`` (empty without it)."""
    if getattr(arguments, "places", None) is None:
        return ()
    from ..gazetteer.user_places import load_places

    return load_places(arguments.places)


def load_timeline(arguments: argparse.Namespace) -> Timeline:
    """The timeline of SCENARIO (default: the seed story), with the places of --places."""
    from ..scenario.load import load_scenario
    from ..timeline import Timeline

    return Timeline(load_scenario(arguments.scenario, places=user_places(arguments)))


def day(text: str, option: str) -> dt.date:
    """A ``YYYY-MM-DD`` option value, or a BadArgument naming the option."""
    try:
        return parse_day(text)
    except DateError as error:
        raise BadArgument(f"{option}: {error}") from None


def view_day(timeline: Timeline, value: str | None, view: str, option: str) -> dt.date:
    """The day given for ``option``, else the scenario's view ``view``."""
    if value is not None:
        return day(value, option)
    if view not in timeline.scenario.views:
        raise BadArgument(f"{timeline.scenario.path}: has no view {view!r}; pass {option} "
                          "YYYY-MM-DD or add the view under views")
    return timeline.view(view)


def write_geojson(frame: gpd.GeoDataFrame, **metadata: object) -> None:
    """A frame as an RFC 7946 FeatureCollection on stdout (metadata as foreign members)."""
    collection = json.loads(frame.to_json(na="null", drop_id=True))
    collection.pop("crs", None)
    collection.update(metadata)
    json.dump(collection, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


def write_table(frame: gpd.GeoDataFrame, columns: list[str]) -> None:
    """A plain text table of ``columns`` on stdout."""
    rows = [[str(v) if v is not None and v == v else "" for v in frame[c]] for c in columns]
    cells = list(zip(*rows, strict=True)) if rows else []
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


__all__ = ["add_places_argument", "add_scenario_argument", "day", "load_timeline",
           "user_places", "view_day", "write_geojson", "write_table"]
