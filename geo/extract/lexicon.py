"""The word lists of ``data/extract/*.yaml``, loaded once, and the matcher that uses them.

Every list is data; this module only turns it into :class:`PhraseMatcher` objects (longest
phrase first, on word keys or forms, see :mod:`geo.extract.text`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, Generic, TypeVar

from ..gazetteer.normalize import lexicon as gazetteer_lexicon
from .nationalities import nationality_words
from .text import CYRILLIC, ELISION, Sentence, form, stem, tokenize
from .wordlists import load

V = TypeVar("V")


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, longest first, built as a trie.

    Python's ``re`` tries the branches of ``a|b|c`` one by one at every position; sharing
    prefixes (``b(?:ase|order guards)``) makes a scan over hundreds of phrases several times
    faster.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(node[char])
                    for char in sorted((c for c in node if c), reverse=True)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return build(trie)


def _word(offsets: list[int], position: int) -> int:
    """The word starting at ``position`` of a sentence's joined words (``offsets``: see
    :meth:`~geo.extract.text.Sentence.joined`); a match always starts at a word."""
    index = bisect_left(offsets, position)
    if index == len(offsets) or offsets[index] != position:
        raise KeyError(position)
    return index


class PhraseMatcher(Generic[V]):
    """Finds phrases (one or more words) in a token sequence, longest first.

    Parameters
    ----------
    entries
        ``(phrase, value)`` pairs; a phrase is tokenised like article text.
    attr
        ``"form"`` (lower case, tone marks kept) or ``"key"`` (no diacritics).
    """

    def __init__(self, entries: Iterable[tuple[str, V]], *, attr: str = "form") -> None:
        self.attr = attr
        self._values: dict[str, V] = {}
        for phrase, value in entries:
            words = " ".join(getattr(t, attr) for t in tokenize(str(phrase)))
            if words:
                self._values.setdefault(words, value)
        # Sentences are matched as " word word ... " (see Sentence.joined): a match starts at
        # a space, which lets the regex engine skip straight from space to space.
        self._regex = re.compile(
            r" (?:" + trie_pattern(self._values) + r")(?= )") if self._values else None

    def _scan(self, sentence: Sentence) -> tuple[dict[int, tuple[int, V]], dict[int, int],
                                                 list[tuple[int, int, V]]]:
        """The phrases of ``sentence`` by first word, by end, and in order; one regular-
        expression scan per sentence and matcher, kept in ``sentence.cache``."""
        cached = sentence.cache.get(id(self))
        if cached is None:
            found: list[tuple[int, int, V]] = []
            if self._regex is not None and sentence.text:
                text, offsets = sentence.joined(self.attr)
                values = self._values
                found = [(_word(offsets, m.start() + 1), _word(offsets, m.end() + 1),
                          values[m.group()[1:]]) for m in self._regex.finditer(text)]
            cached = ({a: (b, v) for a, b, v in found}, {b: a for a, b, _ in found}, found)
            sentence.cache[id(self)] = cached
        return cached

    def spans(self, sentence: Sentence) -> tuple[dict[int, tuple[int, V]], dict[int, int]]:
        """The phrases of :meth:`find`, by first word (``start: (stop, value)``) and by end
        (``stop: start``); computed once per sentence."""
        by_start, by_end, _ = self._scan(sentence)
        return by_start, by_end

    def at(self, sentence: Sentence, index: int) -> tuple[int, V] | None:
        """``(stop, value)`` of the phrase starting at word ``index``, or None."""
        return self._scan(sentence)[0].get(index)

    def ending_at(self, sentence: Sentence, stop: int) -> int | None:
        """First word of the phrase that ends just before word ``stop``, or None."""
        return self._scan(sentence)[1].get(stop)

    def find(self, sentence: Sentence,
             blocked: frozenset[int] | set[int] = frozenset()) -> list[tuple[int, int, V]]:
        """Every phrase in ``sentence``, left to right, longest first, not overlapping
        (one regular-expression scan per sentence); phrases touching a blocked word are
        left out. The list without ``blocked`` is shared: do not change it."""
        found = self._scan(sentence)[2]
        if blocked and found:
            found = [f for f in found if not any(i in blocked for i in range(f[0], f[1]))]
        return found


def _pairs(mapping: dict[str, Any], value: Any = True) -> list[tuple[str, Any]]:
    return [(phrase, value) for words in mapping.values() for phrase in words]


@dataclass(frozen=True)
class Lexicon:
    """Every word list the extractor uses, compiled."""

    forces: PhraseMatcher[str | None]
    generic_forces: frozenset[str]
    nationalities: PhraseMatcher[str]
    nationality_links: frozenset[str]
    capitals_only: frozenset[str]
    origin_links: PhraseMatcher[bool]
    part_links: frozenset[str]
    frame_links: PhraseMatcher[bool]
    organisation_codes: frozenset[str]
    leader_before: frozenset[str]
    leader_after: PhraseMatcher[bool]
    nationality_labels: dict[str, dict[str, str]]
    force_owners: dict[str, str]
    force_labels: dict[str, dict[str, str]]
    triggers: PhraseMatcher[str | None]
    modifiers: PhraseMatcher[str]
    modifier_reach: dict[str, int]
    clause_breaks: PhraseMatcher[bool]
    comma_breaks: frozenset[str]
    relative_markers: frozenset[str]
    place_relative_markers: frozenset[str]
    locative: PhraseMatcher[bool]
    near: PhraseMatcher[bool]
    stationed_cues: frozenset[str]
    kind_links: frozenset[str]
    between: frozenset[str]
    metonymy_before: PhraseMatcher[bool]
    metonymy_after: PhraseMatcher[bool]
    names_not_places: PhraseMatcher[str]
    titles: PhraseMatcher[bool]
    capitalised: frozenset[str]
    not_places: frozenset[str]
    partitive: frozenset[str]
    not_actor_before: frozenset[str]
    agent_before: frozenset[str]
    passive_aux: frozenset[str]
    speech: PhraseMatcher[bool]
    destinations: frozenset[str]
    origins: frozenset[str]
    movement_verbs: frozenset[str]
    capitalised_places: frozenset[str]
    border_words: PhraseMatcher[bool]
    border_extra: PhraseMatcher[bool]
    border_home: PhraseMatcher[bool]
    connectors: frozenset[str]
    directions: PhraseMatcher[str]
    directional_borders: dict[str, dict[str, dict[str, Any]]]
    outlets: tuple[str, ...]
    outlet_pattern: re.Pattern[str]
    generic_words: frozenset[str]
    scan: TextScan


@cache
def lexicon() -> Lexicon:
    """The compiled word lists (loaded on first use)."""
    forces, events, places = load("forces"), load("events"), load("places")
    base = gazetteer_lexicon()
    force_pairs = [(p, kind) for kind, langs in forces["types"].items()
                   for words in langs.values() for p in words]
    missions = [(name, owner) for owner, names in forces["missions"].items() for name in names]
    force_pairs += [(name, "mission") for name, _ in missions]
    force_pairs += _pairs(forces["not_forces"], None)
    nationality_pairs, nationality_labels = nationality_words(forces)
    trigger_pairs = [(p, action) for action, langs in events["triggers"].items()
                     for words in langs.values() for p in words]
    trigger_pairs += _pairs(events["not_triggers"], None)
    # every inflected form of the verbs listed by lemma; a phrase above wins over a form
    trigger_pairs += [(p, action) for action, langs in load("inflections")["triggers"].items()
                      for words in langs.values() for p in words]
    modifier_pairs = [(p, name) for name, spec in events["modifiers"].items()
                      for lang, words in spec.items() if lang != "before" for p in words]
    generic_words = frozenset(w for phrases in base["generic"].values() for phrase in phrases
                              for w in phrase.split())
    return Lexicon(
        forces=PhraseMatcher(force_pairs),
        generic_forces=frozenset(" ".join(form(w) for w in p.split())
                                 for p in forces["generic"]),
        nationalities=PhraseMatcher(nationality_pairs),
        nationality_links=frozenset(form(w) for w in forces["nationality_links"]),
        capitals_only=frozenset(forces["capitals_only"]),
        origin_links=PhraseMatcher((p, True) for p in forces["origin_links"]),
        part_links=frozenset(form(w) for w in forces["part_links"]),
        frame_links=PhraseMatcher((p, True) for p in forces["frame_links"]),
        organisation_codes=frozenset(forces["organisations"]),
        leader_before=frozenset(form(w) for w in forces["leader_links"]["before"]),
        leader_after=PhraseMatcher((p, True) for p in forces["leader_links"]["after"]),
        nationality_labels=nationality_labels,
        force_owners={" ".join(t.form for t in tokenize(p)): code
                        for code, words in [*forces["force_owners"].items(),
                                            *((o, [n]) for n, o in missions)] for p in words},
        force_labels=forces["labels"],
        triggers=PhraseMatcher(trigger_pairs),
        modifiers=PhraseMatcher(modifier_pairs),
        modifier_reach={name: spec["before"] for name, spec in events["modifiers"].items()},
        clause_breaks=PhraseMatcher(_pairs(events["clause_breaks"])),
        comma_breaks=frozenset(form(w) for w in events["clause_breaks_after_comma"]),
        relative_markers=frozenset(form(w) for words in events["relative_markers"].values()
                                   for w in words),
        place_relative_markers=frozenset(form(w) for w in events["place_relative_markers"]),
        locative=PhraseMatcher(_pairs(places["locative_cues"]), attr="key"),
        near=PhraseMatcher(_pairs(places["near_cues"]), attr="key"),
        stationed_cues=frozenset(places["stationed_cues"]),
        kind_links=frozenset(places["kind_links"]),
        between=frozenset(places["between"]) | generic_words | base["filler"],
        metonymy_before=PhraseMatcher((p, True) for p in places["metonymy_before"]),
        metonymy_after=PhraseMatcher(((p, True) for p in places["metonymy_after"]), attr="key"),
        names_not_places=PhraseMatcher(
            [(p, "person") for p in places["people"]]
            + [(p, "organisation") for p in places["organisations"]]
            + [(p, "force") for kind in ("pmc", "mission")
               for words in forces["types"][kind].values() for p in words]
            + [(name, "force") for name, _ in missions]
            + [(p, "organisation") for spec in forces["organisations"].values()
               for lang, words in spec.items() if lang not in ("adjective", "vi_name")
               for p in words if len(p) > 2], attr="key"),  # "au": Port-au-Prince
        titles=PhraseMatcher((p, True) for p in places["titles"]),
        capitalised=frozenset(places["capitalised_words"]) | generic_words,
        not_places=frozenset(places["not_places"]) | _date_words(),
        partitive=frozenset(places["partitive"]),
        not_actor_before=frozenset(t.key for w in places["not_actor_before"]
                                   for t in tokenize(w)),
        agent_before=frozenset(t.key for w in places["agent_before"] for t in tokenize(w)),
        passive_aux=frozenset(t.key for w in places["passive_aux"] for t in tokenize(w)),
        speech=PhraseMatcher((p, True) for p in places["speech_before"]),
        destinations=frozenset(" ".join(t.form for t in tokenize(p))
                               for p in places["destination_cues"]),
        origins=frozenset(" ".join(t.form for t in tokenize(p)) for p in places["origin_cues"]),
        movement_verbs=frozenset(" ".join(t.form for t in tokenize(p))
                                 for p in places["movement_verbs"]),
        capitalised_places=frozenset(form(w) for w in places["capitalised_places"]),
        border_words=PhraseMatcher(
            [(w, True) for w in base["border_words"]]
            + [(w, True) for w in places["border_words"]], attr="key"),
        border_extra=PhraseMatcher((p, True) for p in places["border_extra_words"]),
        border_home=PhraseMatcher((p, True) for p in places["border_home_words"]),
        connectors=frozenset(base["connectors"] | {"the", "of", "cua"}),
        directions=PhraseMatcher((p, name) for name, words in places["directions"].items()
                                 for p in words),
        directional_borders=places["directional_borders"],
        outlets=tuple(places["outlets"]),
        outlet_pattern=re.compile(r"(?<!\w)(?:" + "|".join(
            re.escape(o) for o in sorted(places["outlets"], key=len, reverse=True)) + r")(?!\w)"),
        generic_words=generic_words,
        scan=TextScan([(p, "force" if kind else None) for p, kind in force_pairs]
                      + [(p, "trigger" if action else None) for p, action in trigger_pairs]
                      + [(p, n) for p, n in modifier_pairs if n in ("agreed", "future")]
                      + [(p, "base") for p in ("căn cứ", "base", "garrison")]
                      + [(p, "site") for p in places["site_words"]]),
    )


def _date_words() -> frozenset[str]:
    """Month and weekday names (keys): "Thursday", "June" are never places."""
    from ..gazetteer.normalize import normalize

    dates = load("dates")
    words = [*dates["months"], *(w for table in dates["weekdays"].values() for w in table)]
    return frozenset(normalize(w) for w in words if " " not in w)


def _tone_variants(word: str) -> set[str]:
    """``word`` with its Vietnamese tone mark on each of its vowels ("hòa", "hoà")."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323"]
    if not tones:
        return {word}
    base = [c for c in decomposed if c not in tones]
    if len(base) == 2 and base[0] in "hklmst" and base[1] in "iy":  # "sĩ" and "sỹ"
        return {unicodedata.normalize("NFC", base[0] + v + tones[0]) for v in "iy"}
    variants = {word}
    for index, char in enumerate(base):
        if char in "aeiouy":
            end = index + 1
            while end < len(base) and unicodedata.combining(base[end]):
                end += 1
            variants.add(unicodedata.normalize(
                "NFC", "".join(base[:end]) + tones[0] + "".join(base[end:])))
    return variants


class TextScan:
    """Finds phrases in a sentence's raw text before it is cut into words.

    One trie pattern over every phrase (with the tone mark on either vowel: "hòa", "hoà"),
    longest first, run over the lower-case text with every run of non-word characters made
    one space; :meth:`tags` says which kinds of phrase the sentence holds. A blocking entry
    (tag None) hides the shorter phrase inside it ("quân sự" is not "quân"). Sentences
    without a force and a verb are never cut into words: on news about troops that is
    about half of them.
    """

    def __init__(self, entries: Iterable[tuple[str, str | None]]) -> None:
        import itertools
        import unicodedata

        self._tags: dict[str, set[str | None]] = {}
        for phrase, tag in entries:
            words = [stem(w) for w in unicodedata.normalize("NFC", str(phrase).lower()).split()]
            for variant in itertools.product(*map(_tone_variants, words)):
                self._tags.setdefault(" ".join(variant), set()).add(tag)
        # a phrase holding another ("rút quân", to withdraw troops, holds "quân", troops)
        # carries the other's tags too: the scan finds the longest phrase only
        for phrase, tags in self._tags.items():
            if None in tags:  # a blocking phrase ("quân sự") hides what it holds
                continue
            words = phrase.split()
            for size in range(1, len(words)):
                for first in range(len(words) - size + 1):
                    inner = self._tags.get(" ".join(words[first:first + size]), set())
                    tags.update(t for t in inner if t is not None)
        self._pattern = re.compile(" (?:" + trie_pattern(self._tags) + ")(?= )")

    def tags(self, lower: str) -> set[str | None]:
        """The tags of the phrases in ``lower`` (NFC, lower case)."""
        if "'" in lower or "’" in lower or "ʼ" in lower:  # an elision needs an apostrophe
            lower = _ELIDED.sub(" ", lower)
        text = " " + _NON_WORD.sub(" ", lower) + " "
        if CYRILLIC.search(text):
            text = " " + " ".join(stem(w) for w in text.split()) + " "
        found: set[str | None] = set()
        for match in self._pattern.finditer(text):
            found |= self._tags[match.group()[1:]]
        return found


_NON_WORD = re.compile(r"[^\w']+")
_ELIDED = re.compile(r"(?<!\w)(?:" + ELISION.pattern + ")")


__all__ = ["Lexicon", "PhraseMatcher", "TextScan", "lexicon", "load", "trie_pattern"]
