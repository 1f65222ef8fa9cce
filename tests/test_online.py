"""Tests of :mod:`geo.gazetteer.online`, all offline: a fake geopy adapter stands in for HTTP."""

from __future__ import annotations

import itertools
import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from geopy.adapters import BaseSyncAdapter
from geopy.exc import (
    GeocoderInsufficientPrivileges,
    GeocoderRateLimited,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
)

from geo.errors import BadArgument, OnlineLookupError, PlaceNotFound
from geo.gazetteer.online import SOURCE, OnlineGeocoder, default_cache_dir, default_user_agent

LICENCE = "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright"

DILIJAN = {
    "place_id": 87654321,
    "licence": LICENCE,
    "osm_type": "node",
    "osm_id": 274628766,
    "lat": "40.7410000",
    "lon": "44.8632000",
    "class": "place",
    "type": "town",
    "place_rank": 16,
    "importance": 0.52,
    "addresstype": "town",
    "name": "Dilijan",
    "display_name": "Dilijan, Dilijan Community, Tavush Province, Armenia",
    "boundingbox": ["40.5810000", "40.9010000", "44.7032000", "45.0232000"],
    "geojson": {"type": "Point", "coordinates": [44.8632, 40.741]},
}

TAVUSH = {
    "place_id": 12345678,
    "licence": LICENCE,
    "osm_type": "relation",
    "osm_id": 1177264,
    "lat": "40.9400000",
    "lon": "45.1500000",
    "class": "boundary",
    "type": "administrative",
    "place_rank": 8,
    "importance": 0.48,
    "addresstype": "province",
    "name": "Tavush Province",
    "display_name": "Tavush Province, Armenia",
    "boundingbox": ["40.6000000", "41.3000000", "44.6000000", "45.6000000"],
    "geojson": {
        "type": "Polygon",
        "coordinates": [[[44.6, 40.6], [45.6, 40.6], [45.6, 41.3], [44.6, 41.3], [44.6, 40.6]]],
    },
}


def _record(**changes: Any) -> dict[str, Any]:
    """A copy of :data:`DILIJAN` with ``changes``; ``geojson=None`` drops the geometry."""
    record = {**DILIJAN, **changes}
    return {k: v for k, v in record.items() if v is not None}


class FakeClock:
    """Replaces the clock and sleep of geopy's RateLimiter: sleeping advances time at once."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class FakeNominatim:
    """Canned Nominatim answers by query, served through :class:`FakeAdapter`.

    ``answers`` maps a query (``q``) to the JSON list returned, or to an exception to raise.
    """

    def __init__(self, clock: FakeClock, answers: dict[str, Any] | None = None) -> None:
        self.clock = clock
        self.answers: dict[str, Any] = dict(answers or {})
        self.requests: list[dict[str, Any]] = []

    def factory(self, *, proxies: Any, ssl_context: Any) -> FakeAdapter:
        return FakeAdapter(self, proxies=proxies, ssl_context=ssl_context)

    def params(self, index: int = -1) -> dict[str, str]:
        """Query parameters of request ``index``, one value each."""
        query = parse_qs(urlsplit(self.requests[index]["url"]).query)
        return {key: values[0] for key, values in query.items()}


class FakeAdapter(BaseSyncAdapter):
    """A geopy adapter that records requests and answers from a :class:`FakeNominatim`."""

    def __init__(self, server: FakeNominatim, *, proxies: Any, ssl_context: Any) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.server = server

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        self.server.requests.append(
            {"url": url, "timeout": timeout, "headers": dict(headers), "at": self.server.clock.now}
        )
        query = parse_qs(urlsplit(url).query)["q"][0]
        answer = self.server.answers.get(query, [])
        if isinstance(answer, Exception):
            raise answer
        return json.loads(json.dumps(answer))  # a fresh copy, as if decoded from the wire

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        raise AssertionError("Nominatim is only asked for JSON")


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """A fake clock patched into geopy's RateLimiter, so no test sleeps for real."""
    import geopy.extra.rate_limiter as rate_limiter

    fake = FakeClock()
    monkeypatch.setattr(rate_limiter, "default_timer", fake.time)
    monkeypatch.setattr(rate_limiter, "sleep", fake.sleep)
    return fake


@pytest.fixture
def server(clock: FakeClock) -> FakeNominatim:
    return FakeNominatim(clock, {"dilijan": [DILIJAN], "tavush": [TAVUSH]})


@pytest.fixture
def make(
    server: FakeNominatim, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., OnlineGeocoder]:
    """Builds OnlineGeocoders talking to ``server`` with a cache under ``tmp_path``."""
    monkeypatch.delenv("DEPLOYMAP_USER_AGENT", raising=False)

    def build(**options: Any) -> OnlineGeocoder:
        options.setdefault("cache_dir", tmp_path / "cache")
        options.setdefault("adapter_factory", server.factory)
        return OnlineGeocoder(**options)

    return build


# --- the request ---------------------------------------------------------------------------


def test_request_goes_to_nominatim_search_with_deploymap_user_agent(make, server):
    make(timeout=7.5).lookup("Dilijan", country_codes=["AM", "az"])

    [request] = server.requests
    url = urlsplit(request["url"])
    assert (url.scheme, url.netloc, url.path) == ("https", "nominatim.openstreetmap.org", "/search")
    assert server.params() == {
        "q": "dilijan",
        "format": "json",
        "limit": "1",
        "polygon_geojson": "1",
        "accept-language": "en",
        "countrycodes": "am,az",
    }
    assert request["timeout"] == 7.5
    agent = request["headers"]["User-Agent"]
    assert agent.startswith("deploymap/")
    assert agent.endswith("(+https://github.com/deploymap/deploymap)")
    assert agent == default_user_agent()


def test_no_country_codes_means_no_countrycodes_parameter(make, server):
    make().lookup("Dilijan")
    assert "countrycodes" not in server.params()
    assert "addressdetails" not in server.params()


def test_user_agent_from_argument_then_environment(make, server, monkeypatch):
    monkeypatch.setenv("DEPLOYMAP_USER_AGENT", "deploymap-ci/2 (ops@example.org)")
    make().lookup("Dilijan")
    make(user_agent="analyst-tool/1 (me@example.org)").lookup("Tavush")
    assert [r["headers"]["User-Agent"] for r in server.requests] == [
        "deploymap-ci/2 (ops@example.org)",
        "analyst-tool/1 (me@example.org)",
    ]


def test_domain_selects_another_nominatim(make, server):
    make(domain="nominatim.example.org").lookup("Dilijan")
    assert urlsplit(server.requests[0]["url"]).netloc == "nominatim.example.org"


def test_sample_user_agent_rejected_by_geopy_is_bad_argument(make):
    with pytest.raises(BadArgument, match="user_agent"):
        make(user_agent="my-application").lookup("Dilijan")


# --- the answer ----------------------------------------------------------------------------


def test_point_answer_becomes_a_city_place(make):
    place = make().lookup("Dilijan")

    assert place is not None
    assert place.id == "osm:node/274628766"
    assert place.name == "Dilijan"
    assert place.kind == "city"
    assert place.geometry.geom_type == "Point"
    assert (place.geometry.x, place.geometry.y) == pytest.approx((44.8632, 40.741))
    assert place.names == {"en": ("Dilijan",)}
    assert place.country == ""
    assert place.source == SOURCE
    assert "online" in place.note
    assert place.matched == "dilijan"


def test_polygon_answer_becomes_a_province_place(make):
    place = make().lookup("Tavush")

    assert place is not None
    assert place.id == "osm:relation/1177264"
    assert place.name == "Tavush Province"
    assert place.kind == "province"
    assert place.geometry.geom_type == "Polygon"
    assert place.geometry.bounds == pytest.approx((44.6, 40.6, 45.6, 41.3))
    assert place.to_feature()["geometry"]["type"] == "Polygon"


@pytest.mark.parametrize(
    ("osm_class", "osm_type", "rank", "addresstype", "kind"),
    [
        ("boundary", "administrative", 4, "country", "country"),
        ("boundary", "administrative", 4, "other", "country"),
        ("boundary", "administrative", 8, "region", "province"),
        ("boundary", "administrative", 8, "state", "province"),
        ("aeroway", "aerodrome", 30, "aeroway", "airport"),
        ("landuse", "military", 22, "landuse", "base"),
        ("military", "barracks", 30, "military", "base"),
        ("natural", "water", 22, "water", "lake"),
        ("waterway", "river", 22, "river", "river"),
        ("place", "village", 19, "village", "city"),
        ("boundary", "administrative", 16, "town", "city"),
        ("amenity", "school", 30, "amenity", "city"),
    ],
)
def test_kind_from_osm_class_and_type(make, server, osm_class, osm_type, rank, addresstype, kind):
    changes = {"class": osm_class, "type": osm_type, "place_rank": rank, "addresstype": addresstype}
    server.answers["somewhere"] = [_record(**changes)]
    place = make().lookup("Somewhere")
    assert place is not None
    assert place.kind == kind


def test_answer_without_geojson_falls_back_to_lat_lon(make, server):
    server.answers["dilijan"] = [_record(geojson=None)]
    place = make().lookup("Dilijan")
    assert place is not None
    assert place.geometry.geom_type == "Point"
    assert (place.geometry.x, place.geometry.y) == pytest.approx((44.8632, 40.741))


def test_answer_without_coordinates_is_an_error_and_not_cached(make, server, tmp_path):
    server.answers["dilijan"] = [_record(geojson=None, lat=None, lon=None)]
    with pytest.raises(OnlineLookupError, match="'dilijan'"):
        make().lookup("Dilijan")
    assert not (tmp_path / "cache").exists()


def test_no_answer_is_none(make, server):
    assert make().lookup("Atlantis") is None
    assert server.params()["q"] == "atlantis"


# --- the cache -----------------------------------------------------------------------------


def test_same_name_in_other_case_and_spacing_is_a_cache_hit(make, server, clock):
    geocoder = make()
    first = geocoder.lookup("Dilijan")
    time_after_first = clock.now
    again = [geocoder.lookup(name) for name in ("Dilijan", "  DILIJAN ", "dilijan\t")]

    assert len(server.requests) == 1
    assert all(place == first for place in again)
    assert clock.now == time_after_first  # a cache hit waits for no rate limiter


def test_disk_cache_serves_a_new_geocoder_with_the_same_dir(make, server, tmp_path):
    make().lookup("Tavush")
    place = make().lookup("TAVUSH")

    assert len(server.requests) == 1
    assert place is not None
    assert place.geometry.geom_type == "Polygon"
    [cache_file] = (tmp_path / "cache").iterdir()
    assert len(cache_file.stem) == 64 and cache_file.suffix == ".json"
    assert json.loads(cache_file.read_text(encoding="utf-8"))["raw"] == TAVUSH


def test_not_found_is_cached_too(make, server):
    assert make().lookup("Atlantis") is None
    assert make().lookup("atlantis") is None
    assert len(server.requests) == 1


def test_country_codes_are_part_of_the_cache_key(make, server):
    geocoder = make()
    geocoder.lookup("Dilijan")
    geocoder.lookup("Dilijan", country_codes=["am"])
    geocoder.lookup("Dilijan", country_codes=["AM"])
    assert [p.get("countrycodes") for p in map(server.params, range(2))] == [None, "am"]
    assert len(server.requests) == 2


def test_cache_dir_defaults_to_environment(make, server, tmp_path, monkeypatch):
    monkeypatch.setenv("DEPLOYMAP_CACHE_DIR", str(tmp_path / "env-cache"))
    geocoder = OnlineGeocoder(adapter_factory=server.factory)
    assert geocoder.cache_dir == default_cache_dir() == tmp_path / "env-cache" / "nominatim"
    geocoder.lookup("Dilijan")
    assert len(list((tmp_path / "env-cache" / "nominatim").glob("*.json"))) == 1


def test_unreadable_cache_file_is_refetched_and_replaced(make, server, tmp_path):
    make().lookup("Dilijan")
    [cache_file] = (tmp_path / "cache").iterdir()
    cache_file.write_text("{not json", encoding="utf-8")

    place = make().lookup("Dilijan")

    assert place is not None and place.id == "osm:node/274628766"
    assert len(server.requests) == 2
    assert json.loads(cache_file.read_text(encoding="utf-8"))["raw"] == DILIJAN
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [cache_file.name]  # no temp left


# --- the rate limit ------------------------------------------------------------------------


@pytest.mark.parametrize("delay", [1.0, 2.5])
def test_rate_limiter_spaces_uncached_requests(make, server, clock, delay):
    geocoder = make(min_delay_seconds=delay)
    geocoder.lookup("Dilijan")
    geocoder.lookup("Tavush")
    geocoder.lookup("Atlantis")

    times = [request["at"] for request in server.requests]
    assert len(times) == 3
    assert all(later - earlier >= delay for earlier, later in itertools.pairwise(times))
    assert clock.sleeps == pytest.approx([delay, delay])


@pytest.mark.parametrize("delay", [0.0, 0.5, 0.999, float("nan"), float("inf")])
def test_min_delay_below_one_second_is_refused(delay, tmp_path):
    with pytest.raises(BadArgument, match="one request per second"):
        OnlineGeocoder(min_delay_seconds=delay, cache_dir=tmp_path)


@pytest.mark.parametrize("timeout", [0.0, -1.0, float("nan")])
def test_non_positive_timeout_is_refused(timeout, tmp_path):
    with pytest.raises(BadArgument, match="timeout"):
        OnlineGeocoder(timeout=timeout, cache_dir=tmp_path)


@pytest.mark.parametrize("codes", [["arm"], ["a"], ["1x"], [""]])
def test_malformed_country_code_is_refused(make, server, codes):
    with pytest.raises(BadArgument, match="alpha-2"):
        make().lookup("Dilijan", country_codes=codes)
    assert server.requests == []


def test_empty_name_is_refused(make, server):
    with pytest.raises(BadArgument):
        make().lookup("   ")
    assert server.requests == []


# --- failures ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (GeocoderTimedOut("Service timed out"), "in time"),
        (GeocoderUnavailable("Max retries exceeded"), "could not be reached"),
        (GeocoderRateLimited("Too Many Requests", retry_after=60), "wait 60 s"),
    ],
)
def test_service_errors_become_online_lookup_error(make, server, clock, error, words):
    server.answers["dilijan"] = error
    with pytest.raises(OnlineLookupError) as caught:
        make().lookup(" Dilijan ")

    message = str(caught.value)
    assert "'dilijan'" in message
    assert words in message
    assert "Retry later" in message and "offline" in message
    assert isinstance(caught.value, ConnectionError)
    # geopy's RateLimiter retries a service error once, after waiting 5 s (fake clock here).
    assert len(server.requests) == 2
    assert server.requests[1]["at"] - server.requests[0]["at"] >= 5.0


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (GeocoderInsufficientPrivileges("Non-successful status code 403"), "DEPLOYMAP_USER_AGENT"),
        (GeocoderServiceError("x" * 5000), "Nominatim failed: xxx"),
    ],
)
def test_other_service_errors_say_what_to_do_briefly(make, server, error, words):
    server.answers["dilijan"] = error
    with pytest.raises(OnlineLookupError) as caught:
        make().lookup("Dilijan")
    message = str(caught.value)
    assert words in message and "'dilijan'" in message
    assert len(message) < 400


def test_geopy_retry_warnings_do_not_fall_back_to_stderr(make, server):
    server.answers["dilijan"] = GeocoderUnavailable("network down")
    with pytest.raises(OnlineLookupError):
        make().lookup("Dilijan")
    handlers = logging.getLogger("geopy").handlers
    assert sum(isinstance(h, logging.NullHandler) for h in handlers) == 1


def test_failures_are_not_cached(make, server):
    server.answers["dilijan"] = GeocoderUnavailable("network down")
    geocoder = make()
    with pytest.raises(OnlineLookupError):
        geocoder.lookup("Dilijan")
    server.answers["dilijan"] = [DILIJAN]

    place = geocoder.lookup("Dilijan")

    assert place is not None and place.kind == "city"
    assert len(server.requests) == 3  # two failed tries, then the answer


def test_importing_the_module_does_not_import_geopy():
    code = "import sys, geo.gazetteer.online; print('geopy' in sys.modules)"
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert result.stdout.strip() == "False"


# --- wired into the gazetteer --------------------------------------------------------------


def test_gazetteer_asks_online_only_for_names_it_lacks(make, server, gazetteer, monkeypatch):
    server.answers["tsaghkunyats ridge"] = [_record(name="Tsaghkunyats Ridge",
                                                    display_name="Tsaghkunyats Ridge, Armenia")]
    monkeypatch.setattr(gazetteer, "online", make())

    assert gazetteer.resolve("Syunik").id == "AM-SU"
    assert server.requests == []  # known offline: no request

    place = gazetteer.resolve("Tsaghkunyats Ridge")
    assert place.source == SOURCE and place.name == "Tsaghkunyats Ridge"
    assert len(server.requests) == 1


def test_gazetteer_without_online_opens_no_socket(gazetteer, monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("a socket was opened without --online")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert gazetteer.online is None
    with pytest.raises(PlaceNotFound):
        gazetteer.resolve("Tsaghkunyats Ridge")
