"""Size and render time of the HTML map of the seed story, per language and assets mode.

Run: ``python bench/html_size.py``. Prints one table and what the bytes are spent on; exits
with status 1 when the self-contained (inline) map passes the issue's 500 KB.

:func:`folium_default` is the peer: a plain ``folium.Map()`` with default settings holding the
same geometries as ``folium.GeoJson`` layers (the Before, After and Change features with
their GeoJSON properties, as ``deploymap build`` exports them, and the basemap's countries,
provinces and water), i.e. what one gets from folium without our encoding.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Sequence

from geo.render.html import assets as html_assets
from geo.render.html import geometry as html_geometry
from geo.render.html import map_data, render_html, script_json
from geo.timeline import Timeline

LIMIT = 500_000


def folium_default(timeline: Timeline, *, before: dt.date, after: dt.date) -> str:
    """folium's default output for the same geometries (see the module docs)."""
    import folium
    from shapely.geometry import mapping

    from geo.gazetteer.boundaries import read_layer
    from geo.render.gis import geojson_documents

    documents = geojson_documents(timeline, before=before, after=after)
    fmap = folium.Map(location=[40.2, 45.0], zoom_start=8)
    for name in ("before", "after", "change"):
        folium.GeoJson(json.loads(documents[name]), name=name).add_to(fmap)
    home = timeline.scenario.country
    for layer in ("basemap", "provinces", "water"):
        features = [{"type": "Feature", "geometry": mapping(r["geometry"]),
                     "properties": {"id": r["id"], "name": r["name"]}}
                    for r in read_layer(layer) if layer != "provinces" or r["country"] == home]
        folium.GeoJson({"type": "FeatureCollection", "features": features},
                       name=layer).add_to(fmap)
    return fmap.get_root().render()


def sizes(timeline: Timeline | None = None, *, lang: str = "en") -> dict[str, int]:
    """Bytes of the seed map inline and with CDN assets, and of folium's default map."""
    timeline = timeline or Timeline.load()
    days = {"before": timeline.view("before"), "after": timeline.view("after")}
    return {
        "inline": len(render_html(timeline, **days, lang=lang, assets="inline").encode()),
        "cdn": len(render_html(timeline, **days, lang=lang, assets="cdn").encode()),
        "folium": len(folium_default(timeline, **days).encode()),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Print the tables; 1 if the inline map is too big."""
    argparse.ArgumentParser(description=__doc__).parse_args(argv)
    timeline = Timeline.load()
    days = {"before": timeline.view("before"), "after": timeline.view("after")}
    render_html(timeline, **days)  # warm-up: boundary layers and assets are read once
    rows, too_big = [], False
    for assets in html_assets.ASSET_MODES:
        for lang in ("en", "vi"):
            start = time.perf_counter()
            size = len(render_html(timeline, **days, lang=lang, assets=assets).encode())
            seconds = time.perf_counter() - start
            too_big |= assets == "inline" and size > LIMIT
            rows.append((f"{assets} {lang}", f"{size:,} B", f"{seconds:.2f} s"))
    rows.append(("folium default", f"{len(folium_default(timeline, **days).encode()):,} B", ""))
    print(f"{'map':<16}{'size':>12}{'render':>10}")
    for name, size, seconds in rows:
        print(f"{name:<16}{size:>12}{seconds:>10}")

    data = map_data(timeline, **days, lang="en")
    css, js = html_assets.leaflet_inline()
    own_css, own_js = html_assets.own_assets()
    parts = [
        ("Leaflet (inline only)", len(css) + len(js)),
        ("deploymap.js + .css", len(own_css) + len(own_js)),
        ("geometries", len(script_json(data["geoms"]))),
        ("popups, tooltips", sum(len(script_json([f["pop"], f["tip"]]))
                                 for layer in data["layers"] for f in layer["features"])),
        ("legend, title, credits", len(script_json(data["ui"]))),
    ]
    print(f"\nbytes (en), boundaries simplified at most {html_geometry.TOLERANCE_M:.0f} m:")
    for name, size in parts:
        print(f"  {name:<24}{size:>10,}")
    if too_big:
        print(f"\nthe inline map is over {LIMIT:,} bytes", file=sys.stderr)
    return 1 if too_big else 0


if __name__ == "__main__":
    sys.exit(main())
