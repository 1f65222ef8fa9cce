"""Shared fixtures: one gazetteer per test session (loading it takes about a second)."""

from __future__ import annotations

import pytest

from geo import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The offline gazetteer, story country Armenia."""
    return Gazetteer(country="AM")
