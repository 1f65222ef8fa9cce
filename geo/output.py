"""Writing outputs so that nothing is ever half-written: one file, or a whole set of files.

One file (:func:`write_atomic`, :func:`atomic_path`): a temporary in the same folder, then
a rename. On Linux the content first goes to an unnamed file (``O_TMPFILE``) that vanishes
with the process; elsewhere, and for libraries that want a file name, the temporary is a
hidden ``.deploymap-tmp.PID.TOKEN.NAME``.

A set of files (:func:`staged_set`, what ``deploymap build`` writes): every file goes into a
hidden staging folder ``.deploymap-staging.PID.TOKEN`` inside the output folder; when all
are written the folder is renamed ``.deploymap-commit.PID.TOKEN`` in one step (from then
on the new set is the set), and its files are moved into place. A build that fails, runs
out of disk or is killed before that step leaves the previous set as it was; one killed
after it is finished by the next build (:func:`recover`). Only names of that form, made by
deploymap, are ever removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
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
    temporary = path.parent / temporary_name("tmp", path.name)
    try:
        os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError as error:
        raise UserInputError(f"{path}: cannot write it: {error.strerror}; choose another "
                             "--out") from None
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
        try:
            while view:
                view = view[os.write(handle, view):]
        except OSError as error:  # a full disk, a quota
            raise UserInputError(f"{path}: cannot write it: {error.strerror}; free some "
                                 "space or choose another --out") from None
        os.fchmod(handle, 0o644)
        name = path.parent / temporary_name("tmp", path.name)
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


#: The names deploymap gives what it writes before the final name: only these are removed.
_OURS = re.compile(r"^\.deploymap-(?P<kind>tmp|staging|commit)\.(?P<pid>\d+)\.[0-9a-f]{8}"
                   r"(\..+)?$")
#: In a commit folder: the names of the set, one a line (written last, before the rename).
MANIFEST = ".deploymap-files"


def temporary_name(kind: str, name: str = "") -> str:
    """A hidden name only deploymap makes: ``.deploymap-KIND.PID.TOKEN[.NAME]``."""
    return f".deploymap-{kind}.{os.getpid()}.{secrets.token_hex(4)}" + (f".{name}" if name
                                                                        else "")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process
        return True
    return True


def _sync(path: Path) -> None:
    with contextlib.suppress(OSError):
        handle = os.open(path, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _roll_forward(commit: Path, out: Path) -> None:
    """Move a committed set's files into ``out``, then remove its folder."""
    names = [n for n in (commit / MANIFEST).read_text(encoding="utf-8").split("\n") if n]
    for name in names:
        if (commit / name).exists():
            os.replace(commit / name, out / name)
    (commit / MANIFEST).unlink(missing_ok=True)
    shutil.rmtree(commit, ignore_errors=True)


def recover(folder: Path) -> list[Path]:
    """Finish or clear what killed deploymap processes left in ``folder``: a committed set
    is moved into place, a staging folder or a temporary is removed. Returns what it
    handled; what a running process owns is left alone."""
    handled = []
    with contextlib.suppress(OSError):
        for candidate in sorted(Path(folder).iterdir()):
            match = _OURS.match(candidate.name)
            if not match or int(match["pid"]) == os.getpid() or _running(int(match["pid"])):
                continue
            with contextlib.suppress(OSError):
                if match["kind"] == "commit" and (candidate / MANIFEST).is_file():
                    _roll_forward(candidate, Path(folder))
                elif candidate.is_dir():
                    shutil.rmtree(candidate)
                else:
                    candidate.unlink()
                handled.append(candidate)
    return handled


#: The old name, kept for callers: temporaries of dead processes are what :func:`recover` clears.
remove_stale_temporaries = recover


def _prepare(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserInputError(f"{out}: cannot create the output folder: {error.strerror}; "
                             "choose another --out") from None


@contextlib.contextmanager
def staged_set(out: Path) -> Iterator[Path]:
    """A staging folder in ``out`` to write a whole set of outputs into; on success the set
    replaces the files of the same names in ``out`` (see the module's docs). On any error,
    or if the process dies before the commit, ``out`` keeps its previous files."""
    out = Path(out)
    _prepare(out)
    recover(out)
    staging = out / temporary_name("staging")
    try:
        staging.mkdir(mode=0o755)
    except OSError as error:
        raise UserInputError(f"{out}: cannot write in it: {error.strerror}; choose another "
                             "--out") from None
    try:
        try:
            yield staging
        except UserInputError as error:  # name the map, not its staging copy
            raise UserInputError(str(error).replace(f"{staging}{os.sep}", f"{out}{os.sep}")
                                 + " (the previous maps are unchanged)") from None
        names = sorted(p.name for p in staging.iterdir())
        try:
            (staging / MANIFEST).write_text("".join(f"{n}\n" for n in names), encoding="utf-8")
            for name in (*names, MANIFEST):
                _sync(staging / name)
            _sync(staging)
            commit = out / staging.name.replace("-staging.", "-commit.", 1)
            os.rename(staging, commit)  # the one step: the new set is the set from here
        except OSError as error:
            raise UserInputError(f"{out}: cannot write the maps: {error.strerror}; free some "
                                 "space or choose another --out (the previous maps are "
                                 "unchanged)") from None
        _sync(out)
        _roll_forward(commit, out)
        _sync(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


__all__ = ["MANIFEST", "atomic_path", "recover", "remove_stale_temporaries", "staged_set",
           "temporary_name", "write_atomic"]
