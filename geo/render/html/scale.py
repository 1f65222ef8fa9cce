"""Maps of many features: what ``assets/deploymap-canvas.js`` needs to draw them.

From :data:`~geo.render.html.features.CANVAS_FROM` features (or with ``draw="canvas"``),
the HTML map stops giving every feature its own SVG element, marker and popup: 100,000
of those take minutes to lay out in a browser and hundreds of megabytes of HTML. Instead

- each layer is one ``<canvas>`` in its pane, redrawn when the map moves; shapes are
  projected once; points closer than a grid cell (60 px) are drawn as a numbered cluster
  until zoom 11, and a click on a cluster zooms to it;
- popups and tooltips are lists of numbers into one table of HTML pieces
  (:class:`~geo.render.html.store.Fragments`): a force's heading, a date, a source's
  credit are stored once however many popups show them; the browser joins a popup's
  pieces when it opens. Every piece was escaped by :mod:`.popups`;
- features are columns (``g`` shape, ``s`` style, ``pop`` pieces, ``tip`` the tooltip's
  last piece: a tooltip is ``tipOpen``, the popup's place name, that piece) rather than
  one object each; a negative piece number stands for a group of pieces (``groups``).

The seed story (48 features) stays below the threshold: SVG, one popup per feature.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...i18n import label
from ..presentation import palette
from .style import hatch_spec, pattern_id
from .text import esc

if TYPE_CHECKING:
    from .features import Layers


def canvas_data(layers: Layers, data_layers: list[dict[str, Any]],
                lang: str) -> dict[str, Any]:
    """Turn ``data_layers`` (the map data's ``layers``) into columns, in place, and return
    the ``canvas`` entry of the map data: pieces, style keys, colours, cluster wording."""
    fragments = layers.fragments
    assert fragments is not None, "build_layers(draw='canvas') makes the fragments"
    keys = list(layers.styles)
    number = {key: i for i, key in enumerate(keys)}
    for layer in data_layers:
        features = layer["features"]
        layer["features"] = {
            "g": [f["g"] for f in features],
            "s": [number[f["s"]] for f in features],
            "pop": [f["pop"] for f in features],
            "tip": [f["tip"] for f in features],
        }
    return {
        "frags": fragments.texts,
        "groups": fragments.groups,
        "tipOpen": fragments.id("<b>"),
        "styleKeys": keys,
        "colours": layers.colours.by_id,
        "hatches": {pattern_id(s): hatch_spec(s) for s in layers.looks.values()
                    if s.category == "area" and s.hatched},
        "cluster": esc(label("map_cluster", lang)),
    }


def cluster_swatch() -> str:
    """The legend's picture of a cluster: a white disc, a ring of force colours, a number."""
    colours = list(palette().colours)[:4]
    arcs = []
    for i, colour in enumerate(colours):  # four quarter arcs, r = 7.5 (circumference 47.1)
        arcs.append(f'<circle cx="10" cy="10" r="7.5" fill="none" stroke="{colour}" '
                    f'stroke-width="3.5" stroke-dasharray="11.78 35.34" '
                    f'stroke-dashoffset="{-11.78 * i:.2f}" transform="rotate(-90 10 10)"/>')
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" viewBox="0 0 20 20" '
            f'aria-hidden="true"><circle cx="10" cy="10" r="9.5" fill="#fff"/>{"".join(arcs)}'
            '<text x="10" y="13.4" font-size="8.5" font-weight="600" text-anchor="middle" '
            'fill="#222" font-family="Arial, sans-serif">12</text></svg>')


__all__ = ["canvas_data", "cluster_swatch"]
