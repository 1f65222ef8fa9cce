"""Checking a scenario document: the JSON Schema, and problems reported by file and line."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from ..data_files import data_path
from ..errors import ScenarioError
from .model import Presence
from .yaml_lines import LineDict


@cache
def schema_validator() -> Any:
    from jsonschema import Draft202012Validator

    schema = json.loads(data_path("scenarios", "scenario.schema.json").read_text("utf-8"))
    return Draft202012Validator(schema)


class Problems:
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


def line_at(document: Any, path: Sequence[Any]) -> int:
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


#: Values quoted in messages are cut to this many characters.
SHOWN = 120


def shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= SHOWN else text[:SHOWN - 1] + "…"


def unknown_keys(error: Any) -> list[str]:
    return sorted(set(error.instance) - set(error.schema.get("properties", {})))


def schema_message(error: Any) -> str:
    where = "/".join(str(p) for p in error.absolute_path) or "the top level"
    if error.validator == "additionalProperties":
        extra = unknown_keys(error)
        noun = "key" if len(extra) == 1 else "keys"
        return (f"unknown {noun} {', '.join(map(shown, extra))} in {where}; check its "
                "spelling against docs/scenario.md or remove it")
    if error.validator == "required":
        return f"{where}: {error.message}; add it"
    if error.validator == "enum":
        allowed = ", ".join(map(str, error.validator_value))
        return f"{where}: {shown(error.instance)} is not allowed; use one of: {allowed}"
    if error.validator == "oneOf" and error.context:
        # the form the value was meant to have: the branch whose keys it shares most
        # (a mapping with 'geometry' is an inline place, whatever else is missing)
        given = set(error.instance) if isinstance(error.instance, dict) else set()

        def fit(e: Any) -> tuple[int, int]:
            branch = error.validator_value[e.schema_path[0]] if e.schema_path else {}
            keys = set(branch.get("properties", {})) | set(branch.get("required", []))
            return (-len(given & keys), len(e.message))

        best = min(error.context, key=fit)
        return f"{where}: {schema_detail(best)} (see docs/scenario.md for the accepted forms)"
    return f"{where}: {schema_detail(error)}"


def schema_detail(error: Any) -> str:
    """jsonschema's message, with the offending value cut short."""
    message = error.message
    raw = repr(error.instance)
    if len(raw) > SHOWN and message.startswith(raw):
        message = shown(error.instance) + message[len(raw):]
    if error.validator == "pattern" and error.absolute_path and \
            error.absolute_path[-1] == "url":
        message += "; write an http:// or https:// address"
    return message if len(message) <= 3 * SHOWN else message[:3 * SHOWN - 1] + "…"


def overlaps(presences: Iterable[Presence],
              line: Callable[[Presence], int] = lambda p: p.line) -> list[tuple[int, str]]:
    """(line, message) for each presence that overlaps another of the same force and place."""
    far_past, far_future = dt.date.min, dt.date.max
    by_key: dict[tuple[str, str], list[Presence]] = {}
    for presence in presences:
        by_key.setdefault((presence.force, presence.place.id), []).append(presence)
    found = []
    for group in by_key.values():
        if len(group) < 2:
            continue
        spans = sorted(
            ((p.start.earliest if p.start else far_past,
              p.end.latest if p.end else far_future, p) for p in group),
            key=lambda s: (s[0], s[1], s[2].id),
        )
        for (_, end_a, a), (start_b, _, b) in itertools.pairwise(spans):
            if start_b < end_a:
                found.append((line(b), f"presence {b.id!r} overlaps {a.id!r} (line "
                              f"{line(a)}): the same force at the same place "
                              f"({b.place.id}) twice at once; merge them or fix the dates"))
    return found


__all__ = [
    "SHOWN", "Problems", "line_at", "overlaps", "schema_detail", "schema_message",
    "schema_validator", "shown", "unknown_keys",
]
