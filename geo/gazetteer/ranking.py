"""The order of the places a name may mean: the part of
:class:`~geo.gazetteer.lookup.Gazetteer` that ranks candidates (a mixin: it uses the
gazetteer's tables). The kind asked or hinted first, then the user's places, the story's
countries (but a big place abroad before a village of the story that an old or other name
of it matches), higher administrative level, the place's own name, population."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from .islands import rank_beside_islands
from .place import KINDS, Place

KIND_RANK = {kind: rank for rank, kind in enumerate(KINDS)}
#: People in a city that abroad outranks a province of its name.
BIG_CITY = 100_000
#: Fewer people than this in a village of the story named by an old or other name: a big
#: place abroad of that name comes first.
SMALL_ALIAS = 5_000


class Ranking:
    """Sort keys for candidates (mixed into :class:`~geo.gazetteer.lookup.Gazetteer`)."""

    countries: tuple[str, ...]
    _population: Mapping[str, int]
    _primary: Mapping[str, str]
    _user_ids: frozenset[str] | set[str]
    _kind_country: Callable[[str], tuple[str, str]]  # the gazetteer's: a place's kind, country

    def _rank(self, place: Place, hint: str | None, key: str, islands: Sequence[Place] = (),
              aliases: bool = False) -> tuple[int, ...]:
        """The sort key of ``place`` among the candidates of ``key`` (``aliases``: one of
        them is a village of the story that an old or other name matches)."""
        return (
            0 if hint and place.kind == hint else 1,
            0 if place.id in self._user_ids else 1,
            self._home_rank(place, key) if aliases else int(place.country not in self.countries),
            rank_beside_islands(place, islands, self._kind_rank(place)) if islands
            else self._kind_rank(place),
            0 if self._primary.get(place.id) == key else 1,
            -self._population.get(place.id, 0),
        )

    def _kind_rank(self, place: Place) -> int:
        """Higher administrative level first; but abroad, a city of BIG_CITY people comes
        before a province of the same name ("Moscow", "Minsk, Belarus": the city), while at
        home the province wins ("Yerevan" in an Armenian story: the province)."""
        rank = 2 * KIND_RANK.get(place.kind, len(KIND_RANK))
        if (place.kind == "city" and place.country not in self.countries
                and self._population.get(place.id, 0) >= BIG_CITY):
            return 2 * KIND_RANK["province"] - 1
        return rank

    def _alias_village(self, place: Place, key: str) -> bool:
        """True for a village of the story that ``key``, not its own name, matches."""
        return place.kind == "city" and place.country in self.countries and \
            self._primary.get(place.id) != key and \
            self._population.get(place.id, 0) < SMALL_ALIAS

    def _home_rank(self, place: Place, key: str) -> int:
        """0 for the story's places, 3 for others; but a village of the story named by
        another of its names goes after a big place abroad named so ("Paris", not
        Veselyy Kut, UA, once called so): 2 and 1."""
        if place.country in self.countries:
            return 2 if self._alias_village(place, key) else 0
        return 1 if self._primary.get(place.id) == key and self._big(place.id) else 3

    def _big(self, place_id: str) -> bool:
        """True for a country, a province or a city of BIG_CITY people."""
        return self._kind_country(place_id)[0] in ("country", "province") or \
            self._population.get(place_id, 0) >= BIG_CITY


__all__ = ["BIG_CITY", "KIND_RANK", "SMALL_ALIAS", "Ranking"]
