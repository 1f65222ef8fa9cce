"""Writing output files atomically: a temporary file in the same folder, then a rename.

A build killed half-way leaves the previous file intact and no partial file behind: on Linux
the content is first written to an unnamed file (``O_TMPFILE``) that vanishes with the
process, then linked in and renamed over the old file; elsewhere, and for libraries that
want a file name, the temporary is a hidden ``.NAME.PID.XXXX.part.EXT`` that
:func:`remove_stale_temporaries` deletes once the process that made it is gone.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import UserInputError


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path to write ``path``'s new content to; renamed over it on success.

    For libraries that want a file name (GeoPackage drivers, matplotlib).
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserInputError(f"{path.parent}: cannot create the output folder: "
                             f"{error.strerror}; choose another --out") from None
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.",
                                    suffix=".part" + path.suffix, dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, 0o644)
        _replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _replace(temporary: Path, path: Path) -> None:
    try:
        os.replace(temporary, path)
    except OSError as error:
        raise UserInputError(f"{path}: cannot write it: {error.strerror}; remove what is in "
                             "the way or choose another --out") from None


def _write_unnamed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through an unnamed file; False where that is unsupported."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return False
    try:
        handle = os.open(path.parent, flag | os.O_WRONLY | os.O_CLOEXEC, 0o644)
    except OSError:  # a file system without O_TMPFILE
        return False
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view):]
        os.fchmod(handle, 0o644)
        name = path.parent / (f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.part"
                              + path.suffix)
        try:  # linkat(AT_SYMLINK_FOLLOW) of /proc/self/fd/N: gives the unnamed file a name
            proc = os.open("/proc/self/fd", os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
            try:
                os.link(str(handle), name, src_dir_fd=proc, follow_symlinks=True)
            finally:
                os.close(proc)
        except OSError:
            return False
        try:
            _replace(name, path)
        finally:
            name.unlink(missing_ok=True)
    finally:
        os.close(handle)
    return True


def write_atomic(path: Path, content: str | bytes) -> Path:
    """Write ``content`` (text is UTF-8) to ``path`` atomically; returns ``path``."""
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # atomic_path below says what is wrong
    else:
        if _write_unnamed(path, data):
            return path
    with atomic_path(path) as temporary:
        try:
            temporary.write_bytes(data)
        except OSError as error:  # a full disk, a quota
            raise UserInputError(f"{path}: cannot write it: {error.strerror}; free some "
                                 "space or choose another --out") from None
    return path


_TEMPORARY = re.compile(r"^\..+\.(\d+)\.[a-z0-9_]+\.part(\.[^.]*)?$")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process
        return True
    return True


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete the temporaries in ``folder`` left by deploymap processes that were killed
    (their process no longer runs); returns what was deleted."""
    removed = []
    with contextlib.suppress(OSError):
        for candidate in Path(folder).glob(".*.part*"):
            match = _TEMPORARY.match(candidate.name)
            if match and int(match.group(1)) != os.getpid() and not _running(
                    int(match.group(1))):
                with contextlib.suppress(OSError):
                    candidate.unlink()
                    removed.append(candidate)
    return removed


__all__ = ["atomic_path", "remove_stale_temporaries", "write_atomic"]
