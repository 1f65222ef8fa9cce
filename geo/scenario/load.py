"""Scenario files: load a YAML scenario, check all of it, and raise once with every problem.

A scenario records forces, the sources that report on them and each presence of a force at
a place, with dates and the quote that supports it (format: ``docs/scenario.md``, schema:
``data/scenarios/scenario.schema.json``). Structure is checked against the JSON Schema;
meaning (references, dates, places, quotes, overlaps) by the checks below. Every problem
names the file and line and says what to fix.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import shape

from ..data_files import data_path
from ..dates import DateError, FuzzyDate, parse_date, parse_day
from ..errors import BadArgument, PlaceNotFound, UserInputError
from ..gazetteer.lookup import Gazetteer
from ..gazetteer.place import Place
from ..gazetteer.shapes import geometry_problem
from ..inputs import MAX_ARTICLE_BYTES, check_file, read_text
from .build import build_scenario
from .checks import (
    Problems,
    line_at,
    overlaps,
    schema_message,
    schema_validator,
    shown,
    unknown_keys,
)
from .model import Citation, Force, Presence, Scenario, Source, Strength, View
from .yaml_lines import LineDict, load_yaml

#: The scenario shipped with deploymap: the seed story.
DEFAULT_SCENARIO = "armenia-2024.yaml"


def default_scenario_path() -> Path:
    """The shipped seed scenario."""
    return data_path("scenarios", DEFAULT_SCENARIO)


def _text(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in (value or {}).items()}


def _read_source_text(path: Path) -> str:
    """An article's text with every run of whitespace made one space (UserInputError if it
    cannot be read)."""
    return re.sub(r"\s+", " ", read_text(path, what="article", limit=MAX_ARTICLE_BYTES))


def load_scenario(
    path: Path | str | None = None, *, gazetteer: Gazetteer | None = None,
    places: Sequence[Place] = (), shown_as: str | None = None,
) -> Scenario:
    """Load and check a scenario file; raise :class:`ScenarioError` listing every problem.

    Parameters
    ----------
    path
        The YAML file; None for the shipped seed scenario.
    gazetteer
        Resolves place names; a new one for the scenario's ``country`` when None.
    places
        Extra places (a user's boundary file, :func:`geo.gazetteer.user_places.load_places`) that
        names may resolve to, besides the shipped ones.
    shown_as
        What warnings call the file instead of its path and line (a temporary file the user
        never sees: "the scenario merged from the articles").
    """
    path = Path(path) if path is not None else default_scenario_path()
    document = load_yaml(path)
    problems = Problems(path)
    if not isinstance(document, LineDict):
        held = ("nothing but comments" if document is None else "a YAML list"
                if isinstance(document, list) else f"a single value ({shown(document)})")
        problems.add(1, f"the file holds {held}, but a scenario is a YAML mapping with "
                        "forces, sources, presences and views; see docs/scenario.md")
        problems.raise_if_any()
    try:
        errors = sorted(schema_validator().iter_errors(document), key=lambda e: e.path)
    except RecursionError:
        raise UserInputError(f"{path}: nested too deeply to check; a scenario needs a "
                             "handful of levels (see docs/scenario.md)") from None
    for error in errors:
        where = list(error.absolute_path)
        if error.validator == "additionalProperties":  # point at the first unknown key
            where += unknown_keys(error)[:1]
        problems.add(line_at(document, where), schema_message(error))
    problems.raise_if_any()
    listed = [str(c) for c in document.get("countries", [])]
    country = str(document.get("country") or (listed[0] if listed else "AM"))
    countries = tuple(dict.fromkeys([country, *listed]))
    places = tuple(places) or (gazetteer.user_places if gazetteer is not None else ())
    if gazetteer is None or gazetteer.countries != countries or (
            places and gazetteer.user_places != places):
        try:
            gazetteer = Gazetteer(country=country, countries=countries, places=places)
        except BadArgument as error:
            key = "country" if "country" in document else "countries"
            problems.add(document.line_of(key), f"{key}: {error}")
            problems.raise_if_any()
    builder = _Builder(path, document, problems, gazetteer, shown_as)
    scenario = builder.build()
    problems.raise_if_any()
    return scenario


class _Builder:
    """Turns a schema-valid document into a :class:`Scenario`, noting meaning problems."""

    def __init__(self, path: Path, document: LineDict, problems: Problems,
                 gazetteer: Gazetteer, shown_as: str | None = None) -> None:
        self.path, self.doc, self.problems, self.gazetteer = path, document, problems, gazetteer
        self.shown_as = shown_as
        self._texts: dict[str, str | None] = {}

    def build(self) -> Scenario:
        forces = {f.id: f for f in self._unique("forces", self._force)}
        sources = {s.id: s for s in self._unique("sources", self._source)}
        views = {}
        for name, value in self.doc["views"].items():
            views[name] = self._view(name, value, self.doc["views"].line_of(name))
        presences = [p for p in self._unique("presences", lambda e: self._presence(
            e, forces, sources)) if p is not None]
        self._checkoverlaps(presences)
        return Scenario(self.path, _text(self.doc.get("title", {"en": self.path.stem})),
                        self.gazetteer.country, views, forces, sources, tuple(presences),
                        self.gazetteer.countries)

    def _unique(self, section: str, make: Any) -> list[Any]:
        seen: dict[str, int] = {}
        made = []
        for entry in self.doc[section]:
            if entry["id"] in seen:
                self.problems.add(entry.line_of("id"), f"duplicate {section[:-1]} id "
                                  f"{entry['id']!r} (first on line {seen[entry['id']]}); "
                                  "give each one its own id")
                continue
            seen[entry["id"]] = entry.line_of("id")
            made.append(make(entry))
        return made

    def _date(self, entry: LineDict, key: str) -> FuzzyDate | None:
        try:
            return parse_date(entry[key])
        except DateError as error:
            self.problems.add(entry.line_of(key), f"{key}: {error}")
            return None

    def _force(self, entry: LineDict) -> Force:
        return Force(entry["id"], _text(entry["name"]), entry["country"], entry["type"],
                     entry.get("notes", ""))

    def _source(self, entry: LineDict) -> Source:
        published = self._date(entry, "published") or FuzzyDate(dt.date.min, dt.date.min, "day")
        file = None
        if "file" in entry:
            file = (self.path.parent / entry["file"]).resolve()
            if not file.exists() and Path(entry["file"]).is_file():
                file = Path(entry["file"]).resolve()  # "extract ... > dir/draft.yaml" names
                # files from the folder it ran in
            if not file.exists():
                self.problems.add(entry.line_of("file"), f"source {entry['id']!r}: file "
                                  f"{entry['file']!r} not found (looked for {file}); paths are "
                                  "relative to the scenario file (or the current folder)")
                file = None
            else:
                try:
                    check_file(file, what="article", limit=MAX_ARTICLE_BYTES)
                except UserInputError as error:
                    self.problems.add(entry.line_of("file"), f"source {entry['id']!r}: {error}")
                    file = None
        return Source(entry["id"], entry["title"], entry["outlet"], entry["language"],
                      published, entry.get("url", ""), file, entry.get("notes", ""))

    def _view(self, name: str, value: Any, line: int) -> View:
        date_text = value["date"] if isinstance(value, dict) else value
        label = _text(value.get("label")) if isinstance(value, dict) else {}
        try:
            return View(name, parse_day(str(date_text)), label)
        except DateError as error:
            self.problems.add(line, f"view {name!r}: {error}")
            return View(name, dt.date.min, label)

    def _place(self, entry: LineDict) -> tuple[Place | None, dict[str, str]]:
        spec, line = entry["place"], entry.line_of("place")
        try:
            if isinstance(spec, str):
                return self._warned(self.gazetteer.resolve(spec), entry, line), {}
            if "geometry" in spec:
                return self._inline_place(entry, spec, line)
            place = self._warned(self.gazetteer.resolve(spec["name"]), entry, line)
            label = _text(spec.get("label"))
            if "clip" in spec:
                place = self._clipped(place, self.gazetteer.resolve(spec["clip"]), line)
            return place, label
        except PlaceNotFound as error:
            self.problems.add(line, f"presence {entry['id']!r}: {error}")
            return None, {}

    def _warned(self, place: Place, entry: LineDict, line: int) -> Place:
        """``place``, after printing its warning (far from the story) with file and line."""
        if place.warning:
            where = self.shown_as or f"{self.path}:{line}"
            print(f"deploymap: warning: {where}: presence {entry['id']!r}: "
                  f"{place.warning}", file=sys.stderr)
        return place

    def _clipped(self, place: Place, area: Place, line: int) -> Place | None:
        # A border runs along a province's edge: take what lies within ~1 km of the province.
        piece = place.geometry.intersection(area.geometry.buffer(0.01))
        if piece.is_empty:
            self.problems.add(line, f"{place.id} does not touch {area.id}; clip it to a place "
                                    "it passes through")
            return None
        if place.kind == "border":
            piece = shapely.line_merge(piece) if piece.geom_type == "MultiLineString" else piece
        return Place(f"{place.id}@{area.id}", f"{place.name} ({area.name})", place.kind,
                     place.names, piece, place.source, place.country, place.approximate,
                     f"clipped to {area.id}")

    def _inline_place(self, entry: LineDict, spec: LineDict,
                      line: int) -> tuple[Place | None, dict[str, str]]:
        problem = geometry_problem(spec["geometry"])
        if problem:
            self.problems.add(line, f"presence {entry['id']!r}: inline geometry: {problem}")
            return None, {}
        try:
            geometry = shape(spec["geometry"])
        except (ValueError, TypeError, AttributeError, IndexError,
                shapely.errors.GEOSException) as error:
            self.problems.add(line, f"presence {entry['id']!r}: the inline geometry cannot be "
                              f"read ({error}); give GeoJSON with [longitude, latitude] pairs")
            return None, {}
        west, south, east, north = geometry.bounds
        if geometry.is_empty or not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
            self.problems.add(line, f"presence {entry['id']!r}: inline geometry outside "
                              "longitude -180..180 / latitude -90..90; write [lon, lat] in WGS84")
            return None, {}
        if not geometry.is_valid:
            reason = shapely.is_valid_reason(geometry)
            self.problems.add(line, f"presence {entry['id']!r}: invalid inline geometry "
                              f"({reason}); fix the ring so it does not cross itself")
            return None, {}
        label = _text(spec["label"])
        kind = spec.get("kind", "region")
        return Place(f"inline:{entry['id']}", label["en"], kind, {"en": (label["en"],)},
                     geometry, f"inline geometry in {self.path.name}"), label

    def _presence(self, entry: LineDict, forces: dict[str, Force],
                  sources: dict[str, Source]) -> Presence | None:
        pid = entry["id"]
        ok = True
        if entry["force"] not in forces:
            self.problems.add(entry.line_of("force"), f"presence {pid!r}: unknown force "
                              f"{entry['force']!r}; use one of: {', '.join(forces)} "
                              "or add it under forces")
            ok = False
        place, label = self._place(entry)
        start = None if entry["start"] is None else self._date(entry, "start")
        end = None if entry["end"] is None else self._date(entry, "end")
        if (entry["start"] is not None and start is None) or (entry["end"] is not None
                                                              and end is None):
            ok = False
        if start and end and end.latest <= start.earliest:
            self.problems.add(entry.line_of("end"), f"presence {pid!r}: ends ({end}) before "
                              f"it starts ({start}); fix or swap start and end")
            ok = False
        citations = tuple(self._citations(entry, sources))
        strength = self._strength(entry, sources)
        if place is None or not ok or len(citations) != len(entry["citations"]):
            return None
        reported = min(sources[c.source].published.earliest for c in citations)
        return Presence(pid, entry["force"], place, label, entry["location_precision"], start,
                        end, entry.get("end_event", "withdrawn" if end else ""), citations,
                        strength, entry.get("notes", ""), entry.line, reported)

    def _source_text(self, source: Source) -> str | None:
        """The source's article, read once; a problem at its ``file`` line if unreadable."""
        if source.id not in self._texts:
            try:
                self._texts[source.id] = _read_source_text(source.file)
            except UserInputError as error:
                self._texts[source.id] = None
                entry = next(e for e in self.doc["sources"] if e["id"] == source.id)
                self.problems.add(entry.line_of("file"), f"source {source.id!r}: {error}")
        return self._texts[source.id]

    def _citations(self, entry: LineDict, sources: dict[str, Source]) -> Iterable[Citation]:
        for citation in entry["citations"]:
            line = citation.line
            source = sources.get(citation["source"])
            if source is None:
                self.problems.add(line, f"presence {entry['id']!r}: unknown source "
                                  f"{citation['source']!r}; use one of: {', '.join(sources)} "
                                  "or add it under sources")
                continue
            quote = re.sub(r"\s+", " ", citation["quote"]).strip()
            if source.file is not None:
                text = self._source_text(source)
                if text is None:
                    continue
                if quote not in text:
                    self.problems.add(citation.line_of("quote"), f"presence {entry['id']!r}: "
                                      f"the quote is not in {source.file.name}; copy the "
                                      "sentence exactly as the article writes it")
                    continue
            yield Citation(source.id, quote)

    def _strength(self, entry: LineDict, sources: dict[str, Source]) -> Strength | None:
        spec = entry.get("strength")
        if spec is None:
            return None
        reported = self._date(spec, "reported")
        if spec["source"] not in sources:
            self.problems.add(spec.line_of("source"), f"presence {entry['id']!r}: strength "
                              f"cites unknown source {spec['source']!r}; use one of: "
                              f"{', '.join(sources)}")
            return None
        if reported is None:
            return None
        return Strength(spec["value"], bool(spec.get("approximate", False)), reported,
                        spec["source"])

    def _checkoverlaps(self, presences: list[Presence]) -> None:
        for line, message in overlaps(presences):
            self.problems.add(line, message)


__all__ = [
    "DEFAULT_SCENARIO",
    "Citation",
    "Force",
    "Presence",
    "Scenario",
    "Source",
    "Strength",
    "View",
    "build_scenario",
    "default_scenario_path",
    "load_scenario",
]
