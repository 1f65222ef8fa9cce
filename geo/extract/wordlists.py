"""The word lists of extraction: ``data/extract/<name>.yaml``, each read once."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from ..data_files import data_path


@cache
def load(name: str) -> dict[str, Any]:
    """The mapping in ``data/extract/<name>.yaml``."""
    with data_path("extract", f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


__all__ = ["load"]
