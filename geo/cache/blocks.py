"""Cache entries read in place: named sections of one file, each 16 KiB block checked when
it is first read.

A large entry (the name index: ~90 MB) costs more to checksum and decode whole than a
command has time for, so it is stored as sections (sorted keys, numbers, texts) that are
read where they lie. The file is a header line (kind, format, the SHA-256 of the meta), the
meta (JSON: section offsets, one CRC-32 per block of the payload, a small document), then
the payload. A block is read with ``pread`` and checked against its CRC before any byte of
it is used, so a damaged byte is never trusted: the entry is rebuilt (deterministically, so
to the same bytes) and reading goes on from the new file, with one warning. A truncated or
rewritten file reads short or wrong and is caught the same way; nothing is memory-mapped,
so a file cut short under a running process cannot crash it.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import zlib
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import DeploymapError, UserInputError
from ..output import write_atomic
from . import cache_root, warn_rebuilt

_MAGIC = b"deploymap-sections"
BLOCK = 16384
_ALIGN = 8


class DamagedEntry(DeploymapError):
    """A block of a cache entry does not match its checksum."""


class EntryWriter:
    """Collects the sections of an entry and lays them out as one file."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []
        self._size = 0
        self.sections: dict[str, tuple[int, int]] = {}

    def add(self, name: str, data: bytes) -> None:
        """Append section ``name`` (aligned to 8 bytes)."""
        if name in self.sections:
            raise ValueError(f"section {name!r} twice")
        pad = -self._size % _ALIGN
        if pad:
            self._parts.append(bytes(pad))
            self._size += pad
        self.sections[name] = (self._size, len(data))
        self._parts.append(bytes(data))
        self._size += len(data)

    def finish(self, kind: str, version: int, document: object) -> bytes:
        """The whole file: header, meta and payload."""
        payload = b"".join(self._parts)
        crcs = array("I", (zlib.crc32(payload[at:at + BLOCK])
                           for at in range(0, len(payload), BLOCK)))
        meta = json.dumps({"block": BLOCK, "size": len(payload),
                           "crc": base64.b64encode(crcs.tobytes()).decode("ascii"),
                           "sections": self.sections, "document": document},
                          ensure_ascii=False, separators=(",", ":"), sort_keys=True
                          ).encode("utf-8")
        header = b"%s %s %d %d %s\n" % (_MAGIC, kind.encode(), version, len(meta),
                                        hashlib.sha256(meta).hexdigest().encode())
        return header + meta + payload


class SectionFile:
    """An entry opened for reading: ``read`` checks each block the first time it is used.

    ``rebuild`` makes the entry's bytes anew (a damaged block calls it once, writes the
    result in place of the file and reads on from it)."""

    def __init__(self, path: Path, kind: str, version: int, what: str,
                 rebuild: Callable[[], bytes] | None = None) -> None:
        self.path, self.kind, self.version, self.what = path, kind, version, what
        self._rebuild = rebuild
        self._fd = -1
        self._blocks: dict[int, bytes] = {}
        self._meta_digest = b""
        self.document: Any = None
        self.sections: dict[str, tuple[int, int]] = {}
        self._start = self._size = 0
        self._crcs = array("I")

    @classmethod
    def open(cls, path: Path, kind: str, version: int, what: str,
             rebuild: Callable[[], bytes] | None = None) -> SectionFile | None:
        """The entry at ``path``; None when there is none or its header or meta is not
        whole and ours."""
        entry = cls(path, kind, version, what, rebuild)
        return entry if entry._attach() else None

    def _attach(self) -> bool:
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError:
            return False
        try:
            head = os.pread(fd, 300, 0)
            end = head.find(b"\n")
            parts = head[:end].split(b" ") if end > 0 else []
            if len(parts) != 5 or parts[0] != _MAGIC or parts[1] != self.kind.encode() or \
                    parts[2] != str(self.version).encode() or not parts[3].isdigit():
                raise ValueError("not our header")
            meta = os.pread(fd, int(parts[3]), end + 1)
            if hashlib.sha256(meta).hexdigest().encode() != parts[4]:
                raise ValueError("meta checksum")
            info = json.loads(meta.decode("utf-8"))
            crcs = array("I")
            crcs.frombytes(base64.b64decode(info["crc"], validate=True))
            size = int(info["size"])
            if info["block"] != BLOCK or len(crcs) != -(-size // BLOCK):
                raise ValueError("blocks")
            sections = {str(k): (int(v[0]), int(v[1])) for k, v in info["sections"].items()}
            if any(o < 0 or n < 0 or o + n > size for o, n in sections.values()):
                raise ValueError("sections")
        except (ValueError, KeyError, TypeError, OSError, UnicodeDecodeError):
            os.close(fd)
            return False
        if self._fd >= 0:
            if self._meta_digest != parts[4]:
                os.close(fd)
                raise DamagedEntry(f"{self.path}: rebuilt differently")
            os.close(self._fd)
        self._fd, self._meta_digest = fd, parts[4]
        self._start, self._size, self._crcs = end + 1 + len(meta), size, crcs
        self.document, self.sections = info["document"], sections
        return True

    def __del__(self) -> None:
        if self._fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self._fd)

    def _block(self, number: int) -> bytes:
        data = self._blocks.get(number)
        if data is not None:
            return data
        want = min(BLOCK, self._size - number * BLOCK)
        data = os.pread(self._fd, want, self._start + number * BLOCK)
        if len(data) != want or zlib.crc32(data) != self._crcs[number]:
            self._repair()
            data = os.pread(self._fd, want, self._start + number * BLOCK)
            if len(data) != want or zlib.crc32(data) != self._crcs[number]:
                raise DamagedEntry(f"{self.path}: block {number} is damaged")
        self._blocks[number] = data
        return data

    def _repair(self) -> None:
        if self._rebuild is None:
            raise DamagedEntry(f"{self.path}: damaged")
        warn_rebuilt(self.path, self.what)
        data = self._rebuild()
        try:
            write_entry_file(self.path, data)
            ok = self._attach()
        except (OSError, UserInputError):
            ok = False
        if not ok:  # the cache cannot be written: read on from a private copy
            raise DamagedEntry(f"{self.path}: could not be rewritten")
        self._rebuild = None  # once per process

    def read(self, offset: int, length: int) -> bytes:
        """``length`` bytes of the payload from ``offset``, every block checked."""
        if length <= 0:
            return b""
        if offset < 0 or offset + length > self._size:
            raise DamagedEntry(f"{self.path}: read past the end")
        first, last = offset // BLOCK, (offset + length - 1) // BLOCK
        if first == last:
            at = offset - first * BLOCK
            return self._block(first)[at:at + length]
        joined = b"".join(self._block(n) for n in range(first, last + 1))
        at = offset - first * BLOCK
        return joined[at:at + length]

    def section(self, name: str) -> tuple[int, int]:
        """(offset, length) of a section."""
        try:
            return self.sections[name]
        except KeyError:
            raise DamagedEntry(f"{self.path}: no section {name!r}") from None

    def whole(self, name: str) -> bytes:
        """A whole section, checked."""
        return self.read(*self.section(name))


def write_entry_file(path: Path, data: bytes) -> None:
    """Write an entry atomically in folders private to the user."""
    cache_root().mkdir(parents=True, exist_ok=True, mode=0o700)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_atomic(path, data)


def sectioned(kind: str, version: int, key: str, build: Callable[[], bytes], what: str,
              ) -> SectionFile:
    """The sectioned entry ``kind``/``key``: read in place when whole, else built with
    ``build()`` (the whole file, from :meth:`EntryWriter.finish`) and stored. A cache that
    cannot be written is read from the built bytes kept in a private temporary file."""
    from . import _prune

    path = cache_root() / kind / f"{key}.bin"
    found = SectionFile.open(path, kind, version, what, build)
    if found is not None:
        return found
    if path.exists():
        warn_rebuilt(path, what)
    data = build()
    with contextlib.suppress(OSError, UserInputError):
        write_entry_file(path, data)
        _prune(path.parent, keep=path)
        found = SectionFile.open(path, kind, version, what, build)
    if found is None:
        found = _private_copy(data, kind, version, what)
    return found


def _private_copy(data: bytes, kind: str, version: int, what: str) -> SectionFile:
    import tempfile

    handle, name = tempfile.mkstemp(prefix="deploymap-", suffix=".bin")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        found = SectionFile.open(Path(name), kind, version, what)
    finally:
        os.unlink(name)  # the open descriptor keeps it readable
    if found is None:
        raise DamagedEntry("a freshly built entry does not read back")
    return found


__all__ = ["BLOCK", "DamagedEntry", "EntryWriter", "SectionFile", "sectioned",
           "write_entry_file"]
