"""The word lists of extraction: ``data/extract/<name>.yaml``, each read once."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..data_files import read_data_yaml


@cache
def load(name: str) -> dict[str, Any]:
    """The mapping in ``data/extract/<name>.yaml``."""
    return read_data_yaml("extract", f"{name}.yaml")


__all__ = ["load"]
