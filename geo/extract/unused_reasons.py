"""Why a sentence that names a force gave no record: the reasons a reviewer reads in the
draft's ``unused`` list."""

from __future__ import annotations

from .events import ForceMention
from .targets import PlaceMention

NO_VERB = "no verb saying what happens to the force (deployed, withdrawn, stays, handed over)"


def place_problems(mentions: list[PlaceMention], forces: list[ForceMention]) -> list[str]:
    """Why none of ``mentions`` is a place for a force: their problems, countries last and
    without the nationalities of the forces ("Russian border guards")."""
    edges = {i for f in forces for i in (f.start - 1, f.stop)}
    countries = [m.text for m in mentions if m.problem and m.role == "name"
                 and m.targets[0].kind == "country" and not edges.intersection(
                     range(m.start, m.stop))]
    found = [m.problem for m in mentions if m.problem and not (
        m.role == "name" and m.targets[0].kind == "country")]
    if countries:
        found.append("names no place smaller than a whole country ("
                     + ", ".join(dict.fromkeys(countries)) + ")")
    return found


__all__ = ["NO_VERB", "place_problems"]
