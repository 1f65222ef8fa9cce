"""The gazetteer wing: place names to places (geometry, kind, names), offline.

``normalize`` folds names into look-up keys, ``boundaries`` is the only reader of the shipped
boundary data, ``index`` builds and caches the name index, ``lookup`` holds
:class:`Gazetteer` (ranking, hints, ``--within``), ``borders`` reads border phrases,
``suggest`` finds the closest names for an error, ``user_places`` loads ``--places`` files,
``online`` is the opt-in Nominatim fallback, and ``place`` defines :class:`Place`.
"""

from .lookup import Gazetteer
from .place import KINDS, Place

__all__ = ["KINDS", "Gazetteer", "Place"]
