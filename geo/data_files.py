"""Where the packaged data files are: ``geo.data`` installed, ``data/`` in a source checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_path(*parts: str) -> Path:
    """A file in the ``data`` folder, installed (``geo.data``) or in a source checkout."""
    try:
        base = Path(str(resources.files("geo.data")))
    except ModuleNotFoundError:
        base = Path(__file__).resolve().parent.parent / "data"
    return base.joinpath(*parts)


__all__ = ["data_path"]
