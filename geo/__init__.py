"""deploymap: maps of where a military force is and where it has left, from news reports.

The flow, one wing (subpackage) per stage — docs/architecture.md draws it and says what each
wing owns and may import::

    articles ─ geo.extract ─▶ draft ─▶ geo.scenario ─▶ geo.timeline ─▶ geo.render ─▶ maps/
                                           ▲ names resolved by geo.gazetteer (offline data)

``geo.commands`` and ``geo.cli`` drive it as the ``deploymap`` command. The ground floor
(``errors``, ``dates``, ``inputs``, ``output``, ``i18n``, ``cache``, ``data_files``) serves
every wing. ``Timeline``, ``render``, ``load_scenario`` and ``build_scenario`` are imported
on first use, so that ``import geo`` stays light.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import (
    BadArgument,
    DataFileError,
    DeploymapError,
    OnlineLookupError,
    PlaceNotFound,
    UserInputError,
)
from .gazetteer import KINDS, Gazetteer, Place

if TYPE_CHECKING:
    from . import render
    from .scenario import build_scenario, load_scenario
    from .timeline import Timeline

#: Names imported on first use: (module, attribute or None for the module itself).
_LAZY: dict[str, tuple[str, str | None]] = {
    "Timeline": (".timeline", "Timeline"),
    "render": (".render", None),
    "load_scenario": (".scenario", "load_scenario"),
    "build_scenario": (".scenario", "build_scenario"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'geo' has no attribute {name!r}")
    module, attribute = _LAZY[name]
    found = import_module(module, __name__)
    value = found if attribute is None else getattr(found, attribute)
    globals()[name] = value
    return value


__all__ = [
    "KINDS",
    "BadArgument",
    "DataFileError",
    "DeploymapError",
    "Gazetteer",
    "OnlineLookupError",
    "Place",
    "PlaceNotFound",
    "Timeline",
    "UserInputError",
    "build_scenario",
    "load_scenario",
    "render",
]
