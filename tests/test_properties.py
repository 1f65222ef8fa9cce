"""Property-based tests: any input to the normaliser, the date reader and the scenario loader
ends in a result or in one of deploymap's own errors, never in another exception."""

from __future__ import annotations

import contextlib
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo import Gazetteer
from geo.dates import DateError, parse_date
from geo.errors import DeploymapError
from geo.normalize import normalize, skeleton, strip_generic
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


@given(st.dates(), st.sampled_from(["day", "month", "year"]))
def test_written_dates_read_back(day, precision: str) -> None:
    text = {"day": day.isoformat(), "month": f"{day.year:04d}-{day.month:02d}",
            "year": f"{day.year:04d}"}[precision]
    parsed = parse_date(text)
    assert parsed.precision == precision and parsed.earliest <= day <= parsed.latest


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
