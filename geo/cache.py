"""Where deploymap keeps caches: ``$DEPLOYMAP_CACHE_DIR`` or ``~/.cache/deploymap``."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_DIR_ENV = "DEPLOYMAP_CACHE_DIR"


def cache_root() -> Path:
    """The cache folder (not created here)."""
    from_env = os.environ.get(CACHE_DIR_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return Path.home() / ".cache" / "deploymap"


__all__ = ["CACHE_DIR_ENV", "cache_root"]
