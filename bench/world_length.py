"""Geodesic length of a lon/lat line (km), for comparing border lines with published figures."""

from __future__ import annotations

from pyproj import Geod

_GEOD = Geod(ellps="WGS84")


def geodesic_km(geometry: object) -> float:
    """Length on the WGS84 ellipsoid in km."""
    return _GEOD.geometry_length(geometry) / 1000.0
