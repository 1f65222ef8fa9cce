"""Words a reader sees on the HTML map, clean and in the map's language: the subtitle's
asides."""

from __future__ import annotations

import re

import pytest

from geo.data_files import data_path
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
