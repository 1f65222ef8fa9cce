"""Directional parts of a country: "northern Syria", "le nord-est du Mali", "север Сирии",
"miền bắc Syria".

The words are data (``data/directions.yaml``). A part is the country's outline clipped to
a share of its extent: the 60 % on that side for north, south, east and west (both sides
for the diagonals), the middle third both ways for "central". News use these words loosely,
so every part is marked approximate and says how it was made.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache

import shapely
from shapely.geometry import box

from ..data_files import read_data_yaml
from .normalize import normalize
from .place import Place

#: The share of the extent each part keeps: (west, south, east, north) as fractions. A side
#: is the 60 % of the extent on that side (the news put a town just past the middle, such as
#: Agadez, in "northern Niger"), a diagonal the 60 % on both sides, "central" the middle third.
_NEAR, _FAR = 0.4, 0.6
_SHARES = {
    "north": (0, _NEAR, 1, 1), "south": (0, 0, 1, _FAR), "east": (_NEAR, 0, 1, 1),
    "west": (0, 0, _FAR, 1), "northeast": (_NEAR, _NEAR, 1, 1),
    "northwest": (0, _NEAR, _FAR, 1), "southeast": (_NEAR, 0, 1, _FAR),
    "southwest": (0, 0, _FAR, _FAR), "central": (1 / 3, 1 / 3, 2 / 3, 2 / 3),
}


@cache
def _words() -> tuple[list[tuple[str, str]], frozenset[str], dict[str, str]]:
    raw = read_data_yaml("directions.yaml")
    # keyed as the normaliser keys names ("южный" -> "южныи"), whatever the file's spelling
    pairs = [(normalize(str(word)), part) for part, entry in raw["parts"].items()
             for word in entry["words"]]
    unknown = {part for _word, part in pairs} - set(_SHARES)
    if unknown:
        raise ValueError(f"directions.yaml: unknown parts {sorted(unknown)}")
    pairs.sort(key=lambda pair: -len(pair[0]))  # longest first: "north east" before "north"
    labels = {part: str(entry["label"]) for part, entry in raw["parts"].items()}
    return pairs, frozenset(normalize(str(w)) for w in raw["filler"]), labels


@cache
def _not_parts() -> frozenset[str]:
    return frozenset(normalize(str(w)) for w in read_data_yaml("directions.yaml")["not_parts"])


def direction_phrases() -> frozenset[str]:
    """Every phrase that names a part, normalised ("mien bac", "the north east of")."""
    return frozenset(phrase for phrase, _part in _words()[0])


@cache
def vietnamese_direction_forms() -> frozenset[str]:
    """The Vietnamese direction and filler words with their tone marks ("đông", "miền"):
    a word of running text spelt otherwise ("động", "năm") is not a direction."""
    return frozenset(str(w) for w in read_data_yaml("directions.yaml")["vietnamese"])


def _strip_filler(words: list[str], filler: frozenset[str]) -> list[str]:
    while words and words[0] in filler:
        words = words[1:]
    while words and words[-1] in filler:
        words = words[:-1]
    return words


def parse_direction(key: str, country_code: Callable[[str], str | None],
                    ) -> tuple[str, str] | None:
    """(part, country code) a normalised ``key`` names, or None.

    The part's words come before the country ("northern syria", "nord est du mali") or
    after it ("syria north", from "Syria's north"); ``country_code`` reads the rest.
    """
    pairs, filler, _labels = _words()
    words = _strip_filler(key.split(), filler)
    text = " ".join(words)
    if text in _not_parts():
        return None  # "Trung Mỹ": Central America, not the central United States
    for phrase, part in pairs:
        rest = None
        if text.startswith(phrase + " "):
            rest = text[len(phrase) + 1:]
        elif text.endswith(" " + phrase):
            rest = text[:-len(phrase) - 1]
        if rest is None:
            continue
        rest = " ".join(_strip_filler(rest.split(), filler))
        code = country_code(rest) if rest else None
        if code:
            return part, code
    return None


#: Pieces of a country this close (degrees, about 330 km) to its main land, or to a piece
#: close to it, are part of that land: Indonesia's chain of islands, not Alaska and Hawaii.
_CHAIN_DEGREES = 3.0


#: Main-land extents computed, by country id and full extent.
_MAIN_LANDS: dict[tuple[str, tuple[float, ...]], tuple[float, float, float, float]] = {}


def main_land_bounds(country: Place) -> tuple[float, float, float, float]:
    """The extent of ``country``'s main land: its largest piece and the pieces that reach
    it in hops shorter than :data:`_CHAIN_DEGREES`. "Central United States" is the middle of
    the 48 states, not of an extent that Alaska's Aleutians stretch across the 180th
    meridian; "southern France" is not pulled towards French Guiana."""
    key = (country.id, tuple(country.geometry.bounds))
    if key not in _MAIN_LANDS:
        _MAIN_LANDS[key] = _main_land(country.geometry)
    return _MAIN_LANDS[key]


def _main_land(geometry: shapely.Geometry) -> tuple[float, float, float, float]:
    pieces = list(getattr(geometry, "geoms", [geometry]))
    if len(pieces) == 1:
        return geometry.bounds
    tree = shapely.STRtree(pieces)
    largest = max(range(len(pieces)), key=lambda i: pieces[i].area)
    reached, todo = {largest}, [largest]
    while todo:
        near = tree.query(pieces[todo.pop()], predicate="dwithin", distance=_CHAIN_DEGREES)
        for index in map(int, near):
            if index not in reached:
                reached.add(index)
                todo.append(index)
    return shapely.MultiPolygon([pieces[i] for i in sorted(reached)]).bounds


def country_part(country: Place, part: str) -> Place:
    """The ``part`` of ``country`` as an approximate region (of its main land's extent)."""
    west, south, east, north = main_land_bounds(country)
    width, height = east - west, north - south
    left, bottom, right, top = _SHARES[part]
    window = box(west + left * width, south + bottom * height, west + right * width,
                 south + top * height)
    geometry = shapely.intersection(country.geometry, window)
    label = _words()[2][part]
    return Place(
        id=f"part:{country.id}-{part}",
        name=f"{label} {country.name}",
        kind="region",
        names={"en": (f"{label} {country.name}",)},
        geometry=geometry,
        source=f"computed from {country.name}'s outline ({country.source})",
        country=country.id,
        approximate=True,
        note=(f"computed: the {'middle third' if part == 'central' else part + ' 60 %'} "
              f"of {country.name}'s extent, clipped to its outline"),
    )


def named_part(name: str, key: str, places: Mapping[str, Place],
               country_only: Callable[[str], str | None]) -> Place | None:
    """The part ``name`` (normalised: ``key``) means: "northern Syria" or "part:SY-north"."""
    by_id = part_id(name.strip())
    if by_id is not None and by_id[0] in places:
        part = country_part(places[by_id[0]], by_id[1])
    else:
        found = parse_direction(key, country_only)
        if found is None or found[1] not in places:
            return None
        part = country_part(places[found[1]], found[0])
    return None if part.geometry.is_empty else part  # a sliver's window may miss the land


def part_id(place_id: str) -> tuple[str, str] | None:
    """(country code, part) of an id such as ``part:SY-north``, or None."""
    if not place_id.startswith("part:"):
        return None
    code, _, part = place_id.removeprefix("part:").partition("-")
    return (code, part) if part in _SHARES else None


__all__ = ["country_part", "direction_phrases", "named_part", "parse_direction", "part_id",
           "vietnamese_direction_forms"]
