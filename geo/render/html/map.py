"""The interactive before/after map: one HTML file that works online or with no network.

:func:`html_map` builds a :class:`folium.Map` (it displays inline in Jupyter);
:func:`render_html` gives the complete document, byte-identical for the same input.

What it draws (the pieces, one job each):

- :mod:`.basemap`: countries, provinces, lakes, the Aras and labels from our own data;
- :mod:`.features` and :mod:`.style`: the Before, After and Change layers;
- :mod:`.popups`: popups, tooltips, legend, title and credits, escaped;
- :mod:`.geometry`: simplification (at most 50 m) and compact encoding;
- :mod:`.scale`: maps of many features (thousands to 100,000): canvas layers,
  clustered points, popups joined from shared pieces (``assets/deploymap-canvas.js``);
- :mod:`.assets`: Leaflet inline (from the ``django-js-lib-leaflet`` wheel) or from a
  CDN, plus ``assets/deploymap.js`` (layers, swipe, full screen) and ``deploymap.css``.

Nothing from a scenario or an article goes through a template engine: it is escaped into
HTML by :mod:`.popups`, then serialised as JSON with ``<``, ``>`` and ``&`` escaped.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely

from ...collector import collector_paused
from ...errors import BadArgument
from ...i18n import check_language, label
from ..framing import Box, bounds, core_parts, near_parts, opening_box
from .assets import ASSET_MODES, head
from .basemap import build_basemap, extent
from .days import day_layer
from .features import DRAW_MODES, LAYERS, build_layers
from .legend import cited_sources, credits, legend, legend_styles, title, view_title
from .popups import PopupContext
from .scale import canvas_data
from .store import GeometryStore
from .style import patterns_for
from .text import esc

if TYPE_CHECKING:
    import folium
    from branca.element import Element

    from ...timeline import Timeline

TILES: dict[str, str] = {"osm": "OpenStreetMap"}
#: The layer shown when the map opens: the change, at a glance.
DEFAULT_LAYERS: tuple[str, ...] = ("change",)
_PANE_ORDER = {"change": 410, "before": 420, "after": 430}
#: What must not appear raw in a <script>: "</" (closes it), "<!" (starts an HTML comment
#: that changes how the parser reads "<script"), and two line separators older JS rejects.
_SCRIPT_UNSAFE = re.compile("<(?=[/!])|[\u2028\u2029]")
_SCRIPT_ESCAPES = (("</", "\\u003c/"), ("<!", "\\u003c!"), ("\u2028", "\\u2028"),
                   ("\u2029", "\\u2029"))


def _check(lang: str, assets: str, tiles: str | None, before: dt.date, after: dt.date) -> None:
    check_language(lang)
    if assets not in ASSET_MODES:
        raise BadArgument(f"unknown assets mode {assets!r}; use one of: "
                          f"{', '.join(ASSET_MODES)}")
    if tiles is not None and tiles not in TILES:
        raise BadArgument(f"unknown tiles {tiles!r}; use one of: {', '.join(TILES)} "
                          "(or none: the map draws its own basemap)")
    if not after > before:
        raise BadArgument(f"the after day ({after.isoformat()}) must come after the before "
                          f"day ({before.isoformat()})")


#: folium's viewport forbids zooming the page (``user-scalable=no``): on a phone a reader
#: could not pinch to read small print. Ours lets them.
_FOLIUM_VIEWPORT = re.compile(r'<meta name="viewport"[^>]*>')
_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1" />'

#: Least room (degrees) the map may be scrolled beyond the story's extent.
SCROLL_MARGIN_DEG = 2.0


def script_json(value: Any) -> str:
    """``value`` as JSON that is safe inside a ``<script>`` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for unsafe, safe in _SCRIPT_ESCAPES:  # what _SCRIPT_UNSAFE matches (str.replace: faster)
        text = text.replace(unsafe, safe)
    return text


def _focus(timeline: Timeline, frames: list[Any]
           ) -> tuple[tuple[float, float, float, float], Box | None, Any]:
    """(west, south, east, north) around every presence and the story country; the box
    the map opens on when the presences fill a small part of it (else None), and then the
    country's parts around that box (what zooming out shows)."""
    from ...gazetteer.boundaries import read_layer

    presences = [g for frame in frames for g in frame.geometry if g is not None]
    homes = [r["geometry"] for r in read_layer("basemap")
             if r.get("country") == timeline.scenario.country]
    # far overseas parts of a country (French Guiana beside France) widen no frame
    framed = core_parts([*presences, *homes])
    presences, homes = framed[:len(presences)], framed[len(presences):]
    opening = opening_box(presences, homes)
    if opening is not None:
        near = shapely.union_all([near_parts(g, opening) for g in homes])
        whole = bounds([shapely.box(*opening), near])
        return whole or opening, opening, near
    bounds_ = shapely.bounds(np.asarray([*presences, *homes], dtype=object)).reshape(-1, 4)
    bounds_ = bounds_[~np.isnan(bounds_).any(axis=1)]  # empty geometries have no bounds
    if not len(bounds_):
        return extent(), None, None
    west, south = bounds_[:, :2].min(axis=0).tolist()
    east, north = bounds_[:, 2:].max(axis=0).tolist()
    return (west, south, east, north), None, None


def _grown(box: Box, share: float) -> shapely.Polygon:
    """``box`` with ``share`` of its width and height added on each side."""
    west, south, east, north = box
    dx, dy = (east - west) * share, (north - south) * share
    return shapely.box(west - dx, south - dy, east + dx, north + dy)


def map_data(timeline: Timeline, *, before: dt.date, after: dt.date, lang: str,
             tiles: bool = False, store: GeometryStore | None = None,
             draw: str = "auto", show_files: bool = False) -> dict[str, Any]:
    """Everything ``deploymap.js`` draws, as plain data (HTML strings already escaped).

    ``store`` receives the geometries (a new one by default; tests pass theirs to compare
    what is drawn with the source data). ``draw``: see :func:`html_map`; with ``canvas``
    the data has a ``canvas`` entry (the popups' pieces, style keys, colours) and each
    layer's ``features`` are columns (``g`` shape, ``s`` style number, ``pop`` and ``tip``
    piece numbers) instead of one object per feature. ``show_files``: see :func:`html_map`.
    """
    with collector_paused():  # millions of small objects, none in cycles
        return _map_data(timeline, before=before, after=after, lang=lang, tiles=tiles,
                         store=GeometryStore() if store is None else store, draw=draw,
                         show_files=show_files)


def _map_data(timeline: Timeline, *, before: dt.date, after: dt.date, lang: str,
              tiles: bool, store: GeometryStore, draw: str, show_files: bool) -> dict[str, Any]:
    scenario = timeline.scenario
    layers = build_layers(timeline, before=before, after=after, lang=lang, store=store,
                          draw=draw, show_files=show_files)
    change = layers.change
    (west, south, east, north), opening, near = _focus(timeline, [change])
    framed = (west, south, east, north) if opening is None else opening
    # a map opening on part of the country: towns around it, names of what is in view or
    # beside it (the view is wider or taller than the box)
    around = _grown(framed, 0.25 if opening is None else 0.5)
    focus = shapely.box(*framed) if opening is None else _grown(framed, 0.2)
    basemap = build_basemap(store, home=scenario.country, focus=focus, around=around,
                            lang=lang, countries=scenario.countries,
                            reach=None if near is None else shapely.envelope(near).buffer(2.0))
    for item in basemap["labels"]:
        item["t"] = esc(item["t"])
    days = None
    if layers.fragments is None:  # drawn feature by feature: the time slider too
        days = day_layer(timeline, before=before, after=after, lang=lang, layers=layers,
                         store=store, context=PopupContext(scenario, before=before,
                                                           after=after, lang=lang,
                                                           show_files=show_files))
        days["name"] = (f'<span class="dm-layer" data-layer="day">'
                        f'{esc(label("map_layer_day", lang))}</span>')
    names = {name: view_title(scenario, name, day, lang)
             for name, day in (("before", before), ("after", after))}
    names["change"] = label("change", lang)
    sources = cited_sources(scenario, set(change["presence_id"]))
    data = {
        "lang": lang,
        "tiles": tiles,
        "geoms": store.shapes,
        "basemap": basemap,
        "styles": layers.styles,
        "patterns": patterns_for([*layers.looks.values(), *legend_styles(layers, lang)]),
        "layers": [{"id": name, "z": _PANE_ORDER[name], "show": name in DEFAULT_LAYERS,
                    "name": f'<span class="dm-layer" data-layer="{name}">'
                            f"{esc(names[name])}</span>",
                    "features": layers.layers[name].features} for name in LAYERS],
        "ui": {
            "title": title(scenario, before=before, after=after, lang=lang),
            "legend": legend(layers, lang),
            "credits": credits(sources, lang, show_files=show_files),
            "swipe": {"before": esc(names["before"]), "after": esc(names["after"]),
                      "handle": label("map_swipe_handle", lang)},
            "fullscreen": label("map_fullscreen", lang),
            "exitFullscreen": label("map_exit_fullscreen", lang),
            "close": label("map_close", lang),
        },
        "view": {"focus": [[round(south, 4), round(west, 4)], [round(north, 4), round(east, 4)]],
                 **({} if opening is None else {"fit": [
                     [round(opening[1], 4), round(opening[0], 4)],
                     [round(opening[3], 4), round(opening[2], 4)]]})},
        "days": days,
    }
    if layers.fragments is not None:
        data["canvas"] = canvas_data(layers, data["layers"], lang)
    return data


def _raw_element(content: str) -> Element:
    """A document part written as is: never run through a template engine."""
    from branca.element import Element

    class Raw(Element):
        def render(self, **kwargs: Any) -> str:
            return content

    element = Raw()
    element._name = "Raw"
    return element


def _overlay(head_html: str, payload: str, *, as_json: bool = False) -> Element:
    """The element that puts our assets in the head and the draw call after the map.

    ``as_json``: the data goes into a ``<script type="application/json">`` element read with
    ``JSON.parse`` (for large maps: browsers parse JSON several times faster than the same
    data written as a script), instead of into the draw call itself.
    """
    from branca.element import Element

    class DeploymapOverlay(Element):
        def render(self, **kwargs: Any) -> str:
            figure = self.get_root()
            figure.header.add_child(_raw_element(head_html), name="deploymap_head")
            data = payload
            if as_json:
                figure.html.add_child(_raw_element(
                    f'<script type="application/json" id="deploymap-data">{payload}</script>\n'),
                    name="deploymap_data")
                data = 'JSON.parse(document.getElementById("deploymap-data").textContent)'
            figure.script.add_child(_raw_element(
                f"deploymap.draw({self._parent.get_name()}, {data});\n"),
                name="deploymap_draw")
            return ""

    element = DeploymapOverlay()
    element._name = "DeploymapOverlay"
    return element


def _number_ids(root: Element) -> None:
    """Give every element a stable id (branca draws random ones)."""
    from branca.element import Element

    count = 0

    def visit(element: Element) -> None:
        nonlocal count
        count += 1
        element._id = "deploymap" if element._name == "Map" else f"dm{count}"
        for part in ("header", "html", "script"):
            if isinstance(getattr(element, part, None), Element):
                visit(getattr(element, part))
        for child in element._children.values():
            visit(child)

    visit(root)


def html_map(timeline: Timeline, *, before: dt.date, after: dt.date, lang: str = "en",
             assets: str = "cdn", tiles: str | None = None, draw: str = "auto",
             show_files: bool = False) -> folium.Map:
    """The folium Map of ``timeline`` between two days, which displays inline in Jupyter.

    Parameters
    ----------
    timeline
        The scenario's timeline.
    before, after
        The two days compared (``after`` later than ``before``).
    lang
        ``en`` or ``vi``: every label, legend entry and place name.
    assets
        ``cdn``: Leaflet from jsDelivr (a small file for online embeds); ``inline``:
        everything in the file, no network request at all.
    tiles
        ``None`` (our own basemap only) or ``"osm"`` (OpenStreetMap tiles under it: online).
    draw
        ``svg``: each feature an SVG path or marker with its own popup (small maps);
        ``canvas``: each layer drawn on one canvas, points clustered until zoom 11, popups
        joined from shared pieces when they open (maps of thousands of features);
        ``auto`` (default): ``canvas`` from
        :data:`~geo.render.html.features.CANVAS_FROM` features on the three layers.
    show_files
        Name the article file of each source that has no URL, in popups and credits. Off by
        default: a map published on the web names no file of the machine it was made on.

    Raises
    ------
    BadArgument
        For an unknown language, assets mode or tiles, or days in the wrong order.
    """
    import folium

    _check(lang, assets, tiles, before, after)
    if draw not in DRAW_MODES:
        raise BadArgument(f"unknown draw mode {draw!r}; use one of: {', '.join(DRAW_MODES)}")
    data = map_data(timeline, before=before, after=after, lang=lang, tiles=tiles is not None,
                    draw=draw, show_files=show_files)
    (s, w), (n, e) = data["view"]["focus"]
    # Scroll limits from the story (the data covers the world): its extent and as much again
    # on every side, at least SCROLL_MARGIN_DEG.
    margin = max(SCROLL_MARGIN_DEG, e - w, n - s)
    west, south, east, north = w - margin, max(s - margin, -85.0), e + margin, min(n + margin, 85.0)
    span = max(e - w, n - s)  # a story over several countries opens farther out
    min_zoom = 6 if span <= 6 else 5 if span <= 12 else 4 if span <= 24 else 3
    fmap = folium.Map(
        location=[round((s + n) / 2, 4), round((w + e) / 2, 4)], zoom_start=8, tiles=None,
        zoom_control=False, min_zoom=min_zoom, max_zoom=12, max_bounds=True,
        min_lat=south, max_lat=north, min_lon=west, max_lon=east,
        zoomSnap=0.25, zoomDelta=0.5, maxBoundsViscosity=0.8)
    fmap.default_js, fmap.default_css = [], []
    if tiles is not None:
        folium.TileLayer(TILES[tiles], control=False).add_to(fmap)
    figure = fmap.get_root()
    heading = timeline.scenario.title.get(lang) or timeline.scenario.title.get("en") or ""
    figure.title = esc(heading)
    large = "canvas" in data
    fmap.add_child(_overlay(head(assets, canvas=large), script_json(data),
                            as_json=large))
    _number_ids(figure)
    return fmap


def render_html(timeline: Timeline, *, before: dt.date, after: dt.date, lang: str = "en",
                assets: str = "inline", tiles: str | None = None, draw: str = "auto",
                show_files: bool = False) -> str:
    """The complete HTML map document (deterministic: same input, same bytes).

    Parameters are those of :func:`html_map`; ``assets`` defaults to ``inline`` here: one
    self-contained file that makes no network request (unless ``tiles`` asks for some).
    """
    fmap = html_map(timeline, before=before, after=after, lang=lang, assets=assets,
                    tiles=tiles, draw=draw, show_files=show_files)
    text, found = _FOLIUM_VIEWPORT.subn(_VIEWPORT, fmap.get_root().render(), count=1)
    if not found:  # folium writes its own; a map without one would be laid out for a desktop
        raise RuntimeError("folium's page has no viewport <meta> to replace")
    return text


__all__ = ["DEFAULT_LAYERS", "TILES", "html_map", "map_data", "render_html", "script_json"]
