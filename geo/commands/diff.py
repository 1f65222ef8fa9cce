"""``deploymap diff``: what was withdrawn, what remained and what is new between two days."""

from __future__ import annotations

import argparse

from ..errors import BadArgument
from .timeline_options import (
    add_scenario_argument,
    load_timeline,
    view_day,
    write_geojson,
    write_table,
)

DESCRIPTION = """\
Compare two days of a scenario: every presence in force on either day, with change =
withdrawn (before only), remained (both) or new (after only), and its sources and quotes.
Defaults: the shipped seed scenario and its 'before' and 'after' views."""

EPILOG = """\
examples:
  deploymap diff
  deploymap diff --before 2020-01-01 --after 2021-01-01
  deploymap diff --format geojson > change.geojson
  deploymap diff my-story.yaml

exit codes: 0 ok; 2 the scenario or an option is wrong (the message names the line)."""


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``diff`` subcommand."""
    parser = commands.add_parser(
        "diff", help="withdrawn / remained / new between two days", description=DESCRIPTION,
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_scenario_argument(parser)
    parser.add_argument("--before", metavar="YYYY-MM-DD",
                        help="first day (default: the scenario's 'before' view)")
    parser.add_argument("--after", metavar="YYYY-MM-DD",
                        help="second day (default: the scenario's 'after' view)")
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Print the change."""
    timeline = load_timeline(arguments)
    before = view_day(timeline, arguments.before, "before", "--before")
    after = view_day(timeline, arguments.after, "after", "--after")
    if after <= before:
        raise BadArgument(f"--after {after} is not later than --before {before}; swap them "
                          "(a diff compares an earlier day with a later one)")
    frame = timeline.change(before, after)
    if arguments.format == "geojson":
        write_geojson(frame, before=before.isoformat(), after=after.isoformat())
        return 0
    counts = frame["change"].value_counts()
    summary = ", ".join(f"{counts.get(c, 0)} {c}" for c in ("withdrawn", "remained", "new"))
    print(f"{before.isoformat()} -> {after.isoformat()}: {summary}")
    write_table(frame, ["change", "force", "place", "place_id", "start", "end",
                        "certain_before", "certain_after", "source_ids"])
    return 0


__all__ = ["register", "run"]
