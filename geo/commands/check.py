"""``deploymap check``: validate a scenario and say what its maps will show."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from .timeline_options import add_places_argument, load_timeline

DESCRIPTION = """\
Validate a scenario file (a hand-written one, or a draft from `deploymap extract` or
`build --from-articles --save-scenario`) and say what the maps will show: its countries,
its views, each force and where it is on each view's day, the kinds of place, and the
presences the sources leave uncertain. Nothing is written. Every problem of the file is
reported at once, with its line, and the exit code is 2."""

EPILOG = """\
examples:
  deploymap check my-story.yaml
  deploymap extract articles/*.txt > draft.yaml && deploymap check draft.yaml
  deploymap check my-story.yaml --places my-places.geojson

exit codes: 0 the file is valid; 2 it is not (every problem with its line)."""


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``check`` subcommand."""
    parser = commands.add_parser(
        "check", help="validate a scenario and say what its maps will show",
        description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", type=Path, metavar="SCENARIO",
                        help="scenario YAML file (or an extract draft)")
    add_places_argument(parser)
    parser.set_defaults(run=run)


def lines(timeline: Any) -> list[str]:
    """What the maps of ``timeline`` will show, one fact a line."""
    scenario = timeline.scenario
    title = scenario.title.get("en") or next(iter(scenario.title.values()), "")
    out = [f"{scenario.path}: valid",
           f"title: {title}",
           f"countries: {', '.join(scenario.countries or (scenario.country,))}",
           f"{len(scenario.forces)} force(s), {len(scenario.presences)} presence(s), "
           f"{len(scenario.sources)} source(s)"]
    kinds = Counter(p.place.kind for p in scenario.presences)
    out.append("places: " + ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())))
    for name, view in scenario.views.items():
        frame = timeline.snapshot(view.date)
        uncertain = int((~frame["certain"]).sum()) if len(frame) else 0
        out.append(f"view {name} ({view.date.isoformat()}): {len(frame)} presence(s) in "
                   f"force" + (f", {uncertain} of them uncertain" if uncertain else ""))
        for force, places in frame.groupby("force", sort=True)["place"]:
            shown = ", ".join(sorted(dict.fromkeys(places)))
            out.append(f"  {force}: {shown}")
    views = list(scenario.views.values())
    if len(views) >= 2:
        before, after = views[0].date, views[1].date
        if before < after:
            counts = timeline.change(before, after)["change"].value_counts()
            out.append(f"change {before.isoformat()} -> {after.isoformat()}: " + ", ".join(
                f"{counts.get(c, 0)} {c}" for c in ("withdrawn", "remained", "new")))
    return out


def run(arguments: argparse.Namespace) -> int:
    """Validate and describe."""
    timeline = load_timeline(arguments)
    print("\n".join(lines(timeline)))
    return 0


__all__ = ["lines", "register", "run"]
