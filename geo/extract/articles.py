"""Reading article files: the public entry point :func:`extract_articles`.

Each file is read as UTF-8 (an unreadable file is one clear error), given a scenario
source id from its name, and its date taken from the caller, its header or its text (see
:mod:`geo.extract.published`); :class:`geo.extract.records.Extractor` does the rest.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

from ..collector import collector_paused, pin_long_lived
from ..dates import FIRST_YEAR, LAST_YEAR, FuzzyDate
from ..errors import BadArgument, UserInputError
from ..gazetteer.lookup import Gazetteer
from ..inputs import MAX_ARTICLE_BYTES, read_text
from .countries import MAX_COUNTRIES, story_parts
from .datelines import AGENCY_LEAD, DATE_LINE_HEAD, PLACE_LEAD
from .draft import Draft
from .header import HEADER_LINE, split_header
from .published import Published
from .reading import Reading
from .records import Extractor
from .text import Sentence, sentences

#: Publication dates accepted from --published and 'Date:' headers (the date reader counts
#: back and forth from them, by days and years).
PUBLISHED_YEARS = (FIRST_YEAR, LAST_YEAR)


def _source_id(path: Path, taken: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_.:-]+", "-", path.stem).strip("-.") or "article"
    if not base[0].isalnum():
        base = "a" + base
    name, count = base, 2
    while name in taken:
        name, count = f"{base}-{count}", count + 1
    taken.add(name)
    return name


#: The story's country when neither the caller nor the text names one.
DEFAULT_COUNTRY = "AM"


def extractor(country: str = DEFAULT_COUNTRY, countries: tuple[str, ...] = ()) -> Extractor:
    """A shared extractor for a story in ``country`` (and ``countries``); each gazetteer and
    its name tables load once per process (and are left out of the collector's scans).

    ``extractor()``, ``extractor("AM")`` and ``extractor("AM", ())`` are one extractor: the
    story's pass then takes the place names the countries' pass found (``PlaceFinder.names``)
    instead of finding them again with a second finder of the same story.
    """
    return _extractor(country, tuple(countries))


@cache
def _extractor(country: str, countries: tuple[str, ...]) -> Extractor:
    made = Extractor(Gazetteer(country=country, countries=countries))
    pin_long_lived()
    return made


def _engine_for(text: str) -> tuple[Extractor, list[Sentence], tuple[str, ...] | None]:
    """The extractor for ``text``, its sentences, already cut into words (the story's
    extractor reads the same sentences: their words and word-list matches are kept), and
    the story's countries: () when the text names none (the default extractor's country is
    no story's), else None (the extractor's)."""
    hosts, senders, cut = _story(text)
    found = (*hosts, *senders)[:MAX_COUNTRIES]
    if not found:
        return extractor(), cut, ()
    return extractor(found[0], tuple(sorted(found[1:]))), cut, hosts if senders else None


def _story(text: str) -> tuple[tuple[str, ...], tuple[str, ...], list[Sentence]]:
    """The countries ``text`` is about, those it names only as a force's sender
    (:mod:`geo.extract.countries`) and its sentences."""
    _, offset = split_header(text)
    cut = sentences(text, offset)
    return (*story_parts(cut, extractor().finder), cut)


def countries_named(text: str) -> tuple[str, ...]:
    """The countries ``text`` is about, most named first, then its forces' senders, as
    extraction reads them (empty when it names no place): ``deploymap resolve`` with no
    ``--country``."""
    hosts, senders, _ = _story(text)
    return (*hosts, *senders)[:MAX_COUNTRIES]


def _read_file(path: Path) -> str:
    """The article's text: a regular file of at most MAX_ARTICLE_BYTES, UTF-8 (a byte-order
    mark is dropped; CRLF line ends are fine), not binary, not blank."""
    text = read_text(path, what="article", limit=MAX_ARTICLE_BYTES)
    if not any(not c.isspace() and unicodedata.category(c) != "Cf" for c in text):
        raise UserInputError(f"{path}: the article has no text (only blanks or invisible "
                             "characters such as zero-width spaces); give the article's text")
    return text


def _header_line(text: str, keys: tuple[str, ...]) -> int:
    """The line of the header field named by one of ``keys`` (1 if not found)."""
    for number, line in enumerate(text.splitlines()[:20], 1):
        name = line.split(":", 1)[0].strip().lower()
        if ":" in line and name in keys:
            return number
    return 1


_HEADER_KEYS = {"date": ("date", "published"), "url": ("url",), "language": ("language", "lang"),
                "outlet": ("outlet", "source"), "title": ("title",)}


def _check_repeats(path: Path, text: str, header: Mapping[str, str]) -> None:
    """A header field given twice (``Date:`` twice): which one is meant cannot be told."""
    field_of = {alias: key for key, aliases in _HEADER_KEYS.items() for alias in aliases}
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines()[:len(header) + 20], 1):
        if not HEADER_LINE.match(line):
            break
        name = line.split(":", 1)[0].strip().lower()
        field = field_of.get(name, name)
        if field in seen:
            raise UserInputError(f"{path}:{number}: header '{name.capitalize()}:' again (first "
                                 f"on line {seen[field]}); keep only the right one")
        seen[field] = number


def _check_header(path: Path, text: str, header: Mapping[str, str]) -> None:
    """Header values that would make a wrong scenario source: one message naming the line."""
    _check_repeats(path, text, header)
    for key, value in header.items():
        line = _header_line(text, _HEADER_KEYS.get(key, (key,)))
        where = f"{path}:{line}: header '{'URL' if key == 'url' else key.capitalize()}:'"
        value = value.strip()
        if not value:
            raise UserInputError(f"{where} is empty; write its value or remove the line")
        if key == "url" and not re.match(r"https?://[^\s/]", value, re.IGNORECASE):
            raise UserInputError(f"{where} {value[:80]!r} is not a web address; write the "
                                 "article's http:// or https:// address, or remove the line")
        if key == "language" and not (value.isalpha() and value.isascii()):
            raise UserInputError(f"{where} {value[:80]!r} is not a language; write a code "
                                 "such as en or vi")


#: A line near the top that holds the article's date (and perhaps a place and an agency,
#: "Abeche, Chad (AFP) Jan 11, 2025") is its date line when the date fills this share of
#: the line's letters and digits.
DATE_LINE_SHARE = 0.5
#: How many lines from the top (after the header) a date line may stand on.
DATE_LINE_DEPTH = 4
def date_line(text: str) -> Published | None:
    """The article's date from a line of its own near the top ("May 10, 2024",
    "10.5.2024", "ngày 10/5/2024", "10 mai 2024", "10 мая 2024", a dateline), or None."""
    from .article_dates import find_dates

    _, offset = split_header(text)
    # the first lines only: not the whole article's
    lines = (line.strip() for line in text[offset:].splitlines() if line.strip())
    for line in itertools.islice(lines, DATE_LINE_DEPTH):
        head = DATE_LINE_HEAD.match(line)
        body = PLACE_LEAD.sub("", head.group(1) if head else AGENCY_LEAD.sub("", line))
        letters = sum(map(str.isalnum, body))
        for mention in find_dates(body):
            resolved = mention.resolve(None)
            covered = sum(c.isalnum() for c in body[mention.start:mention.end])
            if (resolved is not None and resolved.precision == "day" and mention.explicit
                    and covered / letters >= DATE_LINE_SHARE
                    and PUBLISHED_YEARS[0] <= resolved.earliest.year <= PUBLISHED_YEARS[1]):
                return Published(FuzzyDate(resolved.earliest, resolved.latest, "day"),
                                 "date line", f"the date line {line[:40]!r}")
    return None


def _given(value: object, where: str) -> Published:
    from ..dates import DateError, parse_date

    try:
        date = parse_date(value)
    except DateError as error:
        if "outside the years" not in str(error):
            raise BadArgument(f"{where}: {error}") from None
        date = None
    if date is None or not PUBLISHED_YEARS[0] <= date.earliest.year <= PUBLISHED_YEARS[1]:
        raise BadArgument(f"{where}: {value!s:.40} is not when a news article appeared; "
                          f"give its date (YYYY-MM-DD, years {PUBLISHED_YEARS[0]} to "
                          f"{PUBLISHED_YEARS[1]})")
    return Published(FuzzyDate(date.earliest, date.latest, date.precision), "given")


@collector_paused()  # ~10,000 small objects an article, none in cycles: no scans meanwhile
def extract_articles(paths: Sequence[Path | str], *, published: Mapping[str, object] | None = None,
                     outlets: Mapping[str, str] | None = None, country: str | None = None,
                     countries: Sequence[str] = (), gazetteer: Gazetteer | None = None
                     ) -> Draft:
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
    country, countries
        The story's countries (ISO alpha-2): their places and borders are where forces are.
        When None, each article's countries are read from its text (the places it names).
    gazetteer
        The gazetteer to use (its countries win); a shared one when None.
    """
    published, outlets = dict(published or {}), dict(outlets or {})
    fixed: Extractor | None = None
    if gazetteer is not None:
        fixed = Extractor(gazetteer)
    elif country is not None:
        fixed = extractor(country.upper(), tuple(sorted(
            {c.upper() for c in countries} - {country.upper()})))
    readings: list[Reading] = []
    given: list[Published | None] = []
    chosen_outlets: list[str | None] = []
    taken: set[str] = set()
    for raw in paths:
        path = Path(raw)
        text = _read_file(path)
        engine, cut, story = (fixed, None, None) if fixed else _engine_for(text)
        reading = engine.read(path, text, _source_id(path, taken), cut, story)
        _check_header(path, text, reading.header)
        readings.append(reading)
        keys = (str(raw), str(path), path.name, "*")
        value = next((published[k] for k in keys if k in published), None)
        if value is not None:
            date = _given(value, f"published date for {path.name}")
            given.append(Published(date.date, "option"))
        elif "date" in reading.header:
            line = _header_line(text, _HEADER_KEYS["date"])
            date = _given(reading.header["date"].strip(), f"{path}:{line}: header 'Date:'")
            given.append(Published(date.date, "header"))
        else:
            given.append(date_line(text))
        chosen_outlets.append(next((outlets[k] for k in keys if k in outlets), None))
    return (fixed or extractor()).finish(readings, given, chosen_outlets)



__all__ = ["DEFAULT_COUNTRY", "countries_named", "date_line", "extract_articles", "extractor"]
