"""Border phrases in a sentence: "biên giới của Armenia với Thổ Nhĩ Kỳ và Iran", "the
Armenian-Turkish and Armenian-Iranian border", "đường biên giới của nước này với ...".

From a border word, the phrase takes in the country (and region) names, connectors and
"its / của nước này" words on either side; the gazetteer then gives the border lines between
the story's country and each of the others. A direction instead of a country ("biên giới
phía Đông Nam và Tây Nam của Armenia") is read through ``directional_borders`` in
``data/extract/places.yaml`` and the target says it is a reading.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..errors import PlaceNotFound
from ..gazetteer.normalize import lexicon as gazetteer_words
from ..gazetteer.normalize import normalize
from .lexicon import lexicon
from .targets import NameMatch, PlaceMention, Target, target_of
from .text import Sentence
from .wordlists import load

if TYPE_CHECKING:
    from ..gazetteer.lookup import Gazetteer

_BORDER_GAP = re.compile(r"^(?:\s+|\s*[-–—]\s*|,\s+|['’])$")
_LEFT_OF_BORDER = frozenset({"and", "va", "the", "&"})


def adjective_codes() -> dict[str, str]:
    """Border adjectives and combining forms by key ("russo": RU, "sino": CN), from
    ``data/lexicon.yaml``."""
    return gazetteer_words()["adjectives"]


@cache
def _area_words() -> frozenset[str]:
    """Words that make a border phrase a region beside it (``border_region_words``)."""
    return frozenset(load("places")["border_region_words"])


class BorderReader:
    """Reads border phrases (mixed into :class:`geo.extract.mentions.PlaceFinder`)."""

    gazetteer: Gazetteer
    country: str
    _borders: dict[str, tuple[Target, ...] | None]

    def _border_targets(self, parts: list[NameMatch], directions: list[str],
                        home: bool) -> tuple[Target, ...] | None:
        lex = lexicon()
        if directions:
            country = next((p.place.id for p in parts if p.place.kind == "country"),
                           self.country)
            table = lex.directional_borders.get(country, {})
            found = []
            for direction in directions:
                spec = table.get(direction)
                if spec is None:
                    return None
                border = self.gazetteer.get(spec["name"])
                key = f"{spec['name']}@{spec['clip']}" if "clip" in spec else spec["name"]
                value = {k: spec[k] for k in ("name", "clip", "label") if k in spec}
                found.append(Target(key, value if len(value) > 1 else spec["name"],
                                    border.kind, border.country, border.name,
                                    spec.get("note", "direction read as a border line")))
            return tuple(found)
        names = [normalize(p.place.name) for p in parts]
        if home and self.country not in {p.place.id for p in parts}:
            names.insert(0, normalize(self.gazetteer.get(self.country).name))
        phrase = "border " + " and ".join(names)
        if phrase not in self._borders:
            try:  # candidates(), not resolve(): a miss must not build the fuzzy index
                found = self.gazetteer.candidates(phrase, kind="border")
            except PlaceNotFound:
                found = []
            ids = (found[0].parts or (found[0].id,)) if found else ()
            self._borders[phrase] = tuple(target_of(self.gazetteer.get(i)) for i in ids) or None
        return self._borders[phrase]

    def _one_side(self, sentence: Sentence, country: str, first: int, last: int
                  ) -> tuple[Target, ...] | None:
        """The border of ``country`` with the story's country ("the border with Turkey" in
        an Armenian story), else with the one country whose nationality the sentence
        names ("Belarusian troops massed on the Ukrainian border"), if they meet; not
        for a border region (the phrase, words ``first`` to ``last``, or a word beside
        it: "vùng biên giới Nga", "the Russian border area" are inside Russia)."""
        if any(t.key in _area_words() for t in sentence.tokens[max(0, first - 1):last + 1]):
            return None
        if country != self.country:
            found = self._border_targets([NameMatch(0, 0, self.gazetteer.get(country))], [],
                                         True)
            if found:
                return found
        others = {code for _, _, code in lexicon().nationalities.find(sentence)
                  if code != country and code in self.gazetteer.places
                  and self.gazetteer.places[code].kind == "country"}
        if len(others) != 1:
            return None
        return self._border_targets([NameMatch(0, 0, self.gazetteer.get(code))
                                     for code in (*others, country)], [], False)

    def _adjective(self, sentence: Sentence, index: int, *, after: bool) -> NameMatch | None:
        """The country a nationality adjective or combining form names, starting at
        ``index`` (``after``) or ending there ("Russian", "russo", "российско")."""
        lex = lexicon()
        if after:
            found = lex.nationalities.at(sentence, index)
            span = (index, found[0]) if found else None
            key = sentence.tokens[index].key
        else:
            begin = lex.nationalities.ending_at(sentence, index)
            found = lex.nationalities.at(sentence, begin) if begin is not None else None
            span = (begin, index) if found and begin is not None else None
            key = sentence.tokens[index - 1].key
        code = found[1] if found else adjective_codes().get(key)
        if span is None:
            span = (index, index + 1) if after else (index - 1, index)
        if code is None:
            return None
        try:
            place = self.gazetteer.get(code)
        except PlaceNotFound:
            return None
        return NameMatch(span[0], span[1], place) if place.kind == "country" else None

    def _border_at(self, sentence: Sentence, first: int, last: int,
                   names: list[NameMatch]) -> tuple[PlaceMention, list[NameMatch]] | None:
        lex = lexicon()
        tokens = sentence.tokens
        starts = {n.start: n for n in names}
        ends = {n.stop: n for n in names}
        parts: list[NameMatch] = []
        directions: list[str] = []
        home = False
        adjectives = 0
        left, right, index = first, last, last
        while index < len(tokens) and _BORDER_GAP.match(sentence.gap(index - 1, index)):
            if index in starts and starts[index].place.kind in ("country", "region"):
                parts.append(starts[index])
                index = right = starts[index].stop
                continue
            step = lex.directions.at(sentence, index)
            if step:
                directions.append(step[1])
                index = right = step[0]
                continue
            step = lex.border_home.at(sentence, index)
            if step:
                home = True
                index = step[0]
                continue
            step = lex.border_words.at(sentence, index) or lex.border_extra.at(sentence, index)
            if step:
                index = step[0]
                continue
            if tokens[index].key in lex.connectors:
                index += 1
                continue
            adjective = self._adjective(sentence, index, after=True)
            if adjective:  # "la frontière russo-ukrainienne"
                parts.append(adjective)
                adjectives += 1
                index = right = adjective.stop
                continue
            break
        index = first
        while index > 0 and _BORDER_GAP.match(sentence.gap(index - 1, index)):
            if index in ends and ends[index].place.kind in ("country", "region"):
                parts.insert(0, ends[index])
                index = left = ends[index].start
                continue
            adjective = self._adjective(sentence, index, after=False)
            if adjective:  # "the Russian-Ukrainian border", "российско-украинской границе"
                parts.insert(0, adjective)
                adjectives += 1
                index = left = adjective.start
                continue
            if tokens[index - 1].key in _LEFT_OF_BORDER:
                index -= 1
                continue
            break
        if not parts and not directions:
            return None
        targets = self._border_targets(parts, directions, home)
        if targets is None and len(parts) == 1 and not directions and not home:
            targets = self._one_side(sentence, parts[0].place.id, left, right)
        if targets is None and adjectives > 0 and len(parts) < 2:
            return None  # "the Russian border" alone: whose border with whom, not said
        text = sentence.span(left, right)
        mention = PlaceMention(
            text, left, right, targets or (), "direction" if directions else "border",
            problem="" if targets else f"no border line for {text!r} in the gazetteer")
        return mention, parts


__all__ = ["BorderReader"]
