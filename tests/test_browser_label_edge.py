"""Site names near the edge of a phone's screen, in Chromium: on the Iraq story a long name
("Victory Base Complex, Baghdad International Airport") beside a symbol near the right
edge ran off the screen; it must take a spot inside the visible map instead."""

from __future__ import annotations

from browser_pages import PHONE

from geo.data_files import data_path
from geo.render.html import render_html
from geo.scenario.load import load_scenario
from geo.timeline import Timeline


def test_site_names_stay_inside_a_phones_screen(open_map, tmp_path) -> None:
    story = Timeline(load_scenario(data_path("scenarios", "iraq-coalition-2024.yaml")))
    path = tmp_path / "iraq.en.html"
    path.write_text(render_html(story, before=story.view("before"), after=story.view("after"),
                                lang="en"), encoding="utf-8")
    view = open_map(path, viewport=PHONE)
    view.page.wait_for_timeout(300)  # the names are placed once the map has settled
    shown = view.page.evaluate("""() => {
        const map = document.querySelector('.leaflet-container').getBoundingClientRect();
        return [...document.querySelectorAll('.dm-label-site span')]
            .filter(e => getComputedStyle(e).visibility !== 'hidden' && e.offsetWidth > 0)
            .map(e => { const r = e.getBoundingClientRect();
                        return [e.textContent,
                                r.left >= map.left - 0.5 && r.right <= map.right + 0.5
                                && r.top >= map.top - 0.5 && r.bottom <= map.bottom + 0.5]; });
    }""")
    assert any(text.startswith("Victory Base Complex") for text, _ in shown)
    assert [text for text, inside in shown if not inside] == []
