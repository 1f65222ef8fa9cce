"""Names of countries from ISO 3166 (pycountry) and the curated names file."""

from __future__ import annotations

import gettext
import io
import json
from pathlib import Path

import yaml

from .fetch import Package

CURATED = Path(__file__).resolve().parents[2] / "data" / "curated"


def load_curated(filename: str) -> dict:
    """A YAML file from ``data/curated/``."""
    with (CURATED / filename).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


#: Languages whose country names (pycountry locales) are kept.
COUNTRY_LANGUAGES = ("ru", "hy", "fr", "vi", "uk", "es")


def iso_countries(pycountry: Package) -> dict[str, dict]:
    """ISO 3166-1 entries keyed by numeric code, each with names in en, ru and hy."""
    entries = json.loads(pycountry.read("pycountry/databases/iso3166-1.json"))["3166-1"]
    translations = {
        lang: gettext.GNUTranslations(
            io.BytesIO(pycountry.read(f"pycountry/locales/{lang}/LC_MESSAGES/iso3166-1.mo"))
        )
        for lang in COUNTRY_LANGUAGES
    }
    countries = {}
    for entry in entries:
        english = [entry[k] for k in ("common_name", "name", "official_name") if k in entry]
        names = {"en": list(dict.fromkeys(english + [n for e in english for n in uninverted(e)]))}
        for lang, table in translations.items():
            translated = table.gettext(entry["name"])
            if translated != entry["name"]:
                names[lang] = [translated, *uninverted(translated)]
        countries[entry["numeric"]] = {"alpha_2": entry["alpha_2"], "alpha_3": entry["alpha_3"],
                                       "names": names}
    return countries


#: How the second part of an ISO name written back to front ends ("Iran, Islamic Republic
#: of", "Congo, République démocratique du", "Конго, Демократическая Республика"); other
#: names with a comma are not inverted ("Taiwan, Province of China").
_INVERTED_ENDINGS = (" of", " of the", " du", " de", " d'", " de la", " des", " del",
                     "Республика")


def uninverted(name: str) -> list[str]:
    """The names a text writes for an ISO name written back to front ("Congo, The Democratic
    Republic of the" is "The Democratic Republic of the Congo" and "Democratic Republic of
    the Congo"; "Virgin Islands, British" is "British Virgin Islands"); none otherwise."""
    head, comma, tail = name.partition(", ")
    if not comma or "," in tail or not (tail.endswith(_INVERTED_ENDINGS)
                                        or (" " not in tail and tail[:1].isupper())):
        return []
    turned = f"{tail} {head}".replace("d' ", "d'")
    bare = turned.removeprefix("The ").removeprefix("the ")
    return list(dict.fromkeys([turned, bare]))


def cldr_country_names(codes: list[str]) -> dict[str, dict[str, list[str]]]:
    """The short names the news use ("Сирия", "Syrie", "Thổ Nhĩ Kỳ") of each country code,
    in English and :data:`COUNTRY_LANGUAGES`, from the Unicode CLDR (via Babel): ISO 3166's
    names are the formal ones ("Сирийская Арабская Республика")."""
    from babel import Locale

    names: dict[str, dict[str, list[str]]] = {}
    for lang in ("en", *COUNTRY_LANGUAGES):
        territories = Locale.parse(lang).territories
        for code in codes:
            if code in territories:
                names.setdefault(code, {})[lang] = [territories[code]]
    return names


def iso_subdivisions(pycountry: Package, country: str) -> dict[str, str]:
    """ISO 3166-2 subdivision names of one country keyed by code (e.g. ``AM-SU``)."""
    entries = json.loads(pycountry.read("pycountry/databases/iso3166-2.json"))["3166-2"]
    return {e["code"]: e["name"] for e in entries if e["code"].startswith(country + "-")}


#: Languages whose ISO 3166-2 translations (pycountry locales) are kept for provinces.
SUBDIVISION_LANGUAGES = ("fr", "ru", "vi", "uk", "es")


def subdivision_entries(pycountry: Package) -> dict[str, list[dict]]:
    """ISO 3166-2 entries by country: code, name, type, parent and translated names."""
    entries = json.loads(pycountry.read("pycountry/databases/iso3166-2.json"))["3166-2"]
    tables = {
        lang: gettext.GNUTranslations(
            io.BytesIO(pycountry.read(f"pycountry/locales/{lang}/LC_MESSAGES/iso3166-2.mo")))
        for lang in SUBDIVISION_LANGUAGES
    }
    by_country: dict[str, list[dict]] = {}
    for entry in entries:
        names = {"en": [entry["name"]]}
        for lang, table in tables.items():
            translated = table.gettext(entry["name"])
            if translated != entry["name"]:
                names[lang] = [translated]
        by_country.setdefault(entry["code"].split("-")[0], []).append({
            "code": entry["code"], "name": entry["name"], "type": entry.get("type", ""),
            "parent": entry.get("parent", ""), "names": names})
    return by_country


def merge_names(*sources: dict[str, list[str]]) -> dict[str, list[str]]:
    """Names by language from several sources, first occurrence first, no duplicates."""
    merged: dict[str, list[str]] = {}
    for source in sources:
        for lang, names in source.items():
            bucket = merged.setdefault(lang, [])
            for name in names:
                if name and name not in bucket:
                    bucket.append(name)
    return {lang: merged[lang] for lang in sorted(merged)}


__all__ = ["cldr_country_names", "iso_countries", "iso_subdivisions", "load_curated", "merge_names",
           "subdivision_entries", "uninverted"]
