"""Names that say where another name is: "the 102nd base in Gyumri", "Uvira in South
Kivu", "Iraq's Anbar province", "the Kurdistan Region's capital Erbil". The holder is not a
second place where a force is; a possessive country also says which place of a name is
meant."""

from __future__ import annotations

import re

from ..errors import PlaceNotFound
from ..gazetteer.lookup import Gazetteer
from .lexicon import lexicon
from .targets import NameMatch
from .text import Sentence

#: Sites whose town may follow them ("the base in Gyumri", "sân bay ở thủ đô Yerevan").
_SITE_KINDS = frozenset({"base", "airport", "checkpoint"})
_QUALIFIER_GAP = re.compile(r"^\s+(?:in|at|near|ở|tại|gần)\s+(?:(?:the\s+)?(?:town|city)"
                            r"\s+of\s+|thị trấn\s+|thành phố\s+|thủ đô\s+)?$", re.IGNORECASE)
#: Words between a place and a larger one holding it ("Uvira in South Kivu", "Bukavu, chef-lieu
#: de la province du Sud-Kivu", "Тапа в Эстонии", "Bashiqa (province de Ninive)"): the larger
#: says where the first is.
_HOLDER_GAP = re.compile(r"^\s*[,(]?\s*(?:(?:in|inside|ở|tại|thuộc|dans|en|au|в|во|(?:the )?"
                         r"(?:provincial )?capital of|chef-lieu (?:de|du|des)|capitale (?:de|du)|"
                         r"thủ phủ(?: của)?|столица|центр)\s+)?(?:(?:the|le|la|les|l'|l’)\s*)?"
                         r"(?:(?:province|region|state|governorate|gouvernorat|département|"
                         r"department|oblast|tỉnh|vùng|khu vực|région|область|провинция|"
                         r"мухафаза)\s+(?:of|de|du|des|d'|d’)?\s*)?$", re.IGNORECASE)
_HOLDER_KINDS = frozenset({"province", "region"})
#: From a holder to a place in the bracket after it ("Sud-Kivu (Baraka, Bukavu, ").
_OPEN_BRACKET = re.compile(r"^\s*\([^()]*$")
#: Words between a possessive holder and its place ("Kurdistan Region's capital Erbil").
_CAPITAL_WORDS = frozenset({"capital", "northernmost", "southernmost", "easternmost",
                            "westernmost", "largest", "second", "biggest"})
#: How far (degrees, ~2 km) a town may lie outside the outline said to hold it: the
#: provinces are generalised (Goma is 260 m outside North Kivu's).
_HOLDER_SEAM = 0.02


def _gap(sentence: Sentence, first: NameMatch, second: NameMatch) -> str:
    tokens = sentence.tokens
    return sentence.text[tokens[first.stop - 1].end:tokens[second.start].start]


_SIDES_EN = r"(?:north|south|east|west)(?:[- ]?(?:east|west))?"
_SIDES_FR = r"(?:nord|sud|est|ouest)(?:[- ](?:est|ouest))?"
_SIDES_RU = r"(?:северу|югу|востоку|западу|северо-востоку|северо-западу|юго-востоку|юго-западу)"
#: Units a distance is written in ("30 km north of Aleppo", "920 kilometres from the capital").
DISTANCE_UNITS = ("km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile",
                  "км", "километрах", "километров", "cây số", "dặm")
#: Words between a place and a town it is measured from ("Hisya, south of Homs", "Tal
#: Rifaat, 30 km north of Aleppo", "Hisya, au sud de Homs", "Хисья к югу от Хомса"): the
#: second is a reference point, not a second place.
_REFERENCE_GAP = re.compile(
    r"^\s*[,(]?\s*(?:(?:some|about|around|environ|около|примерно|в)\s+)?"
    r"(?:\d[\d.,]*\s*(?:" + "|".join(DISTANCE_UNITS) + r")\s+)?(?:"
    rf"(?:to the\s+)?{_SIDES_EN}\s+of|(?:au|à l'|à l’)\s*{_SIDES_FR}\s+(?:de|du|d'|d’)|"
    rf"к\s+{_SIDES_RU}\s+от|(?:южнее|севернее|западнее|восточнее))\s*$",
    re.IGNORECASE)


def measured_from(sentence: Sentence, place: NameMatch, reference: NameMatch) -> bool:
    """True when ``reference`` only says where ``place`` before it lies ("Hisya, south of
    Homs")."""
    return bool(_REFERENCE_GAP.match(_gap(sentence, place, reference)))


def qualifies_site(sentence: Sentence, site: NameMatch, town: NameMatch) -> bool:
    """True when ``town`` says where the base or airport before it is ("the base in
    Gyumri", "sân bay ở thủ đô Yerevan")."""
    return (site.place.kind in _SITE_KINDS and town.place.kind == "city"
            and bool(_QUALIFIER_GAP.match(_gap(sentence, site, town))))


def holds_town(sentence: Sentence, town: NameMatch, holder: NameMatch) -> bool:
    """True when the province or region ``holder`` after a smaller place holds it
    ("Uvira in South Kivu", "Bukavu, chef-lieu de la province du Sud-Kivu")."""
    return (holder.place.kind in _HOLDER_KINDS and town.place.kind not in _HOLDER_KINDS
            and bool(_HOLDER_GAP.match(_gap(sentence, town, holder)))
            and holder.place.geometry.distance(
                town.place.geometry.representative_point()) <= _HOLDER_SEAM)


def lists_parts(sentence: Sentence, holder: NameMatch, part: NameMatch) -> bool:
    """True when ``part`` stands in a bracket right after a province, region or country
    and lies inside it ("sept bases du Sud-Kivu (Baraka, Bukavu, Sange)"): the places in
    the bracket are where the force is, the holder only says where they are."""
    return (holder.place.kind in _HOLDER_KINDS | {"country"}
            and part.place.kind not in _HOLDER_KINDS | {"country"}
            and bool(_OPEN_BRACKET.match(_gap(sentence, holder, part)))
            and holder.place.geometry.distance(
                part.place.geometry.representative_point()) <= _HOLDER_SEAM)


def _possessive(sentence: Sentence, name: NameMatch) -> bool:
    return sentence.tokens[name.stop - 1].text.endswith(("'s", "’s"))


def inside_holder(gazetteer: Gazetteer, sentence: Sentence, holder: NameMatch,
                  name: NameMatch) -> NameMatch:
    """``name`` as the place of that name inside a possessive country right before it
    ("Iraq's Anbar province" is Iraq's Anbar, not a village of that name elsewhere)."""
    tokens = sentence.tokens
    if (holder.place.kind != "country" or name.place.country == holder.place.id
            or name.start != holder.stop or not _possessive(sentence, holder)):
        return name
    # with the kind word after it first ("Anbar province")
    for stop in (name.stop + 1, name.stop) if name.stop < len(tokens) else (name.stop,):
        try:
            place = gazetteer.resolve(sentence.span(name.start, stop), within=holder.place.id)
        except PlaceNotFound:
            continue
        return NameMatch(name.start, name.stop, place, (name.place.id,), name.consumed)
    return name


def possessive_holder(sentence: Sentence, holder: NameMatch, name: NameMatch) -> bool:
    """True when ``holder`` is a possessive country, province or region ("Iraq's")
    followed, with only descriptions between ("capital", "northernmost province of"), by
    a smaller place inside it."""
    if (holder.place.kind not in _HOLDER_KINDS | {"country"} or name.place.kind == "country"
            or not _possessive(sentence, holder)  # the words first: areas cost more
            or name.place.geometry.area >= holder.place.geometry.area):
        return False
    words = lexicon().between | _CAPITAL_WORDS
    if not all(t.key in words for t in sentence.tokens[holder.stop:name.start]):
        return False
    return holder.place.geometry.distance(
        name.place.geometry.representative_point()) <= _HOLDER_SEAM


__all__ = ["DISTANCE_UNITS", "holds_town", "inside_holder", "lists_parts", "possessive_holder",
           "qualifies_site"]
