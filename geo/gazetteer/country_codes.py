"""The country a word of a place name names ("Syrian", "turci", "Armenia"), and the border
a phrase of such words names: the part of :class:`~geo.gazetteer.lookup.Gazetteer` that
reads country codes (a mixin: it uses the gazetteer's tables)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property

from .borders import (
    border_between,
    country_by_stem,
    country_stems,
    demonym_codes,
    parse_border_phrase,
)
from .boundaries import capitals
from .normalize import lexicon
from .place import Place

#: Regions with a code of their own in border phrases ("the Nakhchivan border").
_REGION_BORDER_CODES = {"region:nakhchivan": "NX"}


class CountryCodes:
    """Country codes from names and adjectives, and border phrases (mixed into
    :class:`~geo.gazetteer.lookup.Gazetteer`)."""

    country: str
    countries: tuple[str, ...]
    places: Mapping[str, Place]
    _exact: Mapping[str, tuple[str, ...]]
    _shared_places: Mapping[str, Place]

    def _country_code(self, key: str) -> str | None:
        for place_id in self._exact.get(key, ()):
            place = self.places[place_id]
            if place.kind == "country":
                return place.id
            if place.id in _REGION_BORDER_CODES:
                return _REGION_BORDER_CODES[place.id]
        return demonym_codes().get(key) or country_by_stem(key, self._country_stems)

    def _country_only(self, key: str) -> str | None:
        """The country ``key`` names (its name in any language, or an adjective)."""
        return next((i for i in self._exact.get(key, ()) if self.places[i].kind == "country"),
                    None) or country_by_stem(key, self._country_stems)

    def _capital(self, key: str) -> str | None:
        """The id of the capital ``key`` names with a capital's word and its country's name
        or adjective ("solomons capital", "capitale libyenne", "столица ливии"), or None."""
        table = lexicon()
        rest = next((key[len(w) + 1:] if key.startswith(w + " ") else key[:-len(w) - 1]
                     for w in table["capital_words"]
                     if key.startswith(w + " ") or key.endswith(" " + w)), None)
        words = [w for w in (rest or "").split() if w not in table["filler"]]
        code = self._country_code(" ".join(words)) if words else None
        if code is None or code not in self.places:
            return None
        return next((r["id"] for r in capitals(code) if r["id"] in self.places), None)

    @cached_property
    def _country_stems(self) -> list[tuple[str, str]]:
        bulk = getattr(self._shared_places, "ids_where", None)
        ids = bulk(lambda kind, _c: kind == "country") if bulk else [
            c for c in self.places if len(c) == 2]
        return country_stems(self.places[c] for c in ids if len(c) == 2)

    def _border(self, key: str, name: str) -> Place | None:
        codes = parse_border_phrase(key, self._country_code)
        return border_between(codes, self.country, self.countries, self.places, lambda c: (
            self.places[c].name if c in self.places else c), name) if codes else None


__all__ = ["CountryCodes"]
