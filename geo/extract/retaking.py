"""A force that takes back a place of its own country ("Ukrainian troops regained control
of Irpin", "l'armée malienne a repris Kidal", "ВСУ освободили Купянск", "quân đội Ukraine
giành lại kiểm soát Irpin"): the foreign force the article placed in that country left it.

The same words about a force abroad ("Russian troops liberated ...") say it took the place
(a deployment). At home they say who left only when the article places one foreign
country's force in that country (there, or leaving a place of it), and the sentence names
no other force (an ally: "backed by Wagner").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .lexicon import lexicon
from .pending import Pending
from .reading import Reading

#: Words that may stand between the taking words and the place ("control of the town of").
REACH = 4


def retaken(reading: Reading, pending: Pending, country: str) -> Pending | None:
    """``pending`` (a deployment of ``country``'s force at home) as the withdrawal of the
    foreign force that held the place, or None (see the module)."""
    lex = lexicon()
    if pending.event != "deployed" or not any(
            pending.mention.start - REACH <= stop <= pending.mention.start
            for _, stop, _ in lex.retaking.find(pending.sentence)):
        return None
    named = [f for f in lex.forces.find(pending.sentence) if f[2]]
    if len(named) > 1:
        return None  # another force in the sentence: likely an ally
    held = pending.target.country
    # foreign country -> its force types in ``held`` (there, or leaving it: it was there)
    there: dict[str, Counter[str]] = {}
    for other in reading.pending:
        if other.target.country == held and other is not pending and \
                other.country and other.country != country and \
                other.country not in lex.organisation_codes:
            there.setdefault(other.country, Counter())[other.force.type] += 1
    if len(there) != 1:
        return None  # none there, or several: who left cannot be told
    opponent, kinds = next(iter(there.items()))
    kind = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    force = replace(pending.force, type=kind, country=opponent, generic=False, anaphor=False)
    return replace(pending, force=force, country=opponent, event="withdrawn")


__all__ = ["REACH", "retaken"]
