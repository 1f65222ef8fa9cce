"""Property-based tests: any input to the normaliser, the date reader and the scenario loader
ends in a result or in one of deploymap's own errors, never in another exception."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo import Gazetteer
from geo.dates import FIRST_YEAR, LAST_YEAR, DateError, parse_date
from geo.errors import DeploymapError
from geo.extract import extract_articles
from geo.extract.article_dates import find_dates
from geo.gazetteer.normalize import normalize, skeleton, strip_generic
from geo.gazetteer.user_places import load_places
from geo.scenario import load_scenario

TEXT = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FFFF), max_size=60)


@given(TEXT)
def test_normalize_is_idempotent_and_clean(text: str) -> None:
    key = normalize(text)
    assert normalize(key) == key
    assert key == key.strip() and "  " not in key
    assert key == key.casefold()
    stripped, hint = strip_generic(key)
    assert isinstance(stripped, str) and (hint is None or isinstance(hint, str))
    assert isinstance(skeleton(stripped), str)


@given(st.one_of(TEXT, st.integers(), st.floats(), st.none(), st.booleans(),
                 st.dictionaries(st.sampled_from(["earliest", "latest", "text", "x"]),
                                 st.one_of(TEXT, st.integers()), max_size=4)))
def test_parse_date_returns_or_raises_date_error(value: object) -> None:
    try:
        parsed = parse_date(value)
    except DateError:
        return
    assert parsed.earliest <= parsed.latest


def _written(day: dt.date, precision: str) -> str:
    return {"day": day.isoformat(), "month": f"{day.year:04d}-{day.month:02d}",
            "year": f"{day.year:04d}"}[precision]


@given(st.dates(dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)),
       st.sampled_from(["day", "month", "year"]))
def test_written_dates_read_back(day, precision: str) -> None:
    parsed = parse_date(_written(day, precision))
    assert parsed.precision == precision and parsed.earliest <= day <= parsed.latest


@given(st.dates().filter(lambda d: not FIRST_YEAR <= d.year <= LAST_YEAR),
       st.sampled_from(["day", "month", "year"]))
def test_dates_outside_the_years_are_refused(day, precision: str) -> None:
    with pytest.raises(DateError, match="outside the years"):
        parse_date(_written(day, precision))


YAML_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), TEXT),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.sampled_from(
                                   ["id", "force", "place", "start", "end", "citations",
                                    "source", "quote", "forces", "sources", "presences",
                                    "views", "before", "after", "name", "en", "type",
                                    "country", "title", "outlet", "language", "published",
                                    "file", "location_precision", "geometry", "label"]),
                                   children, max_size=6)),
    max_leaves=25,
)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(YAML_VALUES)
def test_scenario_loader_only_raises_its_own_errors(tmp_path: Path, gazetteer: Gazetteer,
                                                    document: object) -> None:
    path = tmp_path / "story.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    with contextlib.suppress(DeploymapError):
        load_scenario(path, gazetteer=gazetteer)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_scenario_loader_on_arbitrary_bytes(tmp_path: Path, gazetteer: Gazetteer,
                                            data: bytes) -> None:
    path = tmp_path / "story.yaml"
    path.write_bytes(data)
    with contextlib.suppress(DeploymapError):
        load_scenario(path, gazetteer=gazetteer)


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT)
def test_resolve_only_raises_its_own_errors(gazetteer: Gazetteer, name: str) -> None:
    try:
        place = gazetteer.resolve(name)
    except DeploymapError:
        return
    assert place.id in gazetteer.places or place.parts


# --- the date reader of geo.extract: dates as articles write them ---------------------------

DATE_WORDS = st.sampled_from([
    "yesterday", "today", "tomorrow", "last week", "this week", "next month", "last month",
    "earlier this month", "last year", "next year", "this year", "hôm qua", "ngày mai",
    "tuần trước", "tháng trước", "tháng tới", "năm ngoái", "năm tới", "năm nay",
    "on Thursday", "hôm thứ Năm", "from Aug. 1", "until May 31", "February 30", "Feb. 29",
    "30/2", "31/4/2024", "29/2/2023", "9/5", "ngày 30 tháng 2", "ngày 31 tháng 12 năm 1999",
    "tháng 13", "tháng 2/2024", "tháng 9 năm ngoái", "mùa thu năm 2020", "autumn 2020",
    "winter 1999", "winter last year", "the early 1990s", "những năm 2000", "cuối những năm 1990",
    "early May", "mid-February", "late December", "đầu tháng trước", "in September",
    "since 1992", "2024", "May 9, 2024", "9 May 2024", "December of 1899", "by 2099",
    "will", "from", "until", "after", "on", ",", ".", " ", "\n",
])
ARTICLE_TEXT = st.lists(st.one_of(DATE_WORDS, TEXT), max_size=12).map(" ".join)
REFERENCE = st.one_of(st.none(), st.dates(), st.sampled_from(
    [dt.date.min, dt.date.max, dt.date(1, 1, 7), dt.date(9999, 12, 25), dt.date(2024, 2, 29)]))


@settings(max_examples=300, deadline=None)
@given(ARTICLE_TEXT, REFERENCE, st.booleans())
def test_article_dates_resolve_to_spans_or_nothing(text: str, reference, forward: bool) -> None:
    mentions = find_dates(text)
    ends = [0]
    for mention in mentions:
        assert mention.start >= ends[-1] and text[mention.start:mention.end] == mention.text
        ends.append(mention.end)
        date = mention.resolve(reference, forward=forward)
        assert date is None or date.earliest <= date.latest


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ARTICLE_TEXT, st.one_of(st.none(), st.dates(), st.sampled_from(
    [dt.date.min, dt.date.max, dt.date(1800, 1, 1), dt.date(2200, 12, 31)])))
def test_extract_only_raises_its_own_errors(tmp_path: Path, gazetteer: Gazetteer, text: str,
                                            published) -> None:
    path = tmp_path / "article.txt"
    text = "Russian border guards will leave Syunik. " + text  # lone surrogates: not UTF-8
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    with contextlib.suppress(DeploymapError):
        draft = extract_articles([path], published={"*": published} if published else None,
                                 gazetteer=gazetteer)
        for record in draft.records:
            for date in (record.start, record.end):
                assert date is None or date.earliest <= date.latest


# --- user boundary files (--places) --------------------------------------------------------

JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), TEXT),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(
        st.sampled_from(["type", "features", "properties", "geometry", "coordinates", "name",
                         "kind", "id", "names_vi", "country", "crs", "geometries"]),
        children, max_size=5)),
    max_leaves=30,
)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(JSON_VALUES, st.builds(
    lambda features: {"type": "FeatureCollection", "features": features},
    st.lists(st.builds(lambda properties, geometry: {"type": "Feature", "properties":
                                                     properties, "geometry": geometry},
                       JSON_VALUES, JSON_VALUES), max_size=3))))
def test_places_loader_only_raises_its_own_errors(tmp_path: Path, document: object) -> None:
    path = tmp_path / "places.geojson"
    path.write_text(json.dumps(document), encoding="utf-8")
    with contextlib.suppress(DeploymapError):
        for place in load_places(path):
            assert place.geometry.is_valid and place.name and place.kind
