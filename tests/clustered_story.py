"""A story whose places fill a small part of a large country: Turkish forces at three
places on Libya's coast (Tripoli, the capital, among them). The framing, label and title
tests build their maps from it."""

from __future__ import annotations

from pathlib import Path

from geo.gazetteer.lookup import Gazetteer
from geo.timeline import Timeline

#: The places of the story, as the maps name them, with their longitude and latitude.
PLACES = {"Tripoli": (13.19, 32.89), "Misrata": (15.09, 32.38),
          "Al-Watiya Air Base": (12.02, 32.48)}

SCENARIO = """\
title: {en: "Turkish forces in Libya, 2020"}
country: LY
countries: [LY, TR]
views:
  before: {date: "2020-06-01"}
  after: {date: "2020-07-21"}
forces:
  - id: tr-army
    name: {en: Turkish troops, vi: Quân đội Thổ Nhĩ Kỳ}
    country: TR
    type: army
sources:
  - id: en
    title: Turkey deepens its military footprint in Libya
    outlet: A news site
    language: en
    published: "2020-06-12"
    url: https://example.org/turkey-libya
presences:
  - id: tr-watiya
    force: tr-army
    place: {name: Al-Watiya air base, label: {en: Al-Watiya Air Base}}
    location_precision: exact
    start: "2020-05"
    end: null
    citations: [{source: en, quote: "Turkish troops deployed at Al-Watiya air base."}]
  - id: tr-tripoli
    force: tr-army
    place: {name: Tripoli, label: {en: Tripoli}}
    location_precision: exact
    start: "2020-05"
    end: null
    citations: [{source: en, quote: "Turkish forces are also stationed in Tripoli."}]
  - id: tr-misrata
    force: tr-army
    place: {name: Misrata, label: {en: Misrata}}
    location_precision: exact
    start: "2020-05"
    end: null
    citations: [{source: en, quote: "Turkish forces are also stationed in Misrata."}]
"""


def clustered_timeline(folder: Path) -> Timeline:
    """The story's timeline, its scenario written into ``folder``."""
    path = folder / "libya-2020.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    return Timeline.load(path, gazetteer=Gazetteer(country="LY"))
