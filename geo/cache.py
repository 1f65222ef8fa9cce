"""Where deploymap keeps caches (``$DEPLOYMAP_CACHE_DIR`` or ``~/.cache/deploymap``) and
how an entry is stored so that it cannot hurt.

An entry is data, never code (no pickle): a header line naming its kind and format version,
the SHA-256 of the payload, then the payload. An entry whose header, version or checksum is
wrong (a flipped byte, a truncated write, another program's file) reads as missing: the
caller rebuilds it and says so in one line. Folders are created private to the user.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from .output import write_atomic

CACHE_DIR_ENV = "DEPLOYMAP_CACHE_DIR"
_MAGIC = b"deploymap-cache"


def cache_root() -> Path:
    """The cache folder (not created here). A ``~user`` that does not exist is left as it
    is written (a folder of that name), never an error."""
    from_env = os.environ.get(CACHE_DIR_ENV, "").strip()
    if from_env:
        path = Path(from_env)
        try:
            return path.expanduser()
        except RuntimeError:  # "~nosuchuser/x": no such home folder
            return path
    return Path.home() / ".cache" / "deploymap"


def write_entry(path: Path, kind: str, version: int, payload: bytes) -> None:
    """Store ``payload`` at ``path`` atomically, with its kind, version and checksum."""
    root = cache_root()
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    header = b"%s %s %d %s\n" % (_MAGIC, kind.encode(), version,
                                 hashlib.sha256(payload).hexdigest().encode())
    write_atomic(path, header + payload)


def read_entry(path: Path, kind: str, version: int) -> bytes | None:
    """The payload stored at ``path``; None when there is none, or it is not whole and ours
    (say so with :func:`warn_rebuilt` when it existed)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    end = data.find(b"\n", 0, 200)
    if end < 0:
        return None
    parts = data[:end].split(b" ")
    if len(parts) != 4 or parts[0] != _MAGIC or parts[1] != kind.encode() or \
            parts[2] != str(version).encode():
        return None
    payload = data[end + 1:]
    if hashlib.sha256(payload).hexdigest().encode() != parts[3]:
        return None
    return payload


def warn_rebuilt(path: Path, what: str) -> None:
    """One line on stderr: a damaged or foreign cache entry was set aside and rebuilt."""
    print(f"deploymap: warning: the cached {what} at {path} was damaged or not deploymap's; "
          "rebuilt it", file=sys.stderr)


__all__ = ["CACHE_DIR_ENV", "cache_root", "read_entry", "warn_rebuilt", "write_entry"]
