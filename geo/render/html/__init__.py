"""The interactive map (folium/Leaflet, one HTML file that works offline).

``map`` assembles the document; ``features`` turns a timeline into the Before, After and
Change layers, ``popups`` writes their popups and tooltips, ``legend`` the legend, title and
credits, ``basemap`` the countries and provinces drawn from our own data, ``geometry``
simplifies and encodes shapes, ``scale`` holds the canvas mode for maps of many features,
``assets`` inlines Leaflet and our script (``web/``), ``text`` escapes and formats text.
"""

from .map import DEFAULT_LAYERS, TILES, html_map, map_data, render_html, script_json

__all__ = ["DEFAULT_LAYERS", "TILES", "html_map", "map_data", "render_html", "script_json"]
