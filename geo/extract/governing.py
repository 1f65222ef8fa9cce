"""Which verb speaks for a clause (:func:`main_trigger`) and which for each place: "the
contingent that left Kigali ... is part of a force based in Cabo Delgado" has two verbs,
each right before its own place."""

from __future__ import annotations

from collections.abc import Sequence, Set
from functools import cache

from .cues import cue_span
from .events import PRIORITY, Trigger
from .lexicon import lexicon
from .targets import PlaceMention
from .text import Sentence, tokenize

#: The most words of a site ("the air base") between a verb and its place's cue.
SITE_REACH = 3


def governing(sentence: Sentence, mention: PlaceMention,
              triggers: Sequence[Trigger]) -> Trigger | None:
    """The verb standing right before ``mention`` or its cue ("left Kigali", "based in
    Cabo Delgado", "withdrew from Gan"), or None."""
    span = cue_span(sentence, mention.start)
    anchor = mention.start if span is None else span[0]
    verb = next((t for t in triggers if t.start <= anchor <= t.stop), None)
    if verb is None and span is not None:  # "left the base in Kismayo": the base's place
        lex = lexicon()
        verb = next((t for t in triggers if 0 < anchor - t.stop <= SITE_REACH and any(
            w.key in lex.site_word_keys for w in sentence.tokens[t.stop:anchor]) and all(
            w.key in lex.site_word_keys or w.key in lex.between
            for w in sentence.tokens[t.stop:anchor])), None)
    if verb is not None and any(0 <= verb.start - t.stop <= 1 for t in triggers):
        return None  # "việc rút quân được triển khai tại": the withdrawal is carried out
    return verb


#: Words that join a second verb to the first ("and were moved to"), and the auxiliaries
#: that may stand between (keys).
_AND = frozenset({"and", "et", "и", "va", "và"})
_AUXILIARIES = frozenset({"were", "was", "have", "has", "had", "been", "be", "will", "then",
                          "later", "être", "seront", "sera", "быть", "будут", "будет", "sẽ",
                          "bị",
                          "ont", "a", "été", "sont", "ensuite", "были", "был", "была",
                          "затем", "потом", "đã", "được", "sau", "đó", "rồi"})


def _joined(sentence: Sentence, verb: Trigger, main: Trigger) -> bool:
    """True when ``verb`` comes after ``main`` joined to it by "and" (auxiliaries between)."""
    tokens = sentence.tokens
    index = verb.start - 1
    while index > main.stop and tokens[index].key in _AUXILIARIES:
        index -= 1
    return index > main.stop and tokens[index].key in _AND


def _relative_verb(sentence: Sentence, mention: PlaceMention,
                   triggers: Sequence[Trigger]) -> Trigger | None:
    """The verb of the relative clause a place stands in, set off by commas ("Israël, qui
    devait retirer ses troupes du Liban, maintient ..."), or None."""
    tokens = sentence.tokens
    markers = relative_forms()
    start = next((i for i in range(mention.start - 1, 0, -1) if "," in sentence.gap(i - 1, i)),
                 0)
    if start == 0 or tokens[start].form not in markers:
        return None
    if not any("," in sentence.gap(i - 1, i) for i in range(mention.stop, len(tokens))):
        return None  # no comma closes it: it may run to the end
    inside = [t for t in triggers if start < t.start < mention.start]
    return inside[-1] if inside else None


def by_verb(sentence: Sentence, places: Sequence[PlaceMention], triggers: Sequence[Trigger],
            main: Trigger) -> list[tuple[Trigger, list[PlaceMention]]]:
    """``places`` grouped by the verb that speaks for each: when two verbs each stand right
    before a place of the clause, each place takes its own and the rest ``main``; a place in
    a relative clause set off by commas takes that clause's verb."""
    own: list[Trigger | None] = [governing(sentence, m, triggers) for m in places]
    if len({(t.start, t.action) for t in own if t is not None}) < 2:
        # one verb before a place does not split the clause, unless it is a second verb
        # joined by "and" ("покинули ... Дамаск и были переброшены на авиабазу Хмеймим")
        own = [t if t is not None and t.action != main.action and _joined(sentence, t, main)
               else None for t in own]
    own = [verb or _relative_verb(sentence, m, triggers) for m, verb in zip(places, own,
                                                                            strict=True)]
    if not any(own):
        return [(main, list(places))]
    groups: dict[int, tuple[Trigger, list[PlaceMention]]] = {}
    for mention, trigger in zip(places, own, strict=True):
        verb = trigger or main
        groups.setdefault(verb.start, (verb, []))[1].append(mention)
    return [groups[start] for start in sorted(groups)]


def sites_first(places: Sequence[PlaceMention], cues: Sequence[str | None],
                home: Set[str | None] = frozenset(), action: str = "") -> list[PlaceMention]:
    """``places`` (with the cue before each) without a country that only says where a site
    is ("left the base in Agadez, Niger"; a region, "from Niger ... in the Sahel", may hold
    the country). A country a force goes to stays ("from al-Tanf to Jordan", "из Абеше в
    Нигер": every site is where it came from, and none lies in that country). A site in
    the forces' own countries (``home``) is no deployment and hides nothing: "stationed in
    the Maldives ... an agreement signed in New Delhi"). With a handing-over verb a country
    after "to" is who takes the site, no place ("handed the Faya base over to Chad")."""
    lex = lexicon()
    kinds = [m.targets[0].kind for m in places]
    sites = [(m.targets[0].country, cue) for m, kind, cue in zip(places, kinds, cues,
                                                                  strict=True)
             if kind not in ("country", "region") and m.targets[0].country not in home]
    if not sites:
        return list(places)
    moving = all(cue in lex.origins for _, cue in sites)
    taker = lex.recipient_before if action == "hand_over" else frozenset()
    return [m for m, kind, cue in zip(places, kinds, cues, strict=True)
            if kind != "country" or (cue in lex.destinations and cue not in taker) or (
                moving and all(m.targets[0].key != country for country, _ in sites))]


def kept_positions(sentence: Sentence, clause: tuple[int, int],
                   triggers: Sequence[Trigger]) -> bool:
    """True when the clause keeps positions it does not name ("mais sortira ... et
    maintiendra cinq positions", "но сохранит присутствие в пяти точках"): a staying verb
    and a position word (`position_words`), so the places of the clause before are meant."""
    lex = lexicon()
    return any(t.action == "remain" and clause[0] <= t.start < clause[1] for t in triggers) \
        and any(w.key in lex.position_words for w in sentence.tokens[clause[0]:clause[1]])


@cache
def relative_forms() -> frozenset[str]:
    """The relative markers as words of a sentence are written ("котор")."""
    return frozenset(t.form for m in lexicon().relative_markers for t in tokenize(m))


def outside_relatives(sentence: Sentence, clause: tuple[int, int],
                      triggers: list[Trigger]) -> list[Trigger]:
    """``triggers`` without those inside a relative clause (", которая оставалась", ",
    which remained", ", qui reste") when any is outside one: the main verb speaks."""
    tokens = sentence.tokens
    markers = relative_forms()
    marks = [i for i in range(clause[0] + 1, clause[1]) if tokens[i].form in markers
             and "," in sentence.gap(i - 1, i)]
    if not marks:
        return triggers
    outside = [t for t in triggers if not any(m < t.start for m in marks)]
    return outside or triggers


def main_trigger(triggers: list[Trigger], sentence: Sentence | None = None,
                 clause: tuple[int, int] | None = None) -> Trigger | None:
    """The trigger that speaks for a clause (see :data:`PRIORITY`); with the ``sentence``
    and ``clause``, one outside a relative clause first (:func:`outside_relatives`)."""
    if sentence is not None and clause is not None:
        triggers = outside_relatives(sentence, clause, triggers)
    going = [t.start for t in triggers if t.action == "withdraw"]  # "продолжает ... вывод"
    triggers = [t for t in triggers if t.action != "remain" or not any(
        0 <= g - t.stop <= 3 for g in going) or t.text.casefold() not in lexicon().continuing]
    return min(triggers, key=lambda t: (PRIORITY.index(t.action), t.start), default=None)


__all__ = ["SITE_REACH", "by_verb", "governing", "kept_positions", "main_trigger",
           "outside_relatives", "relative_forms", "sites_first"]
