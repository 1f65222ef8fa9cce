"""Reading article files: the public entry point :func:`extract_articles`.

Each file is read as UTF-8 (an unreadable file is one clear error), given a scenario
source id from its name, and its date taken from the caller, its header or its text (see
:mod:`geo.extract.published`); :class:`geo.extract.records.Extractor` does the rest.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

from ..dates import FuzzyDate
from ..errors import BadArgument, UserInputError
from ..gazetteer import Gazetteer
from .draft import Draft
from .published import Published
from .records import Extractor, Reading


def _source_id(path: Path, taken: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_.:-]+", "-", path.stem).strip("-.") or "article"
    if not base[0].isalnum():
        base = "a" + base
    name, count = base, 2
    while name in taken:
        name, count = f"{base}-{count}", count + 1
    taken.add(name)
    return name


@cache
def extractor(country: str = "AM") -> Extractor:
    """A shared extractor for ``country`` (its gazetteer loads once per process)."""
    return Extractor(Gazetteer(country=country))


def _read_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserInputError(f"{path}: no such file; check the path") from None
    except UnicodeDecodeError as error:
        raise UserInputError(f"{path}: not UTF-8 text (byte {error.start}); save the article "
                             "as UTF-8") from None
    except OSError as error:
        raise UserInputError(f"{path}: cannot read: {error.strerror}") from None


def _given(value: object, where: str) -> Published:
    from ..dates import DateError, parse_date

    try:
        date = parse_date(value)
    except DateError as error:
        raise BadArgument(f"{where}: {error}") from None
    return Published(FuzzyDate(date.earliest, date.latest, date.precision), "given")


def extract_articles(paths: Sequence[Path | str], *, published: Mapping[str, object] | None = None,
                     outlets: Mapping[str, str] | None = None, country: str = "AM",
                     gazetteer: Gazetteer | None = None) -> Draft:
    """Draft records from article files (see the package docs).

    Parameters
    ----------
    paths
        Plain-text articles (UTF-8), each optionally starting with a ``Key: value`` header
        (``Date``, ``Outlet``, ``Title``, ``URL``, ``Language``).
    published
        Publication dates by file path or file name (``"2024-05-09"``, a ``datetime.date``);
        ``"*"`` applies to every file. They win over headers; files with neither get a date
        inferred from their text.
    outlets
        Outlet names, keyed like ``published``.
    country
        The story's country (ISO alpha-2): its places and borders are where forces are.
    gazetteer
        The gazetteer to use (its ``country`` wins); a shared one when None.
    """
    published, outlets = dict(published or {}), dict(outlets or {})
    engine = Extractor(gazetteer) if gazetteer is not None else extractor(country)
    readings: list[Reading] = []
    given: list[Published | None] = []
    chosen_outlets: list[str | None] = []
    taken: set[str] = set()
    for raw in paths:
        path = Path(raw)
        reading = engine.read(path, _read_file(path), _source_id(path, taken))
        readings.append(reading)
        keys = (str(raw), str(path), path.name, "*")
        value = next((published[k] for k in keys if k in published), None)
        if value is not None:
            date = _given(value, f"published date for {path.name}")
            given.append(Published(date.date, "option"))
        elif "date" in reading.header:
            date = _given(reading.header["date"].strip(), f"{path}: header 'Date:'")
            given.append(Published(date.date, "header"))
        else:
            given.append(None)
        chosen_outlets.append(next((outlets[k] for k in keys if k in outlets), None))
    return engine.finish(readings, given, chosen_outlets)



__all__ = ["extract_articles", "extractor"]
