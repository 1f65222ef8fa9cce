"""Files' SHA-256 remembered across processes, beside the stamps the files had then.

Cache keys name the data and code they depend on by digest (:func:`geo.cache.file_digest`,
:func:`geo.cache.package_digest`): hashing what deploymap ships (the boundary layers, the
places table, the modules: about 60 MB) took 0.1-0.2 s in every process. A digest is kept
in one cache entry with the file's size, modification and change times, inode and device
when it was hashed, and the file is hashed again when any of them differs: writing a file
sets its change time (``st_ctime_ns``), which no program can set back. The entry is read
like any other (a damaged one reads as empty, then is made anew); two processes writing it
at once lose nothing but a few digests, made again by the next one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

from ..errors import UserInputError
from . import cache_root, read_entry, write_entry

KIND, VERSION = "file-digests", 1
#: Files remembered at most (an entry past that starts again from the files of this run).
LIMIT = 4096

Stamp = tuple[int, int, int, int, int]


def stamp_of(stat: os.stat_result) -> Stamp:
    """What changes when a file is written: size, modification and change times, inode,
    device."""
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev)


def _path() -> Path:
    return cache_root() / KIND / "stamps.bin"


def _read() -> dict[str, list[object]]:
    payload = read_entry(_path(), KIND, VERSION)
    try:
        known = json.loads(payload) if payload is not None else {}
    except ValueError:
        return {}
    return known if isinstance(known, dict) else {}


#: The entry as this process read it: (cache folder, its records).
_READ: dict[str, tuple[Path, dict[str, list[object]]]] = {}


def _known() -> dict[str, list[object]]:
    """The entry's records, read once per process and cache folder."""
    folder = cache_root()
    if _READ.get("entry", (None,))[0] != folder:
        _READ["entry"] = (folder, _read())
    return _READ["entry"][1]


def _hash(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def digests(files: Sequence[tuple[str, Stamp]]) -> list[str]:
    """The SHA-256 of each ``(path, stamp)``: remembered when the stamp is the one the
    file had when it was hashed, else hashed now (and remembered)."""
    known = _known()
    found, new = [], {}
    for path, stamp in files:
        record = known.get(path)
        if isinstance(record, list) and len(record) == 6 and record[:5] == list(stamp) \
                and isinstance(record[5], str):
            found.append(record[5])
            continue
        value = _hash(path)
        found.append(value)
        new[path] = [*stamp, value]
    if new:
        merged = _read()  # another process may have added some meanwhile
        merged = {**(merged if len(merged) + len(new) <= LIMIT else {}), **new}
        known.update(new)
        with contextlib.suppress(OSError, UserInputError):  # a read-only cache: hash again
            write_entry(_path(), KIND, VERSION, json.dumps(merged).encode("utf-8"))
    return found


__all__ = ["KIND", "LIMIT", "VERSION", "digests", "stamp_of"]
