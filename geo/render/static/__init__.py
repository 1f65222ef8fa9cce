"""Static maps for articles: PNG, SVG and PDF drawn with matplotlib.

``map`` lays out the figure (panels, title, legend, credits) and writes each format;
``content`` chooses what each panel shows, ``symbols`` lays out the point symbols (one per
force, side by side where forces share a site), ``draw`` draws it all, ``projection``
projects, clips and simplifies the basemap; ``labels`` places the labels, from candidate
spots (``spots``) kept clear of symbols and borders (``obstacles``), one spot per label
chosen together (``search``); ``legend`` lays out the words around the map, ``names``
formats names, dates (at their precision) and strengths, and ``style`` holds the
matplotlib settings, fonts and sizes.
"""

from .map import FORMATS, LAYOUTS, MapFigure, build_figure, render_static

__all__ = ["FORMATS", "LAYOUTS", "MapFigure", "build_figure", "render_static"]
