"""Offline gazetteer: names in a news story to the geometry they mean.

>>> gazetteer = Gazetteer()
>>> gazetteer.resolve("tỉnh Syunik").id
'AM-SU'
>>> gazetteer.resolve("biên giới Armenia với Thổ Nhĩ Kỳ và Iran").parts
('border:AM-TR', 'border:AM-IR')

Resolution (DESIGN.md section 3): tiers of keys (:meth:`Gazetteer._match`), then border
phrases, parts of countries and qualified names. Candidates are ranked: the kind asked or
hinted, the story's countries, higher administrative level, a chief town before its
province, population; :class:`Place` lists the others in ``chosen_from``."""

from __future__ import annotations

import itertools
import re
from collections import ChainMap
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from ..errors import BadArgument, PlaceNotFound
from .aliases import bare_name_first
from .borders import is_border_phrase
from .country_codes import CountryCodes
from .directions import named_part
from .distance import FAR_KM, far_warning, small_town
from .index import consonant_matches, index_key, load_index, with_places
from .kept import Kept
from .misses import not_found, wrong_kind
from .normalize import compass_english, loose_key, normalize, russian_nouns, strip_generic
from .place import KINDS, Place
from .qualifiers import inside, qualified, qualified_parts
from .ranking import KIND_RANK, Ranking
from .suggest import Suggester
from .translit import SoundTable, sound_matches, sound_table

if TYPE_CHECKING:
    from .online import OnlineGeocoder

#: Kinds often named without their generic word: "Sevan" for Lake Sevan.
_BARE_NAME_KINDS = frozenset({"lake", "river", "region"})
#: A query written like a code (ICAO, IATA): looked up among codes first, never as a word.
_CODE_QUERY = re.compile(r"^[A-Z0-9]{3,4}$")
#: A generic word asking for a kind ("X airport", "Kars Province") gets a place of one of
#: these kinds, or an error that says what the name is known as: never another kind.
_STRICT_HINTS = {"airport": ("airport", "base"), "base": ("base",), "checkpoint": ("checkpoint",),
                 "province": ("province",), "region": ("region", "province")}
#: A transliteration skeleton shorter than this matches nothing ("xxxx" folds to "x").
_MIN_LOOSE = 3


class Gazetteer(CountryCodes, Ranking):
    """Looks up places by name in the shipped boundary data (and online only if asked).

    Parameters
    ----------
    country
        ISO 3166-1 alpha-2 code of the story's country: its places win over same-named places
        abroad, and border phrases without a first country ("the border with Turkey") start
        from it.
    online
        An :class:`~geo.gazetteer.online.OnlineGeocoder` asked for names the offline data
        lacks. None (the default) means no network, ever.
    places
        The user's own places (:func:`geo.gazetteer.user_places.load_places`), searched with the
        shipped ones; a name they share with a shipped place resolves to the user's.
    """

    def __init__(self, *, country: str = "AM", countries: Sequence[str] = (),
                 online: OnlineGeocoder | None = None, places: Sequence[Place] = ()) -> None:
        self.country = country.upper()
        self.countries = tuple(dict.fromkeys([self.country, *(c.upper() for c in countries)]))
        self.online = online
        self.user_places = tuple(places)
        self._user_ids = frozenset(p.id for p in self.user_places)
        index = load_index()
        if self.user_places:
            index = with_places(index, self.user_places)
        self.places = index.places
        self._population = index.population
        self._primary = index.primary
        self._exact = index.exact
        self._stripped = index.stripped
        self._loose = index.loose
        self._codes = index.codes
        self._consonant = index.consonant
        self._seats = index.seats
        shared = self.places.maps[-1] if isinstance(self.places, ChainMap) else self.places
        self._shared_places = shared
        self._resolved: Kept[tuple[str, str | None, str | None], Place] = Kept()
        #: Names that resolved to nothing (offline): the places they mean without the
        #: filter, and the suggestions of their error.
        self._unresolved: Kept[tuple[str, str | None, str | None],
                               tuple[list[Place], list[str]]] = Kept()
        self._senses: Kept[str, tuple[str, ...]] = Kept()  # by normalised name
        self._sounds: dict[tuple[int, str], tuple[object, SoundTable]] = {}
        self._suggester = Suggester(self._exact, index_key())
        for given in (country, *countries):
            code = given.upper()
            if code not in self.places or self.places[code].kind != "country":
                raise BadArgument(f"unknown country code {given!r}; give an ISO 3166-1 "
                                  "alpha-2 code such as AM, GE or RU")

    # -- looking up -----------------------------------------------------------------------

    def get(self, place_id: str) -> Place:
        """The place with this id (e.g. ``"AM-SU"``, ``"border:AM-TR"``)."""
        try:
            return self.places[place_id]
        except KeyError:
            part = named_part(place_id, "", self.places, self._country_only)  # part:SY-north
            if part is not None:
                return part
            raise PlaceNotFound(place_id, self.suggest(place_id)) from None

    def candidates(self, name: str, *, kind: str | None = None, within: str | None = None,
                   by_sound: bool = True) -> list[Place]:
        """Every place ``name`` may mean, best first (empty when none).

        Parameters
        ----------
        name
            A place name in any language the data knows, a border phrase, or a place id.
        kind
            Keep only places of this kind (one of :data:`geo.gazetteer.place.KINDS`).
        within
            Keep only places in this country (alpha-2 code) or inside this place (id or name).
        by_sound
            When nothing else matches, look for the story's places that sound alike
            (:mod:`.translit`: "Башике" for Bashiqa); False for words that may be no name.
        """
        places, key = self._ranked(name, kind, within, by_sound)
        return [p.as_match(key) for p in places]

    def senses(self, name: str) -> list[str]:
        """Ids of the places ``name`` may mean anywhere ("Bagram": Bagram Airfield too)."""
        key = normalize(name)
        found = self._senses.get(key)
        if found is None:  # kept: articles name the same places again and again
            found = tuple(dict.fromkeys(i for k in (key, "al " + key) for table in (
                self._exact, self._stripped) for i in table.get(k, ())))
            self._senses.keep(key, found)
        return list(found)

    def resolve(self, name: str, *, kind: str | None = None, within: str | None = None) -> Place:
        """The one place ``name`` means; ``chosen_from`` lists the others it could have meant.

        Answers are kept (places are immutable): a scenario or an article names the same
        places again and again.

        Raises
        ------
        PlaceNotFound
            The name matches nothing; the message lists the closest known names.
        """
        if not name or not name.strip():
            raise BadArgument("empty place name; give a name such as 'Syunik' or 'Gyumri'")
        if len(normalize(name).replace(" ", "")) < 2 and self._id_of(name) is None:
            raise PlaceNotFound(name, [], what=f"{name.strip()!r} is too short to be a place name",
                                hint="; give the whole name (one letter names no place).")
        asked = (name, kind, within)
        known = self._resolved.get(asked)
        if known is not None:
            return known
        missed = self._unresolved.get(asked)
        if missed is not None:  # a name asked before that means nothing: the same error
            raise not_found(name, kind, within, list(missed[0]), list(missed[1]))
        found, key = self._ranked(name, kind, within)
        if found:
            others = tuple(p.id for p in found[1:])
            place = found[0].as_match(key, others, self._far_warning(found[0]))
            return self._resolved.keep(asked, place)
        if self.online is not None:
            codes = [within.lower()] if within and len(within) == 2 else []
            place = self.online.lookup(name, country_codes=codes)
            if place is not None and (kind is None or place.kind == kind):
                return place
        loose = self._ranked(name, None, None)[0] if kind or within else []
        suggestions = self.suggest(name, kind=kind)
        if self.online is None:  # offline, a miss stays a miss
            self._unresolved.keep(asked, (list(loose), list(suggestions)))
        raise not_found(name, kind, within, loose, suggestions)

    def _ranked(self, name: str, kind: str | None, within: str | None,
                by_sound: bool = True) -> tuple[list[Place], str]:
        """The places ``name`` may mean, best first, and the key that matched."""
        if kind is not None and kind not in KIND_RANK:
            raise BadArgument(f"unknown kind {kind!r}; use one of: {', '.join(KINDS)}")
        place_id = self._id_of(name)
        code = name.strip()
        if place_id is not None:
            found, hint, key = [place_id], None, place_id
        elif _CODE_QUERY.match(code) and code in self._codes and not any(  # "RDC", a country
                self.places[i].kind == "country" for i in self._exact.get(normalize(code), ())):
            found, hint, key = list(self._codes[code]), None, code
        elif (capital := self._capital(normalize(name))) is not None:  # "Solomons capital"
            found, hint, key = [capital], "city", normalize(name)
        else:
            found, hint, key = self._match(name, kind)
        places = [self.places[i] for i in found]
        if kind is None and hint in _STRICT_HINTS and places:
            fitting = [p for p in places if p.kind in _STRICT_HINTS[hint]]
            if not fitting:
                raise wrong_kind(name, hint, places)
            places = fitting
        if not places and is_border_phrase(key):
            border = self._border(key, name)
            places = [border] if border else []
        if not places:
            part = named_part(name, key, self.places, self._country_only)
            places = [part] if part else []
        if not places and within is None:
            for head, tail in qualified_parts(name):
                found_in = qualified(head, tail, kind, self._ranked)
                if found_in[0]:
                    return found_in
        if not places and by_sound:  # last, the story's places that sound alike ("Башике")
            key, hint = strip_generic(key)
            places = [self.places[i] for i in sound_matches(key, self.countries, self._sound_table)
                      if not hint or self.places[i].kind in _STRICT_HINTS.get(hint, KINDS)]
        if kind is not None:
            places = [p for p in places if p.kind == kind]
        if within is not None:
            places = inside(places, within, self.places, self.resolve)
        islands = [p for p in places if p.kind == "island"]  # no town or site before them
        if len(places) > 1:
            aliases = any(self._alias_village(p, key) for p in places)
            places.sort(key=lambda p: (self._rank(p, hint, key, islands, aliases), p.id))
        if kind is None and hint is None and places and not islands:  # "Tindal" RAAF base
            places = bare_name_first(places, self._seats, self._population, (
                self.places[i] for i in self._stripped.get(key, ())))
        return places, key

    def _id_of(self, name: str) -> str | None:
        """``name`` as a place id (any letter case), or None."""
        if name in self.places:
            return name
        text = name.strip()
        if text in self.places:
            return text
        if not any(c in text for c in ":-") and not (len(text) == 2 and text.isalpha()):
            return None  # not written like an id: no need for the case-folded table
        lower = text.lower()
        for place in self.user_places:
            if place.id.lower() == lower:
                return place.id
        finder = getattr(self._shared_places, "id_for_lower", None)
        if finder is not None:
            return finder(lower)
        return next((i for i in self.places if i.lower() == lower), None)

    def suggest(self, name: str, *, kind: str | None = None, limit: int = 5) -> list[str]:
        """Names of the places whose names are closest to ``name`` (fuzzy), best first.

        Each suggestion reads ``"Syunik (province, AM-SU)"``; ``kind`` keeps only that kind.
        """
        ids = self._suggester.suggest(normalize(name), limit=limit * 4)
        if kind is not None:
            ids = [i for i in ids if self.places[i].kind == kind]
        # equally close names: the story's own first (the world has near-spellings abroad)
        ids = sorted(ids, key=lambda i: self.places[i].country not in self.countries)[:limit]
        return [f"{self.places[i].name} ({self.places[i].kind}, {i})" for i in ids]

    def name_keys(self, *, stripped: bool = False) -> Iterable[str]:
        """Every normalised name the data knows (the exact keys of the index); with
        ``stripped``, also every name without its generic words ("toussaint louverture"
        of "Aéroport international Toussaint Louverture")."""
        return itertools.chain(self._exact, self._stripped) if stripped else iter(self._exact)

    def places_where(self, wanted: Callable[[str, str], bool]) -> Iterator[Place]:
        """The places whose (kind, country) ``wanted`` accepts, made only when chosen."""
        bulk = getattr(self._shared_places, "ids_where", None)
        if bulk is None:
            yield from (p for i, p in self._shared_places.items()
                        if i not in self._user_ids and wanted(p.kind, p.country))
        else:
            yield from (self.places[i] for i in bulk(wanted) if i not in self._user_ids)
        for given in self.user_places:
            place = self.places[given.id]  # with the country the index gave it
            if wanted(place.kind, place.country):
                yield place

    # -- helpers --------------------------------------------------------------------------

    def _match(self, name: str, kind: str | None) -> tuple[list[str], str | None, str]:
        """Ids matching ``name``, the kind its wording hints at, and the key used.

        Tiers: the full name; without generic words; the transliteration skeleton; Arabic
        consonants; compass words in English; nouns of Russian adjectives. The first tier
        with a place of the kind asked for, else in the story's countries, else any, wins.
        "Lake Sevan" answers to "Sevan" (natural features, regions, or the kind hinted).
        """
        key = normalize(name)
        exact = self._near(self._exact.get(key) or [], loose=False)
        if exact and kind is None and not any(k in self._stripped for k in (key, "al " + key)) \
                and "al " + key not in self._exact:
            return exact, None, key  # the common case, kept fast
        stripped, hint = strip_generic(key)
        wanted = kind or hint

        def bare(found: list[str]) -> list[str]:
            return [i for i in found if self.places[i].kind in _BARE_NAME_KINDS
                    or self.places[i].kind == wanted]

        tiers = (
            (key, self._exact.get(key, []) + bare(self._stripped.get(key, []))),
            (stripped, self._exact.get(stripped, []) + bare(self._stripped.get(stripped, []))),
            (stripped, self._near(self._loose.get(loose_key(stripped), []))
             if len(loose_key(stripped)) >= _MIN_LOOSE else []),
            (stripped, consonant_matches(self._consonant, stripped, self._kind_country,
                                         self.countries)),
            *((english, self._exact.get(english, [])) for english in compass_english(stripped)),
            *((noun, self._exact.get(noun, [])) for noun in (
                russian_nouns(stripped) if wanted in ("province", "region") else ())),
            *((k, [*self._exact.get(k, ()), *self._stripped.get(k, ())])  # for the story's
              for k in (key, "al " + stripped)),  # countries: "Bagram" Airfield, Al-"Anbar"
        )
        # A kind asked for or insisted on ("Anbar province") is looked for down the tiers.
        needed = (kind,) if kind is not None else _STRICT_HINTS.get(hint or "")
        if needed:
            for matched, found in tiers:
                if any(self.places[i].kind in needed for i in found):
                    return list(dict.fromkeys(found)), hint, matched
        # The story's countries win: a tier with a place of theirs before one abroad, but
        # not a spelling variant before the exact name of a big place ("Tallinn": not
        # Talin, AM); ``n``: the tier's rank, the first two being exact
        filled = [(n, m, f) for n, (m, f) in enumerate(
            (m, self._near(f, loose=False)) for m, f in tiers) if f]
        if not filled:
            return [], hint, key
        home = next((t for t in filled if any(
            self._kind_country(i)[1] in self.countries for i in t[2])), filled[0])
        if home[0] in (2, 3) and filled[0][0] < 2 and any(map(self._big, filled[0][2])):
            home = filled[0]  # a spelling variant (tiers 2, 3) after an exact name (0, 1)
        return list(dict.fromkeys(home[2])), hint, home[1]


    def _sound_table(self, country: str) -> SoundTable:
        """The sound keys of ``country``'s places: made once per process and index (once
        per gazetteer with a user's places)."""
        token = (id(self._shared_places), country)
        kept = self._sounds if self.user_places else _SOUNDS
        if token not in kept:
            kept[token] = (self._shared_places, sound_table(
                self.places_where(lambda _kind, code: code == country)))
        return kept[token][1]

    def _kind_country(self, place_id: str) -> tuple[str, str]:
        finder = getattr(self._shared_places, "kind_and_country", None)
        if finder is None or place_id in self._user_ids:
            return self.places[place_id].kind, self.places[place_id].country
        return finder(place_id)

    def _far_warning(self, place: Place) -> str:
        """A warning when ``place`` lies more than FAR_KM from every country of the story."""
        return "" if place.kind == "country" or place.id in self._user_ids else far_warning(
            place, [self.places[c] for c in self.countries])

    def _near(self, found: list[str], loose: bool = True) -> list[str]:
        """``found`` less places FAR_KM from the story's countries: any for a ``loose`` match
        ("Sange": not Sangzhe, CN), else villages ("Baraka" of a Congo story: not in ID)."""
        return [i for i in found if self._kind_country(i)[1] in self.countries or not (
            loose or small_town(self._kind_country(i)[0], self._population.get(i, 0), i))
            or not self._far_warning(self.places[i])]


#: Sound tables by (index, country), each kept with its index's place table (alive).
_SOUNDS: dict[tuple[int, str], tuple[object, SoundTable]] = {}


__all__ = ["FAR_KM", "Gazetteer"]
