"""Renderers: a timeline's before/after state as HTML, GIS files and static maps.

Each renderer returns the file's content (text or bytes) and never writes it itself;
:mod:`geo.output` writes atomically. Heavy libraries (folium, matplotlib) are imported
inside the renderer modules, not at package import.
"""
