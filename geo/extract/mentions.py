"""Place mentions in a sentence, found with the gazetteer, and whether a force can be there.

Every name the gazetteer knows, in every language it knows, is looked for as a run of
words (longest first, without case or diacritics, then on the transliteration skeleton);
the gazetteer then says which place the words mean (:meth:`Gazetteer.candidates`, with the
generic word before the name as a hint: "tỉnh Tavush", "thị trấn Gyumri").

A name is not a place when it is part of a person's or an outlet's name ("Ararat Mirzoyan",
"Sputnik Armenia"; lists in ``data/extract/places.yaml`` and three rules: a title before it,
a capitalised unknown word after it, or one before it). Border phrases ("biên giới của
Armenia với Thổ Nhĩ Kỳ và Iran", "the Armenian-Turkish and Armenian-Iranian border") become
one mention whose targets are the border lines; a direction ("biên giới phía Đông Nam")
is read through the ``directional_borders`` table and marked as a reading.

A mention is *usable* for a deployment when ``problem`` is empty: it is in the story's
countries (or is a region or border), is not a whole country, is not a government ("at
Yerevan's request"), and stands where a location stands ("in", "at", "from", "khỏi", "ở",
... before it, or in a list).
"""

from __future__ import annotations

import re
from operator import attrgetter

from ..errors import PlaceNotFound
from ..gazetteer.lookup import Gazetteer
from ..gazetteer.normalize import normalize
from ..gazetteer.place import Place
from .borders import BorderReader
from .country_lists import OUTSIDE, country_lists
from .cues import cue_words, is_locative, listed, near_cue, partial, spoken_at
from .holders import (
    holds_town,
    inside_holder,
    lists_parts,
    measured_from,
    possessive_holder,
    qualifies_site,
)
from .kind_words import kind_words, with_kind_words
from .lexicon import lexicon
from .names import (
    HYPHENS,
    RUN_GAPS,
    continues_a_name,
    fold,
    inflected_compound,
    marks_agree,
    may_name,
    nominative,
    story_names,
    titled,
    without_runs,
)
from .passive import passive_site
from .shared_kinds import shared_kinds
from .sounded import may_sound, sounded
from .targets import NameMatch, PlaceMention, Target, target_of
from .text import CYRILLIC, Sentence, Token

#: Kinds of place a force can be at when they lie outside the story's country.
CROSS_BORDER_KINDS = frozenset({"region", "border"})
_BRACKET = re.compile(r"[()\[\]]")
_ARTICLES = frozenset({"the", "la", "le", "les", "l"})  # "La Paz", "la Côte d'Ivoire"
#: Kinds of place a force "near" is at (near a country or a province is outside it).
_POINT_KINDS = frozenset({"city", "base", "airport", "checkpoint"})
#: Kinds of place a force "near" it is at ("near Gao", "near the Kenya-Somalia border").
_NEAR_KINDS = _POINT_KINDS | {"border"}


_ID = attrgetter("id")
#: No nationality phrase (PlaceFinder._accept).
_NO_NATIONALITY = object()


class PlaceFinder(BorderReader):
    """Finds place mentions with a gazetteer (build once, use for many sentences)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.country = gazetteer.country
        self.countries = frozenset(gazetteer.countries)
        #: The names looked for (names.py); a name starts at a capitalised word, a number,
        #: or a first word names write in lower case ("sân bay ...", "căn cứ ...").
        self.names_table = story_names(gazetteer)
        #: First words of names written in lower case that start a name the index knows.
        self._lower_firsts = frozenset(k for k in self.names_table.lower_starts
                                       if k in self.names_table.lengths)
        #: The forms (tone marks kept) each name key is written with, for names with marks.
        self._forms: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
        self._resolved: dict[tuple[str, bool], tuple[Place, ...]] = {}
        #: What the words of a name (and the kind words before it) mean, by their text:
        #: names repeat within an article and across a story's articles.
        self._meanings: dict[tuple[str, str, int, bool], tuple[Place, ...]] = {}
        self._borders: dict[str, tuple[Target, ...] | None] = {}

    # -- names ----------------------------------------------------------------------------

    def _match(self, tokens: tuple[Token, ...], index: int, text: str,
               offsets: list[int], count: int) -> int | None:
        """End of the longest known name starting at ``tokens[index]`` and ending by word
        ``count`` (``text``: the sentence's keys joined by spaces, ``offsets``: where each
        word starts in it, and its length)."""
        table = self.names_table
        first = tokens[index].key
        sizes = table.lengths.get(first)
        if sizes:
            begin, exact = offsets[index], table.exact
            for size in sizes:
                stop = index + size
                if stop <= count and text[begin:offsets[stop] - 1] in exact:
                    return stop
        if not tokens[index].upper:
            return None
        shape = tokens[index].form
        if shape in table.stem_lengths:  # a Russian name in any case ending
            for size in table.stem_lengths[shape]:
                stop = index + size
                if stop <= count and tuple(t.form for t in tokens[index:stop]) in table.stems:
                    return stop
        if not first.isascii() and CYRILLIC.search(first) and nominative(first, table.exact):
            return index + 1  # a town of any country in another case ("в Идлибе")
        folded = fold(first)
        for size in table.loose_lengths.get(folded, ()):
            stop = index + size
            if stop <= count and ((folded,) if size == 1 else tuple(
                    fold(t.key) for t in tokens[index:stop])) in table.loose:
                return stop
        return None

    def _candidates(self, sentence: Sentence, start: int, stop: int, checked: bool = False, *,
                    by_sound: bool = False) -> tuple[Place, ...]:
        """The places words ``start`` to ``stop`` name, best first (the generic words before
        them a hint: "tỉnh Tavush"). ``checked``: empty too when the words cannot be a name
        (no capital or digit, a word that is never a place, marks no name has);
        ``by_sound``: the story's places that sound alike too (:mod:`.sounded`)."""
        tokens = sentence.tokens
        first, head = kind_words(sentence, start)
        # everything below depends only on these words (their text and count)
        text, end = sentence.text, tokens[stop - 1].end
        name = text[tokens[start].start:end]
        memo = (name if first == start else text[tokens[first].start:end], name, stop - start,
                checked, len(head), by_sound)
        found = self._meanings.get(memo)
        if found is None:
            words = tokens[start:stop]
            if checked and not may_name(words, sentence, start):
                found = ()
            else:
                found = self._look_up(sentence, first, start, stop, head, by_sound)
                if checked and found and not marks_agree(self._forms, words, found,
                                                         sentence.text):
                    found = ()
            self._meanings[memo] = found
        return found

    def _look_up(self, sentence: Sentence, first: int, start: int, stop: int,
                 head: tuple[int, ...], sound: bool = False) -> tuple[Place, ...]:
        """The places words ``start`` to ``stop`` name, with the kind words ``head`` (from
        word ``first`` on) before them as a hint (``sound``: the gazetteer's ``by_sound``)."""
        queries = [with_kind_words(sentence, first, start, stop, head),
                   sentence.span(start, stop)]
        stems, table = tuple(t.form for t in sentence.tokens[start:stop]), self.names_table
        keys = [t.key for t in sentence.tokens[start:stop]]
        named = table.stems.get(stems)
        if named is None and CYRILLIC.search(keys[0]):  # "Идлибе", "Алма-Ату"
            named = nominative(" ".join(keys), table.exact) or nominative(
                keys[0], table.exact, "".join(" " + k for k in keys[1:]))
        for each in (named, *table.more_stems.get(stems, ())) if named else ():
            # "аэропорта Алма-Аты": the airport of Алма-Ата, then the town
            queries += [" ".join([*(sentence.tokens[i].text for i in head), each]), each]
        fallback: tuple[Place, ...] = ()  # "из Сум": not Soum (Burkina Faso) but Сумы
        for query in dict.fromkeys(queries):
            key = (normalize(query), sound)
            if key not in self._resolved:
                try:
                    self._resolved[key] = tuple(self.gazetteer.candidates(query, by_sound=sound))
                except PlaceNotFound:
                    self._resolved[key] = ()
            found = self._resolved[key]
            if found and (not named or found[0].country in self.countries):
                return found
            fallback = fallback or found
        return fallback

    def names(self, sentence: Sentence) -> list[NameMatch]:
        """The place names of ``sentence`` (not people's or outlets'), left to right.

        They are kept with the sentence for this finder's :meth:`find`, which takes them
        (the country pass and the story's pass share a finder when the story is in the
        default country)."""
        found = self._names_in(sentence)
        sentence.cache[id(self)] = found
        return list(found)

    def _names_in(self, sentence: Sentence) -> list[NameMatch]:
        lex = lexicon()
        tokens = sentence.tokens
        names: list[NameMatch] = []
        lower_firsts, lengths = self._lower_firsts, self.names_table.lengths
        # a capitalised word, or the first word of a name that starts in lower case or with
        # a digit
        candidates = [i for i, t in enumerate(tokens) if t.upper or t.key in lower_firsts or (
            t.text[0].isdigit() and t.key in lengths)]
        if not candidates:
            return names
        blocked: set[int] = set()
        for start, stop, _ in lex.names_not_places.find(sentence):
            blocked.update(range(start, stop))
        text, offsets = sentence.joined("key")
        # a name never runs across a bracket: "Tartous (gouvernorat de Tartous)"
        brackets = [i for i in range(1, len(tokens)) if _BRACKET.search(
            sentence.gap(i - 1, i))] if _BRACKET.search(sentence.text) else []
        done, count = 0, len(tokens)
        for index in candidates:
            if index < done or index in blocked:
                continue
            limit = next((i for i in brackets if i > index), count) if brackets else count
            stop = self._match(tokens, index, text, offsets, limit)
            compound = inflected_compound(sentence, index, limit, self.names_table.exact)
            if compound is not None and (stop is None or compound > stop):
                stop = compound  # "в Алма-Ату", "Южно-Сахалинске": Алма-Ата, Южно-Сахалинск
            if stop is None:  # a name only the story's places sound like ("в Башике")
                stop = sounded(sentence, index, limit, self._candidates)
            if stop is None or (blocked and blocked.intersection(range(index, stop))):
                continue
            if tokens[index].key in _ARTICLES and index + 1 < stop and (
                    self._match(tokens, index + 1, text, offsets, limit) or 0) > stop:
                continue  # "la Côte" (a French village) of "la Côte d'Ivoire"
            if index > done and index and sentence.gap(index - 1, index) in HYPHENS and \
                    tokens[index - 1].text[:1].isalpha() and self._match(
                    tokens, index - 1, text, offsets, limit) is None:
                continue  # "Major" of "État-Major": the second half of a word that is no name
            if stop < limit and sentence.gap(stop - 1, stop) in HYPHENS and self._match(
                    tokens, stop, text, offsets, limit) is None:
                continue  # "Порт" of "Порт-Буэ", "Кот" of "Кот-д’Ивуара": half a name
            found = self._accept(sentence, index, stop, limit)
            if found is not None:
                names.append(found)
                done = stop
        return shared_kinds(sentence, without_runs(sentence, names), self._candidates)

    def _accept(self, sentence: Sentence, start: int, stop: int,
                limit: int | None = None) -> NameMatch | None:
        """The name at words ``start`` to ``stop`` (a kind word after it, before word
        ``limit``, may widen it), or None when it names no place."""
        lex = lexicon()
        tokens = sentence.tokens
        places = self._candidates(sentence, start, stop, checked=True) or (may_sound(
            sentence, start) and self._candidates(sentence, start, stop, True, by_sound=True))
        if not places:
            return None
        if stop < (len(tokens) if limit is None else limit) and \
                tokens[stop].key in lex.generic_words and \
                lex.border_words.at(sentence, stop) is None:  # borders: BorderReader's
            # a kind word after the name asks for that kind ("the Kursk region", "Kidal
            # airport"), as one before it does ("tỉnh Tavush")
            wider = self._candidates(sentence, start, stop + 1)
            if wider and wider[0].kind != places[0].kind:
                places, stop = wider, stop + 1
        place = places[0]
        if not sentence.title_case and self._part_of_a_name(sentence, start, stop, place):
            return None
        # the words spell a nationality of another country than the place's (asked before
        # the sentence's nationalities are scanned: most names spell none, or their own)
        spelt = lex.nationalities.value_of(sentence, start, stop, _NO_NATIONALITY)
        if spelt is not _NO_NATIONALITY and spelt != (
                place.id if place.kind == "country" else place.country):
            nationality = lex.nationalities.at(sentence, start)
            if nationality is not None and nationality[0] == stop:
                return None  # "French", "Chadian": a nationality, not a town abroad named so
        return NameMatch(start, stop, place, tuple(map(_ID, places[1:])))

    def _part_of_a_name(self, sentence: Sentence, start: int, stop: int, place: Place) -> bool:
        """True when the words are part of a person's or an organisation's name."""
        lex = lexicon()
        tokens = sentence.tokens
        known = self.names_table.lengths  # first words of names
        country = place.kind == "country"
        if not country and titled(sentence, start, stop):
            return True
        if not country and continues_a_name(sentence, stop) and tokens[stop].key not in known:
            return True
        if start > 1:
            before = tokens[start - 1]
            if (before.upper and not before.text.isupper()
                    and sentence.gap(start - 1, start) in RUN_GAPS
                    and before.key not in lex.capitalised and before.key not in known
                    and before.key not in lex.between  # "Республики Казахстан"
                    and lex.titles.ending_at(sentence, start) is None):
                return True
        return False

    # -- the whole sentence ---------------------------------------------------------------

    def find(self, sentence: Sentence) -> list[PlaceMention]:
        """Every place mention of ``sentence``, in order, each with its ``problem`` (if any)."""
        lex = lexicon()
        names = sentence.cache.pop(id(self), None)
        if names is None:
            names = self._names_in(sentence)
        inside = {i for n in names for i in range(n.start, n.stop)}
        mentions: list[PlaceMention] = []
        consumed: set[int] = set()
        for first, last, _ in lex.border_words.find(sentence, inside):
            force = lex.forces.at(sentence, first)
            if (force and force[1] is not None and force[0] > last) or first in consumed:
                continue
            found = self._border_at(sentence, first, last, names)
            if found:
                mention, parts = found
                mentions.append(mention)
                consumed.update(range(mention.start, mention.stop))
                for part in parts:
                    part.consumed = True
        previous: NameMatch | None = None
        carried: dict[int, int] = {}  # a place in a bracketed list: its holder's start
        holder: NameMatch | None = None
        for name in names:
            for candidate in (holder, previous):
                if candidate is not None and lists_parts(sentence, candidate, name):
                    holder = candidate
                    carried[name.start] = candidate.start
                    break
            if previous is not None and (qualifies_site(sentence, previous, name)
                                         or holds_town(sentence, previous, name)
                                         or measured_from(sentence, previous, name)):
                continue  # "the 102nd base in Gyumri", "Uvira in South Kivu", "south of"
            if previous is not None:
                name = inside_holder(self.gazetteer, sentence, previous, name)
                if possessive_holder(sentence, previous, name):
                    # "Iraq's Anbar province", "the Kurdistan Region's capital Erbil": the
                    # possessive says where the place is; it is not a second place
                    mentions = [m for m in mentions if m.start != previous.start]
            previous = name
            if not name.consumed and name.start not in consumed:
                mentions.append(PlaceMention(sentence.span(name.start, name.stop), name.start,
                                             name.stop, (target_of(name.place),), "name",
                                             name.chosen_from))
        mentions.sort(key=lambda m: m.start)
        judged = self.judge(sentence, mentions, carried)
        holders = set(carried.values())
        return [m for m in judged if m.start not in holders] if holders else judged

    def judge(self, sentence: Sentence, mentions: list[PlaceMention],
              carried: dict[int, int] | None = None) -> list[PlaceMention]:
        """Each mention with ``locative`` and ``problem`` set; a place listed in a bracket
        after its holder (``carried``: its start to the holder's) takes the holder's cue."""
        judged: list[PlaceMention] = []
        previous: PlaceMention | None = None
        cued: set[int] = set()
        for mention in mentions:
            locative = (is_locative(sentence, mention.start)
                        or (carried is not None and carried.get(mention.start) in cued)
                        or (mention.targets and mention.targets[0].kind in _NEAR_KINDS
                            and near_cue(sentence, mention.start))
                        or passive_site(sentence, mention)
                or bool(previous and previous.locative
                        and listed(sentence, previous.stop, mention.start)))
            problem = mention.problem or self._problem(sentence, mention, locative)
            judged.append(PlaceMention(mention.text, mention.start, mention.stop,
                                       mention.targets, mention.role, mention.chosen_from,
                                       locative, problem))
            previous = judged[-1]
            if locative:
                cued.add(mention.start)
        return country_lists(sentence, judged)

    @staticmethod
    def cue(sentence: Sentence, mention: PlaceMention) -> str:
        """The words of the mention's locative cue ("to", "vers", "из"; forms), or ""."""
        return cue_words(sentence, mention.start)

    def _problem(self, sentence: Sentence, mention: PlaceMention, locative: bool) -> str:
        lex = lexicon()
        tokens = sentence.tokens
        target = mention.targets[0]
        if mention.role == "name":
            if target.kind == "country" and (not locative or partial(sentence, mention.start)):
                return f"{mention.text!r} names a whole country"
            if target.country not in self.countries and target.kind not in CROSS_BORDER_KINDS:
                return (f"{mention.text!r}{OUTSIDE} "
                        f"({', '.join(self.gazetteer.countries)})")
            if (lex.metonymy_before.ending_at(sentence, mention.start) is not None
                    or (mention.stop < len(tokens)  # "Yerevan said"; not "..., officials said"
                        and sentence.gap(mention.stop - 1, mention.stop).isspace()
                        and lex.metonymy_after.at(sentence, mention.stop))):
                return f"{mention.text!r} stands for a government here, not a place"
        if not locative:
            return f"{mention.text!r} is not where a force is (no 'in', 'at', 'from' before it)"
        if mention.role == "name" and spoken_at(sentence, mention.start):
            return f"{mention.text!r} is where someone spoke, not where a force is"
        return ""


__all__ = ["CROSS_BORDER_KINDS", "PlaceFinder", "PlaceMention", "Target"]
