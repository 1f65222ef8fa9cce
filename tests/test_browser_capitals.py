"""The capital's name on the HTML map, in Chromium: a site's name beside it takes another
side when it can, so Yerevan (beside Zvartnots airport) and Baghdad (beside its airport) are
named at every zoom, on a desktop and a phone, in English and Vietnamese; a capital's name
moves around its dot rather than cover a site's name or symbol."""

from __future__ import annotations

import pytest
from browser_pages import PHONE, VIEWPORT, boxes_overlap, shipped_maps

#: Every shown name (site or capital) and symbol, and the capitals' dots.
_SEEN = """() => {
    const shown = e => getComputedStyle(e).visibility !== 'hidden'
        && getComputedStyle(e.parentElement).display !== 'none'
        && e.getBoundingClientRect().width > 0;
    const box = e => { const r = e.getBoundingClientRect();
                       return [r.left, r.top, r.right, r.bottom]; };
    const names = sel => [...document.querySelectorAll(sel)].filter(shown)
        .map(e => ({text: e.textContent, box: box(e)}));
    return {sites: names('.dm-label-site span'), capitals: names('.dm-label-capital span'),
            dots: names('.dm-label-capital .dm-dot'),
            symbols: [...document.querySelectorAll('.dm-symbol, .dm-small-symbol')].map(box)};
}"""
#: The story's capital, beside a site whose name would cover it.
CAPITALS = {"armenia-2024": "Yerevan", "iraq-coalition-2024": "Baghdad"}


@pytest.fixture(scope="module")
def capital_maps(tmp_path_factory) -> dict[str, object]:
    return shipped_maps(tmp_path_factory.mktemp("capitals"), CAPITALS)


@pytest.mark.parametrize("viewport", [VIEWPORT, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("story", list(CAPITALS))
def test_the_capital_is_named_clear_of_the_sites(open_map, capital_maps, story: str,
                                                 lang: str, viewport: dict[str, int]) -> None:
    view = open_map(capital_maps[story, lang], viewport=viewport)
    zoom = view.page.evaluate("map_deploymap.getZoom()")
    for step in (0, 1, 2):
        view.page.evaluate(f"map_deploymap.setZoom({zoom + step}, {{animate: false}})")
        view.page.wait_for_timeout(200)
        seen = view.page.evaluate(_SEEN)
        if step == 0:  # where the map opens, the capital is named
            assert CAPITALS[story] in {c["text"] for c in seen["capitals"]}, seen
        for capital in seen["capitals"] + seen["dots"]:
            for other in seen["sites"]:
                assert not boxes_overlap(capital["box"], other["box"]), (step, capital, other)
        for capital in seen["capitals"]:
            assert capital["box"][0] >= 0 and capital["box"][2] <= viewport["width"]
            for symbol in seen["symbols"]:
                assert not boxes_overlap(capital["box"], symbol), (step, capital, symbol)
    assert view.errors == []
