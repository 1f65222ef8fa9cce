"""The opt-in online fallback geocoder: OpenStreetMap's Nominatim through geopy.

deploymap works offline. With ``--online``, a name the offline gazetteer lacks is asked of
Nominatim (https://nominatim.org), at most one request per second as its usage policy requires,
and every answer (a "not found" too) is kept in a disk cache so the same name is asked only once.
geopy is imported only when a request is actually needed, so ``import geo`` stays light.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from shapely import make_valid
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

from geo.cache import cache_root
from geo.errors import BadArgument, OnlineLookupError
from geo.gazetteer.place import Place

__all__ = ["OnlineGeocoder", "default_cache_dir", "default_user_agent"]

logger = logging.getLogger(__name__)

#: Environment variable overriding the HTTP User-Agent sent to Nominatim.
USER_AGENT_ENV = "DEPLOYMAP_USER_AGENT"
#: Environment variable overriding the cache directory.
#: Nominatim's usage policy allows at most one request per second.
MIN_DELAY_SECONDS = 1.0
#: Seconds geopy's RateLimiter waits before its one retry after a service error (its default).
ERROR_WAIT_SECONDS = 5.0

SOURCE = "OpenStreetMap contributors via Nominatim (ODbL), fetched online"
NOTE = "fetched online from Nominatim; not part of the shipped data"

_CACHE_FORMAT = 1
_PROVINCE_ADDRESSTYPES = frozenset({"state", "province", "region"})
_LAKE_TYPES = frozenset({"water", "lake", "reservoir"})


def default_user_agent() -> str:
    """The User-Agent sent to Nominatim: ``$DEPLOYMAP_USER_AGENT`` or deploymap's own."""
    from_env = os.environ.get(USER_AGENT_ENV, "").strip()
    if from_env:
        return from_env
    try:
        version = metadata.version("deploymap")
    except metadata.PackageNotFoundError:
        version = "0.1.0"
    return f"deploymap/{version} (+https://github.com/deploymap/deploymap)"


def default_cache_dir() -> Path:
    """The Nominatim answers' folder: ``nominatim`` in :func:`geo.cache.cache_root`."""
    return cache_root() / "nominatim"


def normalise_query(name: str) -> str:
    """``name`` stripped, lower-cased, with runs of whitespace made one space."""
    return " ".join(name.split()).lower()


def _normalise_codes(country_codes: Sequence[str] | str) -> tuple[str, ...]:
    """Sorted, de-duplicated lower-case ISO 3166-1 alpha-2 codes; BadArgument if malformed."""
    if isinstance(country_codes, str):
        country_codes = [country_codes]
    codes = set()
    for code in country_codes:
        clean = str(code).strip().lower()
        if len(clean) != 2 or not clean.isascii() or not clean.isalpha():
            raise BadArgument(
                f"country code {code!r} is not an ISO 3166-1 alpha-2 code (e.g. 'am', 'az')"
            )
        codes.add(clean)
    return tuple(sorted(codes))


def _cache_key(query: str, codes: tuple[str, ...]) -> str:
    """sha256 hex digest naming the cache file of ``query`` limited to ``codes``."""
    text = json.dumps([query, list(codes)], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _rank(record: Mapping[str, Any]) -> int | None:
    """Nominatim's ``place_rank`` as an int, or None."""
    try:
        return int(record.get("place_rank"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _shorten(text: str, limit: int = 160) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quiet_geopy_retry_warnings() -> None:
    """Keep geopy's retry warnings (with tracebacks) off stderr when logging is unconfigured.

    geopy's RateLimiter logs each retried error at WARNING level with a traceback; with no
    handler configured Python would print that to stderr. A NullHandler on the ``geopy`` logger
    stops only that fallback: handlers an application configures still receive the records.
    """
    geopy_logger = logging.getLogger("geopy")
    if not any(isinstance(h, logging.NullHandler) for h in geopy_logger.handlers):
        geopy_logger.addHandler(logging.NullHandler())


def place_kind(record: Mapping[str, Any]) -> str:
    """The deploymap kind (see :data:`geo.gazetteer.place.KINDS`) of a raw Nominatim record."""
    cls = record.get("class") or record.get("category") or ""
    typ = record.get("type") or ""
    addresstype = record.get("addresstype") or ""
    rank = _rank(record)
    admin = cls == "boundary" and typ == "administrative"
    if addresstype == "country" or (admin and rank == 4) or (cls, typ) == ("place", "country"):
        return "country"
    if addresstype in _PROVINCE_ADDRESSTYPES or rank == 8 or typ in _PROVINCE_ADDRESSTYPES:
        return "province"
    if (cls, typ) == ("aeroway", "aerodrome"):
        return "airport"
    if (cls, typ) == ("landuse", "military") or cls == "military":
        return "base"
    if cls in {"natural", "water", "landuse"} and typ in _LAKE_TYPES:
        return "lake"
    if (cls, typ) == ("waterway", "river"):
        return "river"
    return "city"


def _geometry(record: Mapping[str, Any], query: str) -> BaseGeometry:
    """The record's GeoJSON geometry, else its point; OnlineLookupError if it has neither."""
    try:
        geom = shape(record["geojson"])
    except (KeyError, TypeError, ValueError, AttributeError):
        geom = None
    if geom is not None and not geom.is_empty:
        return geom if geom.is_valid else make_valid(geom)
    try:
        return Point(float(record["lon"]), float(record["lat"]))
    except (KeyError, TypeError, ValueError):
        raise OnlineLookupError(
            f"Nominatim's answer for {query!r} has no usable coordinates;"
            " run without --online to work offline."
        ) from None


def place_from_record(record: Mapping[str, Any], *, query: str = "") -> Place:
    """Map a raw Nominatim search record (``format=json``) to a :class:`Place`.

    Parameters
    ----------
    record
        One element of Nominatim's answer, as geopy's ``Location.raw``.
    query
        The normalised query, stored as :attr:`Place.matched`.
    """
    display = str(record.get("display_name") or "")
    name = display.split(",")[0].strip() or str(record.get("name") or "").strip() or query
    osm_id = record.get("osm_id", record.get("place_id"))
    return Place(
        id=f"osm:{record.get('osm_type', 'unknown')}/{osm_id}",
        name=name,
        kind=place_kind(record),
        names={"en": (name,)},
        geometry=_geometry(record, query or name),
        source=SOURCE,
        country="",
        note=NOTE,
        matched=query,
    )


class OnlineGeocoder:
    """Looks names up on Nominatim, politely (rate limited) and once (disk cache).

    Parameters
    ----------
    user_agent
        HTTP User-Agent; default ``$DEPLOYMAP_USER_AGENT`` or ``deploymap/<version> (+url)``.
    cache_dir
        Directory of the JSON cache; default :func:`default_cache_dir`.
    min_delay_seconds
        Least time between two requests; at least 1 (Nominatim's usage policy).
    timeout
        Seconds to wait for each answer.
    adapter_factory
        geopy adapter factory (the HTTP client); default geopy's. Tests pass a fake.
    domain
        Nominatim host; default ``nominatim.openstreetmap.org``.
    """

    def __init__(
        self,
        *,
        user_agent: str | None = None,
        cache_dir: Path | None = None,
        min_delay_seconds: float = MIN_DELAY_SECONDS,
        timeout: float = 10.0,
        adapter_factory: Callable[..., Any] | None = None,
        domain: str | None = None,
    ) -> None:
        if not (math.isfinite(min_delay_seconds) and min_delay_seconds >= MIN_DELAY_SECONDS):
            raise BadArgument(
                f"min_delay_seconds={min_delay_seconds!r}: Nominatim's usage policy allows at"
                f" most one request per second, so it must be a number >= {MIN_DELAY_SECONDS}"
            )
        if not (math.isfinite(timeout) and timeout > 0):
            raise BadArgument(f"timeout={timeout!r}: it must be a positive number of seconds")
        self.user_agent = (user_agent or "").strip() or default_user_agent()
        self.cache_dir = Path(cache_dir).expanduser() if cache_dir else default_cache_dir()
        self.min_delay_seconds = float(min_delay_seconds)
        self.timeout = float(timeout)
        self._adapter_factory = adapter_factory
        self._domain = domain
        self._geocode: Callable[..., Any] | None = None

    def lookup(self, name: str, *, country_codes: Sequence[str] = ()) -> Place | None:
        """The place Nominatim finds for ``name``, or None when it finds nothing.

        Parameters
        ----------
        name
            Place name; case and surrounding or repeated whitespace do not matter.
        country_codes
            ISO 3166-1 alpha-2 codes limiting the search; empty for anywhere.

        Raises
        ------
        BadArgument
            Empty name or malformed country code.
        OnlineLookupError
            Network failure, timeout or refusal by the service (answers are not cached).
        """
        query = normalise_query(name)
        if not query:
            raise BadArgument("cannot look up an empty place name online")
        codes = _normalise_codes(country_codes)
        path = self.cache_dir / f"{_cache_key(query, codes)}.json"
        found, record = self._read_cache(path)
        if found:
            return None if record is None else place_from_record(record, query=query)
        record = self._fetch(query, codes)
        place = None if record is None else place_from_record(record, query=query)
        self._write_cache(path, query, codes, record)  # only answers that map to a Place
        return place

    def _read_cache(self, path: Path) -> tuple[bool, dict[str, Any] | None]:
        """``(True, record or None)`` for a usable cache file, else ``(False, None)``."""
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return False, None
        except (OSError, ValueError):
            logger.warning("ignoring unreadable Nominatim cache file %s", path)
            return False, None
        if not isinstance(entry, dict) or entry.get("format") != _CACHE_FORMAT:
            return False, None
        record = entry.get("raw")
        return (True, record) if record is None or isinstance(record, dict) else (False, None)

    def _write_cache(
        self, path: Path, query: str, codes: tuple[str, ...], record: dict[str, Any] | None
    ) -> None:
        """Store ``record`` (None for "not found") at ``path`` atomically; warn on failure."""
        entry = {
            "format": _CACHE_FORMAT,
            "query": query,
            "country_codes": list(codes),
            "raw": record,
        }
        tmp_name = ""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w",
                encoding="utf-8",
                dir=path.parent,
                prefix=".tmp-",
                suffix=".json",
                delete=False,
            ) as tmp:
                tmp_name = tmp.name
                json.dump(entry, tmp, ensure_ascii=False)
            os.replace(tmp_name, path)
        except OSError as error:
            logger.warning("could not write Nominatim cache file %s: %s", path, error)
            if tmp_name:
                Path(tmp_name).unlink(missing_ok=True)

    def _limited_geocode(self) -> Callable[..., Any]:
        """geopy's Nominatim ``geocode`` behind its RateLimiter, built on first use."""
        if self._geocode is None:
            from geopy.exc import ConfigurationError
            from geopy.extra.rate_limiter import RateLimiter
            from geopy.geocoders import Nominatim

            _quiet_geopy_retry_warnings()

            options: dict[str, Any] = {"user_agent": self.user_agent, "timeout": self.timeout}
            if self._adapter_factory is not None:
                options["adapter_factory"] = self._adapter_factory
            if self._domain:
                options["domain"] = self._domain
            try:
                geocoder = Nominatim(**options)
            except ConfigurationError as error:
                raise BadArgument(f"cannot use Nominatim: {error}") from error
            self._geocode = RateLimiter(
                geocoder.geocode,
                min_delay_seconds=self.min_delay_seconds,
                max_retries=1,
                error_wait_seconds=max(ERROR_WAIT_SECONDS, self.min_delay_seconds),
                swallow_exceptions=False,
            )
        return self._geocode

    def _fetch(self, query: str, codes: tuple[str, ...]) -> dict[str, Any] | None:
        """Nominatim's raw record for ``query``, or None; OnlineLookupError on failure."""
        from geopy.exc import GeopyError

        geocode = self._limited_geocode()
        try:
            location = geocode(
                query,
                exactly_one=True,
                addressdetails=False,
                language="en",
                geometry="geojson",
                country_codes=list(codes) or None,
                timeout=self.timeout,
            )
        except GeopyError as error:
            raise OnlineLookupError(
                f"online lookup of {query!r} failed: {self._reason(error)}."
                " Retry later, or run without --online to use only the offline gazetteer."
            ) from error
        return None if location is None else dict(location.raw)

    def _reason(self, error: Exception) -> str:
        """A short human explanation of a geopy error."""
        from geopy.exc import (
            GeocoderInsufficientPrivileges,
            GeocoderRateLimited,
            GeocoderTimedOut,
            GeocoderUnavailable,
        )

        if isinstance(error, GeocoderTimedOut):
            return f"Nominatim did not answer in time (timeout {self.timeout:g} s) or is overloaded"
        if isinstance(error, GeocoderUnavailable):
            return "Nominatim could not be reached (is the network up?)"
        if isinstance(error, GeocoderRateLimited):
            after = f"; it asks to wait {error.retry_after} s" if error.retry_after else ""
            return f"Nominatim refused: too many requests{after}"
        if isinstance(error, GeocoderInsufficientPrivileges):
            return (
                f"Nominatim refused access ({_shorten(str(error))}); if this persists,"
                f" set {USER_AGENT_ENV} to a User-Agent that identifies you"
            )
        return f"Nominatim failed: {_shorten(str(error))}"
