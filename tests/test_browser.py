"""The self-contained HTML map in a real browser: Debian's Chromium driven by Playwright.

Needs ``apt-get install chromium`` and ``pip install playwright`` (no browser download: the
tests start the system Chromium). Without them these tests FAIL, they do not skip.
Every request the page makes is recorded; only file:, data: and about: URLs are allowed, and
anything else is refused before it leaves the machine.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from browser_pages import ALLOWED_SCHEMES, PHONE, SHORT, VIEWPORT, Page
from test_render_html import EVIL, EVIL_QUOTE, evil_timeline

from geo.render.html import map_data, render_html
from geo.render.presentation import scenario_colours
from geo.timeline import Timeline

TAVUSH = (40.93, 45.20)  # inside Tavush, a province the forces left in 2024


def _on_the_turkish_border() -> tuple[float, float]:
    from geo.gazetteer.boundaries import read_layer

    line = next(r["geometry"] for r in read_layer("borders") if r["id"] == "border:AM-TR")
    point = line.interpolate(0.5, normalized=True)
    return point.y, point.x


TURKISH_BORDER = _on_the_turkish_border()



@pytest.fixture(scope="module")
def maps(timeline: Timeline, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed story's inline map in each language, and one of a hostile scenario."""
    folder = tmp_path_factory.mktemp("maps")
    days = {"before": timeline.view("before"), "after": timeline.view("after")}
    paths = {}
    for name, story, lang in (("en", timeline, "en"), ("vi", timeline, "vi"),
                              ("evil", evil_timeline(timeline), "en")):
        paths[name] = folder / f"{name}.html"
        paths[name].write_text(render_html(story, **days, lang=lang, assets="inline"),
                               encoding="utf-8")
    return paths


@pytest.fixture(scope="module")
def expected(timeline: Timeline) -> dict[str, int]:
    """Features per layer, from the data the page is given."""
    data = map_data(timeline, before=timeline.view("before"), after=timeline.view("after"),
                    lang="en")
    return {layer["id"]: len(layer["features"]) for layer in data["layers"]}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_map_opens_offline_without_errors_or_requests(open_map, maps, expected, lang) -> None:
    view = open_map(maps[lang])
    view.page.wait_for_timeout(300)
    assert view.errors == []
    assert view.refused == []
    assert all(url.startswith(ALLOWED_SCHEMES) for url in view.requests), view.requests
    assert {layer: view.count(layer) for layer in expected} == {
        "before": 0, "after": 0, "change": expected["change"]}
    basemap = view.page.evaluate(
        "document.querySelectorAll('.leaflet-dm-basemap-pane path').length")
    assert basemap > 15  # countries, their borders, provinces, lakes, the Aras
    labels = view.page.locator(".dm-label").all_text_contents()
    assert ("Thổ Nhĩ Kỳ" if lang == "vi" else "Turkey") in labels
    assert "km" in view.page.inner_text(".leaflet-control-scale")
    assert view.page.locator(".dm-fullscreen a").count() == 1
    legend = view.page.inner_text(".dm-legend-box")
    assert ("Chú giải" if lang == "vi" else "Legend") in legend


def _shown(view: Page) -> set[str]:
    view.page.wait_for_timeout(50)  # the other ways of looking are put away after the click
    return set(view.page.evaluate("""() => Object.entries(map_deploymap.deploymap.groups)
        .filter(([id, g]) => map_deploymap.hasLayer(g)).map(([id]) => id)"""))


def test_layers_toggle_and_draw_every_feature(open_map, maps, expected) -> None:
    """Before and After go together (the swipe), the Change and the slider's day alone:
    ticking one way of looking puts the others away, in the map and in the layer list."""
    view = open_map(maps["en"])
    assert _shown(view) == {"change"}
    for layer in ("before", "after"):
        view.toggle(layer)
        assert view.count(layer) == expected[layer]
    assert _shown(view) == {"before", "after"} and view.count("change") == 0
    view.toggle("change")
    assert _shown(view) == {"change"} and view.count("change") == expected["change"]
    assert view.count("before") == 0 and view.count("after") == 0
    view.toggle("day")
    assert _shown(view) == {"day"} and view.count("change") == 0
    view.toggle("before")
    assert _shown(view) == {"before"} and view.count("before") == expected["before"]
    view.toggle("before")
    assert _shown(view) == set() and view.count("before") == 0
    ticked = view.page.evaluate("""() => [...document.querySelectorAll(
        '.leaflet-control-layers-selector')].filter(i => i.checked).length""")
    assert ticked == 0
    assert view.errors == []


def test_swipe_clips_before_and_after(open_map, maps) -> None:
    view = open_map(maps["en"])
    assert not view.page.is_visible(".dm-swipe")  # no swipe until both days are shown
    view.toggle("change")
    view.toggle("before")
    view.toggle("after")
    assert view.page.is_visible(".dm-swipe-line")
    x, y = view.point(*TAVUSH)
    width = VIEWPORT["width"]
    region = {"x": x - 20, "y": y - 20, "width": 40, "height": 40}

    view.swipe(1.0)  # all of the map shows the day before: Tavush is hatched
    assert view.pane_at(x, y) == "dm-before"
    shot_before = view.page.screenshot(clip=region)

    view.swipe(0.0)  # all of it shows the day after: the forces have left Tavush
    assert view.pane_at(x, y) is None
    assert view.page.screenshot(clip=region) != shot_before

    view.swipe((x + 150) / width)  # the cut right of Tavush: it is on the before side
    assert view.pane_at(x, y) == "dm-before"
    view.swipe((x - 150) / width)  # left of it: on the after side
    assert view.pane_at(x, y) is None
    clips = view.page.evaluate("""() => ['dm-before', 'dm-after'].map(
        name => getComputedStyle(map_deploymap.getPane(name)).clip)""")
    assert all(c.startswith("rect(") for c in clips), clips

    # the Turkish border stays guarded: on both sides of the cut it is drawn, in each pane
    border = view.point(*TURKISH_BORDER)
    view.swipe(1.0)
    assert view.pane_at(*border) == "dm-before"
    view.swipe(0.0)
    assert view.pane_at(*border) == "dm-after"
    view.toggle("after")  # one day alone is not clipped and the swipe goes away
    assert view.page.evaluate("map_deploymap.getPane('dm-before').style.clip") == ""
    assert not view.page.is_visible(".dm-swipe")
    assert view.errors == []


def test_popup_shows_the_quote_and_its_source(open_map, maps, timeline) -> None:
    view = open_map(maps["en"])
    x, y = view.point(*TAVUSH)
    view.page.mouse.move(x - 5, y - 5)
    view.page.mouse.move(x, y, steps=3)
    tooltip = view.page.locator(".leaflet-tooltip")
    tooltip.wait_for(timeout=5000)
    assert "Tavush" in tooltip.inner_text() and "Withdrawn" in tooltip.inner_text()

    airport = next(p for p in timeline.scenario.presences if p.id == "ru-border-guards-zvartnots")
    view.page.locator(".leaflet-dm-change-pane .dm-symbol").first.click()
    popup = view.page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "Zvartnots International Airport" in text
    assert "Withdrawn" in text
    for citation in airport.citations:
        assert citation.quote in text
    assert "RFE/RL, 9 May 2024" in text
    assert ".txt" not in text and "seed file" not in text  # a published map names no file
    assert "not reported" in text and "1 August 2024" in text
    assert view.errors == []


def test_hostile_scenario_text_shows_literally_and_runs_nothing(open_map, maps) -> None:
    view = open_map(maps["evil"])
    for layer in ("before", "after"):
        view.toggle(layer)
    popups = view.page.evaluate("""() => {
        const texts = [];
        for (const group of Object.values(map_deploymap.deploymap.groups)) {
            group.eachLayer(feature => {
                feature.openPopup();
                texts.push(document.querySelector('.leaflet-popup-content').innerText);
            });
        }
        return texts;
    }""")
    view.page.wait_for_timeout(200)
    assert popups and all(EVIL in text for text in popups)
    assert any(EVIL_QUOTE.replace("  ", " ") in text for text in popups)
    assert EVIL in view.page.inner_text(".dm-title")
    assert EVIL in view.page.inner_text(".dm-legend-box")
    assert view.dialogs == []
    assert view.page.evaluate("window.__xss") is None
    assert view.page.evaluate(
        "[...document.querySelectorAll('a[href]')].filter(a => "
        "a.href.toLowerCase().startsWith('javascript:')).length") == 0
    assert view.refused == [] and view.errors == []


def _box(view: Page, selector: str) -> dict[str, float]:
    return view.page.evaluate(f"""() => {{
        const r = document.querySelector({selector!r}).getBoundingClientRect();
        return {{left: r.left, top: r.top, right: r.right, bottom: r.bottom}}; }}""")


def _on_top(view: Page, selector: str) -> bool:
    """Whether the centre of ``selector``'s box shows that element (nothing covers it)."""
    return view.page.evaluate(f"""() => {{
        const e = document.querySelector({selector!r}), r = e.getBoundingClientRect();
        const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
        return hit !== null && (hit === e || e.contains(hit)); }}""")


@pytest.mark.parametrize("viewport", [VIEWPORT, PHONE], ids=["desktop", "phone"])
def test_popup_fits_the_screen_with_its_heading_in_view(open_map, maps, viewport) -> None:
    view = open_map(maps["en"], viewport=viewport)
    meta = view.page.evaluate("document.querySelector('meta[name=viewport]').content")
    assert "user-scalable=no" not in meta and "maximum-scale" not in meta  # pinch-zoom
    phone = viewport is PHONE
    opened = ".dm-sheet:not([hidden])" if phone else ".leaflet-popup"
    for target in (".leaflet-dm-change-pane .dm-symbol", "province"):
        if target == "province":
            view.page.mouse.click(*view.point(*TAVUSH))
        else:
            view.page.locator(target).first.click()
        view.page.locator(opened).wait_for(timeout=5000)
        view.page.wait_for_timeout(400)  # a desktop popup pans the map into view
        box = _box(view, opened)
        assert box["left"] >= 0 and box["top"] >= 0, box
        assert box["right"] <= viewport["width"] and box["bottom"] <= viewport["height"], box
        assert _on_top(view, f"{opened} h3"), "the popup's heading is covered"
        close = ".dm-sheet-close" if phone else ".leaflet-popup-close-button"
        assert _on_top(view, close)
        view.page.click(close)
        view.page.wait_for_timeout(200)
        assert view.page.locator(opened).count() == 0
    if phone:  # on a phone no Leaflet popup opens: the sheet takes its place
        assert view.page.locator(".leaflet-popup").count() == 0
        assert view.page.evaluate("document.querySelectorAll('.dm-legend-box details[open]')"
                                  ".length") == 0
        assert view.page.locator(".leaflet-control-layers-expanded").count() == 0
        assert _box(view, ".dm-title")["bottom"] < 0.15 * viewport["height"]
    assert view.errors == []


@pytest.mark.parametrize("viewport", [VIEWPORT, SHORT, PHONE], ids=["desktop", "laptop", "phone"])
def test_swipe_handle_drags_end_to_end_over_every_panel(open_map, maps, viewport) -> None:
    view = open_map(maps["en"], viewport=viewport)
    view.page.evaluate("""() => {  // the layer list is folded on a phone: switch in script
        const d = map_deploymap.deploymap.groups;
        map_deploymap.removeLayer(d.change); d.before.addTo(map_deploymap);
        d.after.addTo(map_deploymap); }""")
    if viewport is SHORT:  # the legend, open, reaches past the handle's height
        assert view.page.evaluate("document.querySelector('.dm-legend-box details').open")
        assert _box(view, ".dm-legend-box")["bottom"] > viewport["height"] / 2
    width, height = viewport["width"], viewport["height"]
    y = height / 2  # the map fills the page; the handle is at half its height
    value = "Number(document.querySelector('.dm-swipe-range').value)"
    position = 0.5
    legend = _box(view, ".dm-legend-box")
    over_legend = (legend["left"] + legend["right"]) / 2  # where the handle must pass over it
    for end in (width - 1, 1, over_legend, width * 0.2):
        start = position * width
        assert view.page.evaluate(f"""() => {{
            const hit = document.elementFromPoint({start}, {y});
            return hit !== null && hit.classList.contains('dm-swipe-range'); }}""")
        view.page.mouse.move(start, y)
        view.page.mouse.down()
        view.page.mouse.move(end, y, steps=12)
        view.page.mouse.up()
        position = view.page.evaluate(value)
        assert position == pytest.approx(end / width, abs=0.02)
        position = min(max(position, 4 / width), 1 - 4 / width)  # grab it inside the page
    # the labels of both sides stay inside the map, whole
    for side in ("before", "after"):
        box = view.page.evaluate(f"""() => {{
            const e = document.querySelector('.dm-swipe-{side}'), r = e.getBoundingClientRect();
            return {{left: r.left, right: r.right, shown: getComputedStyle(e).visibility}}; }}""")
        assert box["shown"] == "hidden" or (box["left"] >= 0 and box["right"] <= width), box
    assert view.errors == []


def _luminance(rgb: list[float]) -> float:
    """WCAG relative luminance of an sRGB colour (0-255 channels)."""
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_place_names_stay_readable_on_hatched_fills(open_map, maps, timeline) -> None:
    """Province and water names lie on hatched provinces in the Before view: each sits on a
    light plate, and its ink on the plate (over the darkest fill on the map, the hatching's
    line colour) passes WCAG's 4.5:1 contrast."""
    view = open_map(maps["en"])
    found = view.page.evaluate("""() => [...document.querySelectorAll(
        '.dm-label-province span, .dm-label-lake span, .dm-label-river span')].map(e => {
            const s = getComputedStyle(e);
            const nums = c => c.match(/[\\d.]+/g).map(Number);
            return {text: e.textContent, ink: nums(s.color), plate: nums(s.backgroundColor)};
        })""")
    assert len(found) > 10
    # a hatching line colour under the plate: the darkest force colour of the seed
    darkest = min(([int(c[i:i + 2], 16) for i in (1, 3, 5)]
                   for c in scenario_colours(timeline.scenario).colours), key=_luminance)
    for label in found:
        alpha = label["plate"][3] if len(label["plate"]) > 3 else 1.0
        assert alpha >= 0.8, label
        plate = [alpha * p + (1 - alpha) * d for p, d in zip(label["plate"], darkest, strict=False)]
        light, dark = sorted((_luminance(plate), _luminance(label["ink"])), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, label
    assert view.errors == []


def test_sites_are_named_on_the_map_and_names_do_not_overlap(open_map, maps,
                                                               timeline) -> None:
    """Each point site of the change layer carries its name beside its symbol; a basemap
    town name under it is hidden, and no two names shown overlap, at each zoom."""
    view = open_map(maps["en"])
    change = timeline.change(timeline.view("before"), timeline.view("after"))
    sites = set(change[change.geometry.geom_type == "Point"].place)
    assert sites  # the airport and the 102nd base
    for zoom in (7, 8, 9, 10):
        view.page.evaluate(f"map_deploymap.setZoom({zoom}, {{animate: false}})")
        view.page.wait_for_timeout(150)
        shown = view.page.evaluate("""() => [...document.querySelectorAll(
            '.dm-label-site span, .dm-label-town span, .dm-label-capital span')]
            .filter(e => getComputedStyle(e).visibility !== 'hidden'
                         && getComputedStyle(e.parentElement).display !== 'none')
            .map(e => { const r = e.getBoundingClientRect();
                        return {site: e.closest('.dm-label-site') !== null, text: e.textContent,
                                box: [r.left, r.top, r.right, r.bottom]}; })""")
        named = {s["text"] for s in shown if s["site"]}
        on_screen = [s for s in shown if s["box"][2] > 0 and s["box"][0] < VIEWPORT["width"]]
        assert sites <= named, (zoom, sites - named)
        for a, b in itertools.combinations(on_screen, 2):
            if a["site"] or b["site"]:
                (l1, t1, r1, b1), (l2, t2, r2, b2) = a["box"], b["box"]
                assert not (l1 < r2 and l2 < r1 and t1 < b2 and t2 < b1), (zoom, a, b)
    assert view.errors == []
