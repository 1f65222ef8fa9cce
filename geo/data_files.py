"""Where the packaged data files are: ``geo.data`` installed, ``data/`` in a source checkout."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


def data_path(*parts: str) -> Path:
    """A file in the ``data`` folder, installed (``geo.data``) or in a source checkout."""
    try:
        base = Path(str(resources.files("geo.data")))
    except ModuleNotFoundError:
        base = Path(__file__).resolve().parent.parent / "data"
    return base.joinpath(*parts)


@cache
def read_data_yaml(*parts: str) -> Any:
    """A shipped YAML data file, parsed once per process (by libyaml's C parser when PyYAML
    has it: several times faster than the pure-Python one; the same safe subset). Callers
    must not change what it returns. User files go through :mod:`geo.scenario.yaml_lines`."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with data_path(*parts).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


__all__ = ["data_path", "read_data_yaml"]
