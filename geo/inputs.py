"""Reading the files a user gives deploymap: scenarios, articles, boundary files.

Every problem a file can have before its content is even looked at becomes one
:class:`~geo.errors.UserInputError` naming the file (and the line, where there is one) and
the fix: a missing path, a folder or a pipe given as a file, a file that cannot be opened,
an empty file, a file above the size limit (refused from its size, before it is read),
a binary file, text that is not UTF-8. A UTF-8 byte-order mark is accepted and dropped;
CRLF line ends are left to the reader (YAML, JSON and the article reader accept them).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import UserInputError

#: Size limits, in bytes (also in README.md, "Limits"). A file above its limit is refused at
#: once, from its size: nothing that large is a scenario or an article, and reading it would
#: only take minutes.
MAX_SCENARIO_BYTES = 2_000_000
MAX_ARTICLE_BYTES = 1_000_000
MAX_PLACES_BYTES = 20_000_000

#: Integers a scenario or place file may hold: what a double represents exactly (JSON's
#: safe range), far above any strength, far below what breaks a writer.
MAX_INTEGER = 2**53

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"


def text_problem(text: str) -> str:
    """What makes ``text`` unsafe to write anywhere, or ``""``: an unpaired surrogate (an
    escape such as ``\\uDC00``, valid in JSON and YAML but not Unicode text), NUL or another
    control character but tab and line ends. Every string from a file, an argument or the
    environment passes this once, so no writer meets text it cannot encode."""
    for index, character in enumerate(text):
        code = ord(character)
        if 0xD800 <= code <= 0xDFFF:
            return (f"the escape for U+{code:04X} (a lone UTF-16 surrogate, not a character) "
                    f"at character {index + 1}; write the character itself (an emoji or "
                    "other letter is fine as it is)")
        if (code < 0x20 and character not in "\t\n\r") or 0x7F <= code < 0xA0:
            return (f"the control character U+{code:04X} at character {index + 1}; remove it")
    return ""


def integer_problem(value: int) -> str:
    """What is wrong with an integer from a file (too large to be a count or a degree)."""
    if abs(value) > MAX_INTEGER:
        return (f"the number {str(value)[:30]}{'...' if len(str(value)) > 30 else ''} is too "
                f"large (at most {MAX_INTEGER:,}); check it")
    return ""


def _size(count: int) -> str:
    return f"{count:,} bytes" + (f" ({count / 1e6:.1f} MB)" if count >= 100_000 else "")


def _a(what: str) -> str:
    return ("an " if what[:1] in "aeiou" else "a ") + what


def check_file(path: Path, *, what: str, limit: int) -> int:
    """The size of the regular file ``path``; a UserInputError if it cannot be a ``what``.

    Parameters
    ----------
    path
        The file the user named.
    what
        What the file should be, for messages: ``"scenario file"``, ``"article"``, ...
    limit
        The largest size accepted, in bytes.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UserInputError(f"{path}: no such file; check the path") from None
    except OSError as error:
        raise UserInputError(f"{path}: cannot open it: {error.strerror}; check the path "
                             "and its permissions") from None
    if stat.S_ISDIR(info.st_mode):
        raise UserInputError(f"{path}: is a folder, not {_a(what)}; give the file itself")
    if not stat.S_ISREG(info.st_mode):
        raise UserInputError(f"{path}: not a regular file (a pipe, socket or device); save "
                             f"the {what} to a file and give that")
    if info.st_size > limit:
        raise UserInputError(f"{path}: {_size(info.st_size)}, more than the limit of "
                             f"{_size(limit)} for {_a(what)}; give the right file, or split it")
    if info.st_size == 0:
        raise UserInputError(f"{path}: the file is empty; give {_a(what)} with content")
    return info.st_size


def read_bytes(path: Path, *, what: str, limit: int) -> bytes:
    """The bytes of ``path`` after :func:`check_file` (never more than ``limit`` of them)."""
    check_file(path, what=what, limit=limit)
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise UserInputError(f"{path}: cannot read it: {error.strerror}; check the file and "
                             "its permissions") from None
    if len(data) > limit:  # grew since it was checked
        raise UserInputError(f"{path}: more than the limit of {_size(limit)} for "
                             f"{_a(what)}; give the right file, or split it")
    return data


def _line(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of Latin text is NUL."""
    sample = data[:200]
    if len(sample) < 8 or len(sample) % 2:
        sample = sample[:len(sample) - len(sample) % 2]
    if len(sample) < 8:
        return False
    even, odd = sample[0::2], sample[1::2]
    return (odd.count(0) == len(odd) and even.count(0) == 0) or (
        even.count(0) == len(even) and odd.count(0) == 0)


def decode_text(data: bytes, path: Path, *, what: str) -> str:
    """UTF-8 ``data`` as text (without a byte-order mark); a UserInputError naming the line
    for binary data, UTF-16 and any other encoding."""
    if data.startswith(_UTF16_BOMS) or _looks_utf16(data):
        raise UserInputError(f"{path}: the {what} is saved as UTF-16; save it as UTF-8 "
                             "(e.g. `iconv -f UTF-16 -t UTF-8`)")
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
        offset = len(_UTF8_BOM)
    else:
        offset = 0
    nul = data.find(b"\x00")
    if nul >= 0:
        raise UserInputError(f"{path}:{_line(data, nul)}: a binary file, not {_a(what)} (a NUL "
                             f"byte at byte {nul + offset}); give the plain-text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UserInputError(
            f"{path}:{_line(data, error.start)}: not UTF-8 text (byte {error.start + offset}: "
            f"{data[error.start:error.start + 1]!r}); save the {what} as UTF-8 "
            f"(e.g. `iconv -f {_legacy_encoding(data)} -t UTF-8`)") from None


def _legacy_encoding(data: bytes) -> str:
    """The likelier old encoding of text that is not UTF-8: Cyrillic (WINDOWS-1251) when
    most letters are bytes above ASCII (whole words are), else West European (WINDOWS-1252),
    where only accented letters are."""
    high = sum(1 for byte in data if byte >= 0x80)
    ascii_letters = sum(1 for byte in data if 0x41 <= byte <= 0x5A or 0x61 <= byte <= 0x7A)
    return "WINDOWS-1251" if high > ascii_letters else "WINDOWS-1252"


def read_text(path: Path | str, *, what: str, limit: int) -> str:
    """The UTF-8 text of a user's file, after every check of this module."""
    path = Path(path)
    return decode_text(read_bytes(path, what=what, limit=limit), path, what=what)


def _existing(path: Path) -> Path | None:
    """``path`` or its nearest ancestor that exists."""
    for candidate in (path, *path.parents):
        if candidate.exists() or candidate.is_symlink():
            return candidate
    return None


def check_output_folder(folder: Path, *, option: str = "--out") -> None:
    """A UserInputError unless ``folder`` is, or can be made, a folder deploymap may write in."""
    found = _existing(folder)
    if found is None:
        return
    if not found.is_dir():
        where = "is a file" if found == folder else f"is inside {found}, which is a file"
        raise UserInputError(f"{option} {folder}: {where}, not a folder; give a folder (it "
                             "is created if missing)")
    if not os.access(found, os.W_OK | os.X_OK):
        raise UserInputError(f"{option} {folder}: cannot write in {found}; give a folder you "
                             "may write to")


def check_output_file(path: Path, *, option: str = "--out") -> None:
    """A UserInputError unless ``path`` can be written as a file."""
    if path.is_dir():
        raise UserInputError(f"{option} {path}: is a folder; give a file name, e.g. "
                             f"{path / 'places.geojson'}")
    found = _existing(path.parent)
    if found is not None and not found.is_dir():
        raise UserInputError(f"{option} {path}: {found} is a file, not a folder; give a path "
                             "in a folder")
    if found is not None and not os.access(found, os.W_OK | os.X_OK):
        raise UserInputError(f"{option} {path}: cannot write in {found}; give a folder you "
                             "may write to")


__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_INTEGER",
    "MAX_PLACES_BYTES",
    "MAX_SCENARIO_BYTES",
    "check_file",
    "check_output_file",
    "check_output_folder",
    "decode_text",
    "integer_problem",
    "read_bytes",
    "read_text",
    "text_problem",
]
