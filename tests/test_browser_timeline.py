"""The HTML map's time slider in a real browser (Chromium through Playwright).

On each day the page must draw exactly the presences the timeline has in force, those the
sources leave open as unsure; Play moves through the days things change; the address keeps
the day, so a link opens the map on it. Facts checked by name come from the seed articles.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from browser_pages import PHONE, VIEWPORT, Page

from geo.data_files import data_path
from geo.render.html import render_html
from geo.timeline import Timeline

#: Days across the seed story: before the 102nd base (1995), before the 2020 war, during
#: "autumn 2020" (unsure), the agreement (8 May 2024), before and after the airport handover
#: (1 August 2024), the last day of the slider.
DAYS = ("1993-06-01", "2019-06-01", "2020-10-15", "2024-05-07", "2024-05-08", "2024-07-31",
        "2024-08-01")


@pytest.fixture(scope="module")
def seed_map(timeline: Timeline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("days") / "seed.html"
    path.write_text(render_html(timeline, before=timeline.view("before"),
                                after=timeline.view("after")), encoding="utf-8")
    return path


def _drawn(view: Page) -> dict[str, set[str]]:
    """The places the Day layer draws, sure and unsure, by place id."""
    return view.page.evaluate("""() => {
        const places = map_deploymap.deploymap.days.places;
        const found = {sure: new Set(), unsure: new Set()};
        document.querySelectorAll('.leaflet-dm-day-pane .dm-f').forEach(e => {
            const cls = e.getAttribute('class');
            const n = Number(cls.match(/dm-p-(\\d+)/)[1]);
            found[cls.includes('dm-day-sure') ? 'sure' : 'unsure'].add(places[n]);
        });
        return {sure: [...found.sure], unsure: [...found.unsure]};
    }""")


def _expected(timeline: Timeline, day: str) -> dict[str, set[str]]:
    """Places in force on ``day`` from the timeline: sure when every force there is sure."""
    snapshot = timeline.snapshot(dt.date.fromisoformat(day))
    sure = snapshot.groupby("place_id")["certain"].all()
    return {"sure": set(sure[sure].index), "unsure": set(sure[~sure].index)}


def _slide_to(view: Page, day: str) -> None:
    """Move the slider as a keyboard user would reach ``day``: set it, fire ``input``."""
    number = (dt.date.fromisoformat(day) - dt.date(1970, 1, 1)).days
    view.page.evaluate("""n => {
        const r = document.querySelector('.dm-day-range');
        r.value = String(n); r.dispatchEvent(new Event('input', {bubbles: true})); }""", number)


def test_slider_draws_what_is_in_force_on_each_day(open_map, seed_map, timeline) -> None:
    view = open_map(seed_map)
    place = {p.id: p.place.id for p in timeline.scenario.presences}
    for day in DAYS:
        _slide_to(view, day)
        drawn = _drawn(view)
        expected = _expected(timeline, day)
        assert set(drawn["sure"]) == expected["sure"], day
        assert set(drawn["unsure"]) == expected["unsure"], day
        assert view.page.evaluate("location.hash") == f"#day={day}"
        assert view.count("change") == 0 and view.count("before") == 0  # the day alone
    # the facts of the story, by name
    at = {day: (lambda d: set(d["sure"]) | set(d["unsure"]))(_drawn_on(view, day))
          for day in ("1993-06-01", "2020-10-15", "2024-07-31", "2024-08-01")}
    assert place["ru-border-guards-turkey-border"] in at["1993-06-01"]  # guarded since 1992
    assert place["ru-102-base-gyumri"] not in at["1993-06-01"]  # the base dates from 1995
    assert place["ru-border-guards-zvartnots"] in at["2024-07-31"]
    assert place["ru-border-guards-zvartnots"] not in at["2024-08-01"]  # left 1 August 2024
    assert place["ru-army-tavush"] not in at["2024-07-31"]  # agreed out of Tavush in May 2024
    assert {place["ru-border-guards-iran-border"], place["ru-102-base-gyumri"]} <= at[
        "2024-08-01"]
    unsure = set(_drawn_on(view, "2020-10-15")["unsure"])
    assert place["ru-border-guards-tavush"] in unsure  # "autumn 2020": the day is open
    assert view.errors == []


def test_two_forces_at_one_place_are_drawn_together(open_map, seed_map, timeline) -> None:
    """Border guards and troops shared the five provinces: on a day both were there, each
    province is one shape hatched in both colours, not one force's fill over the other."""
    view = open_map(seed_map, fragment="#day=2024-01-01")
    tavush = next(p.place.id for p in timeline.scenario.presences if p.id == "ru-army-tavush")
    index = view.page.evaluate(
        f"map_deploymap.deploymap.days.places.indexOf({tavush!r})")
    fills = view.page.evaluate(f"""() => [...document.querySelectorAll(
        '.leaflet-dm-day-pane path.dm-p-{index}')].map(e => e.getAttribute('fill'))""")
    assert len(fills) == 1, fills  # one shape for the province
    pattern = fills[0].removeprefix("url(#").removesuffix(")")
    colours = view.page.evaluate(f"""() => [...document.getElementById({pattern!r})
        .querySelectorAll('rect[fill]')].map(e => e.getAttribute('fill'))""")
    style = yaml.safe_load(data_path("render", "style.yaml").read_text("utf-8"))
    # the seed has one force of each type: each in its type's colour
    wanted = {style["colours"][style["types"][t]] for t in ("border_guards", "army")}
    assert wanted <= set(colours), colours
    assert view.errors == []


def _drawn_on(view: Page, day: str) -> dict[str, list[str]]:
    _slide_to(view, day)
    return _drawn(view)


@pytest.mark.parametrize("viewport", [VIEWPORT, PHONE], ids=["desktop", "phone"])
def test_a_link_opens_the_map_on_its_day(open_map, seed_map, timeline, viewport) -> None:
    view = open_map(seed_map, viewport=viewport, fragment="#day=2024-07-31")
    assert view.page.inner_text(".dm-day") == "31 July 2024"
    airport = next(p.place.id for p in timeline.scenario.presences
                   if p.id == "ru-border-guards-zvartnots")
    assert airport in _drawn(view)["sure"]
    bar = view.page.evaluate("""() => { const r = document.querySelector('.dm-timebar')
        .getBoundingClientRect(); return [r.left, r.right, r.bottom]; }""")
    assert bar[0] >= 0 and bar[1] <= viewport["width"] and bar[2] <= viewport["height"]
    # the popup says the presence's status on that day
    index = view.page.evaluate(f"map_deploymap.deploymap.days.places.indexOf({airport!r})")
    view.page.locator(f".leaflet-dm-day-pane .dm-symbol.dm-p-{index}").first.click()
    opened = ".dm-sheet:not([hidden])" if viewport is PHONE else ".leaflet-popup-content"
    view.page.locator(opened).wait_for(timeout=5000)
    assert "Present on 31 July 2024" in view.page.inner_text(opened)
    assert view.errors == []


def test_a_bad_day_in_the_link_is_ignored(open_map, seed_map) -> None:
    view = open_map(seed_map, fragment="#day=2024-02-31")
    assert view.count("change") > 0  # the map opens as usual
    assert view.count("day") == 0
    assert view.errors == []


def test_play_moves_through_the_changes_and_pauses(open_map, seed_map, timeline) -> None:
    view = open_map(seed_map, fragment="#day=2024-05-01")
    view.page.click(".dm-play")
    view.page.wait_for_timeout(2600)  # two steps at 1.1 s
    view.page.click(".dm-play")
    shown = view.page.evaluate("map_deploymap.deploymap.days.day()")
    # the changes after 1 May 2024 come from the scenario's own dates
    changes = sorted({d for p in timeline.scenario.presences for d in (
        p.start.earliest if p.start else None, p.start.latest if p.start else None,
        p.end.earliest if p.end else None, p.end.latest if p.end else None)
        if d is not None and d > dt.date(2024, 5, 1)} | {timeline.view("after")})
    assert shown in {d.isoformat() for d in changes[:3]}, (shown, changes[:3])
    view.page.wait_for_timeout(1500)  # paused: the day stays
    assert view.page.evaluate("map_deploymap.deploymap.days.day()") == shown
    assert view.page.get_attribute(".dm-play", "aria-label") == "Play the timeline"
    assert view.errors == []
