"""Static maps for articles: PNG, SVG and PDF drawn with matplotlib.

``map`` lays out the figure (panels, title, legend, credits) and writes each format;
``content`` chooses what each panel shows, ``draw`` draws it, ``projection`` projects,
clips and simplifies the basemap, ``labels`` places labels without collisions, ``legend``
lays out the words around the map, ``names`` formats names, dates and strengths, and
``style`` holds the matplotlib settings, fonts and sizes.
"""

from .map import FORMATS, LAYOUTS, MapFigure, build_figure, render_static

__all__ = ["FORMATS", "LAYOUTS", "MapFigure", "build_figure", "render_static"]
