"""Scenario files: load a YAML scenario, check all of it, and raise once with every problem.

A scenario records forces, the sources that report on them and each presence of a force at
a place, with dates and the quote that supports it (format: ``docs/scenario.md``, schema:
``data/scenarios/scenario.schema.json``). Structure is checked against the JSON Schema;
meaning (references, dates, places, quotes, overlaps) by the checks below. Every problem
names the file and line and says what to fix.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import shape

from .dates import DateError, FuzzyDate, parse_date, parse_day
from .errors import PlaceNotFound, ScenarioError
from .gazetteer import Gazetteer
from .normalize import data_path
from .place import Place
from .scenario_model import Citation, Force, Presence, Scenario, Source, Strength, View
from .yaml_lines import LineDict, load_yaml

#: The scenario shipped with deploymap: the seed story.
DEFAULT_SCENARIO = "armenia-2024.yaml"


def default_scenario_path() -> Path:
    """The shipped seed scenario."""
    return data_path("scenarios", DEFAULT_SCENARIO)


@cache
def _schema_validator() -> Any:
    from jsonschema import Draft202012Validator

    schema = json.loads(data_path("scenarios", "scenario.schema.json").read_text("utf-8"))
    return Draft202012Validator(schema)


class _Problems:
    """Collects ``file:line: message`` problems."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[tuple[int, str]] = []

    def add(self, line: int, message: str) -> None:
        self.items.append((line, message))

    def raise_if_any(self) -> None:
        if not self.items:
            return
        lines = [f"{self.path}:{line}: {message}" for line, message in sorted(self.items)]
        count = len(lines)
        head = f"{self.path}: {count} problem{'s' if count > 1 else ''} in the scenario"
        raise ScenarioError(head + ":\n  " + "\n  ".join(lines), problems=lines)


def _line_at(document: Any, path: Sequence[Any]) -> int:
    """The line of the deepest mapping key on ``path`` inside ``document``."""
    line, node = 1, document
    for step in path:
        if isinstance(node, LineDict):
            line = node.line_of(str(step)) if step in node else node.line
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
            if isinstance(node, LineDict):
                line = node.line
        else:
            break
    return line


def _schema_message(error: Any) -> str:
    where = "/".join(str(p) for p in error.absolute_path) or "the top level"
    if error.validator == "additionalProperties":
        extra = re.findall(r"'([^']+)' was unexpected", error.message)
        return (f"unknown key {', '.join(map(repr, extra)) or ''} in {where}; "
                "check its spelling against docs/scenario.md or remove it")
    if error.validator == "required":
        return f"{where}: {error.message}; add it"
    if error.validator == "enum":
        allowed = ", ".join(map(str, error.validator_value))
        return f"{where}: {error.instance!r} is not allowed; use one of: {allowed}"
    if error.validator == "oneOf" and error.context:
        best = min(error.context, key=lambda e: len(e.message))
        return f"{where}: {best.message} (see docs/scenario.md for the accepted forms)"
    return f"{where}: {error.message}"


def _text(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in (value or {}).items()}


def _read_source_text(path: Path) -> str | None:
    try:
        return re.sub(r"\s+", " ", path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return None


def load_scenario(
    path: Path | str | None = None, *, gazetteer: Gazetteer | None = None
) -> Scenario:
    """Load and check a scenario file; raise :class:`ScenarioError` listing every problem.

    Parameters
    ----------
    path
        The YAML file; None for the shipped seed scenario.
    gazetteer
        Resolves place names; a new one for the scenario's ``country`` when None.
    """
    path = Path(path) if path is not None else default_scenario_path()
    document = load_yaml(path)
    problems = _Problems(path)
    if not isinstance(document, LineDict):
        problems.add(1, "a scenario is a YAML mapping with forces, sources, presences and "
                        "views; see docs/scenario.md")
        problems.raise_if_any()
    for error in sorted(_schema_validator().iter_errors(document), key=lambda e: e.path):
        where = list(error.absolute_path)
        if error.validator == "additionalProperties":  # point at the first unknown key
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            where += extra[:1]
        problems.add(_line_at(document, where), _schema_message(error))
    problems.raise_if_any()
    country = str(document.get("country", "AM"))
    if gazetteer is None or gazetteer.country != country:
        gazetteer = Gazetteer(country=country)
    builder = _Builder(path, document, problems, gazetteer)
    scenario = builder.build()
    problems.raise_if_any()
    return scenario


class _Builder:
    """Turns a schema-valid document into a :class:`Scenario`, noting meaning problems."""

    def __init__(self, path: Path, document: LineDict, problems: _Problems,
                 gazetteer: Gazetteer) -> None:
        self.path, self.doc, self.problems, self.gazetteer = path, document, problems, gazetteer

    def build(self) -> Scenario:
        forces = {f.id: f for f in self._unique("forces", self._force)}
        sources = {s.id: s for s in self._unique("sources", self._source)}
        views = {}
        for name, value in self.doc["views"].items():
            views[name] = self._view(name, value, self.doc["views"].line_of(name))
        presences = [p for p in self._unique("presences", lambda e: self._presence(
            e, forces, sources)) if p is not None]
        self._check_overlaps(presences)
        return Scenario(self.path, _text(self.doc.get("title", {"en": self.path.stem})),
                        self.gazetteer.country, views, forces, sources, tuple(presences))

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
            if not file.is_file():
                self.problems.add(entry.line_of("file"), f"source {entry['id']!r}: file "
                                  f"{entry['file']!r} not found (looked for {file}); paths are "
                                  "relative to the scenario file")
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
                return self.gazetteer.resolve(spec), {}
            if "geometry" in spec:
                return self._inline_place(entry, spec, line)
            place = self.gazetteer.resolve(spec["name"])
            label = _text(spec.get("label"))
            if "clip" in spec:
                place = self._clipped(place, self.gazetteer.resolve(spec["clip"]), line)
            return place, label
        except PlaceNotFound as error:
            self.problems.add(line, f"presence {entry['id']!r}: {error}")
            return None, {}

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
        try:
            geometry = shape(spec["geometry"])
        except (ValueError, TypeError, AttributeError, IndexError) as error:
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
                text = _read_source_text(source.file)
                if text is None:
                    self.problems.add(line, f"source {source.id!r}: cannot read {source.file} "
                                      "as UTF-8 text")
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

    def _check_overlaps(self, presences: list[Presence]) -> None:
        far_past, far_future = dt.date.min, dt.date.max
        by_key: dict[tuple[str, str], list[Presence]] = {}
        for presence in presences:
            by_key.setdefault((presence.force, presence.place.id), []).append(presence)
        for group in by_key.values():
            spans = sorted(
                ((p.start.earliest if p.start else far_past,
                  p.end.latest if p.end else far_future, p) for p in group),
                key=lambda s: (s[0], s[1], s[2].id),
            )
            for (_, end_a, a), (start_b, _, b) in itertools.pairwise(spans):
                if start_b < end_a:
                    self.problems.add(b.line, f"presence {b.id!r} overlaps {a.id!r} (line "
                                      f"{a.line}): the same force at the same place "
                                      f"({b.place.id}) twice at once; merge them or fix the "
                                      "dates")


__all__ = [
    "DEFAULT_SCENARIO",
    "Citation",
    "Force",
    "Presence",
    "Scenario",
    "Source",
    "Strength",
    "View",
    "default_scenario_path",
    "load_scenario",
]
