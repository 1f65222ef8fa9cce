"""On the HTML map and in its legend, a withdrawal (dashed) and a presence the sources leave
open (dotted) look different, for every kind of feature and every symbol."""

from __future__ import annotations

import re

import pytest

from geo.data_files import data_path
from geo.render.html import map_data
from geo.render.html.features import build_layers
from geo.render.html.legend import entries
from geo.render.html.store import GeometryStore
from geo.render.html.style import path_options, symbol_svg
from geo.render.presentation import CATEGORIES, force_colours, palette, style_for
from geo.timeline import Timeline


def _dash(svg: str) -> tuple[str, str]:
    """The dash array and line cap of a symbol's edge."""
    dash = re.search(r'stroke-dasharray="([^"]+)"', svg)
    cap = re.search(r'stroke-linecap="([^"]+)"', svg)
    return (dash[1] if dash else "", cap[1] if cap else "butt")


COLOURS = force_colours((("guards", "border_guards"), ("troops", "army"), ("others", "other")))


@pytest.mark.parametrize("kind", [*palette().symbols, "village"])
@pytest.mark.parametrize("force", ["guards", "troops", "others"])
def test_a_withdrawn_symbol_is_dashed_and_an_unsure_one_dotted(kind: str, force: str) -> None:
    withdrawn = symbol_svg(style_for("point", "withdrawn", (force,), COLOURS, kind=kind))
    unsure = symbol_svg(style_for("point", "present", (force,), COLOURS, kind=kind,
                                  certain=False))
    both = symbol_svg(style_for("point", "withdrawn", (force,), COLOURS, kind=kind,
                                certain=False))
    certain = symbol_svg(style_for("point", "present", (force,), COLOURS, kind=kind))
    assert _dash(certain) == ("", "butt")
    assert _dash(withdrawn)[0] and _dash(unsure)[0]
    assert _dash(withdrawn) != _dash(unsure)
    assert _dash(unsure)[1] == "round"  # dots
    assert _dash(both) == _dash(withdrawn)  # a withdrawal keeps its dashes


@pytest.mark.parametrize("category", [c for c in CATEGORIES if c != "point"])
def test_withdrawn_and_unsure_paths_differ(category: str) -> None:
    withdrawn = path_options(style_for(category, "withdrawn", ("troops",), COLOURS))
    unsure = path_options(style_for(category, "present", ("troops",), COLOURS, certain=False))
    assert withdrawn["dashArray"] != unsure["dashArray"]


@pytest.fixture(scope="module")
def maldives() -> Timeline:
    """Airports withdrawn from and airports the sources leave open: points only."""
    return Timeline.load(data_path("scenarios", "maldives-2024.yaml"))


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_legend_draws_the_unsure_points_dotted_not_as_the_withdrawn(
        maldives: Timeline, lang: str) -> None:
    legend = map_data(maldives, before=maldives.view("before"), after=maldives.view("after"),
                      lang=lang)["ui"]["legend"]
    rows = dict(re.findall(r'data-entry="([^"]+)"><span class="dm-sw">(.*?)</span>', legend))
    withdrawn, unsure = rows["change:withdrawn"], rows["reading:uncertain"]
    assert "<rect" not in unsure  # the map's unsure features are points: a point swatch
    assert _dash(withdrawn)[0] and _dash(unsure)[1] == "round"
    assert _dash(withdrawn) != _dash(unsure)


def test_the_html_legend_dots_each_kind_of_unsure_feature(timeline, days) -> None:
    """The seed map draws unsure areas, borders and sites: its legend's row has the three;
    the shared legend entry (static maps, animations) keeps one swatch."""
    data = map_data(timeline, **days, lang="en")
    legend = data["ui"]["legend"]
    row = re.search(r'data-entry="reading:uncertain"><span class="dm-sw">(.*?)</span>', legend)
    assert row is not None
    svgs = re.findall(r"<svg.*?</svg>", row[1])
    assert len(svgs) == 3 and "<rect" in svgs[0] and "<path" in svgs[1]
    assert _dash(svgs[2])[1] == "round"  # the point's dots
    layers = build_layers(timeline, **days, lang="en", store=GeometryStore())
    unsure = next(e for e in entries(layers, "en") if e.key == "reading:uncertain")
    assert [s.category for s in unsure.swatches] == ["area"]
