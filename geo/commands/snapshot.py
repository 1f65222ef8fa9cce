"""``deploymap snapshot``: the presences in force on one day."""

from __future__ import annotations

import argparse

from .timeline_options import (
    add_scenario_argument,
    load_timeline,
    view_day,
    write_geojson,
    write_table,
)

DESCRIPTION = """\
List every presence in force on a day: force, place, dates with their precision, and the
sources. A presence whose dates leave the day uncertain is listed with certain=False
(see `docs/scenario.md`, "How uncertain dates compare")."""

EPILOG = """\
examples:
  deploymap snapshot --date 2024-01-01
  deploymap snapshot --date 2020-10-15 --format geojson > october-2020.geojson
  deploymap snapshot my-story.yaml --date 2023-06-30

exit codes: 0 ok; 2 the scenario or an option is wrong (the message names the line)."""


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``snapshot`` subcommand."""
    parser = commands.add_parser(
        "snapshot", help="presences in force on a day", description=DESCRIPTION,
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_scenario_argument(parser)
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="the day (default: the scenario's 'after' view)")
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Print the snapshot."""
    timeline = load_timeline(arguments)
    day = view_day(timeline, arguments.date, "after", "--date")
    frame = timeline.snapshot(day)
    if arguments.format == "geojson":
        write_geojson(frame, date=day.isoformat())
    else:
        print(f"{len(frame)} presences in force on {day.isoformat()}")
        write_table(frame, ["force", "place", "place_id", "start", "end", "certain",
                            "source_ids"])
    return 0


__all__ = ["register", "run"]
