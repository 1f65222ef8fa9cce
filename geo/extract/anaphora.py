"""Forces a sentence names by pointing back at the sentence before it.

"... will consist of 20 German soldiers. They will arrive in Vilnius on Monday": "They"
is the German soldiers; "The soldiers accommodated in Vilnius" in the next sentence too.
The words are `anaphora` in data/extract/forces.yaml. The nationality is taken only from
the sentence just before, and only when that sentence names forces of one nationality: a
force of unknown nationality otherwise stays unknown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .events import ForceMention
from .lexicon import exact, lexicon
from .text import Sentence


@dataclass(frozen=True)
class Antecedent:
    """The forces of the last sentence that named any, and that sentence's index."""

    index: int
    forces: tuple[ForceMention, ...]

    def source(self, sentence: Sentence) -> ForceMention | None:
        """The force ``sentence`` may point back at: the one nationality of the sentence
        just before it, or None."""
        if self.index != sentence.index - 1:
            return None
        named = [f for f in self.forces if f.country and f.type != "base"]
        if len({f.country for f in named}) != 1:
            return None
        return named[0]


def opens_with_pronoun(sentence: Sentence, before: Antecedent | None) -> bool:
    """True when ``sentence`` opens with a pronoun that may stand for the force of the
    sentence before ("They", "Elle", "Они", "Họ")."""
    return (before is not None and before.index == sentence.index - 1
            and bool(sentence.tokens)
            and exact(sentence.tokens[0].text) in lexicon().anaphora_pronouns)


def resolve(sentence: Sentence, forces: Sequence[ForceMention],
            before: Antecedent | None) -> list[ForceMention]:
    """``forces`` with the opening pronoun added as the force it stands for, and a force
    word without nationality that the sentence opens with a definite word ("The
    soldiers", "Эти военные", "Các binh sĩ này") given the nationality it points back at."""
    source = before.source(sentence) if before else None
    if source is None:
        return list(forces)
    lex = lexicon()
    tokens = sentence.tokens
    resolved = []
    for force in forces:
        definite = ((force.start == 1 and exact(tokens[0].text) in lex.anaphora_before)
                    or (force.start <= 1 and force.stop < len(tokens)
                        and exact(tokens[force.stop].text) in lex.anaphora_after))
        if (force.country is None and force.type != "base" and definite
                and (force.generic or force.type == source.type)):
            # "this force" is the force named before, of its kind ("the peacekeepers")
            force = replace(force, country=source.country, anaphor=True,
                            type=source.type if force.generic else force.type,
                            generic=force.generic and source.generic)
        resolved.append(force)
    if (tokens and exact(tokens[0].text) in lex.anaphora_pronouns
            and not any(f.start == 0 for f in forces)):
        resolved.insert(0, ForceMention(0, 1, source.type, tokens[0].text, source.country,
                                        source.generic, None, anaphor=True))
    return resolved


__all__ = ["Antecedent", "opens_with_pronoun", "resolve"]
