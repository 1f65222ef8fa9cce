"""The word lists of ``data/extract/*.yaml``, loaded once, and the matcher that uses them.

Every list is data; this module only turns it into :class:`PhraseMatcher` objects (longest
phrase first, on word keys or forms, see :mod:`geo.extract.text`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..gazetteer.normalize import lexicon as gazetteer_lexicon
from ..gazetteer.normalize import normalize
from .nationalities import nationality_words
from .phrases import PhraseMatcher, TextScan, trie_pattern
from .text import form, phrase_form, tokenize
from .wordlists import load


def _outlet_pattern(outlets: list[str]) -> re.Pattern[str]:
    """Any of ``outlets`` as a whole word, longest first. Each name checks the character
    before it once matched, not before: a pattern that opens with its names' first letters
    lets the regex engine skip to them instead of trying every position."""
    return re.compile("(?:" + "|".join(
        re.escape(o) + rf"(?<!\w[\s\S]{{{len(o)}}})"
        for o in sorted(outlets, key=len, reverse=True)) + r")(?!\w)")


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
    #: (verb form, particle form, action) of `split_triggers`
    split_triggers: tuple[tuple[str, str, str], ...]
    split_verbs: frozenset[str]
    modifiers: PhraseMatcher[str]
    modifier_reach: dict[str, int]
    agreement_basis: PhraseMatcher
    agreement_basis_reach: int
    future_forms: frozenset[str]
    ongoing_forms: frozenset[str]
    ongoing_auxiliaries: frozenset[str]
    ongoing_between: int
    ongoing_process: frozenset[str]
    headline_infinitive: frozenset[str]
    headline_lead: frozenset[str]
    going_home: frozenset[str]
    going_home_phrases: frozenset[str]
    home_words: PhraseMatcher[bool]
    retaking: PhraseMatcher[bool]
    presence_nouns: PhraseMatcher[bool]
    act_nouns: PhraseMatcher[bool]
    future_after_noun: PhraseMatcher[bool]
    future_after_reach: int
    future_after_forms: frozenset[str]
    nominalisers: frozenset[str]
    act_links: frozenset[str]
    act_owned_by: frozenset[str]
    presence_words: frozenset[str]
    presence_endings: PhraseMatcher[bool]
    clause_breaks: PhraseMatcher[bool]
    comma_breaks: frozenset[str]
    relative_markers: frozenset[str]
    place_relative_markers: frozenset[str]
    locative: PhraseMatcher[bool]
    near: PhraseMatcher[bool]
    stationed_cues: frozenset[str]
    origin_before_place: frozenset[str]
    into_after_origin: frozenset[str]
    kind_links: frozenset[str]
    kind_adjectives: frozenset[str]
    recipient_before: frozenset[str]
    between: frozenset[str]
    metonymy_before: PhraseMatcher[bool]
    metonymy_after: PhraseMatcher[bool]
    names_not_places: PhraseMatcher[str]
    titles: PhraseMatcher[bool]
    office_links: frozenset[str]
    state_nouns: frozenset[str]
    capitalised: frozenset[str]
    not_places: frozenset[str]
    function_words: frozenset[str]
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
    #: Generic phrases of one word ("base"), and pairs of words next to each other in the
    #: longer ones ("air base", "san bay"): "Bay" alone may be a name, of "Sân Bay" not.
    generic_single: frozenset[str]
    generic_pairs: frozenset[tuple[str, str]]
    opponents: PhraseMatcher[bool]
    equipment: frozenset[str]
    continuing: frozenset[str]
    time_before: frozenset[str]
    site_word_keys: frozenset[str]
    position_words: frozenset[str]
    compass_names: frozenset[str]
    anaphora_pronouns: frozenset[str]
    anaphora_before: frozenset[str]
    anaphora_after: frozenset[str]
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
    # a force known by its own name is a force word too (an army, unless `types` says)
    typed = {phrase_form(p) for p, _ in force_pairs}
    force_pairs += [(p, "army") for words in forces["force_owners"].values() for p in words
                    if phrase_form(p) not in typed]
    nationality_pairs, nationality_labels = nationality_words(forces)
    trigger_pairs = [(p, action) for action, langs in events["triggers"].items()
                     for words in langs.values() for p in words]
    trigger_pairs += _pairs(events["not_triggers"], None)
    # every inflected form of the verbs listed by lemma; a phrase above wins over a form
    trigger_pairs += [(p, action) for action, langs in load("inflections")["triggers"].items()
                      for words in langs.values() for p in words]
    act_nouns = [p for words in forces["acts_by_noun"]["nouns"].values() for p in words]
    future_forms = frozenset(form(w) for words in load("inflections")["future"].values()
                             for w in words)
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
        force_owners={phrase_form(p): code
                        for code, words in [*forces["force_owners"].items(),
                                            *((o, [n]) for n, o in missions)] for p in words},
        force_labels=forces["labels"],
        triggers=PhraseMatcher(trigger_pairs),
        split_triggers=tuple((form(verb), form(particle), action)
                             for action, phrases in events["split_triggers"].items()
                             for verb, _, particle in (p.split() for p in phrases)),
        split_verbs=frozenset(form(p.split()[0]) for phrases in events["split_triggers"].values()
                              for p in phrases),
        modifiers=PhraseMatcher(modifier_pairs),
        modifier_reach={name: spec["before"] for name, spec in events["modifiers"].items()},
        agreement_basis=PhraseMatcher((p, True) for lang, words in events[
            "agreement_basis"].items() if lang != "reach" for p in words),
        agreement_basis_reach=int(events["agreement_basis"]["reach"]),
        future_forms=future_forms,
        ongoing_forms=frozenset(form(w) for words in load("inflections")["ongoing"].values()
                                for w in words),
        ongoing_auxiliaries=frozenset(form(w) for w in events["ongoing_tense"]["en_auxiliaries"]),
        ongoing_between=int(events["ongoing_tense"]["en_between"]),
        ongoing_process=frozenset(phrase_form(p) for p in events["ongoing_tense"]["en_process"]),
        headline_infinitive=frozenset(form(w) for w in events["headline_infinitive"]["words"]),
        headline_lead=frozenset(form(w) for w in events["headline_infinitive"]["lead"]),
        going_home=frozenset(form(w) for words in load("inflections")["going_home"].values()
                             for w in words),
        going_home_phrases=frozenset(phrase_form(p)
                                     for p in events["going_home"]["phrases"]),
        home_words=PhraseMatcher((p, True) for p in events["going_home"]["home_words"]),
        retaking=PhraseMatcher(_pairs(events["retaking"])),
        presence_nouns=PhraseMatcher((p, True) for p in events["presence_ending"]["nouns"]),
        act_nouns=PhraseMatcher((p, True) for p in act_nouns),
        act_links=frozenset(form(w) for w in forces["acts_by_noun"]["links"]),
        act_owned_by=frozenset(normalize(w) for w in forces["acts_by_noun"]["owned_by"]),
        future_after_noun=PhraseMatcher((p, True) for lang, words in events[
            "future_after_noun"].items() if lang in ("en", "fr", "ru", "vi") for p in words),
        future_after_reach=int(events["future_after_noun"]["reach"]),
        future_after_forms=frozenset(form(w) for w in events["future_after_noun"]["forms"]),
        nominalisers=frozenset(form(w) for w in events["future_after_noun"]["nominalisers"]),
        presence_words=frozenset(phrase_form(p) for p in events["presence_ending"]["nouns"]),
        presence_endings=PhraseMatcher(_pairs(events["presence_ending"]["verbs"])),
        clause_breaks=PhraseMatcher(_pairs(events["clause_breaks"])),
        comma_breaks=frozenset(form(w) for w in events["clause_breaks_after_comma"]),
        relative_markers=frozenset(form(w) for words in events["relative_markers"].values()
                                   for w in words),
        place_relative_markers=frozenset(form(w) for w in events["place_relative_markers"]),
        locative=PhraseMatcher(_pairs(places["locative_cues"]), attr="key"),
        near=PhraseMatcher(_pairs(places["near_cues"]), attr="key"),
        stationed_cues=frozenset(places["stationed_cues"]),
        origin_before_place=frozenset(places["origin_before_place"]),
        into_after_origin=frozenset(places["into_after_origin"]),
        kind_links=frozenset(places["kind_links"]),
        kind_adjectives=frozenset(places["kind_adjectives"]),
        recipient_before=frozenset(phrase_form(w) for w in places["recipient_before"]),
        between=frozenset(places["between"]) | generic_words | base["filler"]
        | frozenset(places["kind_adjectives"]),
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
        office_links=frozenset(places["office_links"]),
        state_nouns=frozenset(normalize(w) for w in places["state_nouns"]),
        capitalised=frozenset(places["capitalised_words"]) | generic_words,
        not_places=frozenset(places["not_places"]) | _date_words(),
        function_words=frozenset(
            t.key for w in [*places["function_words"],
                            *(p for ps in places["locative_cues"].values() for p in ps),
                            *places["destination_cues"], *places["origin_cues"],
                            *places["country_reference_stops"]]
            if len(tokens := tokenize(w)) == 1 for t in tokens),
        partitive=frozenset(places["partitive"]),
        not_actor_before=frozenset(t.key for w in places["not_actor_before"]
                                   for t in tokenize(w)),
        agent_before=frozenset(t.key for w in places["agent_before"] for t in tokenize(w)),
        passive_aux=frozenset(t.key for w in places["passive_aux"] for t in tokenize(w)),
        speech=PhraseMatcher((p, True) for p in places["speech_before"]),
        destinations=frozenset(phrase_form(p)
                               for p in places["destination_cues"]),
        origins=frozenset(phrase_form(p) for p in places["origin_cues"]),
        movement_verbs=frozenset(phrase_form(p)
                                 for p in places["movement_verbs"]),
        capitalised_places=frozenset(form(w) for w in places["capitalised_places"]),
        border_words=PhraseMatcher(
            [(w, True) for w in base["border_words"]]
            + [(w, True) for w in places["border_words"]], attr="key"),
        border_extra=PhraseMatcher((p, True) for p in places["border_extra_words"]),
        border_home=PhraseMatcher((p, True) for p in places["border_home_words"]),
        connectors=frozenset(base["connectors"] | {"the", "of", "cua", "la", "le", "les", "l"}),
        directions=PhraseMatcher((p, name) for name, words in places["directions"].items()
                                 for p in words),
        directional_borders=places["directional_borders"],
        outlets=tuple(places["outlets"]),
        outlet_pattern=_outlet_pattern(places["outlets"]),
        generic_words=generic_words,
        generic_single=frozenset(p for ps in base["generic"].values() for p in ps
                                 if " " not in p),
        generic_pairs=frozenset(pair for ps in base["generic"].values() for p in ps
                                for pair in itertools.pairwise(p.split())),
        opponents=PhraseMatcher(_pairs(forces["opponent_before"])
                                + _pairs(forces["joined_before"])),
        compass_names=frozenset(places["compass_names"]),
        continuing=_exact(events["continuing"]),
        time_before=frozenset(normalize(w) for w in events["time_before"]),
        position_words=frozenset(t.key for p in places["position_words"] for t in tokenize(p)),
        site_word_keys=frozenset(t.key for p in places["site_words"] for t in tokenize(p)),
        equipment=frozenset(phrase_form(p) for p, _ in _pairs(forces["equipment"])),
        anaphora_pronouns=_exact(forces["anaphora"]["pronouns"]),
        anaphora_before=_exact(forces["anaphora"]["before"]),
        anaphora_after=_exact(forces["anaphora"]["after"]),
        scan=TextScan([(p, "force" if kind else None) for p, kind in force_pairs]
                      + [(p, "trigger" if action else None) for p, action in trigger_pairs]
                      + [(p.split()[0], "trigger") for phrases in
                         events["split_triggers"].values() for p in phrases]
                      + [(p, n) for p, n in modifier_pairs if n in ("agreed", "future")]
                      + [(p, "future") for p in sorted(future_forms)]
                      + [(p, "force") for p in act_nouns]
                      + [(p, "base") for p in ("căn cứ", "base", "garrison")]
                      + [(p, "site") for p in places["site_words"]]),
    )


def _exact(words: list[str]) -> frozenset[str]:
    """Words compared as written, but for case (:func:`exact`): "они" is not "он"."""
    return frozenset(exact(w) for w in words)


def exact(word: str) -> str:
    """A word as written, in NFC and without case."""
    return unicodedata.normalize("NFC", word).casefold()


def _date_words() -> frozenset[str]:
    """Month and weekday names (keys): "Thursday", "June" are never places."""
    from ..gazetteer.normalize import normalize

    dates = load("dates")
    words = [*dates["months"], *(w for table in dates["weekdays"].values() for w in table)]
    return frozenset(normalize(w) for w in words if " " not in w)


__all__ = ["Lexicon", "PhraseMatcher", "TextScan", "exact", "lexicon", "load", "trie_pattern"]
