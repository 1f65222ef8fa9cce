"""Geometry helpers shared by the boundary build steps (metric measures, cleaning)."""

from __future__ import annotations

import geopandas as gpd
import shapely
from shapely.geometry.base import BaseGeometry

#: Lambert azimuthal equal-area centred on Armenia: areas and lengths in metres with little
#: distortion over the South Caucasus.
METRIC_CRS = "+proj=laea +lat_0=40.2 +lon_0=45.0 +datum=WGS84 +units=m +no_defs"


def to_metric(geometry: BaseGeometry) -> BaseGeometry:
    """``geometry`` (EPSG:4326) projected to :data:`METRIC_CRS`."""
    return gpd.GeoSeries([geometry], crs=4326).to_crs(METRIC_CRS).iloc[0]


def to_degrees(geometry: BaseGeometry) -> BaseGeometry:
    """``geometry`` (:data:`METRIC_CRS`) back to EPSG:4326."""
    return gpd.GeoSeries([geometry], crs=METRIC_CRS).to_crs(4326).iloc[0]


def area_km2(geometry: BaseGeometry) -> float:
    """Area in km² of a lon/lat geometry."""
    return to_metric(geometry).area / 1e6


def length_km(geometry: BaseGeometry) -> float:
    """Length in km of a lon/lat geometry."""
    return to_metric(geometry).length / 1e3


def polygons_only(geometry: BaseGeometry) -> BaseGeometry:
    """The polygonal part of ``geometry``, made valid (drops stray lines and points)."""
    geometry = shapely.make_valid(geometry)
    parts = [g for g in shapely.get_parts(geometry) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def drop_slivers(geometry: BaseGeometry, min_area_km2: float) -> BaseGeometry:
    """``geometry`` without polygon parts smaller than ``min_area_km2``."""
    parts = [p for p in shapely.get_parts(geometry) if area_km2(p) >= min_area_km2]
    return shapely.union_all(parts) if parts else shapely.Polygon()
