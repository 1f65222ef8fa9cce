"""The country a withdrawal is from when a clause names two countries and no place: "Chad
asked France to withdraw its troops", "France agreed with Chad on the withdrawal of French
troops", "Iraq and the United States agreed on the withdrawal of US troops". One country's
forces are withdrawn (their nationality, or the country asked to withdraw); the other is
where they are. With no nationality, only a request says whose troops they are (the
country asked); "Ирак договорился с Турцией о выводе войск" and "the US told Romania it
would reduce its troops" do not: no host."""

from __future__ import annotations

from dataclasses import replace

from .cues import partial
from .events import ForceMention, Trigger
from .targets import PlaceMention
from .text import Sentence

#: The problems of a country's name that a host frame overrides: no cue before it, or a
#: demand addressed to its government ("потребовал от Франции").
_NOT_A_SITE = ("names a whole country", "stands for a government here, not a place")


def host_country(sentence: Sentence, clause: tuple[int, int], mentions: list[PlaceMention],
                 forces: list[ForceMention], trigger: Trigger, owner: str | None,
                 event: str | None) -> list[PlaceMention]:
    """The mention of the host country, made a place, or [] (see the module); ``event``:
    what the clause says of the withdrawal (requested, agreed, done)."""
    if trigger.action != "withdraw":
        return []
    named = [m for m in mentions if clause[0] <= m.start < clause[1] and m.role == "name"
             and m.targets[0].kind == "country" and not m.locative
             and m.problem.endswith(_NOT_A_SITE) and not partial(sentence, m.start)]
    countries = {m.targets[0].key for m in named}
    asked = event == "withdrawal_requested"
    # the forces withdrawn are named after the verb ("the withdrawal of French troops"), or
    # anywhere in a request ("demanded that the Indian personnel be withdrawn"); a force
    # before the verb acts in a clause of its own ("quân đội Iraq tiếp quản ... sau khi Mỹ
    # rút quân")
    withdrawn = {f.country for f in forces if f.country and (asked or f.start >= trigger.stop)}
    if len(countries) == 1 and len(withdrawn) == 1 and withdrawn.isdisjoint(countries) and (
            asked or event == "withdrawal_agreed"):
        return [replace(named[0], locative=True, problem="")]  # "Mali demanded that
        # Russian troops leave": the one country named asks, or agrees, for its own soil
    if len(countries) != 2:
        return []
    stated = withdrawn & countries
    if not stated:
        before = [m for m in named if m.stop <= trigger.start]
        if owner is None or not before or before[-1].targets[0].key != owner or not asked:
            return []  # only a request names the country asked ("asked France to withdraw")
        stated = {owner}
    if len(stated) != 1:
        return []
    host = next(m for m in named if m.targets[0].key not in stated)
    return [replace(host, locative=True, problem="")]


__all__ = ["host_country"]
