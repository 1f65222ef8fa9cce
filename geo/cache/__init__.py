"""Where deploymap keeps caches (``$DEPLOYMAP_CACHE_DIR`` or ``~/.cache/deploymap``) and
how an entry is stored so that it cannot hurt.

An entry is data, never code (no pickle): a header line naming its kind and format version,
the SHA-256 of the payload, then the payload. An entry whose header, version or checksum is
wrong (a flipped byte, a truncated write, another program's file) reads as missing: the
caller rebuilds it and says so in one line. Folders are created private to the user.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from ..errors import UserInputError
from ..output import write_atomic

T = TypeVar("T")

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


def read_decoded(path: Path, kind: str, version: int, what: str,
                 decode: Callable[[bytes], T]) -> T | None:
    """The entry at ``path`` read by ``decode``; None when there is none, or it is damaged,
    stale or not ours (then one warning line, and the caller rebuilds it)."""
    payload = read_entry(path, kind, version)
    if payload is None:
        if path.exists():
            warn_rebuilt(path, what)
        return None
    try:
        return decode(payload)
    except (ValueError, KeyError, TypeError, zlib.error):
        warn_rebuilt(path, what)
        return None


def warn_rebuilt(path: Path, what: str) -> None:
    """One line on stderr: a damaged or foreign cache entry was set aside and rebuilt."""
    print(f"deploymap: warning: the cached {what} at {path} was damaged or not deploymap's; "
          "rebuilt it", file=sys.stderr)


#: Entries kept per kind (the newest); older ones are removed when a new one is written.
KEEP_PER_KIND = 32
#: Bytes the entries of one kind may take together: older ones go first (the name index
#: takes ~120 MB an entry, so a kind of large entries keeps the newest few, not 32).
BYTES_PER_KIND = 400 * 1024 * 1024


#: (path, stamp) -> SHA-256, for this process.
_DIGESTS: dict[tuple[str, tuple[int, ...]], str] = {}


def file_digests(paths: Sequence[Path]) -> list[str]:
    """SHA-256 of each file's bytes, hashed again only when the file was written since
    (:mod:`geo.cache.stamps`)."""
    from .stamps import digests, stamp_of

    keys = [(str(path), stamp_of(path.stat())) for path in paths]
    missing = [key for key in dict.fromkeys(keys) if key not in _DIGESTS]
    if missing:
        _DIGESTS.update(zip(missing, digests(missing), strict=True))
    return [_DIGESTS[key] for key in keys]


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes (see :func:`file_digests`)."""
    return file_digests([path])[0]


@cache
def package_digest() -> str:
    """A key for everything deploymap ships: every data file and every module of ``geo``.
    Caches of work that depends on the data and the code that shapes it (basemaps,
    projected layers) include it in their keys, so an upgrade or an edited data file never
    reads an entry made by another version."""
    from ..data_files import data_path

    roots = [data_path(), Path(__file__).resolve().parent.parent]
    files = sorted({path.resolve() for root in roots for pattern in ("*.py", "*.yaml",
                    "*.geojson", "*.json", "*.js", "*.css", "*.txt")
                    for path in root.rglob(pattern)})
    return digest(part for path, value in zip(files, file_digests(files), strict=True)
                  for part in (path.name, value))


def digest(parts: Iterable[str | bytes]) -> str:
    """A short key made of ``parts`` (file digests, versions, options): 24 hex digits."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big") + data)
    return hasher.hexdigest()[:24]


def memoized(kind: str, version: int, key: str, build: Callable[[], T],
             encode: Callable[[T], bytes], decode: Callable[[bytes], T], what: str) -> T:
    """The value stored under ``kind``/``key`` (in the cache folder, else shipped with the
    package: :mod:`geo.cache.prebuilt`), else ``build()`` (then stored).

    ``key`` must name everything the value depends on (use :func:`digest` over the data
    files' digests, the code's and the options). A stored value that does not decode is
    rebuilt with a one-line warning; a cache that cannot be written (read-only, full disk)
    only makes the next process slower. Two processes writing one entry at once is safe:
    each writes a whole file and renames it into place.
    """
    from .prebuilt import adopt, shipped

    path = cache_root() / kind / f"{key}.bin"
    existed = path.exists()
    found = shipped(kind, key) if not existed else None
    if found is not None:  # made when the package was built: copied, then read as ours
        adopt(found, path)
    for source in (path, found):
        payload = read_entry(source, kind, version) if source is not None else None
        if payload is not None:
            try:
                return decode(payload)
            except Exception:
                pass
    if existed:
        warn_rebuilt(path, what)
    value = build()
    with contextlib.suppress(OSError, UserInputError):
        write_entry(path, kind, version, encode(value))
        _prune(path.parent, keep=path)
    return value


def with_shipped(path: Path, kind: str) -> Path:
    """Where to read the entry ``kind``/``path.stem``: ``path`` in the cache folder, or when
    there is none, the entry shipped with the package (:mod:`geo.cache.prebuilt`), copied to
    ``path`` first (read where it is if it cannot be). A damaged entry in the cache folder is
    read (and rebuilt) as it is, never replaced by the shipped one."""
    if path.exists():
        return path
    from .prebuilt import adopt, shipped

    found = shipped(kind, path.stem)
    if found is None or adopt(found, path):
        return path
    return found


def pack(document: object, geometries: Sequence[Any] = ()) -> bytes:
    """A JSON document and shapely geometries as one payload (JSON, then WKB): data only."""
    import numpy as np
    import shapely

    wkb = (shapely.to_wkb(np.asarray(list(geometries), dtype=object)).tolist()
           if len(geometries) else [])
    text = json.dumps({"document": document, "wkb": [len(w) for w in wkb]},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return len(text).to_bytes(8, "big") + text + b"".join(wkb)


class LazyGeometries(Sequence[Any]):
    """Geometries of a payload, each read from its WKB when first asked for."""

    def __init__(self, blob: memoryview, offsets: list[int]) -> None:
        self._blob, self._offsets = blob, offsets

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, number: int) -> Any:  # type: ignore[override]
        import shapely

        if not 0 <= number < len(self):
            raise IndexError(number)
        return shapely.from_wkb(bytes(self._blob[self._offsets[number]:
                                                 self._offsets[number + 1]]))


def unpack(data: bytes, *, lazy: bool = False) -> tuple[Any, Sequence[Any]]:
    """:func:`pack` read back; ValueError (or KeyError, TypeError) if it is not one.

    ``lazy``: the geometries as a :class:`LazyGeometries` (read when used)."""
    import numpy as np
    import shapely

    size = int.from_bytes(data[:8], "big")
    head = json.loads(data[8:8 + size].decode("utf-8"))
    blob = memoryview(data)[8 + size:]
    sizes = head["wkb"]
    if sum(sizes) != len(blob):
        raise ValueError("the geometries are not whole")
    offsets = np.cumsum([0, *sizes]).tolist()
    if lazy:
        return head["document"], LazyGeometries(blob, offsets)
    geometries = shapely.from_wkb([bytes(blob[a:b]) for a, b in itertools.pairwise(offsets)]
                                  ).tolist() if sizes else []
    return head["document"], geometries


def _prune(folder: Path, *, keep: Path) -> None:
    """Remove the entries of a kind past the newest :data:`KEEP_PER_KIND`, or past
    :data:`BYTES_PER_KIND` in all (never ``keep``, the one just written)."""
    entries = []
    for entry in folder.glob("*.bin"):
        with contextlib.suppress(OSError):
            stat = entry.stat()
            entries.append((entry == keep, stat.st_mtime_ns, entry.name, stat.st_size, entry))
    entries.sort(reverse=True)  # the one just written first, then the newest
    total = 0
    for number, (kept, _mtime, _name, size, entry) in enumerate(entries):
        total += size
        if not kept and (number >= KEEP_PER_KIND or total > BYTES_PER_KIND):
            entry.unlink(missing_ok=True)


__all__ = ["BYTES_PER_KIND", "CACHE_DIR_ENV", "KEEP_PER_KIND", "cache_root", "digest",
           "file_digest", "file_digests",
           "memoized",
           "pack", "package_digest",
           "read_decoded", "read_entry", "unpack", "warn_rebuilt", "with_shipped", "write_entry"]
