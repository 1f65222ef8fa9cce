"""Names a place answers to through a neighbour: a province by its chief town ("Hodeidah
governorate", "tỉnh Latakia"), an airport by the town it serves ("аэропорт Внуково",
"Kismayo airport") and by the locality its name gives after a nearby town's ("Bukavu Kavumu
Airport": "Kavumu").

Worked out when the name index is built, from the positions and populations in the data:
the chief town of a province is the most populous populated place inside it; the airport of
a town is the nearest airport with an IATA code (scheduled traffic) within SERVED_KM. These
names go to the index's ``stripped`` table, which answers only when the wording asks for
that kind (a province word, an airport word) or for a place of the story's countries: bare
"Hodeidah" stays the city.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping

import numpy as np
import shapely

from .distance import great_circle_km, small_town
from .normalize import normalize, strip_generic
from .place import Place

#: An airport serves the towns within this distance of it (km).
SERVED_KM = 25.0
#: Towns smaller than this are not named for the airport nearby.
SERVED_MIN_POPULATION = 10_000
#: A province smaller than this is a city's own outline (Yerevan, Tbilisi): its polygon is
#: the better answer for the city's name, so its chief town does not outrank it (km²).
CITY_PROVINCE_KM2 = 1_500.0
#: A town this populous inside a province of its name is what a bare name means ("Mosul").
BIG_TOWN = 100_000
#: Degrees searched around a town for its airport (more than SERVED_KM anywhere below 75°).
_SEARCH_DEG = 1.0
#: A town named at the head or tail of an airport's name lies this close to it (km).
LOCALITY_TOWN_KM = 60.0
#: A locality left by cutting a town's name off an airport's has at least this many letters.
MIN_LOCALITY = 4
#: A word in more airports' names than this is a designation, not a locality.
MAX_SHARED = 2
#: A village this close to a military base of its name is the base's settlement (km).
SITE_VILLAGE_KM = 10.0
#: Kinds whose name in an airport's ("Narva Estonia", "Nioro du Sahel") is no locality.
_AREA_KINDS = frozenset({"country", "province", "region", "island", "lake", "river"})


def province_seats(places: Mapping[str, Place], population: Mapping[str, int]) -> dict[str, str]:
    """The chief town of each province: the most populous populated place inside it."""
    provinces = [p for p in places.values() if p.kind == "province"]
    towns = [p for p in places.values() if p.kind == "city" and population.get(p.id, 0) > 0]
    if not provinces or not towns:
        return {}
    tree = shapely.STRtree([t.geometry for t in towns])
    inside, town = tree.query([p.geometry for p in provinces], predicate="contains")
    best: dict[str, str] = {}
    for p_number, t_number in zip(inside.tolist(), town.tolist(), strict=True):
        province, candidate = provinces[p_number].id, towns[t_number].id
        held = best.get(province)
        # The most populous; between equals, the smaller id (a stable choice).
        if held is None or (-population[candidate], candidate) < (-population[held], held):
            best[province] = candidate
    return dict(sorted(best.items()))


def served_towns(places: Mapping[str, Place],
                 population: Mapping[str, int]) -> dict[str, list[str]]:
    """The towns each airport with an IATA code serves: of the airports within SERVED_KM of
    a town, the one whose own record names the town as its city ("Almaty International
    Airport", not the nearer Boralday airfield listed under a misspelt "Aima Ata"), else the
    nearest."""
    airports = [p for p in places.values() if p.kind == "airport" and population.get(p.id, 0)]
    towns = [p for p in places.values()
             if p.kind == "city" and population.get(p.id, 0) >= SERVED_MIN_POPULATION]
    if not airports or not towns:
        return {}
    tree = shapely.STRtree([a.geometry for a in airports])
    town_points = np.asarray([t.geometry for t in towns], dtype=object)
    found, near = tree.query(town_points, predicate="dwithin", distance=_SEARCH_DEG)
    best: dict[int, tuple[bool, float, str]] = {}
    for t_number, a_number in zip(found.tolist(), near.tolist(), strict=True):
        town, airport = towns[t_number], airports[a_number]
        point, at = town.geometry, airport.geometry
        km = great_circle_km(point.y, point.x, at.y, at.x)
        if km > SERVED_KM:
            continue
        rank = (not _named_for(airport, town), km, airport.id)
        if t_number not in best or rank < best[t_number]:
            best[t_number] = rank
    served: dict[str, list[str]] = {}
    for t_number, (_, _, airport_id) in best.items():
        served.setdefault(airport_id, []).append(towns[t_number].id)
    return {a: sorted(ts) for a, ts in sorted(served.items())}


def _named_for(airport: Place, town: Place) -> bool:
    """True when the airport's English names call it the airport of ``town`` ("Almaty
    airport")."""
    keys = {strip_generic(normalize(n))[0] for n in airport.names.get("en", ())}
    return any(k in keys for k in _bare_keys(town))


def alias_keys(places: Mapping[str, Place], seats: Mapping[str, str],
               served: Mapping[str, list[str]]) -> Iterator[tuple[str, str]]:
    """(stripped key, place id) for every name a province takes from its chief town and an
    airport from the towns it serves."""
    for province, town in seats.items():
        for key in _bare_keys(places[town]):
            yield key, province
    for airport, towns in served.items():
        for town in towns:
            for key in _bare_keys(places[town]):
                yield key, airport


def airport_localities(places: Mapping[str, Place],
                       exact: Mapping[str, list[str]]) -> Iterator[tuple[str, str]]:
    """(stripped key, airport id) for the one-word locality an airport's name gives after or
    before the name of a town within LOCALITY_TOWN_KM ("Bukavu Kavumu Airport": "kavumu",
    "Paris Orly": "orly"): the airfield lies at that locality, which the table may lack."""
    named = [(p, strip_generic(normalize(p.name))[0].split())
             for p in places.values() if p.kind == "airport"]
    # A word in many airports' names is a designation ("Municipal", "Regional"), no locality.
    shared = Counter(w for _, words in named for w in set(words))
    for place, words in named:
        for town, locality in ((words[:-1], words[-1]), (words[1:], words[0])):
            if (len(words) > 1 and len(locality) >= MIN_LOCALITY and locality.isalpha()
                    and shared[locality] <= MAX_SHARED and not any(  # "Narva Estonia"
                        places[i].kind in _AREA_KINDS for i in exact.get(locality, ()))
                    and _town_near(" ".join(town), place, places, exact)):
                yield locality, place.id


def _town_near(key: str, airport: Place, places: Mapping[str, Place],
               exact: Mapping[str, list[str]]) -> bool:
    """True when a populated place named ``key`` lies within LOCALITY_TOWN_KM of ``airport``."""
    at = airport.geometry
    for place_id in exact.get(key, ()):
        town = places[place_id]
        if town.kind == "city" and great_circle_km(
                at.y, at.x, town.geometry.y, town.geometry.x) <= LOCALITY_TOWN_KM:
            return True
    return False


def _bare_keys(place: Place) -> list[str]:
    names = [place.name, *(n for lang, values in place.names.items() if lang != "code"
                           for n in values)]
    keys = (strip_generic(normalize(name))[0] for name in names)
    return list(dict.fromkeys(k for k in keys if k))


def area_km2(place: Place) -> float:
    """Approximate area of a place's polygon (km²), scaled by the cosine of its latitude."""
    geometry = place.geometry
    if geometry.geom_type not in ("Polygon", "MultiPolygon"):
        return 0.0
    latitude = geometry.representative_point().y
    return float(geometry.area * 111.32**2 * np.cos(np.radians(latitude)))


def chief_town_first(places: list[Place], seats: Mapping[str, list[str]],
                     population: Mapping[str, int]) -> list[Place]:
    """``places`` (ranked) with a town of the best province put first when it is the
    province's chief town or a city of BIG_TOWN people inside it: news mean the town by a
    bare "Agadez", "Kidal" or "Mosul" and say "Agadez region" for the province. A city's own
    outline (Yerevan, under CITY_PROVINCE_KM2) stays first, and so does a province whose
    town of that name is neither (Ararat)."""
    first = places[0]
    if first.kind != "province" or area_km2(first) < CITY_PROVINCE_KM2:
        return places
    seat = seats.get(first.id) or [""]
    town = next((p for p in places[1:] if p.kind == "city" and (p.id == seat[0] or (
        population.get(p.id, 0) >= BIG_TOWN and first.geometry.covers(p.geometry)))), None)
    return places if town is None else [town, *(p for p in places if p is not town)]


def bare_name_first(places: list[Place], seats: Mapping[str, list[str]],
                    population: Mapping[str, int], sites: Iterable[Place] = ()) -> list[Place]:
    """``places`` (ranked) for a bare name: :func:`chief_town_first`, then
    :func:`site_before_its_village` (``sites``: the places the name is the bare name of)."""
    return site_before_its_village(chief_town_first(places, seats, population), population,
                                   sites)


def site_before_its_village(places: list[Place], population: Mapping[str, int],
                            sites: Iterable[Place] = ()) -> list[Place]:
    """``places`` (ranked) with a military base (of ``places`` or ``sites``) put before a
    first village of its name (fewer than SMALL_TOWN people) within SITE_VILLAGE_KM of it:
    the village is the base's settlement ("Tindal", the RAAF base's), news naming it mean
    the base. A village by an airport of its name stays first."""
    first = places[0]
    if first.kind != "city" or not small_town(first.kind, population.get(first.id, 0), first.id):
        return places
    at = first.geometry
    site = next((p for p in itertools.chain(places[1:], sites) if p.kind == "base" and
                 great_circle_km(at.y, at.x, p.geometry.y, p.geometry.x) <= SITE_VILLAGE_KM),
                None)
    return places if site is None else [site, *(p for p in places if p is not site)]


__all__ = ["CITY_PROVINCE_KM2", "SERVED_KM", "airport_localities", "alias_keys", "area_km2",
           "bare_name_first", "chief_town_first", "province_seats", "served_towns",
           "site_before_its_village"]
