"""Shared fixtures: one gazetteer, one seed timeline and one Chromium per test session.

Tests that use the ``browser`` fixture are marked ``browser`` (``pytest -m "not browser"``
runs the rest without Chromium); without Chromium or Playwright they fail, never skip.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest

# The session's own cache folder (children inherit it): tests never read or fill the user's
# ~/.cache/deploymap, and the first test that needs an entry makes it, as on a new machine.
if not os.environ.get("DEPLOYMAP_TEST_KEEP_CACHE"):
    os.environ["DEPLOYMAP_CACHE_DIR"] = tempfile.mkdtemp(prefix="deploymap-test-cache-")

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


#: Flags that keep Debian's Chromium quiet on a machine with no network.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium (``apt-get install chromium``) driven by Playwright, headless."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is not installed: pip install playwright (the tests drive the "
                    "system Chromium; never run `playwright install`)", pytrace=False)
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Chromium is not installed: apt-get update && apt-get install -y chromium "
                    "(scripts/test installs it)", pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_map(browser: Any) -> Iterator[Any]:
    """Opens a map file in a new page: ``open_map(path, viewport=..., fragment="#day=...")``
    (see ``browser_pages.Page``)."""
    from browser_pages import page_opener

    yield from page_opener(browser)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The session's cache folder goes with the session (each run had left one in /tmp)."""
    folder = os.environ.get("DEPLOYMAP_CACHE_DIR", "")
    if not os.environ.get("DEPLOYMAP_TEST_KEEP_CACHE") and os.path.basename(
            folder).startswith("deploymap-test-cache-"):
        shutil.rmtree(folder, ignore_errors=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs Chromium (its fixtures include ``browser``)."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def gazetteer_for():
    """Gazetteers by story country, each made once: ``gazetteer_for("NE")``."""
    made: dict[str, Gazetteer] = {}

    def get(country: str) -> Gazetteer:
        if country not in made:
            made[country] = Gazetteer(country=country)
        return made[country]

    return get
