"""How sure a draft record is: a confidence between 0 and 1, and the reasons for it.

The score starts at 0.45 and moves with what the sentence says plainly or leaves to
reading. The weights are few and written here so that a reviewer can follow each record's
``why`` list; ``threshold`` (0.5 by default) decides which records a scenario uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .draft import Record
    from .pending import Pending

BASE = 0.45
WEIGHTS = {
    "specific force word": 0.15,
    "nationality stated": 0.05,
    "whose force it is, not said (XX)": -0.4,  # never above the default threshold
    "verb close to the place": 0.15,
    "place name unambiguous": 0.05,
    "date stated for the event": 0.05,
    "place read from a direction, not named": -0.2,
    "force taken from the clause before": -0.1,
    "force named in the sentence before ('they', 'the troops')": -0.1,
    "a withdrawal that is not planned, read as staying": -0.1,
    "conditional ('if', 'could')": -0.3,
    "a question, not a statement": -0.45,  # never above the default threshold
    "only part of the force leaves: the rest stays": 0.0,
    "no verb: the force is named at the place": -0.15,
    "date read against an article date whose year is a guess": -0.1,
}


def score(record: Record, pending: Pending, *, explicit_country: bool, weak_date: bool) -> None:
    """Set ``record.confidence`` and ``record.why``."""
    why: list[str] = []
    if not pending.force.generic:
        why.append("specific force word")
    if explicit_country:
        why.append("nationality stated")
    elif record.force.country == "XX":
        # an unknown force stays unknown, and a reviewer decides whose it is
        why.append("whose force it is, not said (XX)")
    if pending.near:
        why.append("verb close to the place")
    if pending.mention.role == "name" and not pending.mention.chosen_from:
        why.append("place name unambiguous")
    if pending.date is not None and (record.start or record.end):
        why.append("date stated for the event")
    if pending.mention.role == "direction":
        why.append("place read from a direction, not named")
    if pending.inherited:
        why.append("force taken from the clause before")
    if pending.force.anaphor:
        why.append("force named in the sentence before ('they', 'the troops')")
    if record.event == "remains" and "negation" in pending.modifiers:
        why.append("a withdrawal that is not planned, read as staying")
    if "partial" in pending.modifiers:
        why.append("only part of the force leaves: the rest stays")
    if "verbless" in pending.modifiers:
        why.append("no verb: the force is named at the place")
    if "hypothetical" in pending.modifiers:
        why.append("conditional ('if', 'could')")
    if "question" in pending.modifiers:
        why.append("a question, not a statement")
    if weak_date:
        why.append("date read against an article date whose year is a guess")
    value = BASE + sum(WEIGHTS[w] for w in why)
    record.confidence = round(min(0.95, max(0.05, value)), 2)
    record.why = why


__all__ = ["BASE", "WEIGHTS", "score"]
