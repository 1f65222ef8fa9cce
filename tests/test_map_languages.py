"""Words a reader sees on the HTML map, clean and in the map's language: the subtitle's
asides, unnamed outlets, lake names."""

from __future__ import annotations

import json
import re

import pytest

from geo.data_files import data_path
from geo.i18n import outlet_in
from geo.render.html import map_data
from geo.render.html.legend import aside
from geo.timeline import Timeline

SCENARIOS = sorted(p.name for p in data_path("scenarios").glob("*.yaml"))


@pytest.fixture(scope="module")
def stories() -> dict[str, Timeline]:
    return {name: Timeline.load(data_path("scenarios", name)) for name in SCENARIOS}


def _depth(text: str) -> int:
    """How deep brackets nest in ``text``."""
    depth = deepest = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, depth)
    return deepest


@pytest.mark.parametrize(("words", "expected"), [
    ("Before the agreement", "(Before the agreement)"),
    ("After the Ain al-Asad handover (January 2026)",
     "(After the Ain al-Asad handover, January 2026)"),
    ("Trước khi rút quân (tháng 2/2024)", "(Trước khi rút quân, tháng 2/2024)"),
    ("(already bracketed)", "(already bracketed)"),
    ("a (b (c))", "(a, b, c)"),
    ("()", ""),
])
def test_a_views_words_make_one_aside(words: str, expected: str) -> None:
    assert aside(words) == expected


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("name", SCENARIOS)
def test_the_subtitle_never_nests_brackets(stories, name: str, lang: str) -> None:
    story = stories[name]
    title = map_data(story, before=story.view("before"), after=story.view("after"),
                     lang=lang)["ui"]["title"]
    views = re.sub(r"<[^>]+>", "", title.split('class="dm-views"', 1)[1])
    assert _depth(views) == 1, views  # an aside, none inside it


@pytest.mark.parametrize(("outlet", "language", "expected"), [
    ("Vietnamese news site (unnamed; cites Interfax and Sputnik Armenia)", "vi",
     "trang tin tiếng Việt không nêu tên (dẫn theo Interfax và Sputnik Armenia)"),
    ("unnamed French news site (cites AFP, TASS)", "fr",
     "trang tin tiếng Pháp không nêu tên (dẫn theo AFP, TASS)"),
    ("unnamed Klingon news site", "tlh", "trang tin không nêu tên"),
    ("lemonde.fr (cites AFP)", "fr", "lemonde.fr (dẫn theo AFP)"),
    ("Reuters", "en", "Reuters"),
])
def test_an_unnamed_outlet_is_said_in_the_maps_language(outlet: str, language: str,
                                                         expected: str) -> None:
    assert outlet_in(outlet, language, "vi") == expected
    assert outlet_in(outlet, language, "en") == outlet  # the writer's words


def test_the_vietnamese_map_credits_unnamed_sites_in_vietnamese(timeline, days) -> None:
    data = map_data(timeline, **days, lang="vi")
    text = json.dumps([data["ui"], data["layers"], data["days"]], ensure_ascii=False)
    assert "news site" not in text and "cites" not in text
    assert data["ui"]["credits"].count("trang tin tiếng Việt không nêu tên, ") == 3
    english = json.dumps(map_data(timeline, **days, lang="en")["ui"], ensure_ascii=False)
    assert english.count("Vietnamese news site, ") == 3


@pytest.mark.parametrize(("lang", "lakes"), [
    ("vi", {"Hồ Tharthar", "Hồ Razazza", "Hồ Urmia"}),
    ("en", {"Lake Tharthar", "Lake Razazza", "Lake Urmia"}),
])
def test_lakes_are_named_in_the_maps_language(stories, lang: str, lakes: set[str]) -> None:
    story = stories["iraq-coalition-2024.yaml"]
    data = map_data(story, before=story.view("before"), after=story.view("after"), lang=lang)
    names = {item["t"] for item in data["basemap"]["labels"] if item["k"] == "lake"}
    assert lakes <= names, names


def test_static_and_video_credits_say_an_unnamed_outlet_in_the_maps_language(stories):
    """The PNG/SVG/PDF and animation credits, like the HTML's: no English "unnamed ...
    news site" on a Vietnamese map."""
    from geo.render.static.legend import credits_text as static_credits
    from geo.render.video.pieces import credits_text as video_credits

    unnamed = [(timeline, [s.id for s in timeline.scenario.sources.values()
                           if "unnamed" in s.outlet.lower()])
               for timeline in stories.values()]
    unnamed = [(t, ids) for t, ids in unnamed if ids]
    assert unnamed, "a shipped scenario credits an unnamed outlet"
    for timeline, ids in unnamed:
        for text in (static_credits(timeline, ids, "vi"), video_credits(timeline, "vi")):
            assert "unnamed" not in text.lower() and "news site" not in text, text
            assert "không nêu tên" in text, text
        assert "unnamed" in static_credits(timeline, ids, "en").lower()
