"""``deploymap resolve``: names to places, as text or GeoJSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..errors import PlaceNotFound, UserInputError
from ..gazetteer.lookup import Gazetteer
from ..gazetteer.place import KINDS, Place
from ..inputs import check_output_file
from ..output import write_atomic
from .timeline_options import add_places_argument, user_places

HELP = "resolve place names to geometries (offline)"
DESCRIPTION = """\
Resolve place names from a news story to the places and geometries they mean.

Names may be in English, French, Russian, Vietnamese or Armenian (Latin or Armenian script),
with or without diacritics, and may be border phrases ("Armenia's border with Turkey", "biên
giới Armenia với Thổ Nhĩ Kỳ và Iran") or place ids (AM-SU, border:AM-TR, airport:UDYZ).
When a name fits several places, the province beats a village of the same name and places in
the story's countries beat places abroad; the output says when it chose. The story's
countries are read from the names themselves, as `extract` reads them from an article
("Gao Kidal" is a Malian story), unless --country names one."""

EPILOG = """\
examples:
  deploymap resolve Syunik Tavush "Vayots Dzor"
  deploymap resolve "sân bay chính của đất nước ở thủ đô Yerevan"
  deploymap resolve Ararat --kind city
  deploymap resolve "Armenia's borders with Turkey and Iran" --format geojson --out borders.geojson
  deploymap resolve "Minsk, Belarus" "озеро Севан" "Margara crossing"
  deploymap resolve "Tsaghkunyats ridge" --online   # not in the offline data: ask Nominatim

exit codes: 0 every name resolved; 2 a name is unknown (the message lists the closest names)."""


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``resolve`` subcommand."""
    parser = commands.add_parser(
        "resolve", help=HELP, description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("names", nargs="+", metavar="NAME", help="place names or ids")
    parser.add_argument("--format", choices=("text", "geojson"), default="text",
                        help="text (default): one line per name; geojson: a FeatureCollection")
    parser.add_argument("--kind", choices=KINDS, help="only places of this kind")
    parser.add_argument("--within", metavar="PLACE",
                        help="only places in this country code (AM) or inside this place")
    parser.add_argument("--country", metavar="CODE",
                        help="the story's country: its places win ties (default: the "
                             "countries the names point to, as extract reads an article)")
    parser.add_argument("-o", "--out", type=Path, metavar="FILE",
                        help="write to FILE (atomically: nothing is written if a name fails) "
                             "instead of standard output")
    parser.add_argument("--online", action="store_true",
                        help="ask OpenStreetMap's Nominatim (1 request/s, cached on disk) for "
                             "names the offline data lacks; off by default")
    add_places_argument(parser)
    parser.set_defaults(run=run)


def describe(place: Place, query: str) -> str:
    """One text line (plus notes) for a resolved place."""
    point = place.geometry.representative_point()
    line = (f"{query} -> {place.id}  {place.kind}  {place.name}"
            f"  ({point.y:.4f}, {point.x:.4f})")
    notes = []
    if place.parts:
        notes.append("made of " + ", ".join(place.parts))
    if place.chosen_from:
        notes.append(f"chosen among {len(place.chosen_from) + 1} places; others: "
                     + ", ".join(place.chosen_from[:5])
                     + (" ..." if len(place.chosen_from) > 5 else ""))
    if place.approximate:
        notes.append("approximate geometry" + (f": {place.note}" if place.note else ""))
    if place.warning:
        notes.append("warning: " + place.warning)
    return "\n".join([line, *(f"    {n}" for n in notes)])


def _story(names: list[str], given: str | None) -> tuple[str, tuple[str, ...]]:
    """The story's country and its others: ``given``, or those the names point to (the
    country of the first name that resolves when they point to none)."""
    if given:
        return given, ()
    from ..extract.articles import DEFAULT_COUNTRY, countries_named, extractor

    found = countries_named(".\n".join(names))
    if found:
        return found[0], found[1:]
    default = extractor().gazetteer  # the one the names were just read with
    for name in names:
        try:
            place = default.resolve(name)
        except PlaceNotFound:
            continue
        return (place.id if place.kind == "country" else place.country) or DEFAULT_COUNTRY, ()
    return DEFAULT_COUNTRY, ()


def run(arguments: argparse.Namespace) -> int:
    """Resolve every name; print all results, or every error and nothing else."""
    if arguments.out is not None:
        check_output_file(arguments.out)
    places = user_places(arguments)
    online = None
    if arguments.online:
        from ..gazetteer.online import OnlineGeocoder

        online = OnlineGeocoder()
        print("deploymap resolve: --online: unknown names go to Nominatim "
              "(1 request per second, answers cached)", file=sys.stderr)
    country, countries = _story(arguments.names, arguments.country)
    gazetteer = Gazetteer(country=country, countries=countries, online=online, places=places)
    resolved: list[tuple[str, Place]] = []
    problems: list[str] = []
    for name in arguments.names:
        try:
            resolved.append((name, gazetteer.resolve(name, kind=arguments.kind,
                                                     within=arguments.within)))
        except PlaceNotFound as error:
            problems.append(str(error))
    if problems:  # stdout stays empty (a pipe gets all or nothing); stderr says what was found
        found = "".join(f"\n  found: {describe(place, query)}" for query, place in resolved)
        raise UserInputError(("\n  ".join(problems) if len(problems) == 1
                              else f"{len(problems)} names not found:\n  "
                              + "\n  ".join(problems)) + found)
    if arguments.format == "geojson":
        collection: dict[str, Any] = {
            "type": "FeatureCollection",
            "features": [place.to_feature(query=query) for query, place in resolved],
        }
        text = json.dumps(collection, ensure_ascii=False) + "\n"
    else:
        text = "".join(describe(place, query) + "\n" for query, place in resolved)
    if arguments.out is None:
        sys.stdout.write(text)
    else:
        write_atomic(arguments.out, text)
        print(f"deploymap resolve: wrote {len(resolved)} places to {arguments.out}",
              file=sys.stderr)
    return 0


__all__ = ["register", "run"]
