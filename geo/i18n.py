"""Labels in English and Vietnamese, from ``data/labels/*.yaml`` (one file per renderer)."""

from __future__ import annotations

from functools import cache

from .data_files import data_path, read_data_yaml
from .errors import BadArgument

LANGUAGES: tuple[str, ...] = ("en", "vi")


@cache
def labels() -> dict[str, dict[str, str]]:
    """Every label, by key then language, from all files in ``data/labels/``."""
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(data_path("labels").glob("*.yaml")):
        for key, values in (read_data_yaml("labels", path.name) or {}).items():
            if key in merged:
                raise ValueError(f"{path}: label {key!r} is defined twice")
            merged[key] = values
    return merged


def check_language(lang: str) -> str:
    """``lang`` if supported, else a BadArgument listing the languages."""
    if lang not in LANGUAGES:
        raise BadArgument(f"unknown language {lang!r}; use one of: {', '.join(LANGUAGES)}")
    return lang


def label(key: str, lang: str) -> str:
    """The label ``key`` in ``lang`` (English when the language lacks it)."""
    values = labels()[key]
    return values.get(lang) or values["en"]


__all__ = ["LANGUAGES", "check_language", "label", "labels"]
