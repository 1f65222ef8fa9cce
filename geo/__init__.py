"""deploymap: maps of where a military force is and where it has left, from news reports.

Data flow: ``geo.gazetteer.boundaries`` (shipped data) → ``geo.gazetteer`` (names to geometry) →
timeline → renderers; ``geo.cli`` drives it as the ``deploymap`` command.
"""

from .errors import (
    BadArgument,
    DataFileError,
    DeploymapError,
    OnlineLookupError,
    PlaceNotFound,
    UserInputError,
)
from .gazetteer.lookup import Gazetteer
from .gazetteer.place import KINDS, Place

__all__ = [
    "KINDS",
    "BadArgument",
    "DataFileError",
    "DeploymapError",
    "Gazetteer",
    "OnlineLookupError",
    "Place",
    "PlaceNotFound",
    "UserInputError",
]
