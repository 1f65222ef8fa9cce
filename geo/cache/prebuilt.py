"""Cache entries shipped with the package, so that a first run need not make them.

``python -m scripts.prebuilt`` (run before a wheel is built) builds the seed story into an
empty cache folder and keeps its entries under ``geo/prebuilt/KIND/KEY.bin``: the name index
(about 30 s to make from the world's place names), the boundary layers a map reads, the
seed story's basemaps and font subsets, and the text measures and tiles of its static map
(:mod:`geo.render.static.text_store`, :mod:`geo.render.static.tile_store`). When the user's
cache folder has no entry under a key, the shipped entry of that key is copied into it and
read from there, with every check a cache entry gets (a damaged one is rebuilt, never
trusted). The keys name everything an entry depends on, so an entry shipped for other data
or code is simply never found. A source checkout without the folder works as before: every
entry is made on first use.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

#: Where the shipped entries are (``KIND/KEY.bin``); absent in a plain source checkout.
PREBUILT = Path(__file__).resolve().parent.parent / "prebuilt"


def shipped(kind: str, key: str) -> Path | None:
    """The shipped entry ``kind``/``key``, if the package has one."""
    path = PREBUILT / kind / f"{key}.bin"
    return path if path.is_file() else None


def adopt(source: Path, target: Path) -> bool:
    """Copy the shipped entry ``source`` to ``target`` in the cache folder, atomically (a
    process reading ``target`` sees no file or the whole of it); False if it cannot be."""
    from . import cache_root

    try:
        cache_root().mkdir(parents=True, exist_ok=True, mode=0o700)
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=".adopt-", suffix=".tmp")
        os.close(handle)
        try:
            shutil.copyfile(source, name)
            os.chmod(name, 0o600)
            os.replace(name, target)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(name)
    except OSError:
        return False
    return True


__all__ = ["PREBUILT", "adopt", "shipped"]
