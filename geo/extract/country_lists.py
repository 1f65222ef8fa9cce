"""Countries listed after a cue: "at bases in Iraq, Syria, Kuwait and Jordan", "au Mali,
au Burkina Faso et au Niger", "в Ираке, Сирии и Иордании". A sentence that lists countries
means each of them, even those outside the story's countries, where a single country named
abroad is more often an aside (a visit, a home, a comparison)."""

from __future__ import annotations

from dataclasses import replace

from .cues import listed
from .targets import PlaceMention
from .text import Sentence

#: The problem of a place outside the story's countries (after the mention's text).
OUTSIDE = " is outside the story's countries"


def country_lists(sentence: Sentence, judged: list[PlaceMention]) -> list[PlaceMention]:
    """``judged`` with the countries of a list after a cue kept wherever they lie ("at
    bases in Iraq, Syria, Kuwait and Jordan", "au Mali, au Burkina Faso et au Niger"): a
    sentence that lists countries means each, even outside the story's countries."""
    runs: list[list[int]] = []
    for index, mention in enumerate(judged):
        if mention.role != "name" or mention.targets[0].kind != "country" or not mention.locative:
            continue
        if runs and runs[-1][-1] == index - 1 and listed(sentence, judged[index - 1].stop,
                                                           mention.start):
            runs[-1].append(index)
        else:
            runs.append([index])
    listed_out = {i for run in runs if len(run) > 1 for i in run
                  if judged[i].problem.startswith(f"{judged[i].text!r}{OUTSIDE}")}
    return [replace(m, problem="") if i in listed_out else m for i, m in enumerate(judged)]


__all__ = ["OUTSIDE", "country_lists"]
