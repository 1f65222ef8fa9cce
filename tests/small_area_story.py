"""A story whose places include an area too small to see at the map's scale: Russian forces
in Mali, at the Bamako capital district (a few hundred km² in a country of 1.2 million), in
the Gao region and at Timbuktu. The small-area tests of both renderers build their maps
from it."""

from __future__ import annotations

from pathlib import Path

from geo.gazetteer.lookup import Gazetteer
from geo.timeline import Timeline

SCENARIO = """\
title: {en: "Russian forces in Mali, 2024"}
country: ML
countries: [ML, RU]
views:
  before: {date: "2021-06-01"}
  after: {date: "2024-06-01"}
forces:
  - id: ru-pmc
    name: {en: Russian private military company, vi: Lính đánh thuê Nga}
    country: RU
    type: pmc
sources:
  - id: en
    title: Russian fighters spread across Mali
    outlet: A news site
    language: en
    published: "2024-05-12"
    url: https://example.org/russia-mali
presences:
  - id: ru-bamako
    force: ru-pmc
    place: {name: Bamako}
    location_precision: province
    start: "2021-12"
    end: null
    citations: [{source: en, quote: "Russian fighters arrived in Bamako in December 2021."}]
  - id: ru-gao
    force: ru-pmc
    place: {name: Gao region}
    location_precision: province
    start: "2023-12"
    end: null
    citations: [{source: en, quote: "They deployed to the Gao region in December 2023."}]
  - id: ru-timbuktu
    force: ru-pmc
    place: {name: Timbuktu}
    location_precision: exact
    start: "2022-01"
    end: null
    citations: [{source: en, quote: "Russian fighters are stationed in Timbuktu."}]
"""


def small_area_timeline(folder: Path) -> Timeline:
    """The story's timeline, its scenario written into ``folder``."""
    path = folder / "mali-2024.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    return Timeline.load(path, gazetteer=Gazetteer(country="ML"))
