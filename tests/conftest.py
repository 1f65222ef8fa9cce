"""Shared fixtures: one gazetteer and one seed timeline per test session."""

from __future__ import annotations

import datetime as dt

import pytest

from geo import Gazetteer
from geo.timeline import Timeline


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The offline gazetteer, story country Armenia."""
    return Gazetteer(country="AM")


@pytest.fixture(scope="session")
def timeline(gazetteer: Gazetteer) -> Timeline:
    """The shipped seed scenario's timeline."""
    return Timeline.load(gazetteer=gazetteer)


@pytest.fixture(scope="session")
def days(timeline: Timeline) -> dict[str, dt.date]:
    """The seed scenario's views as keyword arguments: ``before=..., after=...``."""
    return {"before": timeline.view("before"), "after": timeline.view("after")}
