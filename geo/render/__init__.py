"""The render wing: a timeline's state as HTML, GIS files, static and animated maps.

``presentation`` decides what every map draws (colour by force, treatment by change,
symbol by kind of place, legend entries); ``html/`` (folium/Leaflet), ``static/``
(matplotlib), ``video/`` (GIF, MP4 drawn with the static maps' pieces) and ``gis``
(GeoJSON, GeoPackage) translate it; ``alt_text`` describes the static map in words; ``api``
is the Python interface below. Renderers return content and
never write it themselves (:mod:`geo.output` writes atomically). Heavy libraries (folium,
matplotlib) are imported on first use, not at package import.
"""

from .api import describe, show, to_animation, to_geojson, to_geopackage, to_html, to_static

__all__ = ["describe", "show", "to_animation", "to_geojson", "to_geopackage", "to_html",
           "to_static"]
